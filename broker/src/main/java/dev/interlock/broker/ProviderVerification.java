package dev.interlock.broker;

import java.util.Optional;

/**
 * One verification result to publish for one pact.
 *
 * @param success whether every check of the pact passed (pending and WIP pacts included: the broker
 *     needs the truth to lift pending status)
 * @param providerVersion the provider application version that was verified
 * @param providerBranch the provider's branch
 * @param buildUrl the CI build, shown by the broker
 * @param verifierVersion the Interlock version, published as {@code verifiedBy}
 */
public record ProviderVerification(
    boolean success,
    String providerVersion,
    String providerBranch,
    Optional<String> buildUrl,
    String verifierVersion) {}
