package dev.interlock.junit5.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.adapters.AuthSpec;
import dev.interlock.adapters.Credentials;
import dev.interlock.adapters.PolicyOverrides;
import dev.interlock.adapters.Secret;
import dev.interlock.adapters.VendorSpec;
import java.lang.reflect.InvocationTargetException;

/**
 * Builds a generated adapter pointed at a sandbox. Only this class touches {@code
 * dev.interlock.adapters}, and only when a test asks for an adapter, so projects without generated
 * adapters never need that module.
 *
 * <p>The adapter gets its own {@link AdapterRuntime}: integration {@code junit5} (idempotency keys
 * {@code junit5:<operationId>:<businessKey>}), the class's seed for backoff jitter, the manifest's
 * policy overrides of the vendor, the real clock, and a placeholder credential of the kind the
 * contract asks for (the sandbox accepts any non-empty one).
 */
final class GeneratedAdapterFactory {

  static final String INTEGRATION = "junit5";

  private GeneratedAdapterFactory() {}

  /** The vendor the adapter's {@code SPEC} names. */
  static String vendorOf(Class<?> adapterType) {
    return spec(adapterType).vendor();
  }

  static Object create(Class<?> adapterType, String baseUrl, long seed, JsonNode policy) {
    VendorSpec spec = spec(adapterType);
    AdapterRuntime runtime =
        AdapterRuntime.builder(INTEGRATION)
            .seed(seed)
            .endpoint(spec.vendor(), baseUrl)
            .credentials(spec.vendor(), placeholderFor(spec.auth()))
            .overrides(spec.vendor(), PolicyOverrides.fromManifest(policy))
            .build();
    try {
      return adapterType.getConstructor(AdapterRuntime.class).newInstance(runtime);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          adapterType.getName() + " could not be constructed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          adapterType.getName() + " has no public constructor taking an AdapterRuntime", e);
    }
  }

  private static VendorSpec spec(Class<?> adapterType) {
    try {
      return (VendorSpec) adapterType.getField("SPEC").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(adapterType.getName() + " has no readable SPEC field", e);
    }
  }

  private static Credentials placeholderFor(AuthSpec auth) {
    String from = "interlock-junit5 placeholder";
    String type = auth == null ? "none" : auth.type();
    return switch (type) {
      case "bearer" -> Credentials.bearer(Secret.of("sk_test_interlock_junit5", from));
      case "api-key" -> Credentials.apiKey(auth.header(), Secret.of("interlock-junit5-key", from));
      case "basic" ->
          new Credentials(
              "basic",
              null,
              Secret.of("interlock-junit5-password", from),
              Secret.of("interlock-junit5", from),
              null);
      case "oauth2-client-credentials" ->
          Credentials.clientCredentials(
              Secret.of("interlock-junit5", from), Secret.of("interlock-junit5-secret", from));
      default -> Credentials.none();
    };
  }
}
