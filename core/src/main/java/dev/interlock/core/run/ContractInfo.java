package dev.interlock.core.run;

/**
 * A contract a run used, as an auditor needs to cite it.
 *
 * @param path relative to the contracts folder, forward slashes
 * @param kind OpenAPI, AsyncAPI, Pact or manifest
 * @param vendor the vendor or system id, or "" when none
 * @param version the contract's own version (info.version, or the pact's spec version)
 * @param sha256 hex digest of the file's bytes as read
 */
public record ContractInfo(
    String path, String kind, String vendor, String version, String sha256) {}
