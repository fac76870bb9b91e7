package dev.interlock.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 1,000 valid interactions against the Stripe contract (4 MB): all pass, and fast. */
class StripeScaleTest {

  @Test
  void checksAThousandInteractionsAgainstStripeInSeconds(@TempDir Path tmp) throws IOException {
    Path dir =
        Path.of(System.getProperty("interlock.corpus", "../../shared/corpus"), "openapi", "stripe");
    assumeTrue(Files.isDirectory(dir), "corpus absent");
    Path specFile;
    try (Stream<Path> files = Files.list(dir)) {
      specFile = files.filter(f -> f.toString().endsWith(".yaml")).findFirst().orElse(null);
    }
    assumeTrue(specFile != null, "stripe spec absent");
    long t0 = System.nanoTime();
    OpenApiContract spec = Contracts.load(dir, specFile.getFileName().toString());
    long loaded = System.nanoTime();

    SyntheticPacts.writeGets(spec, "stripe", 1000, tmp.resolve("scale-stripe.json"));
    PactContract pactContract = Contracts.load(tmp, "scale-stripe.json");

    long start = System.nanoTime();
    CompatReport report = PactSpecCompatibility.check(pactContract, spec);
    long end = System.nanoTime();

    System.out.printf(
        "stripe: spec load %d ms; 1000 interactions checked in %d ms (%d mismatches)%n",
        (loaded - t0) / 1_000_000, (end - start) / 1_000_000, report.mismatches().size());
    assertThat(report.errors())
        .as(
            () ->
                CompatRenderer.relativeToWorkingDirectory()
                    .text(report.errors().stream().limit(5).toList()))
        .isEmpty();
    assertThat(report.toCheckResults()).hasSize(2000);
    // Target: under 10 s (measured 4.2 s on 2 busy cores); the assertion leaves room for slow CI.
    long ms = (end - start) / 1_000_000;
    assertThat(ms).as("1,000 Stripe interactions checked in %d ms", ms).isLessThan(30_000);
  }
}
