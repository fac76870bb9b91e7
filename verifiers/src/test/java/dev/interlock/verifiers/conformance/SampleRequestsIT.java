package dev.interlock.verifiers.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.SandboxOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public sample requests and the response conformance check, on a real sandbox. */
class SampleRequestsIT {

  static final OpenApiContract SHOP = Contracts.fixture("openapi/3.0/shop.yaml");

  @Test
  void buildsOneFilledValidRequestPerOperationWithCredentialPlaceholders() {
    List<SampleRequest> requests = SampleRequests.forContract(SHOP);
    assertThat(requests)
        .extracting(SampleRequest::operationId)
        .containsExactly(
            "listOrders",
            "createOrder",
            "getOrder",
            "cancelOrder",
            "getLabel",
            "getProduct",
            "listCategories");
    SampleRequest create = requests.get(1);
    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.path()).isEqualTo("/v1/orders");
    assertThat(create.contentType()).isEqualTo("application/json");
    assertThat(create.body()).contains("\"items\"");
    assertThat(create.headers()).containsEntry("X-Api-Key", SampleRequest.API_KEY);
    SampleRequest get = requests.get(2);
    assertThat(get.path()).matches("/v1/orders/ord_[A-Za-z0-9]+");
    assertThat(get.body()).isNull();
    assertThat(requests.get(5).headers()).doesNotContainKey("X-Api-Key");
    assertThat(SampleRequests.forContract(SHOP)).isEqualTo(requests);
  }

  @Test
  void sendsWithCredentialsTheSandboxAcceptsAndTheAnswersConform() {
    SandboxOptions options = SandboxOptions.builder().apiKeys(Set.of("sk_1")).build();
    try (Sandbox sandbox = Sandbox.start(SHOP, options)) {
      for (SampleRequest request : SampleRequests.forContract(SHOP)) {
        SampleRequests.Exchange ex = SampleRequests.send(sandbox, request);
        assertThat(ex.status()).as(request.operationId()).isNotIn(400, 401, 500);
        assertThat(
                ResponseConformance.check(
                    SHOP, request.method(), request.path(), ex.status(), ex.headers(), ex.body()))
            .as(request.operationId() + " " + ex.body())
            .isEmpty();
      }
    }
  }

  @Test
  void aViolationNamesTheBodyPointerAndTheResponseSchemaInTheContract() {
    List<ResponseViolation> violations =
        ResponseConformance.check(
            SHOP,
            "GET",
            "/v1/orders/ord_12345678",
            200,
            Map.of("Content-Type", List.of("application/json")),
            "{\"id\":\"ord_12345678\",\"status\":\"lost\",\"total\":1,\"currency\":\"EUR\","
                + "\"items\":[],\"createdAt\":\"2026-01-01T10:00:00Z\"}");
    assertThat(violations).hasSize(1);
    ResponseViolation v = violations.get(0);
    assertThat(v.bodyPointer()).isEqualTo(JsonPointer.of("status"));
    assertThat(v.code()).startsWith("verify.response.");
    assertThat(v.message()).startsWith("GET /orders/{orderId} -> 200: ").contains("lost");
    assertThat(v.contractLocation().file()).isEqualTo(SHOP.file());
    assertThat(v.contractLocation().line()).isPositive();
    assertThat(v.contractLocation().pointer().value()).startsWith("/components/schemas/Order");
  }

  @Test
  void anUndeclaredStatusAndAnUnknownOperationAreViolations() {
    assertThat(ResponseConformance.check(SHOP, "GET", "/v1/orders/ord_1", 418, Map.of(), ""))
        .extracting(ResponseViolation::code)
        .containsExactly("verify.response.status.unknown");
    assertThat(ResponseConformance.check(SHOP, "GET", "/v1/nope", 200, Map.of(), ""))
        .extracting(ResponseViolation::code)
        .containsExactly("verify.response.operation.unknown");
  }

  @Test
  void anUnknownIdsUndeclared404AsProblemJsonIsAcceptedUnlessErrorsAreStrict() {
    OpenApiContract ledger = Contracts.fixture("openapi/3.1/ledger-2024.yaml");
    Map<String, List<String>> problem = Map.of("Content-Type", List.of("application/problem+json"));
    String body = "{\"status\":404,\"title\":\"Not found\"}";
    assertThat(ResponseConformance.check(ledger, "GET", "/entries/e1", 404, problem, body))
        .isEmpty();
    assertThat(ResponseConformance.check(ledger, true, "GET", "/entries/e1", 404, problem, body))
        .extracting(ResponseViolation::code)
        .containsExactly("verify.response.status.unknown");
    assertThat(
            ResponseConformance.check(
                ledger,
                "GET",
                "/entries/e1",
                404,
                Map.of("Content-Type", List.of("application/json")),
                body))
        .extracting(ResponseViolation::code)
        .containsExactly("verify.response.status.unknown");
  }
}
