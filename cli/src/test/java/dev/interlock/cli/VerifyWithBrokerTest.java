package dev.interlock.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.broker.RecordedBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code interlock verify --broker}, end to end in-process, against the recorded broker documents
 * (broker/src/test/resources/recorded): Foo's pact is verified normally, Baz's is pending, Qux's is
 * work in progress.
 */
class VerifyWithBrokerTest {

  private static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: Bar, version: "1.0"}
      servers: [{url: "https://bar.example.com"}]
      paths:
        /things/{id}:
          get:
            operationId: getThing
            summary: Get a thing
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
            responses:
              "200":
                description: a thing
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [id, name]
                      properties:
                        id: {type: integer}
                        name: {type: string}
                    example: {id: 1, name: one}
      """;

  @TempDir Path dir;
  private RecordedBroker broker;
  private Path contracts;
  private Path tokenFile;

  record Finished(int exit, String out, String err) {}

  @BeforeEach
  void start() throws Exception {
    broker = new RecordedBroker();
    broker.server.stubFor(get(urlEqualTo("/")).willReturn(broker.hal("index.json")));
    broker.server.stubFor(
        post(urlEqualTo("/pacts/provider/Bar/for-verification"))
            .willReturn(broker.hal("pacts-for-verification.json")));
    for (String consumer : List.of("Foo", "Baz", "Qux")) {
      broker.server.stubFor(
          get(urlMatching("/pacts/provider/Bar/consumer/" + consumer + "/pact-version/.*"))
              .willReturn(broker.hal("pact-" + consumer.toLowerCase() + "-bar.json")));
    }
    broker.server.stubFor(
        post(urlMatching(".*/verification-results"))
            .willReturn(broker.hal("verification-result.json")));
    contracts = Files.createDirectories(dir.resolve("contracts"));
    Files.createDirectories(contracts.resolve("openapi/Bar"));
    Files.writeString(contracts.resolve("openapi/Bar/1.0.yaml"), SPEC);
    tokenFile = dir.resolve("broker-token");
    Files.writeString(tokenFile, "s3cr3t-broker-token-42\n");
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  /** Baz's pact (pending) expects a field Bar's contract never promises. */
  private void bazExpectsAnUnknownField() {
    broker.server.stubFor(
        get(urlMatching("/pacts/provider/Bar/consumer/Baz/pact-version/.*"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withHeader("Content-Type", "application/hal+json")
                    .withBody(
                        broker
                            .document("pact-baz-bar.json")
                            .replace("\"name\": \"one\"", "\"colour\": \"red\""))));
  }

  private Finished verify(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "verify",
                "--contracts",
                contracts.toString(),
                "--reports",
                dir.resolve("reports").toString(),
                "--seed",
                "7",
                "--check",
                "pact.*",
                "--broker",
                broker.baseUri().toString(),
                "--broker-token",
                "file:" + tokenFile,
                "--provider",
                "Bar",
                "--provider-version",
                "4.5.6",
                "--branch",
                "main"));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        InterlockCommand.run(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Finished(exit, out.toString(), err.toString());
  }

  @Test
  void aPendingPactsFailureIsReportedAndDoesNotFailTheRun() {
    bazExpectsAnUnknownField();

    Finished r = verify();

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("pending pact, its failure does not fail the run");
    assertThat(r.err()).contains("Pact between Baz (2.1.0) and Bar: failed (pending)");
  }

  @Test
  void publishesOneResultPerPactWithTheTruthAboutEach() {
    bazExpectsAnUnknownField();

    verify("--build-url", "http://ci/77");

    broker.server.verify(3, postRequestedFor(urlMatching(".*/verification-results")));
    broker.server.verify(
        1,
        postRequestedFor(urlMatching("/pacts/provider/Bar/consumer/Foo/.*/verification-results"))
            .withRequestBody(matchingJsonPath("$.success", equalTo("true")))
            .withRequestBody(matchingJsonPath("$.providerApplicationVersion", equalTo("4.5.6")))
            .withRequestBody(matchingJsonPath("$.providerVersionBranch", equalTo("main")))
            .withRequestBody(matchingJsonPath("$.buildUrl", equalTo("http://ci/77"))));
    broker.server.verify(
        1,
        postRequestedFor(urlMatching("/pacts/provider/Bar/consumer/Baz/.*/verification-results"))
            .withRequestBody(matchingJsonPath("$.success", equalTo("false"))));
    broker.server.verify(
        postRequestedFor(urlEqualTo("/pacts/provider/Bar/for-verification"))
            .withHeader("Authorization", equalTo("Bearer s3cr3t-broker-token-42")));
  }

  @Test
  void aFailureOfAPactThatIsNotPendingFailsTheRun() {
    broker.server.stubFor(
        get(urlMatching("/pacts/provider/Bar/consumer/Foo/pact-version/.*"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withHeader("Content-Type", "application/hal+json")
                    .withBody(
                        broker
                            .document("pact-foo-bar.json")
                            .replace("\"name\": \"one\"", "\"colour\": \"red\""))));

    Finished r = verify();

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.FAILED);
    broker.server.verify(
        1,
        postRequestedFor(urlMatching("/pacts/provider/Bar/consumer/Foo/.*/verification-results"))
            .withRequestBody(matchingJsonPath("$.success", equalTo("false"))));
  }

  @Test
  void noPublishResultsVerifiesWithoutPublishing() {
    Finished r = verify("--no-publish-results");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    broker.server.verify(0, postRequestedFor(urlMatching(".*/verification-results")));
  }

  @Test
  void theReportsNameEveryFetchedPactAndNeverTheToken() throws Exception {
    Finished r = verify();

    assertThat(r.out() + r.err()).doesNotContain("s3cr3t-broker-token-42");
    Path json;
    try (var files = Files.walk(dir.resolve("reports"))) {
      json =
          files
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(
                  p -> !p.toString().contains("broker-pacts") && !p.toString().contains("allure"))
              .findFirst()
              .orElseThrow();
    }
    String report = Files.readString(json);
    assertThat(report).doesNotContain("s3cr3t-broker-token-42");
    JsonNode tree = new ObjectMapper().readTree(report);
    assertThat(tree.toString())
        .contains("Pact between Foo (1.0.0) and Bar")
        .contains("Pact between Baz (2.1.0) and Bar")
        .contains("Pact between Qux (0.1.0) and Bar")
        .contains(BrokerVerification.PUBLISH_CHECK);
    assertThat(dir.resolve("reports/broker-pacts/run-1/pacts/broker/Foo-Bar-1.json")).exists();
  }

  @Test
  void aSelectorThatMatchesNothingIsNamedInTheRun() {
    broker.server.stubFor(
        post(urlEqualTo("/pacts/provider/Bar/for-verification"))
            .withRequestBody(
                matchingJsonPath("$.consumerVersionSelectors[0].branch", equalTo("feat-typo")))
            .willReturn(broker.hal("pacts-for-verification-empty.json")));

    Finished r =
        verify(
            "--selector", "mainBranch", "--selector", "branch=feat-typo", "--fail-on", "warning");

    assertThat(r.err()).contains("selector branch=feat-typo matched no pact for provider 'Bar'");
    assertThat(r.out())
        .contains("WARNING broker.selector-matches · selector branch=feat-typo for Bar");
    assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
  }
}
