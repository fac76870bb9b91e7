package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  static final ContractVersion SHOP = Steps.shop();
  final Problems problems = Steps.problems();

  @Test
  void aProblemIsRfc9457Json() {
    Reply r = Problems.problem(418, "Teapot", "Short and stout.", null);
    assertThat(r.status()).isEqualTo(418);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    JsonNode body = Steps.json(r.body());
    assertThat(body.path("title").asText()).isEqualTo("Teapot");
    assertThat(body.path("status").asInt()).isEqualTo(418);
    assertThat(body.path("detail").asText()).isEqualTo("Short and stout.");
  }

  @Test
  void aDeclaredErrorStatusTakesTheContractsMediaTypeWithOurDetailWhereTheSchemaAllows() {
    Reply r = problems.error(Steps.operation(SHOP, "getOrder"), 404, "Not found", "No 'x'.", null);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(Steps.json(r.body()).path("detail").asText()).isEqualTo("No 'x'.");
  }

  @Test
  void anUndeclaredStatusIsAProblem() {
    Reply r =
        problems.error(Steps.operation(SHOP, "getProduct"), 429, "Too many", "Slow down.", null);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(Steps.json(r.body()).path("status").asInt()).isEqualTo(429);
  }
}
