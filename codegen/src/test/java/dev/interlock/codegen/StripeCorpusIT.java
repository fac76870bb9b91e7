package dev.interlock.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Generates and compiles the typed client for the corpus's Stripe spec (4 MB, ~1000 schemas, 1,700
 * Java files) and reports the times. About a minute, so {@code -Dinterlock.stripe=false} skips it;
 * skipped when the corpus is absent.
 */
class StripeCorpusIT {

  @Test
  void generatesAndCompilesTheStripeClient() throws Exception {
    assumeTrue(!"false".equals(System.getProperty("interlock.stripe")), "-Dinterlock.stripe=false");
    Path corpus = Path.of(System.getProperty("interlock.corpus", "../../shared/corpus"));
    Path stripe = corpus.resolve("openapi/stripe");
    assumeTrue(Files.isDirectory(stripe), "no Stripe spec in the corpus at " + stripe);
    Path out = Path.of("target/stripe/src");
    CodegenReport report =
        Codegen.run(
            new CodegenOptions(
                stripe,
                out,
                Path.of("target/stripe/work"),
                EnumSet.of(CodegenOptions.Target.CLIENTS),
                true));
    System.out.print(report.render(corpus));
    List<CodegenReport.Unit> units =
        report.units().stream()
            .filter(
                u ->
                    u.contract().startsWith(stripe.toAbsolutePath())
                        || u.contract().toString().contains("stripe"))
            .toList();
    assertThat(units).isNotEmpty().allSatisfy(u -> assertThat(u.problem()).isNull());
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(out)) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path classes = Files.createDirectories(Path.of("target/stripe/classes"));
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-nowarn",
                "-Xlint:none",
                "-proc:none",
                "-J-Xmx1g",
                "-cp",
                System.getProperty("java.class.path")));
    args.removeIf(a -> a.startsWith("-J"));
    args.addAll(files);
    long t0 = System.nanoTime();
    int rc = javac.run(null, null, null, args.toArray(String[]::new));
    System.out.printf(
        "stripe: %d Java files compiled in %d ms (rc %d)%n",
        files.size(), (System.nanoTime() - t0) / 1_000_000, rc);
    assertThat(rc).isZero();
  }
}
