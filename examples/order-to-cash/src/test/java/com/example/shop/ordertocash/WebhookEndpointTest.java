package com.example.shop.ordertocash;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.ordertocash.ChargeOutcome.Charged;
import com.example.shop.ordertocash.ChargeOutcome.GaveUp;
import dev.interlock.clients.events.storefront_webhooks.OrderCreatedPayload;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint on a real loopback port, with a handler that records what it was given. */
class WebhookEndpointTest {

  private static final String SECRET = "whsec_test_endpoint";

  private final WebhookSignature signature = new WebhookSignature(SECRET);
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private Supplier<ChargeOutcome> outcome = () -> new Charged("ch_test00000001", 1);
  private WebhookEndpoint endpoint;

  private void start() throws Exception {
    endpoint =
        WebhookEndpoint.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            signature,
            (OrderCreatedPayload order) -> {
              handled.add(order.getOrderId());
              return outcome.get();
            });
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  @Test
  void handsASignedOrderToTheHandler() throws Exception {
    start();
    byte[] body = TestOrders.exampleBody();
    HttpResponse<String> response = deliver(body, signature.sign(body), "order.created", "evt-1");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(handled).containsExactly(TestOrders.EXAMPLE_ORDER_ID);
  }

  @Test
  void refusesADeliveryWhoseSignatureDoesNotMatchAndHandlesNothing() throws Exception {
    start();
    byte[] body = TestOrders.exampleBody();
    String forged = new WebhookSignature("not-the-shop-secret").sign(body);
    assertThat(deliver(body, forged, "order.created", "evt-1").statusCode()).isEqualTo(401);
    assertThat(deliver(body, null, "order.created", "evt-1").statusCode()).isEqualTo(401);
    assertThat(handled).isEmpty();
  }

  @Test
  void acknowledgesARedeliveredEventWithoutHandlingItAgain() throws Exception {
    start();
    byte[] body = TestOrders.exampleBody();
    String signed = signature.sign(body);
    assertThat(deliver(body, signed, "order.created", "evt-1").statusCode()).isEqualTo(200);
    assertThat(deliver(body, signed, "order.created", "evt-1").statusCode()).isEqualTo(200);
    assertThat(handled).hasSize(1);
  }

  @Test
  void asksForRedeliveryWhenPaymentsGaveUpAndHandlesTheRedelivery() throws Exception {
    start();
    outcome = () -> new GaveUp(503, 5);
    byte[] body = TestOrders.exampleBody();
    String signed = signature.sign(body);
    assertThat(deliver(body, signed, "order.created", "evt-1").statusCode()).isEqualTo(503);
    outcome = () -> new Charged("ch_test00000001", 1);
    assertThat(deliver(body, signed, "order.created", "evt-1").statusCode()).isEqualTo(200);
    assertThat(handled).hasSize(2);
  }

  @Test
  void acknowledgesATopicItDoesNotActOn() throws Exception {
    start();
    byte[] body = "{\"orderId\":\"ord_8XfK2mQ9pLw3\"}".getBytes();
    assertThat(deliver(body, signature.sign(body), "order.cancelled", "evt-2").statusCode())
        .isEqualTo(204);
    assertThat(handled).isEmpty();
  }

  @Test
  void refusesASignedBodyThatIsNotAnOrder() throws Exception {
    start();
    byte[] body = "[1, 2".getBytes();
    HttpResponse<String> response = deliver(body, signature.sign(body), "order.created", "evt-3");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("the body is not an order.created payload");
    assertThat(handled).isEmpty();
  }

  @Test
  void acceptsOnlyPost() throws Exception {
    start();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(endpoint.uri()).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
  }

  private HttpResponse<String> deliver(byte[] body, String signed, String topic, String eventId)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.uri())
            .header("Content-Type", "application/json")
            .header("X-Storefront-Topic", topic)
            .header("X-Storefront-Event-Id", eventId)
            .header("X-Storefront-Delivery-Attempt", "1")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signed != null) {
      request.header(WebhookSignature.HEADER, signed);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
