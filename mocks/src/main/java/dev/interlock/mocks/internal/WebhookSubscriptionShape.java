package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a vendor's "subscribe a webhook" operation carries the delivery address and the topics, if
 * the operation is one. The rule: <b>a POST to a collection whose path contains {@code webhook} and
 * whose JSON request body has both an address property and a topic property subscribes a
 * webhook</b>.
 *
 * <ul>
 *   <li>address: the property named {@code address}, {@code url}, {@code callbackUrl} or {@code
 *       endpoint} (case, {@code _} and {@code -} ignored), else the first of format {@code uri};
 *   <li>topic: the property named {@code topic(s)}, {@code event(s)}, {@code event_type(s)} or
 *       {@code enabled_events}; a string or an array of strings;
 *   <li>{@code x-interlock-webhook-subscription} on the operation overrides the rule: {@code false}
 *       never, {@code true} whatever the path, {@code {address: NAME, topic: NAME}} names the
 *       properties (and also applies whatever the path).
 * </ul>
 *
 * A generic rule rather than a list of vendors: it matches the storefront's {@code POST
 * /webhooks/subscriptions {topic, address}} as well as Stripe's {@code POST /v1/webhook_endpoints
 * {url, enabled_events}}, and an API it guesses wrong for is corrected in its own contract.
 */
record WebhookSubscriptionShape(String addressProperty, String topicProperty) {

  static final String EXTENSION = "x-interlock-webhook-subscription";

  private static final Set<String> ADDRESS_NAMES =
      Set.of("address", "url", "callbackurl", "endpoint");
  private static final Set<String> TOPIC_NAMES =
      Set.of("topic", "topics", "event", "events", "eventtype", "eventtypes", "enabledevents");

  static Optional<WebhookSubscriptionShape> of(OperationModel op) {
    return of(op.method(), op.template(), op.node(), op.version().tree());
  }

  /** The shape of the operation {@code operation} (its node in {@code tree}), if it subscribes. */
  static Optional<WebhookSubscriptionShape> of(
      String method, String template, JsonNode operation, SpecTree tree) {
    if (!method.equalsIgnoreCase("POST") || template.endsWith("}")) {
      return Optional.empty(); // only a create stores a resource whose id DELETE names later
    }
    JsonNode override = operation.path(EXTENSION);
    if (override.isBoolean() && !override.booleanValue()) {
      return Optional.empty();
    }
    boolean forced = override.isObject() || (override.isBoolean() && override.booleanValue());
    if (!forced && !template.toLowerCase(Locale.ROOT).contains("webhook")) {
      return Optional.empty();
    }
    Map<String, JsonNode> properties = bodyProperties(tree, operation);
    String address = override.path("address").asText("");
    if (address.isEmpty()) {
      address = named(properties, ADDRESS_NAMES);
    }
    if (address == null) {
      address =
          properties.entrySet().stream()
              .filter(p -> p.getValue().path("format").asText("").equals("uri"))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
    }
    String topic = override.path("topic").asText("");
    if (topic.isEmpty()) {
      topic = named(properties, TOPIC_NAMES);
    }
    if (address == null || topic == null || address.equals(topic)) {
      return Optional.empty();
    }
    return Optional.of(new WebhookSubscriptionShape(address, topic));
  }

  /** The address in a request body, or empty. */
  String address(JsonNode body) {
    JsonNode a = body.path(addressProperty);
    return a.isTextual() ? a.asText() : "";
  }

  /** The topics in a request body: the string, or the strings of the array. */
  Set<String> topics(JsonNode body) {
    JsonNode t = body.path(topicProperty);
    Set<String> out = new LinkedHashSet<>();
    if (t.isTextual()) {
      out.add(t.asText());
    } else if (t.isArray()) {
      for (JsonNode item : t) {
        if (item.isTextual()) {
          out.add(item.asText());
        }
      }
    }
    return out;
  }

  private static String named(Map<String, JsonNode> properties, Set<String> names) {
    for (String p : properties.keySet()) {
      if (names.contains(p.toLowerCase(Locale.ROOT).replaceAll("[-_]", ""))) {
        return p;
      }
    }
    return null;
  }

  /** The properties of the operation's JSON request body schema, {@code allOf} branches merged. */
  private static Map<String, JsonNode> bodyProperties(SpecTree tree, JsonNode operation) {
    JsonNode content = tree.deref(operation.path("requestBody")).path("content");
    for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> media = it.next();
      if (media.getKey().toLowerCase(Locale.ROOT).contains("json")) {
        return tree.properties(media.getValue().path("schema"));
      }
    }
    return Map.of();
  }
}
