package com.example.shop.ordertocash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.clients.payments.v2025_01_15.api.ChargesApi;
import dev.interlock.clients.payments.v2025_01_15.invoker.ApiClient;
import dev.interlock.clients.payments.v2025_01_15.model.Charge;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole service, from a signed webhook delivery to the charge in payments, against the payments
 * sandbox that {@code interlock:sandbox-start} started for the build; Failsafe passes its address
 * as the system property {@value #URL_PROPERTY} (see the pom).
 */
class WebhookToChargeIT {

  static final String URL_PROPERTY = "interlock.payments.url";

  private static final String API_KEY = "sk_test_order_to_cash";
  private static final String SECRET = "whsec_test_order_to_cash";

  private final WebhookSignature signature = new WebhookSignature(SECRET);
  private final HttpClient http = HttpClient.newHttpClient();
  private URI payments;
  private WebhookEndpoint endpoint;

  @BeforeEach
  void startTheService() throws Exception {
    String url = System.getProperty(URL_PROPERTY);
    assertThat(url)
        .as("%s, set by interlock:sandbox-start: run this test with 'mvn verify'", URL_PROPERTY)
        .isNotBlank()
        .doesNotContain("${");
    payments = URI.create(url);
    OrderCharger charger =
        OrderCharger.connect(
            payments, API_KEY, RetryRule.standard(), Sleeper.REAL, Clock.systemUTC());
    endpoint =
        WebhookEndpoint.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), signature, charger);
  }

  @AfterEach
  void stopTheService() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void aSignedOrderCreatedEndsAsOneChargeForTheOrderTotal() throws Exception {
    byte[] body = TestOrders.body("ord_WebhookIT0001");

    HttpResponse<String> response = deliver(body, signature.sign(body), "evt-webhook-it-1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(chargesOf("ord_WebhookIT0001"))
        .singleElement()
        .satisfies(
            charge -> {
              assertThat(charge.getAmount().getValue()).isEqualTo("59.80");
              assertThat(charge.getAmount().getCurrency()).isEqualTo("EUR");
            });
  }

  @Test
  void redeliveriesOfAnOrderNeverChargeItTwice() throws Exception {
    byte[] body = TestOrders.body("ord_WebhookIT0003");
    String signed = signature.sign(body);

    assertThat(deliver(body, signed, "evt-webhook-it-3").statusCode()).isEqualTo(200);
    // the same event again: dropped by its event id before payments is asked
    assertThat(deliver(body, signed, "evt-webhook-it-3").statusCode()).isEqualTo(200);
    // the same order as another event (a restarted storefront, a replay by hand): payments is
    // asked again, with the order's idempotency key, and replays the first charge
    assertThat(deliver(body, signed, "evt-webhook-it-3-replayed").statusCode()).isEqualTo(200);

    assertThat(chargesOf("ord_WebhookIT0003")).hasSize(1);
  }

  @Test
  void aDeliveryWithAForgedSignatureChargesNothing() throws Exception {
    byte[] body = TestOrders.body("ord_WebhookIT0002");
    String forged = new WebhookSignature("not-the-shop-secret").sign(body);

    assertThat(deliver(body, forged, "evt-webhook-it-2").statusCode()).isEqualTo(401);
    assertThat(chargesOf("ord_WebhookIT0002")).isEmpty();
  }

  private HttpResponse<String> deliver(byte[] body, String signed, String eventId)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.uri())
            .header("Content-Type", "application/json")
            .header(WebhookSignature.HEADER, signed)
            .header("X-Storefront-Topic", "order.created")
            .header("X-Storefront-Event-Id", eventId)
            .header("X-Storefront-Delivery-Attempt", "1")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The charges payments lists for the order, read through the same generated client. */
  private List<Charge> chargesOf(String orderId) throws Exception {
    ApiClient client = new ApiClient();
    client.updateBaseUri(payments.toString());
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + API_KEY));
    return new ChargesApi(client)
        .listCharges(OrderCharger.API_VERSION, 100, null).getData().stream()
            .filter(c -> c.getMetadata() != null && orderId.equals(c.getMetadata().get("order_id")))
            .toList();
  }
}
