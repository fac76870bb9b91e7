package dev.interlock.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.compat.internal.BodyCheck;
import dev.interlock.compat.internal.MediaTypes;
import dev.interlock.compat.internal.RuleSet;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.AsyncApiMessage;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import dev.interlock.core.schema.SchemaDialect;
import dev.interlock.core.schema.SchemaViolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Is every message of a message pact (V3/V4) a valid message of the provider's AsyncAPI contract?
 * The AsyncAPI message is found by the pact's metadata ({@code topic}, {@code destination}: the
 * channel address) and description (which names the message, e.g. "an order.created webhook"), then
 * the contents are validated against the payload schema (required relaxed, undeclared fields
 * reported, matchers honoured), the metadata against the headers schema and the content type.
 */
public final class MessageCompatibility {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PACT_METADATA =
      Set.of("contenttype", "content-type", "topic", "destination", "kafka_topic", "channel");

  private final AsyncApiContract asyncApi;
  private final SourceDocument doc;
  private final BodyCheck bodies;

  private MessageCompatibility(AsyncApiContract asyncApi) {
    this.asyncApi = asyncApi;
    this.doc = asyncApi.source();
    this.bodies = new BodyCheck(doc, SchemaDialect.DRAFT_7);
  }

  public static MessageCompatibility of(AsyncApiContract asyncApi) {
    return new MessageCompatibility(asyncApi);
  }

  public static CompatReport check(PactContract pact, AsyncApiContract asyncApi) {
    return of(asyncApi).check(pact);
  }

  public CompatReport check(PactContract pact) {
    long start = System.nanoTime();
    List<CompatReport.Entry> entries = new ArrayList<>();
    List<PactInteraction> all = pact.interactions();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) instanceof PactInteraction.Message m) {
        entries.add(check(pact, m, i));
      }
    }
    return new CompatReport(
        pact.file(),
        asyncApi.file(),
        pact.consumer(),
        pact.provider(),
        entries,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private CompatReport.Entry check(PactContract pact, PactInteraction.Message m, int position) {
    SourceDocument pactDoc = pact.source();
    InteractionRef ref =
        new InteractionRef(m.description(), position, m.pointer(), pactDoc.locate(m.pointer()));
    List<Mismatch> out = new ArrayList<>();
    JsonNode contents = parse(m);
    JsonPointer contentsPointer = m.pointer().append("contents");
    JsonNode rawContents = pactDoc.at(contentsPointer);
    if (rawContents.isObject()
        && rawContents.has("content")
        && pact.specVersion().startsWith("4")) {
      contentsPointer = contentsPointer.append("content");
    }
    String topic = metadata(m, "topic", "destination", "kafka_topic", "channel");
    String contentType = metadata(m, "contentType", "content-type");
    if (contentType == null && m.contents().isPresent()) {
      contentType = m.contents().get().contentType();
    }
    List<AsyncApiMessage> candidates = candidates(m, topic);
    String evidence = pactDoc.at(m.pointer()).toString();
    if (candidates.isEmpty()) {
      out.add(
          new Mismatch(
              MismatchCodes.MESSAGE_UNKNOWN,
              Severity.ERROR,
              Side.MESSAGE,
              "no message of the AsyncAPI contract matches this pact message"
                  + (topic == null ? "" : " (topic '" + topic + "')"),
              ref,
              locate(pactDoc, m.pointer().append("description")),
              JsonPointer.ROOT,
              doc.locate(JsonPointer.of(asyncApi.isV3() ? "components" : "channels")),
              "one of "
                  + asyncApi.messages().stream()
                      .map(x -> x.channel() + "/" + x.name())
                      .distinct()
                      .toList(),
              m.description()));
      return new CompatReport.Entry(ref, Side.MESSAGE, "", out, null, evidence);
    }
    // several candidates: the one whose payload fits best
    AsyncApiMessage chosen = candidates.get(0);
    if (candidates.size() > 1 && contents != null) {
      RuleSet rules = RuleSet.fromModel(m.matchingRules());
      chosen =
          candidates.stream()
              .min(
                  Comparator.comparingInt(
                      c ->
                          c.payloadSchema()
                              .map(p -> bodies.check(p, contents, rules, true).size())
                              .orElse(100)))
              .orElse(chosen);
    }
    String expectedType = chosen.contentType().orElse(asyncApi.defaultContentType());
    if (contentType != null
        && expectedType != null
        && MediaTypes.score(expectedType, contentType) == 0) {
      out.add(
          new Mismatch(
              MismatchCodes.MESSAGE_CONTENT_TYPE_UNSUPPORTED,
              Severity.ERROR,
              Side.MESSAGE,
              "content type '" + contentType + "' is not the message's '" + expectedType + "'",
              ref,
              locate(pactDoc, m.pointer().append("metadata")),
              JsonPointer.of("contentType"),
              doc.locate(chosen.pointer()),
              expectedType,
              contentType));
    }
    if (contents != null && chosen.payloadSchema().isPresent()) {
      JsonPointer base = contentsPointer;
      for (BodyCheck.Finding f :
          bodies.check(
              chosen.payloadSchema().get(), contents, RuleSet.fromModel(m.matchingRules()), true)) {
        String code =
            switch (f.kind()) {
              case INVALID -> MismatchCodes.MESSAGE_PAYLOAD_INVALID;
              case UNKNOWN_FIELD -> MismatchCodes.MESSAGE_PAYLOAD_UNKNOWN_FIELD;
              case MATCHER -> MismatchCodes.MESSAGE_MATCHER_INCOMPATIBLE;
            };
        String where =
            f.instancePointer().isRoot() ? "contents" : "contents " + f.instancePointer();
        out.add(
            new Mismatch(
                code,
                Severity.ERROR,
                Side.MESSAGE,
                where + ": " + f.message(),
                ref,
                locate(pactDoc, new JsonPointer(base.value() + f.instancePointer().value())),
                f.instancePointer(),
                doc.locate(f.schemaPointer()),
                f.expected(),
                f.actual()));
      }
    }
    chosen.headersSchema().ifPresent(h -> headers(m, h, ref, pactDoc, out));
    return new CompatReport.Entry(
        ref, Side.MESSAGE, chosen.channel() + "/" + chosen.name(), out, null, evidence);
  }

  private void headers(
      PactInteraction.Message m,
      JsonPointer schema,
      InteractionRef ref,
      SourceDocument pactDoc,
      List<Mismatch> out) {
    JsonNode schemaNode = doc.at(doc.deref(schema));
    JsonNode props = schemaNode.path("properties");
    ObjectNode headers = JsonNodeFactory.instance.objectNode();
    Map<String, JsonNode> metadata = rawMetadata(m, pactDoc);
    for (Map.Entry<String, JsonNode> e : metadata.entrySet()) {
      if (PACT_METADATA.contains(e.getKey().toLowerCase(Locale.ROOT)) && !props.has(e.getKey())) {
        continue;
      }
      JsonNode value = e.getValue();
      String type =
          doc.at(
                  doc.deref(
                      JsonPointer.parse(doc.deref(schema).value())
                          .append("properties")
                          .append(e.getKey())))
              .path("type")
              .asText("");
      if (value.isTextual() && (type.equals("integer") || type.equals("number"))) {
        try {
          value =
              type.equals("integer")
                  ? JsonNodeFactory.instance.numberNode(
                      new java.math.BigInteger(value.asText().trim()))
                  : JsonNodeFactory.instance.numberNode(
                      new java.math.BigDecimal(value.asText().trim()));
        } catch (NumberFormatException ignored) {
          // left as text: the schema reports it
        }
      } else if (value.isNumber() && type.equals("string")) {
        value = JsonNodeFactory.instance.textNode(value.asText());
      } else if (value.isTextual()
          && type.equals("boolean")
          && (value.asText().equals("true") || value.asText().equals("false"))) {
        value = JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value.asText()));
      }
      headers.set(e.getKey(), value);
    }
    for (SchemaViolation v : bodies.validateValue(schema, headers)) {
      boolean required = "required".equals(v.keyword());
      String name = v.instancePointer().isRoot() ? "" : v.instancePointer().tokens().get(0);
      out.add(
          new Mismatch(
              required
                  ? MismatchCodes.MESSAGE_HEADER_REQUIRED_MISSING
                  : MismatchCodes.MESSAGE_HEADER_INVALID,
              required ? Severity.WARNING : Severity.ERROR,
              Side.MESSAGE,
              "metadata " + (name.isEmpty() ? "" : "'" + name + "' ") + v.message(),
              ref,
              locate(
                  pactDoc,
                  name.isEmpty()
                      ? m.pointer().append("metadata")
                      : m.pointer().append("metadata").append(name)),
              name.isEmpty() ? JsonPointer.ROOT : JsonPointer.of(name),
              doc.locate(
                  name.isEmpty() || !props.has(name)
                      ? doc.deref(schema)
                      : JsonPointer.parse(doc.deref(schema).value())
                          .append("properties")
                          .append(name)),
              null,
              name.isEmpty() || !metadata.containsKey(name)
                  ? null
                  : metadata.get(name).toString()));
    }
  }

  /** Metadata as written in the pact file (Pact JVM wraps values in its own JSON types). */
  private static Map<String, JsonNode> rawMetadata(
      PactInteraction.Message m, SourceDocument pactDoc) {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    JsonNode raw = pactDoc.at(m.pointer().append("metadata"));
    if (raw.isObject()) {
      raw.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
      return out;
    }
    m.metadata()
        .forEach((k, v) -> out.put(k, JsonNodeFactory.instance.textNode(String.valueOf(v))));
    return out;
  }

  /** The AsyncAPI messages that may be the pact's message, most likely first. */
  private List<AsyncApiMessage> candidates(PactInteraction.Message m, String topic) {
    List<AsyncApiMessage> all = asyncApi.messages();
    if (topic != null) {
      List<AsyncApiMessage> byChannel =
          all.stream().filter(x -> topic.equals(x.channel())).toList();
      if (!byChannel.isEmpty()) {
        return narrowByName(byChannel, m.description());
      }
    }
    List<AsyncApiMessage> byName =
        all.stream()
            .filter(
                x ->
                    mentions(m.description(), x.name())
                        || mentions(m.description(), x.channel())
                        || (x.operationId() != null && mentions(m.description(), x.operationId())))
            .sorted(Comparator.comparingInt((AsyncApiMessage x) -> -x.name().length()))
            .toList();
    return byName;
  }

  private static List<AsyncApiMessage> narrowByName(
      List<AsyncApiMessage> list, String description) {
    List<AsyncApiMessage> named =
        list.stream().filter(x -> mentions(description, x.name())).toList();
    return named.isEmpty() ? list : named;
  }

  private static boolean mentions(String description, String name) {
    if (description == null || name == null || name.isBlank()) {
      return false;
    }
    String d = description.toLowerCase(Locale.ROOT);
    String n = name.toLowerCase(Locale.ROOT);
    if (d.contains(n)) {
      return true;
    }
    // orderCreated ~ "order created" ~ order.created ~ order_created
    String squashed = n.replaceAll("[^a-z0-9]", "");
    return !squashed.isEmpty() && d.replaceAll("[^a-z0-9]", "").contains(squashed);
  }

  private static String metadata(PactInteraction.Message m, String... keys) {
    for (String k : keys) {
      for (Map.Entry<String, Object> e : m.metadata().entrySet()) {
        if (e.getKey().equalsIgnoreCase(k) && e.getValue() != null) {
          return String.valueOf(e.getValue());
        }
      }
    }
    return null;
  }

  private static JsonNode parse(PactInteraction.Message m) {
    if (m.contents().isEmpty() || m.contents().get().binary()) {
      return null;
    }
    try {
      return JSON.readTree(m.contents().get().text());
    } catch (Exception e) {
      return JsonNodeFactory.instance.textNode(m.contents().get().text());
    }
  }

  private static SourceLocation locate(SourceDocument doc, JsonPointer p) {
    JsonPointer at = p;
    while (!at.isRoot() && doc.at(at).isMissingNode()) {
      at = at.parent();
    }
    SourceLocation l = doc.locate(at);
    return new SourceLocation(l.file(), l.line(), l.column(), p);
  }
}
