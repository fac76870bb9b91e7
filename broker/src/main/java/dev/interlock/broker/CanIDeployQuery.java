package dev.interlock.broker;

import java.util.List;
import java.util.Optional;

/**
 * A can-i-deploy question: can these versions go to this environment (or be deployed with the
 * latest versions tagged so, or with the latest versions of everything else)?
 *
 * @param versions one pacticipant version, or several to check with each other
 * @param environment the environment to deploy to (recorded deployments)
 * @param toTag the tag of the versions it would run with (older brokers' environments)
 */
public record CanIDeployQuery(
    List<PacticipantVersion> versions, Optional<String> environment, Optional<String> toTag) {

  public CanIDeployQuery {
    versions = List.copyOf(versions);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("can-i-deploy needs a pacticipant and a version");
    }
    if (environment.isPresent() && toTag.isPresent()) {
      throw new IllegalArgumentException("give an environment or a tag to deploy to, not both");
    }
  }
}
