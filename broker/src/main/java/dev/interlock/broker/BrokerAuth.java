package dev.interlock.broker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * How the client authenticates to the broker: a bearer token (PactFlow, or a broker behind a token
 * proxy), HTTP basic (the open-source broker), or nothing. Holds resolved values; {@link
 * #toString()} never shows them.
 */
public sealed interface BrokerAuth {

  /** The {@code Authorization} header value, when there is one. */
  Optional<String> authorization();

  /** The values a redactor must remove wherever they appear. */
  List<String> secrets();

  static BrokerAuth none() {
    return None.INSTANCE;
  }

  static BrokerAuth bearer(String token) {
    return new Bearer(token);
  }

  static BrokerAuth basic(String username, String password) {
    return new Basic(username, password);
  }

  /** No credentials. */
  final class None implements BrokerAuth {
    private static final None INSTANCE = new None();

    @Override
    public Optional<String> authorization() {
      return Optional.empty();
    }

    @Override
    public List<String> secrets() {
      return List.of();
    }

    @Override
    public String toString() {
      return "none";
    }
  }

  /** {@code Authorization: Bearer TOKEN}. */
  final class Bearer implements BrokerAuth {
    private final String token;

    private Bearer(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("empty broker token");
      }
      this.token = token;
    }

    @Override
    public Optional<String> authorization() {
      return Optional.of("Bearer " + token);
    }

    @Override
    public List<String> secrets() {
      return List.of(token);
    }

    @Override
    public String toString() {
      return "bearer ***";
    }
  }

  /** {@code Authorization: Basic base64(user:password)}. */
  final class Basic implements BrokerAuth {
    private final String username;
    private final String password;

    private Basic(String username, String password) {
      if (username == null || username.isBlank() || password == null || password.isEmpty()) {
        throw new IllegalArgumentException("basic auth needs a username and a password");
      }
      this.username = username;
      this.password = password;
    }

    @Override
    public Optional<String> authorization() {
      String pair = username + ":" + password;
      return Optional.of(
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public List<String> secrets() {
      return List.of(password, authorization().orElseThrow().substring("Basic ".length()));
    }

    @Override
    public String toString() {
      return "basic " + username + ":***";
    }
  }
}
