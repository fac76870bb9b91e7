package dev.interlock.core.run;

import java.util.List;
import java.util.Optional;

/**
 * What a result states for readers to rely on, typed, so report writers and the exit code never
 * depend on a free-form label someone might not set.
 *
 * @param version the contract version the subject was checked against, or "" when none
 * @param consumer the consumer whose expectation was checked (a pact's consumer), or "" when none
 * @param changes the version changes the result found, each with its level and who it affects
 * @param internalError the exception type when the check itself crashed (Interlock's bug, not the
 *     contract's); the CLI exits 3 when one is present
 */
public record Facts(
    String version, String consumer, List<ChangeImpact> changes, Optional<String> internalError) {

  public static final Facts NONE = new Facts("", "", List.of(), Optional.empty());

  public Facts {
    changes = List.copyOf(changes);
  }

  public Facts withVersion(String newVersion) {
    return new Facts(newVersion, consumer, changes, internalError);
  }

  public Facts withConsumer(String newConsumer) {
    return new Facts(version, newConsumer, changes, internalError);
  }

  public Facts withChanges(List<ChangeImpact> newChanges) {
    return new Facts(version, consumer, newChanges, internalError);
  }

  public Facts withInternalError(String exceptionType) {
    return new Facts(version, consumer, changes, Optional.of(exceptionType));
  }
}
