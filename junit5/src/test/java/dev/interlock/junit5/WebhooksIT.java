package dev.interlock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.interlock.mocks.EventSandbox;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A vendor that sends webhooks (storefront, with the manifest's {@code storefront-webhooks}) sends
 * them from the extension's sandbox too, to the team's own receiver: how a test drives a service
 * that consumes them.
 */
@InterlockSandbox(contracts = "target/test-contracts", vendors = "storefront")
class WebhooksIT {

  private final List<String> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch delivered = new CountDownLatch(1);
  private HttpServer receiver;

  @BeforeEach
  void startTheTeamsReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/webhooks",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
          delivered.countDown();
        });
    receiver.start();
  }

  @AfterEach
  void stopTheReceiver() {
    receiver.stop(0);
  }

  @Test
  void theStorefrontSandboxDeliversOrderCreatedToTheTeamsReceiver(Sandbox storefront)
      throws InterruptedException {
    EventSandbox events = storefront.engine().events().orElseThrow();
    URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks");

    events.registerWebhook(url, Set.of("order.created"));
    events.publish("order.created");

    // delivered in the background as soon as it is published
    assertThat(delivered.await(1, TimeUnit.MINUTES)).as("delivered").isTrue();
    assertThat(received).singleElement().asString().contains("\"orderId\"");
  }
}
