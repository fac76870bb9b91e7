package dev.interlock.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.mocks.PactStub;
import dev.interlock.mocks.PactStubOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client against the Pact Broker's own consumer contracts: the pacts the real Pact Broker is
 * verified against on every build (pact_broker-client, Ruby and FFI editions, in
 * ../shared/corpus/pacts/pact-broker/), served by {@link PactStub}. A request the broker's contract
 * does not accept gets the stub's problem answer, which fails the test; the stub's journal shows
 * which interaction answered. Provider states are chosen with the stub's {@code
 * X-Pact-Provider-State} header, per request path.
 */
class BrokersOwnContractTest {

  private static final String VERSION = "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30";

  /** The pact of the broker's own client, the Ruby edition and the FFI edition. */
  static Stream<Arguments> contracts() {
    Path dir =
        Path.of(
            System.getProperty("interlock.corpus", "../../shared/corpus"), "pacts", "pact-broker");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(dir), "the shared corpus is not here: " + dir);
    return Stream.of(
        Arguments.of(dir.resolve("pact_broker_client-pact_broker.json")),
        Arguments.of(dir.resolve("Pact_Broker_Client_V2-Pact_Broker.json")));
  }

  private static PactBroker client(
      PactStub stub, Function<String, String> stateByPath, List<String> said) {
    return PactBroker.connect(
        BrokerConnection.of(stub.baseUri())
            .withHeaders(
                (method, uri) -> {
                  String state = stateByPath.apply(uri.getPath());
                  return state == null ? Map.of() : Map.of("X-Pact-Provider-State", state);
                }),
        said::add);
  }

  private static List<String> answeredBy(PactStub stub) {
    return stub.journal().stream()
        .map(e -> e.method() + " " + e.status() + " " + e.operationId())
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void publishesAConsumerVersionsPactsInOneRequest(Path contract, @TempDir Path dir)
      throws Exception {
    // The pact the contract expects, byte for byte (its request carries it base64-encoded).
    String pact =
        "{\"consumer\":{\"name\":\"Foo\"},\"provider\":{\"name\":\"Bar\"},\"interactions\":[{\"description\":\"an example request\",\"providerState\":\"a provider state\",\"request\":{\"method\":\"GET\",\"path\":\"/\",\"headers\":{}},\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/hal+json\"}}}],\"metadata\":{\"pactSpecification\":{\"version\":\"2.0.0\"}}}";
    Path file = dir.resolve("Foo-Bar.json");
    Files.writeString(file, pact);
    List<String> said = new ArrayList<>();
    try (PactStub stub = PactStub.start(List.of(contract), PactStubOptions.defaults())) {
      PactBroker broker =
          client(
              stub,
              path -> "the pb:publish-contracts relations exists in the index resource",
              said);

      PublishResult result =
          broker.publish(
              new PublishRequest(
                  VERSION,
                  "main",
                  List.of("dev"),
                  Optional.of("http://build"),
                  PactFile.read(file)));

      assertThat(answeredBy(stub))
          .containsExactly(
              "GET 200 a request for the index resource",
              "POST 200 a request to publish contracts");
      assertThat(result.consumer()).isEqualTo("Foo");
      assertThat(result.consumerVersion()).isEqualTo(VERSION);
      assertThat(said).contains("some message");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void recordsADeploymentThroughTheVersionsNamedLink(Path contract) {
    try (PactStub stub = PactStub.start(List.of(contract), PactStubOptions.defaults())) {
      PactBroker broker =
          client(
              stub,
              path ->
                  path.equals("/")
                      ? "the pb:pacticipant-version and pb:environments relations exist in the index resource"
                      : "version "
                          + VERSION
                          + " of pacticipant Foo exists with a test environment available for deployment",
              new ArrayList<>());

      broker.recordDeployment(new Deployment("Foo", VERSION, "test", Optional.of("blue")));

      assertThat(answeredBy(stub))
          .containsExactly(
              "GET 200 a request for the index resource",
              "GET 200 a request for a pacticipant version",
              "POST 201 a request to record a deployment");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void recordsAReleaseThroughTheVersionsNamedLink(Path contract) {
    try (PactStub stub = PactStub.start(List.of(contract), PactStubOptions.defaults())) {
      PactBroker broker =
          client(
              stub,
              path ->
                  path.equals("/")
                      ? "the pb:pacticipant-version and pb:environments relations exist in the index resource"
                      : "version "
                          + VERSION
                          + " of pacticipant Foo exists with a test environment available for "
                          // the contract's POST names the deployment state, its GET the release's
                          + (path.contains("elease") || path.contains("ELEASE")
                              ? "deployment"
                              : "release"),
              new ArrayList<>());

      broker.recordRelease(new Release("Foo", VERSION, "test"));

      assertThat(answeredBy(stub))
          .containsExactly(
              "GET 200 a request for the index resource",
              "GET 200 a request for a pacticipant version",
              "POST 201 a request to record a release");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void anEnvironmentTheVersionCannotGoToIsToldApartFromAMissingOne(Path contract) {
    try (PactStub stub = PactStub.start(List.of(contract), PactStubOptions.defaults())) {
      PactBroker broker =
          client(
              stub,
              path ->
                  path.equals("/")
                      ? "the pb:pacticipant-version and pb:environments relations exist in the index resource"
                      : path.contains("ENVIRONMENTS") || path.equals("/environments")
                          ? "an environment with name test exists"
                          : "version "
                              + VERSION
                              + " of pacticipant Foo exists with 2 environments that aren't test available for deployment",
              new ArrayList<>());

      assertThatThrownBy(
              () ->
                  broker.recordDeployment(new Deployment("Foo", VERSION, "test", Optional.empty())))
          .isInstanceOf(BrokerException.class)
          .hasMessage(
              "environment 'test' is not available for recording a deployment of Foo "
                  + VERSION
                  + " (available: prod, dev)");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void canIDeployPassesWhenTheBrokerSaysDeployable(Path contract) {
    try (PactStub stub = PactStub.start(List.of(contract), PactStubOptions.defaults())) {
      PactBroker broker =
          client(
              stub,
              path ->
                  "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6 and version 5.6.7",
              new ArrayList<>());

      Matrix matrix =
          broker.canIDeploy(
              new CanIDeployQuery(
                  List.of(new PacticipantVersion("Foo", "1.2.3")),
                  Optional.empty(),
                  Optional.empty()));

      assertThat(matrix.canDeploy()).isTrue();
      assertThat(matrix.reason()).isEqualTo("some text");
      assertThat(matrix.rows())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.consumer()).isEqualTo("Foo");
                assertThat(r.provider()).isEqualTo("Bar");
                assertThat(r.success()).contains(true);
              });
      assertThat(answeredBy(stub))
          .containsExactly(
              "GET 200 a request for the compatibility matrix where only the version of Foo is specified");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void canIDeployFailsWhenTheBrokerGivesNoVerdict(Path contract) {
    try (PactStub stub = PactStub.start(List.of(contract), PactStubOptions.defaults())) {
      PactBroker broker =
          client(
              stub,
              path -> "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6",
              new ArrayList<>());

      Matrix matrix =
          broker.canIDeploy(
              new CanIDeployQuery(
                  List.of(
                      new PacticipantVersion("Foo", "1.2.3"),
                      new PacticipantVersion("Bar", "9.9.9")),
                  Optional.empty(),
                  Optional.empty()));

      assertThat(matrix.canDeploy()).isFalse();
      assertThat(matrix.deployable()).isEmpty();
      assertThat(matrix.reason()).isEqualTo("an error message");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void canIDeployOfTwoKnownVersionsAsksWithLatestByCvpv(Path contract) {
    try (PactStub stub = PactStub.start(List.of(contract), PactStubOptions.defaults())) {
      PactBroker broker =
          client(
              stub,
              path -> "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6",
              new ArrayList<>());

      Matrix matrix =
          broker.canIDeploy(
              new CanIDeployQuery(
                  List.of(
                      new PacticipantVersion("Foo", "1.2.3"),
                      new PacticipantVersion("Bar", "4.5.6")),
                  Optional.empty(),
                  Optional.empty()));

      assertThat(matrix.canDeploy()).isTrue();
      assertThat(answeredBy(stub))
          .containsExactly(
              "GET 200 a request for the compatibility matrix for Foo version 1.2.3 and Bar version 4.5.6");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void canIDeployToATagAsksForTheLatestTaggedVersions(Path contract) {
    try (PactStub stub = PactStub.start(List.of(contract), PactStubOptions.defaults())) {
      PactBroker broker = client(stub, path -> null, new ArrayList<>());

      Matrix matrix =
          broker.canIDeploy(
              new CanIDeployQuery(
                  List.of(new PacticipantVersion("Foo", "1.2.3")),
                  Optional.empty(),
                  Optional.of("prod")));

      assertThat(matrix.rows()).extracting(Matrix.Row::providerVersion).containsExactly("4.5.6");
      assertThat(matrix.canDeploy()).as("no summary, no verdict: not deployable").isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void aQuestionTheBrokerRefusesQuotesItsErrors(Path contract) {
    try (PactStub stub = PactStub.start(List.of(contract), PactStubOptions.defaults())) {
      PactBroker broker = client(stub, path -> null, new ArrayList<>());

      assertThatThrownBy(
              () ->
                  broker.canIDeploy(
                      new CanIDeployQuery(
                          List.of(
                              new PacticipantVersion("Wiffle", "1.2.3"),
                              new PacticipantVersion("Meep", "9.9.9")),
                          Optional.empty(),
                          Optional.empty())))
          .isInstanceOf(BrokerException.class)
          .hasMessageEndingWith("the broker answered 400: an error message");
    }
  }
}
