package dev.interlock.cli.scaffold;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which vendor or event system a pact's provider name means, and what a renamed vendor's
 * credentials become.
 */
final class ProviderNames {

  private ProviderNames() {}

  /**
   * {@code payments} matches {@code payments}, {@code payments-provider} and {@code
   * acme-payments}'s words.
   */
  static boolean matches(String id, String provider) {
    return id.equals(provider)
        || id.startsWith(provider + "-")
        || provider.startsWith(id + "-")
        || id.equals(Slugs.distinctive(provider));
  }

  /** The {@code env:} names of a vendor's auth follow its new id. */
  static AuthInference.Auth retarget(AuthInference.Auth a, String from, String to) {
    Map<String, String> fields = new LinkedHashMap<>();
    a.fields()
        .forEach(
            (k, val) ->
                fields.put(
                    k,
                    val.replace(
                        "env:" + Slugs.envName(from) + "_", "env:" + Slugs.envName(to) + "_")));
    return new AuthInference.Auth(fields, a.choice());
  }
}
