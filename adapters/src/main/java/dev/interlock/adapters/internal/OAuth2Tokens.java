package dev.interlock.adapters.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * OAuth 2 client credentials (RFC 6749 section 4.4): fetches an access token from the contract's
 * token endpoint and caches it until shortly before it expires on the injected clock.
 */
public final class OAuth2Tokens {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI tokenUri;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final Clock clock;
  private final Duration timeout;
  private final Consumer<String> onToken;
  private String token;
  private Instant refreshAt = Instant.MIN;

  public OAuth2Tokens(
      HttpClient http,
      URI tokenUri,
      String clientId,
      String clientSecret,
      String scope,
      Clock clock,
      Duration timeout,
      Consumer<String> onToken) {
    this.http = http;
    this.tokenUri = tokenUri;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.scope = scope;
    this.clock = clock;
    this.timeout = timeout;
    this.onToken = onToken;
  }

  /** True when a cached token would be used (no request needed). */
  public synchronized boolean hasValidToken() {
    return token != null && clock.instant().isBefore(refreshAt);
  }

  /** The cached token, or a new one. */
  public synchronized String token() {
    if (hasValidToken()) {
      return token;
    }
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    form.append("&client_id=").append(enc(clientId));
    form.append("&client_secret=").append(enc(clientSecret));
    if (scope != null && !scope.isBlank()) {
      form.append("&scope=").append(enc(scope));
    }
    HttpRequest request =
        HttpRequest.newBuilder(tokenUri)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new TokenFailure(0, null, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenFailure(0, null, null, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new TokenFailure(
          response.statusCode(), response.headers().map(), response.body(), null);
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      String access = body.path("access_token").asText(null);
      if (access == null || access.isEmpty()) {
        throw new TokenFailure(
            response.statusCode(), response.headers().map(), "no access_token", null);
      }
      long expiresIn = body.path("expires_in").asLong(300);
      long margin = Math.min(30, expiresIn / 2);
      token = access;
      onToken.accept(access);
      refreshAt = clock.instant().plusSeconds(expiresIn - margin);
      return token;
    } catch (IOException e) {
      throw new TokenFailure(
          response.statusCode(), response.headers().map(), "unreadable token response", e);
    }
  }

  /** Forgets the token (after a 401), so the next call fetches a new one. */
  public synchronized boolean invalidate() {
    boolean had = token != null;
    token = null;
    refreshAt = Instant.MIN;
    return had;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
