package dev.interlock.broker.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.broker.BrokerException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records that a version was deployed to, or released to, an environment: index → {@code
 * pb:pacticipant-version} → the version's {@code pb:record-deployment} or {@code pb:record-release}
 * link named after the environment → POST. When the version offers no link for that environment,
 * the index's {@code pb:environments} says whether the environment exists at all, so the message
 * can tell a typo from a version that cannot go there.
 */
public final class EnvironmentRecording {

  /** What is recorded: the version's relation that records it, and its name in messages. */
  public enum Kind {
    DEPLOYMENT("pb:record-deployment", "a deployment"),
    RELEASE("pb:record-release", "a release");

    private final String relation;
    private final String noun;

    Kind(String relation, String noun) {
      this.relation = relation;
      this.noun = noun;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private EnvironmentRecording() {}

  /**
   * @param applicationInstance which instance, for a deployment; releases have none
   */
  public static void record(
      HalClient client,
      Kind kind,
      String pacticipant,
      String version,
      String environment,
      Optional<String> applicationInstance) {
    HalDocument index = client.index();
    HalDocument versionDocument =
        client.get(
            client.follow(
                index,
                "pb:pacticipant-version",
                Map.of("pacticipant", pacticipant, "version", version)));
    List<HalLink> targets = versionDocument.links(kind.relation);
    Optional<HalLink> target =
        targets.stream().filter(l -> l.name().orElse("").equals(environment)).findFirst();
    if (target.isEmpty()) {
      List<String> available = targets.stream().map(l -> l.name().orElse("?")).toList();
      throw new BrokerException(
          notAvailable(client, index, kind, pacticipant, version, environment, available), 400);
    }
    ObjectNode body = JSON.createObjectNode();
    applicationInstance.ifPresent(
        i -> {
          body.put("applicationInstance", i);
          // 'target' is the broker's older name for the application instance; both are sent,
          // as the broker's own client does, so older brokers record it too.
          body.put("target", i);
        });
    client.post(client.resolve(versionDocument, target.get(), Map.of()), body);
  }

  private static String notAvailable(
      HalClient client,
      HalDocument index,
      Kind kind,
      String pacticipant,
      String version,
      String environment,
      List<String> available) {
    boolean exists = false;
    if (index.link("pb:environments").isPresent()) {
      HalDocument environments = client.get(client.follow(index, "pb:environments", Map.of()));
      exists =
          environments.links("pb:environments").stream()
                  .anyMatch(l -> l.name().orElse("").equals(environment))
              || environments
                  .embedded("environments")
                  .findValuesAsText("name")
                  .contains(environment);
    }
    String options = available.isEmpty() ? "none" : String.join(", ", available);
    return exists
        ? "environment '"
            + environment
            + "' is not available for recording "
            + kind.noun
            + " of "
            + pacticipant
            + " "
            + version
            + " (available: "
            + options
            + ")"
        : "no environment named '"
            + environment
            + "' in the broker (available for "
            + pacticipant
            + " "
            + version
            + ": "
            + options
            + "; create it with the broker's create-environment)";
  }
}
