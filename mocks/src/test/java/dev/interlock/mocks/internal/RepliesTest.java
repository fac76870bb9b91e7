package dev.interlock.mocks.internal;

import static dev.interlock.mocks.internal.Steps.call;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepliesTest {

  static final ContractVersion SHOP = Steps.shop();
  final Replies replies = Steps.replies();

  @Test
  void theDeclaredReplyIsTheFirstExampleWithItsHeaders() {
    Reply r = replies.declaredReply(Steps.operation(SHOP, "createOrder"), 201, null);
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.header("Location")).isEqualTo("/v1/orders/ord_12345678");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(Steps.json(r.body()).path("status").asText()).isEqualTo("paid");
  }

  @Test
  void preferNamesTheExample() {
    String name =
        Replies.preferredExample(call("POST", "/v1/orders", "", "Prefer", "example=pending"));
    assertThat(name).isEqualTo("pending");
    Reply r = replies.declaredReply(Steps.operation(SHOP, "createOrder"), 201, name);
    assertThat(Steps.json(r.body()).path("status").asText()).isEqualTo("pending");
  }

  @Test
  void aStatusWithoutContentHasNoBodyAndNoContentType() {
    Reply r = replies.declaredReply(Steps.operation(SHOP, "cancelOrder"), 204, null);
    assertThat(r.body()).isEmpty();
    assertThat(r.header("Content-Type")).isNull();
  }

  @Test
  void theResponseSchemaIsFoundThroughReferences() {
    assertThat(
            replies
                .responseSchema(Steps.operation(SHOP, "getOrder"), 200, "application/json")
                .value())
        .endsWith("/Order");
  }
}
