package dev.interlock.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where test fixtures, the shared corpus and the bundled contracts are. Shared via the test-jar.
 */
public final class Fixtures {

  private Fixtures() {}

  /** A folder or file under this module's {@code src/test/resources}. */
  public static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource " + name, e);
    }
  }

  /**
   * The shared third-party corpus ({@code ../shared/corpus}); the test is skipped with a message
   * when it is absent.
   */
  public static Path corpus(String relative) {
    String configured = System.getProperty("interlock.corpus");
    Path root = configured != null ? Path.of(configured) : Path.of("../shared/corpus");
    Path p = root.resolve(relative).normalize();
    assumeTrue(
        Files.exists(p),
        "shared corpus not found at "
            + p
            + " (it lives in ../shared/corpus beside the checkout); skipping");
    return p;
  }

  /** The repository's bundled {@code contracts/} folder. */
  public static Path bundledContracts() {
    String root = System.getProperty("interlock.root");
    Path p =
        (root != null ? Path.of(root) : Path.of(".."))
            .resolve("contracts")
            .toAbsolutePath()
            .normalize();
    assumeTrue(Files.isDirectory(p), "bundled contracts not found at " + p);
    return p;
  }
}
