package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.mocks.PactStub;
import dev.interlock.mocks.PactStubOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code interlock pacts publish} and {@code interlock can-i-deploy} against the Pact Broker's own
 * consumer contract (pact_broker-client's FFI edition, ../shared/corpus/pacts/pact-broker/), served
 * by {@link PactStub}; the provider state is chosen with {@code --broker-header}.
 */
class BrokerCommandsOnTheBrokersContractTest {

  private static PactStub stub;

  @TempDir Path dir;

  record Finished(int exit, String out, String err) {}

  @BeforeAll
  static void serveTheBrokersContract() {
    Path pact =
        Path.of(
            System.getProperty("interlock.corpus", "../../shared/corpus"),
            "pacts/pact-broker/Pact_Broker_Client_V2-Pact_Broker.json");
    Assumptions.assumeTrue(Files.isRegularFile(pact), "the shared corpus is not here: " + pact);
    stub = PactStub.start(List.of(pact), PactStubOptions.defaults());
  }

  @AfterAll
  static void stop() {
    if (stub != null) {
      stub.close();
    }
  }

  private Finished run(String state, String... args) {
    String[] all = new String[args.length + 6];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--broker";
    all[args.length + 1] = stub.baseUri().toString();
    all[args.length + 2] = "--broker-header";
    all[args.length + 3] = "X-Pact-Provider-State:" + state;
    all[args.length + 4] = "--contracts";
    all[args.length + 5] = dir.toString();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = InterlockCommand.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Finished(exit, out.toString(), err.toString());
  }

  @Test
  void publishesTheConsumersPactsAsTheBrokersContractExpects() throws Exception {
    Path pacts = Files.createDirectories(dir.resolve("pacts"));
    Files.writeString(
        pacts.resolve("Foo-Bar.json"),
        "{\"consumer\":{\"name\":\"Foo\"},\"provider\":{\"name\":\"Bar\"},\"interactions\":[{\"description\":\"an example request\",\"providerState\":\"a provider state\",\"request\":{\"method\":\"GET\",\"path\":\"/\",\"headers\":{}},\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/hal+json\"}}}],\"metadata\":{\"pactSpecification\":{\"version\":\"2.0.0\"}}}");

    Finished r =
        run(
            "the pb:publish-contracts relations exists in the index resource",
            "pacts",
            "publish",
            pacts.toString(),
            "--consumer-version",
            "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30",
            "--branch",
            "main",
            "--tag",
            "dev",
            "--build-url",
            "http://build");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains("some message")
        .contains(
            "published 1 pact(s) of Foo 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 (branch main)");
  }

  @Test
  void canIDeployExitsZeroWhenTheBrokerSaysDeployable() {
    Finished r =
        run(
            "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6 and version 5.6.7",
            "can-i-deploy",
            "--pacticipant",
            "Foo",
            "--version",
            "1.2.3");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains("Foo      | 4         | Bar      | 5         | true")
        .contains("Computer says yes");
  }

  @Test
  void canIDeployExitsOneWhenTheBrokerGivesNoVerdict() {
    Finished r =
        run(
            "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6",
            "can-i-deploy",
            "--pacticipant",
            "Foo",
            "--version",
            "1.2.3",
            "--pacticipant",
            "Bar",
            "--version",
            "9.9.9");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.FAILED);
    assertThat(r.out()).contains("Computer says no: the broker gave no verdict — an error message");
  }

  @Test
  void canIDeployOfAnUnknownPacticipantExitsTwoWithTheBrokersWords() {
    Finished r =
        run(
            "none",
            "can-i-deploy",
            "--pacticipant",
            "Wiffle",
            "--version",
            "1.2.3",
            "--pacticipant",
            "Meep",
            "--version",
            "9.9.9");

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err()).contains("the broker answered 400: an error message");
  }
}
