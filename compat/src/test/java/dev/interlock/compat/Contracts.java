package dev.interlock.compat;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.LoadResult;
import dev.interlock.core.contract.Contract;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Loads contracts for the compat tests: the bundled ones and the fixtures. */
final class Contracts {

  private Contracts() {}

  static Path repoRoot() {
    return Path.of(System.getProperty("interlock.root", "..")).toAbsolutePath().normalize();
  }

  static Path bundled() {
    return repoRoot().resolve("contracts");
  }

  static Path fixtures() {
    try {
      return Path.of(Contracts.class.getResource("/compat").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static <T extends Contract> T load(Path root, String relative) {
    LoadResult r = new ContractLoader(LoadOptions.forRoot(root)).load(root.resolve(relative));
    if (r.contract().isEmpty()) {
      throw new IllegalStateException("cannot load " + relative + ": " + r.diagnostics());
    }
    return (T) r.contract().get();
  }
}
