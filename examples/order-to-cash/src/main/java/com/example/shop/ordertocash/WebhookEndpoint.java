package com.example.shop.ordertocash;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP endpoint the storefront delivers its webhooks to ({@value #PATH}), on the JDK's own HTTP
 * server.
 */
public final class WebhookEndpoint implements AutoCloseable {

  public static final String PATH = "/webhooks/storefront";

  private final HttpServer server;
  private final ExecutorService workers;

  private WebhookEndpoint(HttpServer server, ExecutorService workers) {
    this.server = server;
    this.workers = workers;
  }

  /** Listens on the address (port 0: a free one) and hands verified orders to the handler. */
  public static WebhookEndpoint start(
      InetSocketAddress address, WebhookSignature signature, OrderHandler orders)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    ExecutorService workers = Executors.newFixedThreadPool(4);
    server.createContext(PATH, new StorefrontWebhookHandler(signature, orders));
    server.setExecutor(workers);
    server.start();
    return new WebhookEndpoint(server, workers);
  }

  /** The address to register in the storefront's webhook subscription. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getHostString() + ":" + a.getPort() + PATH);
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
