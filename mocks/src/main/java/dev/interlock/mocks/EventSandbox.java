package dev.interlock.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.AsyncApiMessage;
import dev.interlock.core.schema.JsonSchemaValidator;
import dev.interlock.core.schema.SchemaDialect;
import dev.interlock.core.schema.SchemaViolation;
import dev.interlock.mocks.internal.SchemaSynthesizer;
import dev.interlock.mocks.internal.SpecTree;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event side of a sandbox, from AsyncAPI contracts: it publishes the contracts' messages
 * (payloads from the examples or synthesized from the schema, always valid against it) onto an
 * {@link EventChannel} and to registered webhooks, signed as the contract declares.
 *
 * <pre>{@code
 * try (EventSandbox events = EventSandbox.start(storefrontWebhooks, SandboxOptions.defaults())) {
 *   events.registerWebhook(URI.create("http://127.0.0.1:8080/webhooks"), Set.of("order.created"));
 *   events.publish("order.created", new ObjectMapper().createObjectNode().put("orderId", "ord_12345678"));
 * }
 * }</pre>
 *
 * Webhook headers follow the message's headers schema: the header whose name says signature gets
 * {@code PREFIX + hex HMAC-SHA256(secret, raw body)} (prefix from its pattern, default {@code
 * sha256=}); the correlation-id header (or one named like {@code event-id}) a fresh UUID per event;
 * a header whose enum holds the topic, the topic; one named like {@code attempt}, the attempt
 * number; the others the example's value or a synthesized one.
 */
public final class EventSandbox implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One message of a contract as this sandbox emits it. */
  private record Kind(
      AsyncApiContract contract,
      AsyncApiMessage message,
      SpecTree tree,
      JsonSchemaValidator validator,
      String eventIdHeader,
      String topicHeader) {}

  private final List<AsyncApiContract> contracts;
  private final SandboxOptions options;
  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private final EventChannel channel;
  private final WebhookDispatcher dispatcher;
  private final SplittableRandom random;
  private final AtomicLong published = new AtomicLong();

  private EventSandbox(
      List<AsyncApiContract> contracts, SandboxOptions options, EventChannel channel) {
    this.contracts = List.copyOf(contracts);
    this.options = options;
    this.channel = channel;
    this.random = new SplittableRandom(options.seed() ^ 0xE7E47L);
    WebhookDispatcher.Signing signing = null;
    for (AsyncApiContract c : contracts) {
      SpecTree tree = SpecTree.ofRoot(c.source().root());
      JsonSchemaValidator validator =
          JsonSchemaValidator.forDocument(c.source(), SchemaDialect.DRAFT_7);
      for (AsyncApiMessage m : c.messages()) {
        Map<String, JsonNode> headers =
            m.headersSchema().map(p -> tree.properties(tree.at(p))).orElse(Map.of());
        String signature = null;
        String attempt = null;
        String eventId = correlationHeader(tree.at(m.pointer()));
        String topic = null;
        for (Map.Entry<String, JsonNode> h : headers.entrySet()) {
          String n = h.getKey().toLowerCase(Locale.ROOT);
          if (n.contains("signature")) {
            signature = h.getKey();
          } else if (n.contains("attempt")) {
            attempt = h.getKey();
          } else if (eventId == null && n.replaceAll("[-_ ]", "").endsWith("eventid")) {
            eventId = h.getKey();
          } else if (topic == null && n.contains("topic")) {
            topic = h.getKey();
          }
        }
        if (signature != null && signing == null) {
          String pattern = headers.get(signature).path("pattern").asText("");
          String prefix =
              pattern.matches("\\^?[A-Za-z0-9-]+=.*") ? pattern.replaceFirst("^\\^", "") : "";
          prefix = prefix.isEmpty() ? "sha256=" : prefix.substring(0, prefix.indexOf('=') + 1);
          signing = new WebhookDispatcher.Signing(signature, prefix, attempt);
        }
        Kind k = new Kind(c, m, tree, validator, eventId, topic);
        kinds.putIfAbsent(m.name(), k);
        kinds.putIfAbsent(m.channel(), k);
        if (m.operationId() != null) {
          kinds.putIfAbsent(m.operationId(), k);
        }
      }
    }
    this.dispatcher =
        new WebhookDispatcher(
            options.clock(),
            options.seed(),
            options.timeScale(),
            options.webhooks(),
            signing == null ? WebhookDispatcher.Signing.DEFAULT : signing);
  }

  /** The event side of one contract, with an {@link InMemoryChannel}. */
  public static EventSandbox start(AsyncApiContract contract, SandboxOptions options) {
    return start(List.of(contract), options, new InMemoryChannel());
  }

  /** The event side of several contracts on one channel (a Kafka-backed one, for instance). */
  public static EventSandbox start(
      List<AsyncApiContract> contracts, SandboxOptions options, EventChannel channel) {
    return new EventSandbox(contracts, options, channel);
  }

  public List<AsyncApiContract> contracts() {
    return contracts;
  }

  /** The names of the messages this sandbox can publish (message names, in contract order). */
  public List<String> events() {
    return kinds.values().stream().map(k -> k.message().name()).distinct().toList();
  }

  public EventChannel channel() {
    return channel;
  }

  public WebhookDispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Whether an event is one this sandbox publishes: a message name, a channel (topic) or an
   * operation id of the contracts, or {@code "*"} for all of them.
   */
  public boolean publishes(String event) {
    return event.equals("*") || kinds.containsKey(event);
  }

  /**
   * Registers a webhook for the events (message names, topics or {@code "*"}).
   *
   * @throws IllegalArgumentException when an event is unknown or the URL is not http(s)
   */
  public WebhookSubscription registerWebhook(URI url, Set<String> events) {
    for (String e : events) {
      if (!publishes(e)) {
        throw new IllegalArgumentException(unknown(e));
      }
    }
    return dispatcher.register(url, events);
  }

  public boolean unregisterWebhook(String id) {
    return dispatcher.unregister(id);
  }

  public List<WebhookSubscription> webhooks() {
    return dispatcher.subscriptions();
  }

  /** Publishes the event with its example payload (or a synthesized one). */
  public EventMessage publish(String event) {
    return publish(event, null);
  }

  /**
   * Publishes the event: the example payload (or a synthesized one) with {@code overrides} laid
   * over it (objects merged, other values replaced), onto the channel and to every webhook that
   * wants it.
   *
   * @throws IllegalArgumentException when the event is unknown or the overrides make the payload
   *     invalid against the contract (the violations are listed)
   */
  public EventMessage publish(String event, JsonNode overrides) {
    Kind k = kind(event);
    JsonNode payload = samplePayload(event);
    if (overrides != null && !overrides.isNull()) {
      payload = merge(payload, overrides);
    }
    List<SchemaViolation> violations = validatePayload(k, payload);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException(
          "the payload of '"
              + k.message().name()
              + "' would not match the contract: "
              + violations);
    }
    String id;
    synchronized (random) {
      id = SchemaSynthesizer.uuid(random);
    }
    EventMessage m =
        new EventMessage(
            id,
            k.message().channel(),
            k.message().name(),
            headers(k, id),
            payload.toString(),
            options.clock().instant());
    published.incrementAndGet();
    channel.publish(m);
    dispatcher.dispatch(m);
    return m;
  }

  /** The payload {@link #publish(String)} would send: the first valid example, else synthesized. */
  public JsonNode samplePayload(String event) {
    Kind k = kind(event);
    for (JsonNode example : k.message().examples()) {
      JsonNode p = example.get("payload");
      if (p != null && validatePayload(k, p).isEmpty()) {
        return p.deepCopy();
      }
    }
    return synthesizePayload(event, 0);
  }

  /** A payload synthesized from the schema, the same for the same seed and {@code n}. */
  public JsonNode synthesizePayload(String event, long n) {
    Kind k = kind(event);
    if (k.message().payloadSchema().isEmpty()) {
      return JSON.createObjectNode();
    }
    JsonPointer schema = k.message().payloadSchema().get();
    SchemaSynthesizer synth = new SchemaSynthesizer(k.tree(), true);
    JsonNode value = null;
    for (int attempt = 0; attempt < 6; attempt++) {
      value =
          synth.generate(
              k.tree().at(schema),
              new SplittableRandom(
                  options.seed() * 31 + k.message().name().hashCode() * 17L + n * 7919 + attempt));
      if (validatePayload(k, value).isEmpty()) {
        break;
      }
    }
    return value;
  }

  /** Violations of a payload against the event's payload schema (empty: valid). */
  public List<SchemaViolation> validatePayload(String event, JsonNode payload) {
    return validatePayload(kind(event), payload);
  }

  /**
   * Violations of message headers (as strings, the way HTTP carries them) against the event's
   * headers schema; values are read as the schema's types.
   */
  public List<SchemaViolation> validateHeaders(String event, Map<String, String> headers) {
    Kind k = kind(event);
    if (k.message().headersSchema().isEmpty()) {
      return List.of();
    }
    JsonNode schema = k.tree().at(k.message().headersSchema().get());
    Map<String, JsonNode> declared = k.tree().properties(schema);
    ObjectNode object = JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> d : declared.entrySet()) {
      String value = null;
      for (Map.Entry<String, String> h : headers.entrySet()) {
        if (h.getKey().equalsIgnoreCase(d.getKey())) {
          value = h.getValue();
        }
      }
      if (value == null) {
        continue;
      }
      String type = d.getValue().path("type").asText("");
      try {
        switch (type) {
          case "integer" -> object.put(d.getKey(), Long.parseLong(value));
          case "number" -> object.put(d.getKey(), Double.parseDouble(value));
          case "boolean" -> object.put(d.getKey(), Boolean.parseBoolean(value));
          default -> object.put(d.getKey(), value);
        }
      } catch (NumberFormatException e) {
        object.put(d.getKey(), value);
      }
    }
    return k.validator().validate(k.message().headersSchema().get(), object);
  }

  /** Sends the webhook deliveries due now on the clock (for callers driving time themselves). */
  public List<WebhookDelivery> deliverDue() {
    return dispatcher.deliverDue();
  }

  /** The webhook delivery attempts made, oldest first (bounded). */
  public List<WebhookDelivery> deliveries() {
    return dispatcher.deliveries();
  }

  /** Switches the delivery scenario (duplicates, order, retries) at run time. */
  public void setWebhookOptions(WebhookOptions next) {
    dispatcher.setOptions(next);
  }

  /** Forgets queued deliveries and the delivery log; subscriptions stay. */
  public void reset() {
    dispatcher.clear();
  }

  public long publishedCount() {
    return published.get();
  }

  @Override
  public void close() {
    dispatcher.close();
    channel.close();
  }

  // ---------------------------------------------------------------- internals

  private Kind kind(String event) {
    Kind k = kinds.get(event);
    if (k == null) {
      throw new IllegalArgumentException(unknown(event));
    }
    return k;
  }

  private String unknown(String event) {
    return "no event '" + event + "' in the contracts (known: " + String.join(", ", events()) + ")";
  }

  private static List<SchemaViolation> validatePayload(Kind k, JsonNode payload) {
    if (k.message().payloadSchema().isEmpty()) {
      return List.of();
    }
    return k.validator().validate(k.message().payloadSchema().get(), payload);
  }

  private Map<String, String> headers(Kind k, String eventId) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<JsonPointer> schemaPointer = k.message().headersSchema();
    if (schemaPointer.isPresent()) {
      JsonNode schema = k.tree().at(schemaPointer.get());
      JsonNode synthesized =
          new SchemaSynthesizer(k.tree(), true)
              .generate(schema, new SplittableRandom(eventId.hashCode()));
      JsonNode example = JSON.createObjectNode();
      for (JsonNode e : k.message().examples()) {
        if (e.path("headers").isObject()) {
          example = e.get("headers");
          break;
        }
      }
      Map<String, JsonNode> declared = k.tree().properties(schema);
      for (Map.Entry<String, JsonNode> d : declared.entrySet()) {
        String name = d.getKey();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("signature") || name.equals(dispatcher.signing().attemptHeader())) {
          continue;
        }
        JsonNode value = example.get(name);
        JsonNode enumValues = d.getValue().path("enum");
        if (name.equals(k.eventIdHeader())) {
          out.put(name, eventId);
        } else if (name.equals(k.topicHeader())
            || containsText(enumValues, k.message().channel())
            || containsText(enumValues, k.message().name())) {
          boolean byName =
              containsText(enumValues, k.message().name())
                  && !containsText(enumValues, k.message().channel());
          out.put(name, byName ? k.message().name() : k.message().channel());
        } else if (value != null && value.isValueNode()) {
          out.put(name, value.asText());
        } else if (synthesized.has(name) && synthesized.get(name).isValueNode()) {
          out.put(name, synthesized.get(name).asText());
        }
      }
    }
    out.putIfAbsent("Content-Type", k.message().contentType().orElse("application/json"));
    return out;
  }

  private static boolean containsText(JsonNode array, String text) {
    for (JsonNode v : array) {
      if (v.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }

  /** The header named by {@code correlationId: {location: $message.header#/NAME}}, or null. */
  private static String correlationHeader(JsonNode message) {
    String location = message.path("correlationId").path("location").asText("");
    String prefix = "$message.header#/";
    return location.startsWith(prefix) ? location.substring(prefix.length()) : null;
  }

  private static JsonNode merge(JsonNode base, JsonNode overrides) {
    if (base instanceof ObjectNode b && overrides instanceof ObjectNode o) {
      ObjectNode out = b.deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        JsonNode existing = out.get(f.getKey());
        out.set(f.getKey(), existing == null ? f.getValue() : merge(existing, f.getValue()));
      }
      return out;
    }
    return overrides.deepCopy();
  }
}
