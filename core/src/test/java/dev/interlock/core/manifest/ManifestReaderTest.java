package dev.interlock.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Fixtures;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.document.SourceDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

  @Test
  void theBundledManifestDescribesVendorsVersionsAndTheAdapter() {
    Path file = Fixtures.bundledContracts().resolve("interlock.yaml");
    List<Diagnostic> out = new ArrayList<>();

    Manifest manifest = new ManifestReader().read(read(file), out).orElseThrow();

    assertThat(out).isEmpty();
    assertThat(manifest.vendors())
        .containsKeys("payments", "accounting", "fulfilment", "storefront");
    assertThat(manifest.vendors().get("fulfilment").versions().get("v1").isDeprecated()).isTrue();
    assertThat(manifest.vendors().get("fulfilment").versions().get("v1").sunset()).isPresent();
    assertThat(manifest.adapters().get("order-sync").uses()).containsEntry("fulfilment", "v2");
    assertThat(manifest.vendors().get("payments").auth().settings().get("credential"))
        .startsWith("env:");
  }

  @Test
  void schemaViolationsAreLocated(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("interlock.yaml");
    Files.writeString(
        file,
        """
        interlock: 1
        vendors:
          payments:
            auth: {type: bearer, credential: sk_live_inclear}
            versions:
              v1: {contract: openapi/payments/v1.yaml, status: alive}
        """);
    List<Diagnostic> out = new ArrayList<>();

    assertThat(new ManifestReader().read(read(file), out)).isEmpty();

    assertThat(out)
        .extracting(d -> d.location().line() + ":" + d.location().pointer())
        .contains(
            "4:#/vendors/payments/auth/credential", "6:#/vendors/payments/versions/v1/status");
  }

  @Test
  void aVersionWhoseContractFileIsMissingIsReported(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("interlock.yaml");
    Files.writeString(
        file, "interlock: 1\nvendors:\n  p:\n    versions:\n      v1: {contract: nowhere.yaml}\n");
    List<Diagnostic> out = new ArrayList<>();

    new ManifestReader().read(read(file), out);

    assertThat(out)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("contract.manifest.missing-file");
              assertThat(d.location().line()).isEqualTo(5);
            });
  }

  private static SourceDocument read(Path file) {
    return new DocumentReader().read(file).document().orElseThrow();
  }
}
