package dev.interlock.bench.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.OpenApiOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Large pacts that both tools read from the same file: valid by construction, so the time is that
 * of a passing check (the common case in CI), not of error reporting.
 */
final class GeneratedPacts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private GeneratedPacts() {}

  /**
   * {@code count} GET interactions cycling over the operations of {@code spec} that answer 200 with
   * JSON: path parameters filled in, required query parameters given a value of their type, and a
   * minimal response body. The approach of the verifiers' {@code StripeScaleTest}.
   */
  static Path gets(OpenApiContract spec, int count, Path file) throws IOException {
    List<OpenApiOperation> gets =
        spec.operations().stream()
            .filter(o -> o.method().equals("GET"))
            .filter(o -> !json200(spec, o).isMissingNode())
            .toList();
    ObjectNode pact = pact("scale", "stripe");
    ArrayNode interactions = (ArrayNode) pact.get("interactions");
    for (int i = 0; i < count; i++) {
      OpenApiOperation op = gets.get(i % gets.size());
      ObjectNode it = interactions.addObject();
      it.put("description", "GET " + op.path() + " #" + i);
      ObjectNode rq = it.putObject("request");
      rq.put("method", "GET");
      rq.put("path", op.path().replaceAll("\\{[^}]+}", "abc" + (i % 7)));
      rq.putObject("headers").put("Authorization", "Bearer sk_test_123");
      ObjectNode query = requiredQuery(spec, op);
      if (!query.isEmpty()) {
        rq.set("query", query);
      }
      ObjectNode rs = it.putObject("response");
      rs.put("status", 200);
      rs.putObject("headers").put("Content-Type", "application/json");
      rs.set("body", minimalBody(spec, op));
    }
    return write(pact, file);
  }

  /** The interactions of an existing pact repeated up to {@code count}, each description unique. */
  static Path repeated(Path pactFile, int count, Path file) throws IOException {
    JsonNode source = JSON.readTree(pactFile.toFile());
    ObjectNode pact = (ObjectNode) source.deepCopy();
    ArrayNode interactions = pact.putArray("interactions");
    JsonNode originals = source.get("interactions");
    for (int i = 0; i < count; i++) {
      ObjectNode it = (ObjectNode) originals.get(i % originals.size()).deepCopy();
      it.put("description", it.path("description").asText() + " #" + i);
      interactions.add(it);
    }
    return write(pact, file);
  }

  private static ObjectNode pact(String consumer, String provider) {
    ObjectNode pact = JSON.createObjectNode();
    pact.putObject("consumer").put("name", consumer);
    pact.putObject("provider").put("name", provider);
    pact.putArray("interactions");
    pact.putObject("metadata").putObject("pactSpecification").put("version", "3.0.0");
    return pact;
  }

  private static Path write(ObjectNode pact, Path file) throws IOException {
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pact));
    return file;
  }

  private static JsonNode json200(OpenApiContract spec, OpenApiOperation op) {
    JsonPointer response = spec.source().deref(op.pointer().append("responses").append("200"));
    return spec.source().at(response.append("content").append("application/json"));
  }

  private static ObjectNode requiredQuery(OpenApiContract spec, OpenApiOperation op) {
    ObjectNode query = JSON.createObjectNode();
    JsonNode params = spec.source().at(op.pointer().append("parameters"));
    for (int k = 0; k < params.size(); k++) {
      JsonNode p =
          spec.source().at(spec.source().deref(op.pointer().append("parameters").append(k)));
      if (p.path("in").asText().equals("query") && p.path("required").asBoolean(false)) {
        JsonNode schema = p.path("schema");
        String value =
            schema.path("enum").isArray()
                ? schema.path("enum").get(0).asText()
                : switch (schema.path("type").asText("string")) {
                  case "integer", "number" -> "1";
                  case "boolean" -> "true";
                  default -> "abc";
                };
        query.putArray(p.path("name").asText()).add(value);
      }
    }
    return query;
  }

  /** {"object": "<the constant>"} when the 200 schema declares one, else {}. */
  private static JsonNode minimalBody(OpenApiContract spec, OpenApiOperation op) {
    ObjectNode body = JSON.createObjectNode();
    JsonNode schema = json200(spec, op).path("schema");
    if (schema.has("$ref")) {
      schema =
          spec.source().at(spec.source().deref(JsonPointer.parse(schema.get("$ref").asText())));
    }
    JsonNode object = schema.path("properties").path("object").path("enum");
    if (object.isArray() && object.size() == 1) {
      body.set("object", object.get(0));
    }
    return body;
  }
}
