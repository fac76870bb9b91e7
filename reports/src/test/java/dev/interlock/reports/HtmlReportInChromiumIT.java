package dev.interlock.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium (Debian package {@code chromium}): no console errors
 * (CSP violations included), the visible text has the verdict, vendors and seed, and a screenshot
 * is produced. Skips when {@code /usr/bin/chromium} is absent.
 */
class HtmlReportInChromiumIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir static Path dir;
  static Path report;

  @BeforeAll
  static void writeReport() {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "headless Chromium test skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)");
    new HtmlReportWriter(RunFixtures.OPTIONS).write(RunFixtures.typical(), dir);
    report = dir.resolve(HtmlReportWriter.FILE);
  }

  private static Result chromium(String... extra) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1280,2000"));
    command.addAll(List.of(extra));
    command.add(report.toUri().toString());
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(err));
    }
    return new Result(p.exitValue(), read(out), read(err));
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }

  private record Result(int exit, String out, String err) {}

  @Test
  void rendersWithoutConsoleErrorsAndShowsTheVerdictVendorsAndSeed() throws Exception {
    Result r = chromium("--enable-logging=stderr", "--v=0", "--dump-dom");

    assertThat(r.exit()).as(r.err()).isZero();
    List<String> consoleProblems =
        r.err()
            .lines()
            .filter(
                l ->
                    l.contains("CONSOLE")
                        || l.contains("Content Security Policy")
                        || l.contains("Uncaught"))
            .toList();
    assertThat(consoleProblems).as("console output of the report").isEmpty();
    assertThat(r.out())
        .contains("id=\"verdict\">FAILED</span>")
        .contains("<th scope=\"row\">payments</th>")
        .contains("<th scope=\"row\">fulfilment</th>")
        .contains("<code id=\"seed\">4815162342</code>");
  }

  @Test
  void producesAScreenshot() throws Exception {
    Path png =
        Path.of(System.getProperty("interlock.screenshot", dir.resolve("report.png").toString()));
    Files.createDirectories(png.toAbsolutePath().getParent());
    Result r = chromium("--hide-scrollbars", "--screenshot=" + png.toAbsolutePath());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(20_000);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }
}
