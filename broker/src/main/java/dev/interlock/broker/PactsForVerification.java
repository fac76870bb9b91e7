package dev.interlock.broker;

import java.util.List;

/**
 * The broker's answer to a {@link VerificationRequest}.
 *
 * @param pacts the pacts to verify, deduplicated by the broker
 * @param unmatchedSelectors the selectors that picked no pact (each a {@link
 *     ConsumerVersionSelector#label()}): a misspelt branch, a consumer that never recorded a
 *     deployment
 */
public record PactsForVerification(List<FetchedPact> pacts, List<String> unmatchedSelectors) {

  public PactsForVerification {
    pacts = List.copyOf(pacts);
    unmatchedSelectors = List.copyOf(unmatchedSelectors);
  }
}
