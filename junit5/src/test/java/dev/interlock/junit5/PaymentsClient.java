package dev.interlock.junit5;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Plain HTTP calls to a payments sandbox (contract 2025-01-15), as a team's code would make them.
 */
final class PaymentsClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private PaymentsClient() {}

  /** {@code POST /v1/charges}; returns the status answered. */
  static int createCharge(URI base, String idempotencyKey) {
    String body =
        """
        {"amount": {"value": "59.80", "currency": "EUR"}, "payment_method": "pm_card_visa"}
        """;
    return send(
        HttpRequest.newBuilder(base.resolve("/v1/charges"))
            .header("Authorization", "Bearer sk_test_fixture")
            .header("Payments-Version", "2025-01-15")
            .header("Idempotency-Key", idempotencyKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** {@code GET /v1/charges/{id}}; returns the status answered. */
  static int getCharge(URI base, String id) {
    return send(
        HttpRequest.newBuilder(base.resolve("/v1/charges/" + id))
            .header("Authorization", "Bearer sk_test_fixture")
            .header("Payments-Version", "2025-01-15")
            .GET()
            .build());
  }

  private static int send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
