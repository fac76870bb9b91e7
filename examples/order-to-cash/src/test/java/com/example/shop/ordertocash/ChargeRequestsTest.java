package com.example.shop.ordertocash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.clients.payments.v2025_01_15.invoker.ApiClient;
import org.junit.jupiter.api.Test;

class ChargeRequestsTest {

  private final ObjectMapper clientJson = ApiClient.createDefaultObjectMapper();

  @Test
  void theContractExampleOrderBecomesTheContractExampleCharge() throws Exception {
    // the 'card' example of POST /v1/charges in openapi/payments/2025-01-15.yaml
    String contractExample =
        """
        {"amount": {"value": "59.80", "currency": "EUR"}, "payment_method": "pm_card_visa",
         "capture": true, "description": "Order #1042", "metadata": {"order_id": "ord_8XfK2mQ9pLw3"}}
        """;
    String sent =
        clientJson.writeValueAsString(
            ChargeRequests.of(TestOrders.order(TestOrders.EXAMPLE_ORDER_ID)));
    assertThat(clientJson.readTree(sent)).isEqualTo(clientJson.readTree(contractExample));
  }

  @Test
  void everyDeliveryOfAnOrderAsksWithTheSameKeyAndOtherOrdersWithTheirOwn() {
    String first = ChargeRequests.idempotencyKey(TestOrders.order("ord_AAAA1111"));
    String again = ChargeRequests.idempotencyKey(TestOrders.order("ord_AAAA1111"));
    String other = ChargeRequests.idempotencyKey(TestOrders.order("ord_BBBB2222"));
    assertThat(first).isEqualTo(again).isEqualTo("order-to-cash:ord_AAAA1111:charge");
    assertThat(other).isNotEqualTo(first);
  }
}
