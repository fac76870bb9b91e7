package dev.interlock.codegen;

import java.nio.file.Path;
import java.util.Set;

/**
 * What one codegen run produces and where.
 *
 * @param contractsDir the contracts folder ({@code openapi/<vendor>/<version>.yaml}, {@code
 *     asyncapi/<system>.yaml}); a folder without those sub-folders is searched as a whole
 * @param outputDir the source root generated Java goes to (e.g. {@code
 *     target/generated-sources/interlock})
 * @param workDir scratch space and input fingerprints (e.g. {@code target/interlock-codegen})
 * @param targets what to generate
 * @param force regenerate even when a contract's fingerprint is unchanged
 */
public record CodegenOptions(
    Path contractsDir, Path outputDir, Path workDir, Set<Target> targets, boolean force) {

  /** What codegen can generate. */
  public enum Target {
    /** Typed clients (OpenAPI Generator, java/native) for every OpenAPI contract. */
    CLIENTS,
    /** Payload types (jsonschema2pojo) for every AsyncAPI message. */
    PAYLOADS,
    /** Resilient adapters next to each client; compiled where the adapters runtime is. */
    ADAPTERS
  }

  public CodegenOptions {
    targets = Set.copyOf(targets);
  }
}
