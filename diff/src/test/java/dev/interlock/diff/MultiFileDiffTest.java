package dev.interlock.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.interlock.core.contract.OpenApiContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A contract split across files and its bundled twin are the same contract: diff must see the same
 * model through both (WireMock's admin API, published in both forms).
 */
class MultiFileDiffTest {

  @Test
  void wiremockAdminApiMultiFileAgainstItsBundledTwinHasNoChanges() {
    String corpus = System.getProperty("interlock.corpus");
    assumeTrue(corpus != null, "interlock.corpus is not set");
    Path dir = Path.of(corpus, "openapi", "wiremock-admin-api");
    Path multi = dir.resolve("multi-file/wiremock-admin-api.yaml");
    Path bundled = dir.resolve("bundled/wiremock-admin-api.json");
    assumeTrue(Files.isRegularFile(multi), "no WireMock admin API in the corpus");

    OpenApiContract a = Specs.openApi(multi);
    OpenApiContract b = Specs.openApi(bundled);
    DiffReport there = OpenApiDiff.compare(a, b);
    DiffReport back = OpenApiDiff.compare(b, a);

    assertThat(a.operations()).hasSameSizeAs(b.operations());
    assertThat(a.model().getComponents().getSchemas())
        .containsKeys("stub-mapping", "request-pattern", "dateTimeExpression");
    assertThat(there.changes()).isEmpty();
    assertThat(back.changes()).isEmpty();
  }
}
