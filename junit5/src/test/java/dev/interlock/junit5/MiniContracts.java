package dev.interlock.junit5;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The small contracts folder of these tests ({@code greetings} and {@code weather}, no manifest, so
 * vendors are named after their folders) and plain HTTP calls to its sandboxes.
 */
final class MiniContracts {

  static final String FOLDER = "src/test/resources/mini-contracts";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private MiniContracts() {}

  /** {@code POST /greetings} with this JSON body; the status, or -1 when the connection dropped. */
  static int postGreeting(URI base, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve("/greetings"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  static int greet(Sandbox greetings, String name) {
    return postGreeting(greetings.baseUri(), "{\"name\": \"" + name + "\"}");
  }

  static int get(URI base, String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  private static int send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
