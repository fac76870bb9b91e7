package dev.interlock.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.OpenApiContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document is refused only when it cannot be understood; structural defects are located warnings
 * for everyone but a strict load (lint), where they are errors.
 */
class TolerantLoadingTest {

  private final Path fixtures = Fixtures.resource("openapi");
  private final Path defects = fixtures.resolve("3.0/structural-defects.yaml");

  @Test
  void structuralDefectsAreLocatedWarningsAndTheContractLoads() {
    LoadResult result = new ContractLoader(LoadOptions.forRoot(fixtures)).load(defects);

    OpenApiContract contract = (OpenApiContract) result.contract().orElseThrow();
    assertThat(contract.operations()).hasSize(2);
    assertThat(result.hasErrors()).isFalse();
    assertThat(Diagnostics.anyUnusableInput(result.diagnostics())).isFalse();
    List<Diagnostic> structure =
        result.diagnostics().stream()
            .filter(d -> d.code().equals("contract.openapi.structure"))
            .toList();
    assertThat(structure)
        .allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING))
        .extracting(d -> d.location().pointer().toString() + " @" + d.location().line())
        .contains(
            "#/paths/~1orders~1{id}/get/responses/200/description @8",
            "#/paths/~1orders~1{id}/post/responses @12",
            "#/components/securitySchemes/basicAuth/scheme @18",
            "#/paths/~1orders~1{id}/post/requestBody/content/schema/type @15",
            "#/paths/~1orders~1{id} @5");
  }

  @Test
  void aStrictLoadReportsTheSameDefectsAsErrors() {
    LoadResult tolerant = new ContractLoader(LoadOptions.forRoot(fixtures)).load(defects);
    LoadResult strict =
        new ContractLoader(LoadOptions.forRoot(fixtures).withStrict(true)).load(defects);

    assertThat(strict.contract()).isPresent();
    assertThat(strict.diagnostics())
        .filteredOn(d -> d.code().equals("contract.openapi.structure"))
        .hasSameSizeAs(
            tolerant.diagnostics().stream()
                .filter(d -> d.code().equals("contract.openapi.structure"))
                .toList())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
  }

  @Test
  void aVersionWithoutPatchNumberIsUnderstood() {
    LoadResult result = new ContractLoader(LoadOptions.forRoot(fixtures)).load(defects);

    assertThat(result.diagnostics())
        .noneMatch(d -> d.message().contains("version"))
        .noneMatch(d -> d.code().startsWith("contract.version"));
  }

  @Test
  void anUnknownMajorVersionIsStillRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("four.yaml");
    Files.writeString(file, "openapi: 4.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n");

    LoadResult result = new ContractLoader(LoadOptions.forRoot(dir)).load(file);

    assertThat(result.contract()).isEmpty();
    assertThat(Diagnostics.anyUnusableInput(result.diagnostics())).isTrue();
  }

  @Test
  void aComponentsRefWithoutItsSlashIsLocatedWithWhatWasMeant(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("slash.yaml");
    Files.writeString(
        file,
        """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            Order:
              $ref: '#components/schemas/Item'
            Item: {type: string}
        """);

    LoadResult result = new ContractLoader(LoadOptions.forRoot(dir)).load(file);

    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("contract.ref.unresolved");
              assertThat(d.location().line()).isEqualTo(7);
              assertThat(d.location().pointer()).hasToString("#/components/schemas/Order/$ref");
              assertThat(d.hint()).isEqualTo("did you mean '#/components/schemas/Item'?");
            });
  }
}
