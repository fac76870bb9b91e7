package dev.interlock.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Swagger 2.0 contract without {@code produces} still describes JSON response bodies (the
 * specification's default), so pacts' response bodies are validated against its schemas.
 */
class SwaggerWithoutProducesTest {

  private static CompatReport check() {
    PactContract pact = Contracts.load(Contracts.fixtures(), "pact/v3/no-produces.json");
    OpenApiContract spec = Contracts.load(Contracts.fixtures(), "openapi/2.0/no-produces.yaml");
    return PactSpecCompatibility.check(pact, spec);
  }

  private static List<String> codes(CompatReport report, int interaction) {
    return report.mismatches().stream()
        .filter(m -> m.interaction().index() == interaction)
        .map(Mismatch::code)
        .toList();
  }

  @Test
  void aResponseBodyTheSchemaAllowsPasses() {
    assertThat(codes(check(), 0)).isEmpty();
  }

  @Test
  void aResponseBodyTheSchemaForbidsFailsAsInvalid() {
    assertThat(codes(check(), 1)).containsExactly(MismatchCodes.RESPONSE_BODY_INVALID);
  }
}
