package dev.interlock.verifiers.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.Fixtures;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.LoadResult;
import dev.interlock.core.contract.OpenApiContract;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Loading the contracts the conformance tests walk: this module's fixtures, corpus, bundled. */
final class Contracts {

  private Contracts() {}

  /** A fixture under this module's {@code src/test/resources}, loaded without errors. */
  static OpenApiContract fixture(String name) {
    Path file;
    try {
      file = Path.of(Contracts.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
    return load(file, file.getParent().getParent());
  }

  static OpenApiContract load(Path file, Path root) {
    LoadResult result = new ContractLoader(LoadOptions.forRoot(root)).load(file);
    assertThat(result.hasErrors())
        .as(() -> new DiagnosticRenderer(root).render(result.diagnostics()))
        .isFalse();
    return (OpenApiContract) result.contract().orElseThrow();
  }

  /** The corpus's OpenAPI folder, or the test is skipped with a message. */
  static Path corpus() {
    return Fixtures.corpus("openapi");
  }

  /** The repository's bundled contracts. */
  static Path contracts() {
    return Fixtures.bundledContracts();
  }
}
