package dev.interlock.mocks.internal;

import static dev.interlock.mocks.internal.Steps.call;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourcesTest {

  static final ContractVersion SHOP = Steps.shop();
  final Resources resources = new Resources(100, Steps.replies(), Steps.problems(), 7, () -> null);

  Reply send(String method, String url, String body) {
    return resources.respond(
        Steps.exchange(SHOP, call(method, url, body, "Content-Type", "application/json"), "k"));
  }

  @Test
  void aCreatedResourceHasANewIdShapedLikeTheContractsAndTheRequestsFields() {
    Reply created = send("POST", "/v1/orders", Steps.ORDER);
    assertThat(created.status()).isEqualTo(201);
    String id = Steps.json(created.body()).path("id").asText();
    assertThat(id).matches("ord_[A-Za-z0-9]{8}").isNotEqualTo("ord_AbCd1234");
    assertThat(Steps.json(created.body()).at("/items/0/quantity").asInt()).isEqualTo(2);
    assertThat(send("GET", "/v1/orders/" + id, "").body()).isEqualTo(created.body());
    assertThat(resources.ledger().count("orders")).isEqualTo(1);
  }

  @Test
  void theListHoldsWhatWasCreatedAndADeletedResourceIsGone() {
    String a = Steps.json(send("POST", "/v1/orders", Steps.ORDER).body()).path("id").asText();
    String b = Steps.json(send("POST", "/v1/orders", Steps.ORDER).body()).path("id").asText();
    assertThat(Steps.json(send("GET", "/v1/orders", "").body()).findValuesAsText("id"))
        .containsExactly(a, b);
    assertThat(send("DELETE", "/v1/orders/" + a, "").status()).isEqualTo(204);
    Reply gone = send("GET", "/v1/orders/" + a, "");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body()).contains(a);
  }

  @Test
  void clearForgetsResourcesAndLedger() {
    send("POST", "/v1/orders", Steps.ORDER);
    resources.clear();
    assertThat(resources.ledger().count("orders")).isZero();
  }
}
