package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code interlock compat} reads every pact the corpus holds (Pact JVM's, the Pact Broker client's,
 * a workshop's) and every test case of the Pact specification: against an OpenAPI and an AsyncAPI
 * contract, each ends with a verdict (exit 0 or 1), never with exit 2.
 */
class CompatReadsEveryPactTest {

  private record Run(int exit, String out, String err) {}

  private static Run compat(Path spec, Path pact) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        InterlockCommand.run(
            new String[] {"compat", spec.toString(), pact.toString()},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  private static List<Path> jsonFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static List<Path> specs() {
    Path contracts = Fixtures.bundledContracts();
    return List.of(
        contracts.resolve("openapi/payments/2025-01-15.yaml"),
        contracts.resolve("asyncapi/storefront-webhooks.yaml"));
  }

  private static List<String> unusable(List<Path> pacts) {
    List<String> refused = new ArrayList<>();
    for (Path pact : pacts) {
      for (Path spec : specs()) {
        Run r = compat(spec, pact);
        if (r.exit() != ExitCode.OK && r.exit() != ExitCode.FAILED) {
          refused.add(
              "exit " + r.exit() + ": " + pact + " against " + spec + "\n" + r.out() + r.err());
        }
      }
    }
    return refused;
  }

  @Test
  void everyPactOfTheCorpusGetsAVerdict() throws IOException {
    List<Path> pacts = jsonFiles(Fixtures.corpus("pacts"));

    assertThat(pacts).hasSizeGreaterThanOrEqualTo(10);
    assertThat(unusable(pacts)).isEmpty();
  }

  @Test
  void everyTestCaseOfThePactSpecificationGetsAVerdict() throws IOException {
    List<Path> cases =
        jsonFiles(Fixtures.corpus("pact-specification")).stream()
            .filter(p -> !p.getFileName().toString().equals("INDEX.tsv"))
            .toList();

    assertThat(cases).hasSizeGreaterThanOrEqualTo(195);
    assertThat(unusable(cases)).isEmpty();
  }

  @Test
  void aPactPactJvmCannotReadGetsAVerdictAndSaysWhichReaderReadIt() {
    Path pact = Fixtures.resource("pact/v4/raw-bodies-string-comments.json");

    Run r = compat(specs().get(0), pact);

    assertThat(r.exit()).as(r.out() + r.err()).isIn(ExitCode.OK, ExitCode.FAILED);
    assertThat(r.err())
        .contains("info: read by Interlock's reader of the pact JSON")
        .contains("[contract.pact.reader]");
    assertThat(r.out()).contains("interaction(s) checked");
  }
}
