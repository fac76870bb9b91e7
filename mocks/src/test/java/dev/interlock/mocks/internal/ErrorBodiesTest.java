package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

  static final SpecTree TREE =
      SpecTree.ofRoot(
          Steps.json(
              """
              {"components": {"schemas": {
                "Nested": {"type": "object", "properties": {"error": {"$ref": "#/components/schemas/Inner"}}},
                "Inner": {"type": "object", "required": ["type"], "properties": {
                  "type": {"type": "string", "enum": ["api_error", "idempotency_error", "invalid_request_error"]},
                  "message": {"type": "string"}, "param": {"type": "string"}, "code": {"type": "string"}}},
                "Flat": {"type": "object", "properties": {
                  "status": {"type": "integer"}, "title": {"type": "string"}, "detail": {"type": "string"},
                  "invalid_params": {"type": "array", "items": {"type": "object", "properties": {
                    "name": {"type": "string"}, "reason": {"type": "string"}, "pointer": {"type": "string"}}}}}}
              }}}
              """));

  static final Violation SIZE =
      new Violation("/body/items/0/size", "too small", "validation.request.body.schema.minimum");
  static final Violation LIMIT =
      new Violation("/query/limit", "too large", "validation.request.parameter.schema.maximum");

  JsonNode fill(String schema, String declared, ErrorFacts facts) {
    return new ErrorBodies(TREE)
        .fill(
            Steps.json(declared),
            TREE.at(JsonPointer.parse("#/components/schemas/" + schema)),
            facts);
  }

  @Test
  void aNestedErrorObjectGetsTheMessageTheLocationAndTheEnumValueNamingTheKindOfError() {
    ErrorFacts facts =
        new ErrorFacts(
            400, "Invalid", "items.0.size is too small", SIZE.code(), List.of(SIZE), false);
    JsonNode body =
        fill(
            "Nested", "{\"error\": {\"type\": \"api_error\", \"message\": \"message_x1\"}}", facts);
    assertThat(body.at("/error/type").asText()).isEqualTo("invalid_request_error");
    assertThat(body.at("/error/message").asText()).isEqualTo("items.0.size is too small");
    assertThat(body.at("/error/param").asText()).isEqualTo("items.0.size");
    assertThat(body.at("/error/code").asText()).isEqualTo(SIZE.code());
  }

  @Test
  void anIdempotencyConflictPicksTheIdempotencyKindAndLeavesNoLocation() {
    ErrorFacts facts = ErrorFacts.of(409, "Conflict", "key reused", "idempotency-key-reused");
    JsonNode body =
        fill("Nested", "{\"error\": {\"type\": \"api_error\", \"param\": \"param_x1\"}}", facts);
    assertThat(body.at("/error/type").asText()).isEqualTo("idempotency_error");
    assertThat(body.at("/error/param").isMissingNode()).isTrue();
  }

  @Test
  void anArrayOfErrorObjectsGetsOnePerViolationAndTheStatusItsNumber() {
    ErrorFacts facts =
        new ErrorFacts(422, "Invalid", "two problems", null, List.of(SIZE, LIMIT), false);
    JsonNode body = fill("Flat", "{\"status\": 1, \"invalid_params\": []}", facts);
    assertThat(body.path("status").asInt()).isEqualTo(422);
    assertThat(body.path("title").asText()).isEqualTo("Invalid");
    assertThat(body.path("detail").asText()).isEqualTo("two problems");
    assertThat(body.path("invalid_params")).hasSize(2);
    assertThat(body.at("/invalid_params/0/reason").asText()).isEqualTo("too small");
    assertThat(body.at("/invalid_params/0/pointer").asText()).isEqualTo("/body/items/0/size");
    assertThat(body.at("/invalid_params/1/pointer").asText()).isEqualTo("/query/limit");
  }

  @Test
  void aLocationIsSpelledAsTheClientSpelledIt() {
    assertThat(ErrorFacts.param(SIZE, false)).isEqualTo("items.0.size");
    assertThat(ErrorFacts.param(SIZE, true)).isEqualTo("items[0][size]");
    assertThat(ErrorFacts.param(LIMIT, true)).isEqualTo("limit");
    assertThat(ErrorFacts.param(new Violation("/body", "not JSON", "k"), false)).isEmpty();
  }
}
