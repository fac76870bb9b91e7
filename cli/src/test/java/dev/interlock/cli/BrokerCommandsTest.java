package dev.interlock.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.interlock.broker.RecordedBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code can-i-deploy} and {@code record-deployment} exit codes and messages, against the recorded
 * broker documents (broker/src/test/resources/recorded).
 */
class BrokerCommandsTest {

  private static RecordedBroker broker;

  @TempDir Path dir;

  record Finished(int exit, String out, String err) {}

  @BeforeAll
  static void startTheBroker() {
    broker = new RecordedBroker();
  }

  @AfterAll
  static void stopTheBroker() {
    broker.close();
  }

  @BeforeEach
  void stubTheIndex() {
    broker.server.resetAll();
    broker.server.stubFor(get(urlEqualTo("/")).willReturn(broker.hal("index.json")));
  }

  private Finished run(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--broker";
    all[args.length + 1] = broker.baseUri().toString();
    all[args.length + 2] = "--contracts";
    all[args.length + 3] = dir.toString();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = InterlockCommand.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Finished(exit, out.toString(), err.toString());
  }

  @Test
  void canIDeployExitsOneAndShowsTheMatrixWhenTheBrokerSaysNo() {
    broker.server.stubFor(
        get(urlPathEqualTo("/can-i-deploy"))
            .willReturn(broker.hal("can-i-deploy-to-environment.json")));

    Finished r =
        run(
            "can-i-deploy",
            "--pacticipant",
            "Foo",
            "--version",
            "1.2.3",
            "--to-environment",
            "production");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.FAILED);
    assertThat(r.out())
        .contains("CONSUMER | C.VERSION | PROVIDER | P.VERSION | SUCCESS? | VERIFIED AT")
        .contains(
            "Foo      | 1.2.3     | Bar      | 4.5.6     | false    | 2024-01-02T04:05:06+00:00")
        .contains("The verification for the pact between version 1.2.3 of Foo")
        .contains("Computer says no");
  }

  @Test
  void canIDeployExitsZeroWhenTheBrokerSaysYes() {
    broker.server.stubFor(
        get(urlPathEqualTo("/can-i-deploy"))
            .willReturn(
                WireMock.okJson(
                    broker
                        .document("can-i-deploy-to-environment.json")
                        .replace("\"deployable\": false", "\"deployable\": true")
                        .replace("\"success\": false", "\"success\": true"))));

    Finished r =
        run(
            "can-i-deploy",
            "--pacticipant",
            "Foo",
            "--version",
            "1.2.3",
            "--to-environment",
            "production");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("Computer says yes");
  }

  @Test
  void unpairedPacticipantsAndVersionsAreAUsageError() {
    Finished r =
        run("can-i-deploy", "--pacticipant", "Foo", "--pacticipant", "Bar", "--version", "1");

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err())
        .contains("give one --version per --pacticipant (2 pacticipants, 1 versions)");
  }

  @Test
  void aTokenInClearIsRefusedAndNotRepeated() {
    Finished r =
        run(
            "can-i-deploy",
            "--pacticipant",
            "Foo",
            "--version",
            "1",
            "--broker-token",
            "pf-live-token-in-clear-123");

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err()).contains("credentials must be references (env:NAME or file:PATH)");
    assertThat(r.out() + r.err()).doesNotContain("pf-live-token-in-clear-123");
  }

  @Test
  void recordDeploymentTheBrokerRefusesExitsOneAndSaysWhatIsAvailable() {
    broker.server.stubFor(
        get(urlEqualTo("/pacticipants/Foo/versions/1.2.3"))
            .willReturn(
                WireMock.okJson(
                    "{\"_links\":{\"pb:record-deployment\":[{\"name\":\"staging\",\"href\":\"/x\"}]}}")));
    broker.server.stubFor(
        get(urlEqualTo("/environments"))
            .willReturn(
                WireMock.okJson("{\"_embedded\":{\"environments\":[{\"name\":\"staging\"}]}}")));

    Finished r =
        run(
            "record-deployment",
            "--pacticipant",
            "Foo",
            "--version",
            "1.2.3",
            "--environment",
            "prod");

    assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(r.err())
        .contains(
            "record-deployment: no environment named 'prod' in the broker (available for Foo 1.2.3: staging;");
  }

  @Test
  void recordReleaseToAnEnvironmentTheVersionCannotGoToExitsOneNamingWhatIsAvailable() {
    broker.server.stubFor(
        get(urlEqualTo("/pacticipants/Foo/versions/1.2.3"))
            .willReturn(
                WireMock.okJson(
                    "{\"_links\":{\"pb:record-release\":[{\"name\":\"app-store\",\"href\":\"/x\"}]}}")));
    broker.server.stubFor(
        get(urlEqualTo("/environments"))
            .willReturn(
                WireMock.okJson(
                    "{\"_embedded\":{\"environments\":[{\"name\":\"app-store\"},{\"name\":\"play\"}]}}")));

    Finished r =
        run(
            "record-release",
            "--pacticipant",
            "Foo",
            "--version",
            "1.2.3",
            "--environment",
            "play");

    assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(r.err())
        .contains(
            "record-release: environment 'play' is not available for recording a release of Foo 1.2.3 (available: app-store)");
  }

  @Test
  void anUnreachableBrokerIsAUsageErrorWithoutAStackTrace() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        InterlockCommand.run(
            new String[] {
              "can-i-deploy",
              "--pacticipant",
              "Foo",
              "--version",
              "1",
              "--to-environment",
              "prod",
              "--broker",
              "http://127.0.0.1:1",
              "--contracts",
              dir.toString()
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertThat(exit).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(err.toString()).contains("cannot connect to the broker").doesNotContain("\tat ");
  }
}
