package dev.interlock.broker;

import dev.interlock.core.redact.Redactor;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the broker is and how to talk to it.
 *
 * @param baseUrl the broker's base URL; its index is {@code baseUrl + "/"}
 * @param auth the credentials sent with every request
 * @param headers extra headers per request (a proxy's, or a stub's provider-state header in tests);
 *     none by default
 * @param timeout how long one request may take
 */
public record BrokerConnection(
    URI baseUrl, BrokerAuth auth, HeaderSource headers, Duration timeout) {

  /** Extra headers for one request, chosen from its method and URI. */
  @FunctionalInterface
  public interface HeaderSource {
    Map<String, String> headersFor(String method, URI uri);

    HeaderSource NONE = (method, uri) -> Map.of();
  }

  public BrokerConnection {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException(
          "broker URL must be http(s)://…, not '"
              + Redactor.standard().redactUrl(baseUrl + "")
              + "'");
    }
    auth = auth == null ? BrokerAuth.none() : auth;
    headers = headers == null ? HeaderSource.NONE : headers;
    timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
  }

  public static BrokerConnection of(URI baseUrl) {
    return new BrokerConnection(baseUrl, BrokerAuth.none(), HeaderSource.NONE, null);
  }

  public BrokerConnection withAuth(BrokerAuth newAuth) {
    return new BrokerConnection(baseUrl, newAuth, headers, timeout);
  }

  public BrokerConnection withHeaders(HeaderSource newHeaders) {
    return new BrokerConnection(baseUrl, auth, newHeaders, timeout);
  }

  /** The broker's index resource, the one URL the client builds itself. */
  public URI index() {
    String s = baseUrl.toString();
    return URI.create(s.endsWith("/") ? s : s + "/");
  }

  /** The project's redactor, plus this connection's credentials as known secrets. */
  public Redactor redactor() {
    return Redactor.standard().withKnownSecrets(auth.secrets());
  }
}
