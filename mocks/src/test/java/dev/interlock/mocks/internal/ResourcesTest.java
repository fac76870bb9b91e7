package dev.interlock.mocks.internal;

import static dev.interlock.mocks.internal.Steps.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {

  static final ContractVersion SHOP = Steps.shop();
  final Resources resources =
      new Resources(List.of(SHOP), 100, Steps.replies(), Steps.problems(), 7, () -> null);

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
    // the contract's two example orders are held from the start
    assertThat(Steps.json(send("GET", "/v1/orders", "").body()).findValuesAsText("id"))
        .containsExactly("ord_AbCd1234", "ord_ZyXw9876", a, b);
    assertThat(send("DELETE", "/v1/orders/" + a, "").status()).isEqualTo(204);
    Reply gone = send("GET", "/v1/orders/" + a, "");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body()).contains(a);
  }

  @Test
  void clearForgetsResourcesAndLedgerButNotTheContractsExamples() {
    String id = Steps.json(send("POST", "/v1/orders", Steps.ORDER).body()).path("id").asText();
    resources.clear();
    assertThat(resources.ledger().count("orders")).isZero();
    assertThat(send("GET", "/v1/orders/" + id, "").status()).isEqualTo(404);
    assertThat(send("GET", "/v1/orders/ord_AbCd1234", "").status()).isEqualTo(200);
  }

  @Test
  void aListSaysWhetherMoreFollowAndHonoursLimitAndStartingAfter() {
    send("POST", "/v1/orders", Steps.ORDER);
    send("POST", "/v1/orders", Steps.ORDER);
    var all = Steps.json(send("GET", "/v1/orders", "").body());
    assertThat(all.path("hasMore").asBoolean()).isFalse();
    var first = Steps.json(send("GET", "/v1/orders?limit=3", "").body());
    assertThat(first.path("data")).hasSize(3);
    assertThat(first.path("hasMore").asBoolean()).isTrue();
    String third = first.at("/data/2/id").asText();
    var rest = Steps.json(send("GET", "/v1/orders?limit=3&starting_after=" + third, "").body());
    assertThat(rest.path("data")).hasSize(1);
    assertThat(rest.path("hasMore").asBoolean()).isFalse();
  }
}
