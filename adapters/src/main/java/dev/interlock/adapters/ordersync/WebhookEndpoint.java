package dev.interlock.adapters.ordersync;

import com.sun.net.httpserver.HttpServer;
import dev.interlock.adapters.ordersync.OrderSync.Ack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The order-sync webhook endpoint: {@code POST /webhooks/storefront} on loopback. */
final class WebhookEndpoint {

  private final HttpServer server;
  private final ProgressStore store;
  private volatile Ack lastAck;

  private WebhookEndpoint(HttpServer server, ProgressStore store) {
    this.server = server;
    this.store = store;
  }

  static WebhookEndpoint start(OrderSync sync, ProgressStore store) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      WebhookEndpoint ep = new WebhookEndpoint(server, store);
      server.createContext(
          "/webhooks/storefront",
          ex -> {
            try (InputStream in = ex.getRequestBody()) {
              byte[] body = in.readAllBytes();
              var h = ex.getRequestHeaders();
              Ack ack;
              try {
                ack =
                    sync.handle(
                        new OrderSync.Delivery(
                            h.getFirst("X-Storefront-Event-Id"),
                            h.getFirst("X-Storefront-Topic"),
                            body,
                            h.getFirst(WebhookSignature.HEADER)));
              } catch (OrderSync.SimulatedCrash crash) {
                // a dead process answers nothing
                ex.close();
                return;
              }
              ep.lastAck = ack;
              ex.sendResponseHeaders(ack.status, -1);
            } catch (RuntimeException e) {
              ex.sendResponseHeaders(500, -1);
            } finally {
              ex.close();
            }
          });
      server.start();
      return ep;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the order-sync webhook endpoint", e);
    }
  }

  /** POSTs the event; the HTTP status, or 0 when nothing answered. */
  int deliver(HttpClient http, StorefrontOutbox.Event e, int attempt) {
    URI uri =
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/storefront");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(e.body()));
    e.headers(attempt).forEach(request::header);
    try {
      lastAck = null;
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException ex) {
      return 0;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** What order-sync answered the last delivery, null when it died on it. */
  Ack lastAck() {
    return lastAck;
  }

  void stop() {
    server.stop(0);
    store.close();
  }
}
