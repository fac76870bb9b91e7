package dev.interlock.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fetching pacts for verification and publishing their results, against the broker documents
 * recorded from its API documentation (src/test/resources/recorded/README.md): the broker's own
 * consumer contracts do not cover these two endpoints.
 */
class PactsForVerificationTest {

  private static final String FOR_VERIFICATION = "/pacts/provider/Bar/for-verification";

  private static RecordedBroker broker;
  private final List<String> said = new ArrayList<>();

  @BeforeAll
  static void startTheBroker() {
    broker = new RecordedBroker();
  }

  @AfterAll
  static void stopTheBroker() {
    broker.close();
  }

  @BeforeEach
  void stubTheRecordedDocuments() {
    broker.server.resetAll();
    broker.server.stubFor(get(urlEqualTo("/")).willReturn(broker.hal("index.json")));
    broker.server.stubFor(
        post(urlEqualTo(FOR_VERIFICATION)).willReturn(broker.hal("pacts-for-verification.json")));
    for (String consumer : List.of("Foo", "Baz", "Qux")) {
      broker.server.stubFor(
          get(urlMatching(
                  "/pacts/provider/Bar/consumer/"
                      + consumer
                      + "/pact-version/[0-9a-f]+/metadata/.*"))
              .willReturn(broker.hal("pact-" + consumer.toLowerCase() + "-bar.json")));
    }
    broker.server.stubFor(
        post(urlMatching("/pacts/provider/Bar/consumer/.*/verification-results"))
            .willReturn(broker.hal("verification-result.json")));
  }

  private PactBroker client() {
    return PactBroker.connect(BrokerConnection.of(broker.baseUri()), said::add);
  }

  private static VerificationRequest request(String... selectors) {
    return new VerificationRequest(
        "Bar",
        java.util.Arrays.stream(selectors).map(ConsumerVersionSelector::parse).toList(),
        "main",
        Optional.empty());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mainBranch | {\"mainBranch\":true}",
        "deployedOrReleased | {\"deployedOrReleased\":true}",
        "matchingBranch | {\"matchingBranch\":true}",
        "branch=feat-x | {\"branch\":\"feat-x\"}",
        "tag=prod,latest | {\"tag\":\"prod\",\"latest\":true}",
        "tag=prod | {\"tag\":\"prod\"}",
        "environment=production | {\"environment\":\"production\",\"deployedOrReleased\":true}",
        "{\"deployed\":true,\"consumer\":\"Foo\"} | {\"deployed\":true,\"consumer\":\"Foo\"}"
      })
  void sendsEachSelectorAsTheBrokerDocumentsIt(String selector, String json) {
    PactsForVerification fetched = client().pactsForVerification(request(selector));

    broker.server.verify(
        postRequestedFor(urlEqualTo(FOR_VERIFICATION))
            .withHeader("Accept", equalTo("application/hal+json"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"consumerVersionSelectors\":["
                        + json
                        + "],\"providerVersionBranch\":\"main\",\"includePendingStatus\":true}")));
    assertThat(fetched.pacts())
        .extracting(FetchedPact::consumer)
        .containsExactly("Foo", "Baz", "Qux");
    assertThat(fetched.unmatchedSelectors()).isEmpty();
  }

  @Test
  void marksPendingAndWipPactsAndKeepsThePactWithoutTheBrokersLinks() {
    PactsForVerification fetched =
        client()
            .pactsForVerification(
                new VerificationRequest(
                    "Bar",
                    List.of(ConsumerVersionSelector.parse("mainBranch")),
                    "main",
                    Optional.of("2024-01-01")));

    broker.server.verify(
        postRequestedFor(urlEqualTo(FOR_VERIFICATION))
            .withRequestBody(matchingJsonPath("$.includeWipPactsSince", equalTo("2024-01-01"))));
    FetchedPact foo = fetched.pacts().get(0);
    FetchedPact baz = fetched.pacts().get(1);
    FetchedPact qux = fetched.pacts().get(2);
    assertThat(foo.pending()).isFalse();
    assertThat(foo.failuresAreInformational()).isFalse();
    assertThat(baz.pending()).isTrue();
    assertThat(baz.wip()).isFalse();
    assertThat(baz.failuresAreInformational()).isTrue();
    assertThat(qux.wip()).isTrue();
    assertThat(qux.failuresAreInformational()).isTrue();
    assertThat(foo.content().has("_links")).isFalse();
    assertThat(foo.content().path("interactions")).hasSize(1);
    assertThat(foo.publishResults())
        .get()
        .hasToString(
            broker.baseUri()
                + "/pacts/provider/Bar/consumer/Foo/pact-version/0e3369199f4008231946e0245474537443ccda2a/verification-results");
  }

  @Test
  void printsTheBrokersNoticesBeforeVerificationOnly() {
    client().pactsForVerification(request("mainBranch"));

    assertThat(said)
        .anyMatch(l -> l.startsWith("Pact between Foo (1.0.0) and Bar: The pact at"))
        .anyMatch(l -> l.contains("in pending state for this version of Bar"))
        .anyMatch(l -> l.contains("'work in progress' pact"))
        .noneMatch(l -> l.contains("successful verification results have not yet been published"));
  }

  @Test
  void namesTheSelectorThatMatchedNothing() {
    broker.server.stubFor(
        post(urlEqualTo(FOR_VERIFICATION))
            .withRequestBody(
                matchingJsonPath("$.consumerVersionSelectors[0].branch", equalTo("feat-typo")))
            .withRequestBody(matchingJsonPath("$.consumerVersionSelectors.length()", equalTo("1")))
            .willReturn(broker.hal("pacts-for-verification-empty.json")));

    PactsForVerification fetched =
        client().pactsForVerification(request("mainBranch", "branch=feat-typo"));

    assertThat(fetched.unmatchedSelectors()).containsExactly("branch=feat-typo");
    assertThat(said)
        .contains(
            "selector branch=feat-typo matched no pact for provider 'Bar' (check the consumer's branch, tags or recorded deployments)");
  }

  @Test
  void aLoneSelectorThatMatchedNothingIsNamedWithoutAskingTwice() {
    broker.server.stubFor(
        post(urlEqualTo(FOR_VERIFICATION))
            .willReturn(broker.hal("pacts-for-verification-empty.json")));

    PactsForVerification fetched = client().pactsForVerification(request("deployedOrReleased"));

    assertThat(fetched.pacts()).isEmpty();
    assertThat(fetched.unmatchedSelectors()).containsExactly("deployedOrReleased");
    broker.server.verify(1, postRequestedFor(urlEqualTo(FOR_VERIFICATION)));
  }

  @Test
  void followsTheBetaRelationOfOlderBrokers() {
    broker.server.stubFor(get(urlEqualTo("/")).willReturn(broker.hal("index-beta.json")));

    assertThat(client().pactsForVerification(request("mainBranch")).pacts()).hasSize(3);
  }

  @Test
  void publishesOneResultPerPactWithProviderVersionAndBranch() {
    PactBroker client = client();
    PactsForVerification fetched = client.pactsForVerification(request("mainBranch"));

    for (FetchedPact pact : fetched.pacts()) {
      client.publishVerificationResult(
          pact,
          new ProviderVerification(
              !pact.consumer().equals("Baz"),
              "4.5.6",
              "main",
              Optional.of("http://ci/1"),
              "0.1.0"));
    }

    for (String consumer : List.of("Foo", "Baz", "Qux")) {
      broker.server.verify(
          1,
          postRequestedFor(
                  urlMatching(
                      "/pacts/provider/Bar/consumer/"
                          + consumer
                          + "/pact-version/[0-9a-f]+/verification-results"))
              .withRequestBody(
                  equalToJson(
                      "{\"success\":"
                          + !consumer.equals("Baz")
                          + ",\"providerApplicationVersion\":\"4.5.6\",\"providerVersionBranch\":\"main\","
                          + "\"buildUrl\":\"http://ci/1\",\"verifiedBy\":{\"implementation\":\"Interlock\",\"version\":\"0.1.0\"}}")));
    }
    broker.server.verify(3, postRequestedFor(urlMatching(".*/verification-results")));
    assertThat(said).anyMatch(l -> l.contains("no longer in pending state"));
  }

  @Test
  void aMissingRelationIsNamedWithWhatTheIndexHas() {
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                    "{\"_links\":{\"pb:pacticipants\":{\"href\":\"/pacticipants\"}}}")));

    assertThatThrownBy(() -> client().pactsForVerification(request("mainBranch")))
        .isInstanceOf(BrokerException.class)
        .hasMessageContaining("no 'pb:provider-pacts-for-verification' relation")
        .hasMessageContaining("it has pb:pacticipants");
  }

  @Test
  void sendsTheTokenButNeverSaysIt() {
    String token = "pactflow-token-7f3a9c2e5b";
    broker.server.stubFor(
        post(urlEqualTo(FOR_VERIFICATION))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(403)
                    .withBody("token " + token + " may not read pacts of Bar")));
    PactBroker client =
        PactBroker.connect(
            BrokerConnection.of(broker.baseUri()).withAuth(BrokerAuth.bearer(token)), said::add);

    assertThatThrownBy(() -> client.pactsForVerification(request("mainBranch")))
        .isInstanceOf(BrokerException.class)
        .hasMessageContaining("answered 403")
        .hasMessageNotContaining(token);
    broker.server.verify(
        postRequestedFor(urlEqualTo(FOR_VERIFICATION))
            .withHeader("Authorization", equalTo("Bearer " + token)));
    assertThat(String.join("\n", said)).doesNotContain(token);
  }
}
