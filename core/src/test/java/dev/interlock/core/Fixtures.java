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

  /**
   * A folder or file under core's {@code src/test/resources}. Other modules see these fixtures
   * inside core's test-jar, where they are no files; they are then read from the source tree.
   */
  public static Path resource(String name) {
    var url = Fixtures.class.getResource("/" + name);
    if (url != null && url.getProtocol().equals("file")) {
      try {
        return Path.of(url.toURI());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(e);
      }
    }
    Path inSources = repositoryRoot().resolve("core/src/test/resources").resolve(name);
    if (!Files.exists(inSources)) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    return inSources;
  }

  /** The repository root (the Maven reactor's folder). */
  public static Path repositoryRoot() {
    String root = System.getProperty("interlock.root");
    return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
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

  /**
   * The shared labelled diff pairs ({@code ../shared/diff-oracle}, beside the corpus); the test is
   * skipped with a message when they are absent.
   */
  public static Path diffOracle(String relative) {
    Path p = corpus("").getParent().resolve("diff-oracle").resolve(relative).normalize();
    assumeTrue(Files.exists(p), "diff oracle not found at " + p + "; skipping");
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
