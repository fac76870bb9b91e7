package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports of real {@code interlock verify} runs, each in a JVM of its own as a user starts it (so
 * nothing a test JVM set up, such as its own Allure listener, stands between the run and its report
 * folder), read back from disk with no fixture in between.
 */
class ReportsOfARealRunIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Header and field names whose values the bundled pacts hold as credentials. */
  private static final Pattern CREDENTIAL_NAME =
      Pattern.compile("(?i)authorization|.*(api[-_]?key|secret|token|password).*");

  @Test
  void theBreakingChangesTableShowsTheLevelAndEachInteractionAffected(@TempDir Path dir)
      throws Exception {
    Path base = CliFixtures.copyContracts(dir.resolve("base"));
    Path proposed = CliFixtures.copyContracts(dir.resolve("contracts"));
    Path v2 = proposed.resolve("openapi/fulfilment/v2.yaml");
    String spec = Files.readString(v2);
    String renamed = spec.replaceFirst("(?m)^  /v2/shipments:$", "  /v2/consignments:");
    assertThat(renamed).isNotEqualTo(spec);
    Files.writeString(v2, renamed);
    Path reports = dir.resolve("reports");

    Finished run =
        verify(
            dir,
            "--contracts",
            proposed.toString(),
            "--base",
            base.toString(),
            "--check",
            "version.*",
            "--seed",
            "5",
            "--reports",
            reports.toString());

    assertThat(run.exit()).as(run.output()).isEqualTo(ExitCode.FAILED);
    List<List<String>> rows = breakingChangeRows(reports.resolve("interlock-report.html"));
    assertThat(rows)
        .as(
            "rows of the Breaking changes table: outcome, vendor, change, level, consumer,"
                + " interaction, operation")
        .anySatisfy(
            row -> {
              assertThat(row.get(3)).isEqualTo("breaking");
              assertThat(row.get(4)).isEqualTo("order-sync");
              assertThat(row.get(5)).isEqualTo("a request to create the shipment for order 1042");
              assertThat(row.get(6)).isEqualTo("POST /v2/shipments");
            });
    assertThat(rows).allSatisfy(row -> assertThat(row.get(3)).isNotBlank());
  }

  @Test
  void noFileOfTheReportFolderHoldsACredentialOfTheBundledPacts(@TempDir Path dir)
      throws Exception {
    Set<String> secrets = credentialsOfTheBundledPacts();
    assertThat(secrets)
        .as("the bundled pacts hold credentials, or this test proves nothing")
        .contains("sk_test_orderSyncSandbox01", "fk_test_orderSyncSandbox01");
    Path reports = dir.resolve("reports");

    Finished run =
        verify(
            dir,
            "--contracts",
            Fixtures.bundledContracts().toString(),
            "--seed",
            "1",
            "--reports",
            reports.toString());

    assertThat(run.exit()).as(run.output()).isEqualTo(ExitCode.OK);
    List<Path> files;
    try (Stream<Path> all = Files.walk(reports)) {
      files = all.filter(Files::isRegularFile).toList();
    }
    assertThat(files)
        .as("Allure attachments are among the files searched")
        .anyMatch(f -> f.getFileName().toString().contains("-attachment"));
    List<String> leaks = new ArrayList<>();
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      for (String secret : secrets) {
        if (text.contains(secret)) {
          leaks.add(reports.relativize(f) + " holds " + secret);
        }
      }
    }
    assertThat(leaks).as("files of %s that leak a credential", reports).isEmpty();
  }

  /**
   * Every credential the bundled pacts send or receive: the values of headers and body fields whose
   * names say credential ({@code Authorization}, {@code X-Api-Key}, {@code client_secret}, {@code
   * access_token}), without their {@code Bearer} scheme.
   */
  private static Set<String> credentialsOfTheBundledPacts() throws IOException {
    Set<String> out = new LinkedHashSet<>();
    try (Stream<Path> pacts = Files.list(Fixtures.bundledContracts().resolve("pacts"))) {
      for (Path pact : pacts.filter(p -> p.toString().endsWith(".json")).toList()) {
        collect(JSON.readTree(pact.toFile()), out);
      }
    }
    return out;
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (f.getValue().isTextual() && CREDENTIAL_NAME.matcher(f.getKey()).matches()) {
          addCredential(f.getValue().asText(), out);
        } else if (f.getValue().isTextual() && f.getValue().asText().contains("=")) {
          formFields(f.getValue().asText(), out);
        } else {
          collect(f.getValue(), out);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    }
  }

  /** A form body ({@code client_id=…&client_secret=…}) holds credentials as fields too. */
  private static void formFields(String body, Set<String> out) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && CREDENTIAL_NAME.matcher(pair.substring(0, eq)).matches()) {
        addCredential(pair.substring(eq + 1), out);
      }
    }
  }

  private static void addCredential(String value, Set<String> out) {
    String v = value.replaceFirst("(?i)^(bearer|basic)\\s+", "").trim();
    // Token types ("Bearer") and matcher names are words, not credentials.
    if (v.length() >= 12 && !v.toLowerCase(Locale.ROOT).equals("bearer")) {
      out.add(v);
    }
  }

  private static List<List<String>> breakingChangeRows(Path html) throws IOException {
    String page = Files.readString(html);
    int start = page.indexOf("<section id=\"breaking\"");
    assertThat(start).as("the report has a Breaking changes section").isNotNegative();
    String section = page.substring(start, page.indexOf("</section>", start));
    List<List<String>> rows = new ArrayList<>();
    Matcher row = Pattern.compile("(?s)<tr><td>(.*?)</tr>").matcher(section);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = Pattern.compile("(?s)<td[^>]*>(.*?)</td>").matcher("<td>" + row.group(1));
      while (cell.find()) {
        cells.add(cell.group(1).replaceAll("<[^>]+>", "").trim());
      }
      rows.add(cells);
    }
    assertThat(rows).as("rows of the Breaking changes table").isNotEmpty();
    return rows;
  }

  record Finished(int exit, String output) {}

  /** Runs {@code interlock verify} in a JVM of its own, as {@code ./interlock} would. */
  private static Finished verify(Path dir, String... args) throws Exception {
    List<String> verify = new ArrayList<>(List.of("verify"));
    verify.addAll(List.of(args));
    List<String> command = CliFixtures.interlockInANewJvm(verify);
    Path log = dir.resolve("verify.log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("interlock verify did not finish in 10 minutes:\n" + read(log));
    }
    return new Finished(p.exitValue(), read(log));
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log);
  }
}
