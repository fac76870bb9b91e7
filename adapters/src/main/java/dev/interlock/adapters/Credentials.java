package dev.interlock.adapters;

import dev.interlock.core.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A vendor's credentials, resolved from the manifest's {@code auth} references.
 *
 * @param type as in the manifest: {@code none}, {@code bearer}, {@code basic}, {@code api-key},
 *     {@code oauth2-client-credentials}
 * @param header the API key header when the manifest names one (else the contract's)
 * @param secret the token or API key (bearer, api-key), or the password (basic)
 * @param clientId the OAuth 2 client id or basic user name
 * @param clientSecret the OAuth 2 client secret
 */
public record Credentials(
    String type, String header, Secret secret, Secret clientId, Secret clientSecret) {

  public static Credentials none() {
    return new Credentials("none", null, null, null, null);
  }

  public static Credentials bearer(Secret token) {
    return new Credentials("bearer", null, token, null, null);
  }

  public static Credentials apiKey(String header, Secret key) {
    return new Credentials("api-key", header, key, null, null);
  }

  public static Credentials clientCredentials(Secret clientId, Secret clientSecret) {
    return new Credentials("oauth2-client-credentials", null, null, clientId, clientSecret);
  }

  /** Resolves {@code vendors.<id>.auth} of the manifest. */
  public static Credentials fromManifest(Manifest.Auth auth, SecretResolver secrets) {
    if (auth == null) {
      return none();
    }
    String type = auth.type() == null ? "none" : auth.type().toLowerCase(Locale.ROOT);
    var s = auth.settings();
    return switch (type) {
      case "none" -> none();
      case "bearer" -> bearer(secrets.resolve(s.get("credential")));
      case "api-key", "apikey" -> apiKey(s.get("header"), secrets.resolve(s.get("credential")));
      case "basic" ->
          new Credentials(
              "basic",
              null,
              secrets.resolve(s.get("password")),
              secrets.resolve(s.get("username")),
              null);
      case "oauth2-client-credentials", "oauth2" ->
          clientCredentials(
              secrets.resolve(s.get("clientId")), secrets.resolve(s.get("clientSecret")));
      default -> throw new IllegalArgumentException("unknown auth type '" + auth.type() + "'");
    };
  }

  /** The secret values, for redaction. */
  public List<String> values() {
    List<String> out = new ArrayList<>();
    for (Secret s : new Secret[] {secret, clientId, clientSecret}) {
      if (s != null) {
        out.add(s.reveal());
      }
    }
    return out;
  }
}
