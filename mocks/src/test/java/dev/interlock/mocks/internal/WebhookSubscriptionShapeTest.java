package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSubscriptionShapeTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A document with one operation whose JSON request body has the given schema. */
  static SpecTree document(String operationExtras, String bodySchema) throws Exception {
    return SpecTree.ofRoot(
        JSON.readTree(
            """
            {"paths": {"/p": {"post": {%s
              "requestBody": {"content": {"application/json": {"schema": %s}}}}}},
             "components": {"schemas": {
               "Topic": {"type": "string", "enum": ["order.created"]},
               "Base": {"type": "object", "properties": {"address": {"type": "string"}}}}}}
            """
                .formatted(operationExtras, bodySchema)));
  }

  static Optional<WebhookSubscriptionShape> shape(String method, String path, SpecTree tree) {
    JsonNode op = tree.root().at("/paths/~1p/post");
    return WebhookSubscriptionShape.of(method, path, op, tree);
  }

  @Test
  void theStorefrontsSubscriptionIsRecognised() throws Exception {
    SpecTree tree =
        document(
            "",
            """
            {"allOf": [{"$ref": "#/components/schemas/Base"},
              {"properties": {"topic": {"$ref": "#/components/schemas/Topic"}}}]}""");
    assertThat(shape("POST", "/webhooks/subscriptions", tree))
        .contains(new WebhookSubscriptionShape("address", "topic"));
  }

  @Test
  void stripesWebhookEndpointIsRecognised() throws Exception {
    SpecTree tree =
        document(
            "",
            """
            {"properties": {"description": {"type": "string"},
              "enabled_events": {"type": "array", "items": {"type": "string"}},
              "url": {"type": "string"}}}""");
    assertThat(shape("POST", "/v1/webhook_endpoints", tree))
        .contains(new WebhookSubscriptionShape("url", "enabled_events"));
  }

  @Test
  void anyUriPropertyIsTheAddressWhenNoneIsNamedLikeOne() throws Exception {
    SpecTree tree =
        document(
            "",
            """
            {"properties": {"target": {"type": "string", "format": "uri"},
              "event-types": {"type": "array"}}}""");
    assertThat(shape("POST", "/webhooks", tree))
        .contains(new WebhookSubscriptionShape("target", "event-types"));
  }

  @Test
  void withoutWebhookInThePathOrWithoutATopicItIsAPlainCreate() throws Exception {
    SpecTree both =
        document("", "{\"properties\": {\"url\": {\"type\": \"string\"}, \"event\": {}}}");
    assertThat(shape("POST", "/orders", both)).isEmpty();
    SpecTree noTopic = document("", "{\"properties\": {\"url\": {\"type\": \"string\"}}}");
    assertThat(shape("POST", "/webhooks", noTopic)).isEmpty();
  }

  @Test
  void onlyACreateOnACollectionSubscribes() throws Exception {
    SpecTree tree =
        document("", "{\"properties\": {\"url\": {\"type\": \"string\"}, \"topic\": {}}}");
    assertThat(shape("POST", "/webhooks/{id}", tree)).isEmpty();
    assertThat(shape("PUT", "/webhooks", tree)).isEmpty();
  }

  @Test
  void theExtensionForcesTheRuleEitherWay() throws Exception {
    String body =
        "{\"properties\": {\"callback\": {\"type\": \"string\"}, \"kinds\": {}, \"url\": {},"
            + " \"topic\": {}}}";
    assertThat(
            shape(
                "POST",
                "/webhooks",
                document("\"x-interlock-webhook-subscription\": false,", body)))
        .isEmpty();
    assertThat(
            shape("POST", "/hooks", document("\"x-interlock-webhook-subscription\": true,", body)))
        .contains(new WebhookSubscriptionShape("url", "topic"));
    String named =
        "\"x-interlock-webhook-subscription\": {\"address\": \"callback\", \"topic\": \"kinds\"},";
    assertThat(shape("POST", "/notifications", document(named, body)))
        .contains(new WebhookSubscriptionShape("callback", "kinds"));
  }

  @Test
  void readsTheAddressAndTopicsOfARequest() throws Exception {
    WebhookSubscriptionShape s = new WebhookSubscriptionShape("url", "events");
    JsonNode many = JSON.readTree("{\"url\": \"http://h/x\", \"events\": [\"a\", 1, \"b\"]}");
    assertThat(s.address(many)).isEqualTo("http://h/x");
    assertThat(s.topics(many)).containsExactly("a", "b");
    JsonNode one = JSON.readTree("{\"url\": 5, \"events\": \"a\"}");
    assertThat(s.address(one)).isEmpty();
    assertThat(s.topics(one)).containsExactly("a");
  }
}
