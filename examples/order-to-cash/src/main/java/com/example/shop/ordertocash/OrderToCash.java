package com.example.shop.ordertocash;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;

/**
 * Runs the service: {@code PAYMENTS_URL}, {@code PAYMENTS_API_KEY} and {@code
 * STOREFRONT_WEBHOOK_SECRET} from the environment, {@code PORT} optionally (8080).
 */
public final class OrderToCash {

  private OrderToCash() {}

  public static void main(String[] args) throws IOException {
    String paymentsUrl = required("PAYMENTS_URL");
    String apiKey = required("PAYMENTS_API_KEY");
    String secret = required("STOREFRONT_WEBHOOK_SECRET");
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    OrderCharger charger =
        OrderCharger.connect(
            URI.create(paymentsUrl), apiKey, RetryRule.standard(), Sleeper.REAL, Clock.systemUTC());
    WebhookEndpoint endpoint =
        WebhookEndpoint.start(new InetSocketAddress(port), new WebhookSignature(secret), charger);
    Runtime.getRuntime().addShutdownHook(new Thread(endpoint::close));
    System.out.println("order-to-cash: webhooks at " + endpoint.uri());
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      System.err.println("order-to-cash: set the environment variable " + name);
      System.exit(2);
    }
    return value;
  }
}
