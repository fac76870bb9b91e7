package dev.interlock.compat.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.interlock.compat.Mismatch;
import dev.interlock.compat.MismatchCodes;
import dev.interlock.compat.Side;
import dev.interlock.compat.internal.BodyCheck;
import dev.interlock.compat.internal.MediaTypes;
import dev.interlock.compat.internal.RuleSet;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A body the pact gives against the schema the contract has for it: parsed as JSON, form fields or
 * text, then judged by {@link BodyCheck} (as a reader for responses: {@code required} relaxed,
 * fields the provider never promised reported), with the pact's matching rules honoured.
 */
final class BodySchemaCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Exchange ex;
  private final SourceDocument doc;
  private final BodyCheck bodies;

  BodySchemaCheck(Exchange ex) {
    this.ex = ex;
    this.doc = ex.doc;
    this.bodies = ex.bodies;
  }

  /**
   * What differs between checking a request body and a response body: the codes, and who reads the
   * body ({@code receiving}: the consumer reads a response, so {@link BodyCheck} judges it as a
   * reader would).
   */
  enum Part {
    REQUEST(
        Side.REQUEST,
        "request",
        "the request body is not JSON",
        MismatchCodes.REQUEST_BODY_INVALID,
        MismatchCodes.REQUEST_BODY_INVALID,
        MismatchCodes.REQUEST_MATCHER_INCOMPATIBLE,
        false),
    RESPONSE(
        Side.RESPONSE,
        "response",
        "the expected response body is not JSON",
        MismatchCodes.RESPONSE_BODY_INVALID,
        MismatchCodes.RESPONSE_BODY_UNKNOWN_FIELD,
        MismatchCodes.RESPONSE_MATCHER_INCOMPATIBLE,
        true);

    final Side side;
    final String name;
    final String notJson;
    final String invalid;
    final String unknownField;
    final String matcher;
    final boolean receiving;

    Part(
        Side side,
        String name,
        String notJson,
        String invalid,
        String unknownField,
        String matcher,
        boolean receiving) {
      this.side = side;
      this.name = name;
      this.notJson = notJson;
      this.invalid = invalid;
      this.unknownField = unknownField;
      this.matcher = matcher;
      this.receiving = receiving;
    }
  }

  /** A body the pact gives, against the schema the contract has for it (if any). */
  void check(
      Part part,
      JsonPointer schema,
      PactInteraction.Body body,
      String contentType,
      RuleSet rules,
      List<Mismatch> out) {
    if (doc.at(schema).isMissingNode()) {
      return;
    }
    JsonNode instance = parseBody(body, contentType, schema);
    if (instance == null) {
      if (contentType == null || MediaTypes.isJson(contentType)) {
        out.add(
            ex.mismatch(
                part.invalid,
                part.side,
                part.notJson,
                ex.pactAt(part.name, "body"),
                JsonPointer.ROOT,
                ex.specAt(schema),
                "JSON",
                Exchange.abbreviate(body.text())));
      }
      return;
    }
    for (BodyCheck.Finding f : bodies.check(schema, instance, rules, part.receiving)) {
      String code =
          switch (f.kind()) {
            case INVALID -> part.invalid;
            case UNKNOWN_FIELD -> part.unknownField;
            case MATCHER -> part.matcher;
          };
      String where = f.instancePointer().isRoot() ? "body" : "body " + f.instancePointer();
      out.add(
          ex.mismatch(
              code,
              part.side,
              where + ": " + f.message(),
              ex.pactBody(part.name, f.instancePointer()),
              f.instancePointer(),
              ex.specAt(f.schemaPointer()),
              f.expected(),
              f.actual()));
    }
  }

  private JsonNode parseBody(PactInteraction.Body body, String contentType, JsonPointer schema) {
    String ct = contentType == null ? body.contentType() : contentType;
    if (ct != null && MediaTypes.parse(ct).type().equals("application/x-www-form-urlencoded")) {
      return form(body.text(), schema);
    }
    if (body.binary()) {
      return null;
    }
    try {
      return JSON.readTree(body.text());
    } catch (Exception e) {
      if (ct != null && !MediaTypes.isJson(ct)) {
        return TextNode.valueOf(body.text());
      }
      return null;
    }
  }

  private JsonNode form(String text, JsonPointer schema) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    JsonNode props = doc.at(doc.deref(schema)).path("properties");
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      JsonNode propSchema =
          doc.at(doc.deref(schema)).has("properties")
              ? doc.at(doc.deref(JsonPointer.parse(schema.value()).append("properties").append(k)))
              : props.path(k);
      JsonNode value = ParameterValues.coerce(propSchema, List.of(v), true);
      o.set(k, value == null ? TextNode.valueOf(v) : value);
    }
    return o;
  }
}
