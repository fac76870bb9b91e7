package ${package};

import dev.interlock.adapters.AdapterRuntime;

/**
 * The {@code ${name}} integration adapter, scaffolded by {@code interlock new adapter}. It uses
 * ${uses}: each through the resilient adapter the build generates from the vendor's contract, so
 * retries, backoff, {@code Retry-After}, idempotency keys, the rate limit, the circuit breaker and
 * the pinned API version come from the contract and the manifest's {@code vendors.<id>.policy}, not
 * from code here.
 */
public final class ${type} {

  /** The manifest's adapter id; idempotency keys start with it ({@code ${name}:<operationId>:<key>}). */
  public static final String NAME = "${name}";

  /** The vendors this adapter uses, as the manifest names them. */
  public static final java.util.List<String> VENDORS = java.util.List.of(${vendorList});

  /** The version of each vendor this adapter is built against (the manifest's {@code uses}). */
  public static final java.util.Map<String, String> USES = java.util.Map.of(${usesMap});
${fields}
  /** Opens every vendor's session on the runtime: endpoints, credentials, policy overrides, time. */
  public ${type}(AdapterRuntime runtime) {${wiring}
  }
${accessors}${handlers}}
