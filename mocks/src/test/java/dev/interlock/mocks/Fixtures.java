package dev.interlock.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.LoadResult;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.OpenApiContract;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Loading fixtures, corpus and bundled contracts for the tests. */
final class Fixtures {

  private Fixtures() {}

  static Path resource(String name) {
    try {
      return Paths.get(Fixtures.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }

  static OpenApiContract fixture(String name) {
    Path file = resource(name);
    return load(file, file.getParent().getParent());
  }

  static OpenApiContract load(Path file, Path root) {
    LoadResult result = new ContractLoader(LoadOptions.forRoot(root)).load(file);
    assertThat(result.hasErrors())
        .as(() -> new DiagnosticRenderer(root).render(result.diagnostics()))
        .isFalse();
    return (OpenApiContract) result.contract().orElseThrow();
  }

  static AsyncApiContract loadAsync(Path file, Path root) {
    LoadResult result = new ContractLoader(LoadOptions.forRoot(root)).load(file);
    assertThat(result.hasErrors())
        .as(() -> new DiagnosticRenderer(root).render(result.diagnostics()))
        .isFalse();
    return (AsyncApiContract) result.contract().orElseThrow();
  }

  /** Loads a contract, or empty when it has errors (the caller decides what that means). */
  static Optional<OpenApiContract> tryLoad(Path file, Path root) {
    LoadResult result = new ContractLoader(LoadOptions.forRoot(root)).load(file);
    if (result.hasErrors() || result.contract().isEmpty()) {
      return Optional.empty();
    }
    return result.contract().map(OpenApiContract.class::cast);
  }

  /** The shared corpus folder, or the test is skipped with a message. */
  static Path corpus() {
    String p = System.getProperty("interlock.corpus");
    Assumptions.assumeTrue(
        p != null && Files.isDirectory(Path.of(p, "openapi")),
        "corpus not found (system property interlock.corpus=" + p + "); skipping");
    return Path.of(p, "openapi");
  }

  /** The bundled contracts folder, or the test is skipped with a message. */
  static Path contracts() {
    String p = System.getProperty("interlock.root");
    Assumptions.assumeTrue(
        p != null && Files.isDirectory(Path.of(p, "contracts", "openapi")),
        "bundled contracts not found under interlock.root=" + p + "; skipping");
    return Path.of(p, "contracts");
  }

  /** The bundled contracts as the sandboxes they make, or the test is skipped with a message. */
  static SandboxFleet bundledFleet() {
    Path dir = contracts();
    return SandboxFleet.of(new ContractLoader(LoadOptions.forRoot(dir)).loadAll(List.of(dir)));
  }
}
