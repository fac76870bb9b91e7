package dev.interlock.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.document.ReadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per shape of bad input: each is reported as diagnostics (never an exception, never a
 * hang), pinned by a golden rendering in {@code invalid/NAME.expected.txt}. Regenerate the golden
 * files with {@code -Dinterlock.golden.update=true} and review the diff.
 */
class BadInputGoldenTest {

  private static final Path INVALID = Fixtures.resource("invalid");

  static Stream<String> badInputs() throws IOException {
    try (Stream<Path> files = Files.list(INVALID)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".expected.txt"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  // a guard against a hang (a YAML bomb that is expanded instead of refused), not a speed test:
  // the first case also loads the parser's classes, which took over 20 s on a machine at load 29
  @Timeout(60)
  void badInputIsReportedAsLocatedDiagnostics(String name) throws IOException {
    ContractLoader loader = new ContractLoader(LoadOptions.forRoot(INVALID));

    LoadResult result = loader.load(INVALID.resolve(name));

    assertThat(result.diagnostics()).as("diagnostics of " + name).isNotEmpty();
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.diagnostics()).allSatisfy(d -> assertThat(d.location().file()).isNotNull());
    assertGolden(name, new DiagnosticRenderer(INVALID).render(result.diagnostics()));
  }

  @Test
  void fileOverTheSizeLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "openapi: 3.0.3\n" + "# padding\n".repeat(500));
    ContractLoader loader =
        new ContractLoader(
            LoadOptions.forRoot(dir).withLimits(ReadLimits.defaults().withMaxFileBytes(1024)));

    LoadResult result = loader.load(big);

    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("contract.file.too-large");
              assertThat(d.expected()).isEqualTo("at most 1024 bytes");
              assertThat(d.actual()).isEqualTo(Files.size(big) + " bytes");
            });
  }

  @Test
  void remoteRefsAreAcceptedWhenExplicitlyAllowed() {
    ContractLoader loader = new ContractLoader(LoadOptions.forRoot(INVALID).withRemoteRefs(true));

    LoadResult result = loader.load(INVALID.resolve("remote-ref.yaml"));

    assertThat(result.diagnostics()).noneMatch(d -> d.code().equals("contract.ref.remote"));
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path golden = goldenSource(name);
    if (Boolean.getBoolean("interlock.golden.update") || !Files.exists(golden)) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  /** The golden file in src/test/resources, so an update lands in the source tree. */
  private static Path goldenSource(String name) {
    Path inTarget = INVALID.resolve(name + ".expected.txt");
    Path module = INVALID.getParent().getParent().getParent();
    Path source = module.resolve("src/test/resources/invalid").resolve(name + ".expected.txt");
    return Files.isDirectory(source.getParent()) ? source : inTarget;
  }
}
