package dev.interlock.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.interlock.core.contract.OpenApiContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Stripe's 4 MB spec with circular $refs, loaded twice and diffed against itself. */
class StripeSelfDiffTest {

  @Test
  void stripeAgainstItselfHasNoChangesAndIsFast() throws IOException {
    String corpus = System.getProperty("interlock.corpus");
    assumeTrue(corpus != null, "interlock.corpus is not set");
    Path dir = Path.of(corpus, "openapi", "stripe");
    assumeTrue(Files.isDirectory(dir), "no Stripe spec in the corpus");
    Path spec;
    try (Stream<Path> files = Files.list(dir)) {
      spec = files.filter(f -> f.toString().endsWith(".yaml")).findFirst().orElse(null);
    }
    assumeTrue(spec != null, "no Stripe spec in the corpus");

    OpenApiContract a = (OpenApiContract) Specs.loader(dir).load(spec).contract().orElseThrow();
    OpenApiContract b = (OpenApiContract) Specs.loader(dir).load(spec).contract().orElseThrow();
    long start = System.nanoTime();
    DiffReport report = OpenApiDiff.compare(a, b);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "Stripe self-diff: %d operations, %d changes, %d ms%n",
        a.operations().size(), report.changes().size(), millis);

    assertThat(report.changes()).isEmpty();
    assertThat(millis).isLessThan(20_000);
  }
}
