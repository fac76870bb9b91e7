package dev.interlock.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * can-i-deploy to an environment: the broker's own client contract has no such interaction, so the
 * recorded index and can-i-deploy documents stand in (recorded/README.md).
 */
class CanIDeployToEnvironmentTest {

  private RecordedBroker broker;

  @BeforeEach
  void start() {
    broker = new RecordedBroker();
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  private Matrix ask() {
    return PactBroker.connect(BrokerConnection.of(broker.baseUri()), line -> {})
        .canIDeploy(
            new CanIDeployQuery(
                List.of(new PacticipantVersion("Foo", "1.2.3")),
                Optional.of("production"),
                Optional.empty()));
  }

  @Test
  void followsTheIndexRelationForOneVersionToAnEnvironment() {
    broker.server.stubFor(get(urlEqualTo("/")).willReturn(broker.hal("index.json")));
    broker.server.stubFor(
        get(urlPathEqualTo("/can-i-deploy"))
            .withQueryParam("pacticipant", equalTo("Foo"))
            .withQueryParam("version", equalTo("1.2.3"))
            .withQueryParam("environment", equalTo("production"))
            .willReturn(broker.hal("can-i-deploy-to-environment.json")));

    Matrix matrix = ask();

    assertThat(matrix.canDeploy()).isFalse();
    assertThat(matrix.deployable()).contains(false);
    assertThat(matrix.reason())
        .startsWith("There is no verified pact between version 1.2.3 of Foo");
    assertThat(matrix.notices()).hasSize(2);
    assertThat(matrix.rows())
        .singleElement()
        .satisfies(r -> assertThat(r.success()).contains(false));
  }

  @Test
  void asksTheMatrixWhenTheIndexHasNoSuchRelation() {
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .willReturn(okJson("{\"_links\":{\"pb:pacticipants\":{\"href\":\"/pacticipants\"}}}")));
    broker.server.stubFor(
        get(urlPathEqualTo("/matrix")).willReturn(broker.hal("can-i-deploy-to-environment.json")));

    assertThat(ask().canDeploy()).isFalse();

    broker.server.verify(
        getRequestedFor(urlPathEqualTo("/matrix"))
            .withQueryParam("q[][pacticipant]", equalTo("Foo"))
            .withQueryParam("q[][version]", equalTo("1.2.3"))
            .withQueryParam("latestby", equalTo("cvp"))
            .withQueryParam("environment", equalTo("production")));
  }
}
