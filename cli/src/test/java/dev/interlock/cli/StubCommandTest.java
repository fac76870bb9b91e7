package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Fixtures;
import dev.interlock.mocks.PactStub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code interlock stub}: what it prints, what it serves, how it refuses. */
class StubCommandTest {

  static Path corpusPacts() {
    return Fixtures.corpus("pacts");
  }

  @Test
  void servesAFolderOfPactsAndPrintsItsBaseUrlAndInteractionCount() throws Exception {
    StubCommand command = new StubCommand();
    new CommandLine(command)
        .parseArgs(
            corpusPacts().resolve("pact-broker").toString(), "--provider-state-header", "X-State");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (PactStub stub =
        command.start(new Console(new PrintWriter(out), new PrintWriter(err), false))) {
      assertThat(out.toString())
          .startsWith(stub.baseUri().toString())
          .contains("143 interactions from 4 pacts")
          .contains("provider state header X-State");
      HttpResponse<String> index =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(stub.baseUri() + "/"))
                      .header("Accept", "application/hal+json")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(index.statusCode()).isEqualTo(200);
      assertThat(index.body()).contains("_links");
    }
  }

  @Test
  void messageInteractionsLeftOutAreNotedOnStandardError() {
    StubCommand command = new StubCommand();
    new CommandLine(command)
        .parseArgs(
            corpusPacts().resolve("pact-jvm_v4-combined-http-and-message-pact.json").toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (PactStub stub =
        command.start(new Console(new PrintWriter(out), new PrintWriter(err), false))) {
      assertThat(out.toString()).contains("1 interactions from 1 pact ");
      assertThat(err.toString()).contains("note: ").contains("1 message interaction(s) ignored");
    }
  }

  @Test
  void aMissingPactExitsTwoNamingItWithoutAStackTrace() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        InterlockCommand.run(
            new String[] {"stub", "no/such/pact.json"},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(exit).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(err.toString()).contains("no/such/pact.json").doesNotContain("\tat ");
  }

  @Test
  void noPactAtAllExitsTwo() {
    StringWriter err = new StringWriter();
    int exit =
        InterlockCommand.run(
            new String[] {"stub"},
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertThat(exit).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(err.toString()).contains("PACT");
  }
}
