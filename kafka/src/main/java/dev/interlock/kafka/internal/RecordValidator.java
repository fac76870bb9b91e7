package dev.interlock.kafka.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.document.SourceDocument;
import dev.interlock.core.schema.JsonSchemaValidator;
import dev.interlock.core.schema.SchemaDialect;
import dev.interlock.core.schema.SchemaViolation;
import dev.interlock.kafka.TopicBinding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Judges one record against the messages its topic declares: the value against the payload schema
 * (decoded as the content type), the headers against the headers schema (strings read as the
 * schema's types), the key against {@code bindings.kafka.key}, a {@code Content-Type} header
 * against the contract's. When a topic carries several messages the record is judged as the one it
 * fits best. Each finding names the record ({@code topic/partition@offset}) and the contract
 * location.
 */
public final class RecordValidator {

  public static final String CODE_PAYLOAD = "verify.kafka.payload";
  public static final String CODE_HEADERS = "verify.kafka.headers";
  public static final String CODE_KEY = "verify.kafka.key";
  public static final String CODE_CONTENT_TYPE = "verify.kafka.content-type";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<SourceDocument, JsonSchemaValidator> validators = new IdentityHashMap<>();

  /** Findings for one record; empty when it matches one of the topic's messages. */
  public List<Diagnostic> validate(TopicBinding topic, ConsumerRecord<byte[], byte[]> record) {
    List<Diagnostic> best = null;
    for (TopicBinding.Message m : topic.messages()) {
      List<Diagnostic> findings = validate(m, record);
      if (best == null || findings.size() < best.size()) {
        best = findings;
      }
      if (findings.isEmpty()) {
        break;
      }
    }
    return best == null ? List.of() : best;
  }

  private List<Diagnostic> validate(TopicBinding.Message m, ConsumerRecord<byte[], byte[]> r) {
    SourceDocument doc = m.contract().source();
    JsonSchemaValidator validator =
        validators.computeIfAbsent(
            doc, d -> JsonSchemaValidator.forDocument(d, SchemaDialect.DRAFT_7));
    String where = r.topic() + "/" + r.partition() + "@" + r.offset();
    String name = "'" + m.message().name() + "'";
    List<Diagnostic> out = new ArrayList<>();
    Map<String, String> headers = RecordCodec.headers(r);
    String declaredType = m.contentType();
    String sentType = headerIgnoringCase(headers, "content-type");
    if (sentType != null && !sameType(sentType, declaredType)) {
      out.add(
          Diagnostic.error(CODE_CONTENT_TYPE, where + ": content type differs from message " + name)
              .at(doc.locate(m.message().pointer()))
              .expected(declaredType)
              .actual(sentType)
              .build());
    }
    if (m.message().payloadSchema().isPresent()) {
      JsonPointer schema = m.message().payloadSchema().get();
      try {
        JsonNode payload = PayloadCodec.decode(declaredType, r.value());
        for (SchemaViolation v : validator.validate(schema, payload)) {
          out.add(finding(CODE_PAYLOAD, where, "payload", name, v, doc, schema));
        }
      } catch (IllegalArgumentException e) {
        out.add(
            Diagnostic.error(CODE_PAYLOAD, where + ": payload of " + name + ": " + e.getMessage())
                .at(doc.locate(schema))
                .expected(declaredType)
                .actual(abbreviate(r.value()))
                .build());
      }
    }
    if (m.message().headersSchema().isPresent()) {
      JsonPointer schema = m.message().headersSchema().get();
      for (SchemaViolation v : validator.validate(schema, typedHeaders(doc, schema, headers))) {
        out.add(finding(CODE_HEADERS, where, "headers", name, v, doc, schema));
      }
    }
    if (m.keySchema().isPresent()) {
      JsonPointer schema = m.keySchema().get();
      if (r.key() == null) {
        out.add(
            Diagnostic.error(CODE_KEY, where + ": record has no key; message " + name + " has one")
                .at(doc.locate(schema))
                .expected("a key matching bindings.kafka.key")
                .actual("no key")
                .build());
      } else {
        JsonNode key = keyValue(doc.at(schema), r.key());
        for (SchemaViolation v : validator.validate(schema, key)) {
          out.add(finding(CODE_KEY, where, "key", name, v, doc, schema));
        }
      }
    }
    return out;
  }

  private static Diagnostic finding(
      String code,
      String where,
      String part,
      String name,
      SchemaViolation v,
      SourceDocument doc,
      JsonPointer schema) {
    String at = v.instancePointer().isRoot() ? "" : " at " + v.instancePointer();
    return Diagnostic.error(
            code, where + ": " + part + at + " does not match message " + name + ": " + v.message())
        .at(doc.locate(schema))
        .expected("the schema at " + schema + " (" + v.keyword() + ")")
        .actual(part + " " + (v.instancePointer().isRoot() ? "/" : v.instancePointer()))
        .build();
  }

  /** Header strings as the types the headers schema declares, so a numeric header can pass. */
  private static ObjectNode typedHeaders(
      SourceDocument doc, JsonPointer schema, Map<String, String> headers) {
    JsonNode properties = doc.at(doc.deref(schema)).path("properties");
    ObjectNode out = JSON.createObjectNode();
    for (Map.Entry<String, String> h : headers.entrySet()) {
      String name = propertyName(properties, h.getKey());
      if (name == null) {
        continue; // the broker and clients add headers of their own; only declared ones are judged
      }
      String type = doc.at(doc.deref(schema)).path("properties").path(name).path("type").asText("");
      try {
        switch (type) {
          case "integer" -> out.put(name, Long.parseLong(h.getValue()));
          case "number" -> out.put(name, Double.parseDouble(h.getValue()));
          case "boolean" -> out.put(name, Boolean.parseBoolean(h.getValue()));
          default -> out.put(name, h.getValue());
        }
      } catch (NumberFormatException e) {
        out.put(name, h.getValue());
      }
    }
    return out;
  }

  private static String propertyName(JsonNode properties, String header) {
    for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
      String p = it.next();
      if (p.equalsIgnoreCase(header)) {
        return p;
      }
    }
    return null;
  }

  private static JsonNode keyValue(JsonNode keySchema, byte[] key) {
    String text = new String(key, StandardCharsets.UTF_8);
    if (keySchema.path("type").asText("string").equals("string")) {
      return TextNode.valueOf(text);
    }
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      return TextNode.valueOf(text);
    }
  }

  private static String headerIgnoringCase(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  private static boolean sameType(String a, String b) {
    return base(a).equals(base(b));
  }

  private static String base(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private static String abbreviate(byte[] value) {
    if (value == null) {
      return "no value";
    }
    String s = new String(value, StandardCharsets.UTF_8);
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
