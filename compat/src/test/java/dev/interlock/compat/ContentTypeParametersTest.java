package dev.interlock.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Content-Type matches a media type of the contract when the types agree and every parameter both
 * name has the same value ({@code application/json; charset=utf-8} is {@code application/json}); a
 * parameter only one side names does not matter.
 */
class ContentTypeParametersTest {

  private static CompatReport report;

  @BeforeAll
  static void check() {
    PactContract pact =
        Contracts.load(Contracts.fixtures(), "pact/v3/content-type-parameters.json");
    OpenApiContract spec =
        Contracts.load(Contracts.fixtures(), "openapi/3.0/content-type-parameters.yaml");
    report = PactSpecCompatibility.check(pact, spec);
  }

  private static List<String> codes(int interaction) {
    return report.mismatches().stream()
        .filter(m -> m.interaction().index() == interaction)
        .map(Mismatch::code)
        .toList();
  }

  @Test
  void aContentTypeWithoutTheContractsCharsetMatches() {
    assertThat(codes(0)).isEmpty();
  }

  @Test
  void theSameCharsetMatchesWhateverItsCaseAndQuoting() {
    assertThat(codes(1)).isEmpty();
  }

  @Test
  void anotherCharsetIsNotOneTheContractAcceptsOrProduces() {
    assertThat(codes(2))
        .containsExactly(
            MismatchCodes.REQUEST_CONTENT_TYPE_UNSUPPORTED,
            MismatchCodes.RESPONSE_CONTENT_TYPE_UNSUPPORTED);
  }
}
