package dev.interlock.broker;

import java.util.List;
import java.util.Optional;

/**
 * What a provider asks the broker for: the pacts its consumer version selectors pick, with their
 * pending status computed for the provider's branch, plus the WIP pacts since a date.
 *
 * @param provider the provider's pacticipant name
 * @param selectors which consumer versions' pacts; empty lets the broker use its default (the
 *     latest pact of each consumer)
 * @param providerVersionBranch the branch the verification results will be published for; the
 *     broker decides pending status and {@code matchingBranch} from it
 * @param includeWipPactsSince include work-in-progress pacts published since this date (YYYY-MM-DD)
 */
public record VerificationRequest(
    String provider,
    List<ConsumerVersionSelector> selectors,
    String providerVersionBranch,
    Optional<String> includeWipPactsSince) {

  public VerificationRequest {
    selectors = List.copyOf(selectors);
  }
}
