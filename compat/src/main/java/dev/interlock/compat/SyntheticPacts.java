package dev.interlock.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.OpenApiOperation;
import dev.interlock.core.document.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a Pact V3 file of N interactions from an OpenAPI contract's GET operations, for scale
 * tests and the compatibility benchmark. The interactions are valid by construction, so checking
 * them times the common passing case, not error reporting.
 */
public final class SyntheticPacts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SyntheticPacts() {}

  /**
   * Writes {@code count} GET interactions (consumer {@code synthetic}, provider {@code provider})
   * to {@code file}, cycling over the operations of {@code spec} that answer 200 with JSON: path
   * parameters filled in, required query parameters given a value of their type (the first enum
   * value when there is one), a bearer token, and a minimal response body ({@code {"object":
   * "<constant>"}} when the 200 schema declares one, else {@code {}}).
   *
   * @return {@code file}
   * @throws IllegalArgumentException when {@code spec} has no GET operation answering 200 with JSON
   */
  public static Path writeGets(OpenApiContract spec, String provider, int count, Path file)
      throws IOException {
    List<OpenApiOperation> gets =
        spec.operations().stream()
            .filter(o -> o.method().equals("GET"))
            .filter(o -> !spec.source().at(json200(spec.source(), o)).isMissingNode())
            .toList();
    if (gets.isEmpty()) {
      throw new IllegalArgumentException(
          spec.source().file() + ": no GET operation answers 200 with application/json");
    }
    ObjectNode pact = JSON.createObjectNode();
    pact.putObject("consumer").put("name", "synthetic");
    pact.putObject("provider").put("name", provider);
    ArrayNode interactions = pact.putArray("interactions");
    for (int i = 0; i < count; i++) {
      OpenApiOperation op = gets.get(i % gets.size());
      ObjectNode it = interactions.addObject();
      it.put("description", "GET " + op.path() + " #" + i);
      ObjectNode rq = it.putObject("request");
      rq.put("method", "GET");
      rq.put("path", op.path().replaceAll("\\{[^}]+}", "abc" + (i % 7)));
      rq.putObject("headers").put("Authorization", "Bearer sk_test_123");
      ObjectNode query = requiredQuery(spec.source(), op);
      if (!query.isEmpty()) {
        rq.set("query", query);
      }
      ObjectNode rs = it.putObject("response");
      rs.put("status", 200);
      rs.putObject("headers").put("Content-Type", "application/json");
      rs.set("body", minimalBody(spec.source(), op));
    }
    pact.putObject("metadata").putObject("pactSpecification").put("version", "3.0.0");
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pact));
    return file;
  }

  private static JsonPointer json200(SourceDocument source, OpenApiOperation op) {
    return source
        .deref(op.pointer().append("responses").append("200"))
        .append("content")
        .append("application/json");
  }

  private static ObjectNode requiredQuery(SourceDocument source, OpenApiOperation op) {
    ObjectNode query = JSON.createObjectNode();
    JsonNode params = source.at(op.pointer().append("parameters"));
    for (int k = 0; k < params.size(); k++) {
      JsonNode p = source.at(source.deref(op.pointer().append("parameters").append(k)));
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

  private static JsonNode minimalBody(SourceDocument source, OpenApiOperation op) {
    ObjectNode body = JSON.createObjectNode();
    JsonNode schema = source.at(source.deref(json200(source, op).append("schema")));
    JsonNode object = schema.path("properties").path("object").path("enum");
    if (object.isArray() && object.size() == 1) {
      body.set("object", object.get(0));
    }
    return body;
  }
}
