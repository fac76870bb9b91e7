package dev.interlock.adapters;

/**
 * How a vendor's contract says callers authenticate (its security scheme), as generated into each
 * adapter. Which credential is used comes from the manifest, never from here.
 *
 * @param type {@code none}, {@code bearer}, {@code basic}, {@code api-key} or {@code
 *     oauth2-client-credentials}
 * @param header the API key header (api-key)
 * @param tokenPath the token endpoint's path (OAuth 2)
 * @param scope the scopes asked for (OAuth 2), space-separated
 */
public record AuthSpec(String type, String header, String tokenPath, String scope) {

  public static AuthSpec none() {
    return new AuthSpec("none", null, null, null);
  }

  public static AuthSpec bearer() {
    return new AuthSpec("bearer", null, null, null);
  }

  public static AuthSpec basic() {
    return new AuthSpec("basic", null, null, null);
  }

  public static AuthSpec apiKey(String header) {
    return new AuthSpec("api-key", header, null, null);
  }

  public static AuthSpec oauth2ClientCredentials(String tokenPath, String scope) {
    return new AuthSpec("oauth2-client-credentials", null, tokenPath, scope);
  }
}
