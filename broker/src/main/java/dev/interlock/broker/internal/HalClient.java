package dev.interlock.broker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.broker.BrokerConnection;
import dev.interlock.broker.BrokerException;
import dev.interlock.core.redact.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends the broker's HAL requests and follows its relations by name. Every request carries {@code
 * Accept: application/hal+json} (what the broker's own client sends, and what its contract
 * requires), the connection's credentials and extra headers; every message and log line it makes is
 * redacted with the credentials as known secrets.
 */
public final class HalClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HAL = "application/hal+json";

  private final BrokerConnection connection;
  private final HttpClient http;
  private final Redactor redactor;
  private final Consumer<String> log;

  public HalClient(BrokerConnection connection, Consumer<String> log) {
    this.connection = connection;
    this.redactor = connection.redactor();
    this.log = line -> log.accept(redactor.redactText(line));
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connection.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The broker's index, where every walk starts. */
  public HalDocument index() {
    return get(connection.index());
  }

  public HalDocument get(URI uri) {
    return send("GET", uri, null);
  }

  public HalDocument post(URI uri, JsonNode body) {
    return send("POST", uri, body);
  }

  /**
   * The URI a relation of a resource points to, its template expanded with the values.
   *
   * @throws BrokerException when the resource has no such relation: the message names the relation,
   *     the resource and the relations it does have
   */
  public URI follow(HalDocument from, String relation, Map<String, String> values) {
    HalLink link =
        from.link(relation)
            .orElseThrow(
                () ->
                    new BrokerException(
                        redactor.redactText(
                            "the broker's resource "
                                + from.location()
                                + " has no '"
                                + relation
                                + "' relation (it has "
                                + (from.relations().isEmpty()
                                    ? "none"
                                    : String.join(", ", from.relations()))
                                + "); is this a Pact Broker, and recent enough?")));
    return resolve(from, link, values);
  }

  /** A link's target, its template expanded. */
  public URI resolve(HalDocument from, HalLink link, Map<String, String> values) {
    return from.resolve(UriTemplate.expand(link.href(), values));
  }

  /** One request; a non-2xx answer is a {@link BrokerException} that quotes the broker's errors. */
  public HalDocument send(String method, URI uri, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(connection.timeout()).header("Accept", HAL);
    connection.auth().authorization().ifPresent(a -> request.header("Authorization", a));
    connection.headers().headersFor(method, uri).forEach(request::header);
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(write(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    String what = method + " " + uri;
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new BrokerException(redactor.redactText(what + ": the broker did not answer in time"));
    } catch (ConnectException e) {
      throw new BrokerException(
          redactor.redactText(what + ": cannot connect to the broker (is the URL right?)"));
    } catch (IOException e) {
      throw new BrokerException(redactor.redactText(what + ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException(redactor.redactText(what + ": interrupted"));
    }
    log.accept(what + " → " + response.statusCode());
    JsonNode json = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      throw new BrokerException(
          redactor.redactText(
              what + ": the broker answered " + response.statusCode() + errors(json, response)),
          response.statusCode());
    }
    return new HalDocument(uri, response.statusCode(), json);
  }

  /**
   * The broker's own words for a refusal: {@code errors} (a list or a map of lists), else the body.
   */
  private static String errors(JsonNode json, HttpResponse<String> response) {
    JsonNode errors = json == null ? null : json.get("errors");
    if (errors != null) {
      List<String> texts = new java.util.ArrayList<>();
      collect(errors, "", texts);
      return texts.isEmpty() ? "" : ": " + String.join("; ", texts);
    }
    String body = response.body() == null ? "" : response.body().strip();
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      return " (check the broker credentials: --broker-token or --broker-username/--broker-password)";
    }
    return body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
  }

  private static void collect(JsonNode node, String prefix, List<String> out) {
    if (node.isTextual()) {
      out.add(prefix + node.asText());
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, prefix, out));
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> collect(e.getValue(), prefix + e.getKey() + ": ", out));
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String write(JsonNode body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
