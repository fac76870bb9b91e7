package dev.interlock.broker.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.broker.BrokerException;
import dev.interlock.broker.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records a deployment: index → {@code pb:pacticipant-version} → the version's {@code
 * pb:record-deployment} link named after the environment → POST. When the version offers no link
 * for that environment, the index's {@code pb:environments} says whether the environment exists at
 * all, so the message can tell a typo from a version that cannot go there.
 */
public final class DeploymentRecording {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeploymentRecording() {}

  public static void record(HalClient client, Deployment deployment) {
    HalDocument index = client.index();
    HalDocument version =
        client.get(
            client.follow(
                index,
                "pb:pacticipant-version",
                Map.of("pacticipant", deployment.pacticipant(), "version", deployment.version())));
    List<HalLink> targets = version.links("pb:record-deployment");
    Optional<HalLink> target =
        targets.stream()
            .filter(l -> l.name().orElse("").equals(deployment.environment()))
            .findFirst();
    if (target.isEmpty()) {
      throw new BrokerException(
          notAvailable(
              client, index, deployment, targets.stream().map(l -> l.name().orElse("?")).toList()),
          400);
    }
    ObjectNode body = JSON.createObjectNode();
    deployment
        .applicationInstance()
        .ifPresent(
            i -> {
              body.put("applicationInstance", i);
              // 'target' is the broker's older name for the application instance; both are sent,
              // as the broker's own client does, so older brokers record it too.
              body.put("target", i);
            });
    client.post(client.resolve(version, target.get(), Map.of()), body);
  }

  private static String notAvailable(
      HalClient client, HalDocument index, Deployment d, List<String> available) {
    boolean exists = false;
    if (index.link("pb:environments").isPresent()) {
      HalDocument environments = client.get(client.follow(index, "pb:environments", Map.of()));
      exists =
          environments.links("pb:environments").stream()
                  .anyMatch(l -> l.name().orElse("").equals(d.environment()))
              || environments
                  .embedded("environments")
                  .findValuesAsText("name")
                  .contains(d.environment());
    }
    String options = available.isEmpty() ? "none" : String.join(", ", available);
    return exists
        ? "environment '"
            + d.environment()
            + "' is not available for recording a deployment of "
            + d.pacticipant()
            + " "
            + d.version()
            + " (available: "
            + options
            + ")"
        : "no environment named '"
            + d.environment()
            + "' in the broker (available for "
            + d.pacticipant()
            + " "
            + d.version()
            + ": "
            + options
            + "; create it with the broker's create-environment)";
  }
}
