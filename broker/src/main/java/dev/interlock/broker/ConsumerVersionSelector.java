package dev.interlock.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One consumer version selector of the broker's pacts-for-verification request: which consumer
 * versions' pacts a provider verifies. Written on the command line as {@code mainBranch}, {@code
 * deployedOrReleased}, {@code matchingBranch}, {@code deployed}, {@code released}, {@code
 * branch=NAME}, {@code tag=NAME[,latest]}, {@code environment=NAME} or the selector's JSON; {@link
 * #label()} is how messages name it.
 */
public record ConsumerVersionSelector(ObjectNode json, String label) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @throws IllegalArgumentException when the text is none of the forms: the message lists them
   */
  public static ConsumerVersionSelector parse(String text) {
    String t = text == null ? "" : text.strip();
    ObjectNode json = JSON.createObjectNode();
    switch (t) {
      case "mainBranch", "deployedOrReleased", "matchingBranch", "deployed", "released" -> {
        json.put(t, true);
        return new ConsumerVersionSelector(json, t);
      }
      default -> {}
    }
    if (t.startsWith("{")) {
      try {
        JsonNode node = JSON.readTree(t);
        if (node instanceof ObjectNode object && !object.isEmpty()) {
          return new ConsumerVersionSelector(object, object.toString());
        }
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "selector " + t + " is not JSON: " + e.getOriginalMessage());
      }
      throw new IllegalArgumentException("selector " + t + " must be a non-empty JSON object");
    }
    if (t.startsWith("branch=") && t.length() > 7) {
      json.put("branch", t.substring(7));
      return new ConsumerVersionSelector(json, t);
    }
    if (t.startsWith("environment=") && t.length() > 12) {
      json.put("environment", t.substring(12));
      json.put("deployedOrReleased", true);
      return new ConsumerVersionSelector(json, t);
    }
    if (t.startsWith("tag=") && t.length() > 4) {
      String[] parts = t.substring(4).split(",", -1);
      json.put("tag", parts[0]);
      if (parts.length == 2 && parts[1].equals("latest")) {
        json.put("latest", true);
      } else if (parts.length != 1 || parts[0].isEmpty()) {
        throw new IllegalArgumentException("selector " + t + ": write tag=NAME or tag=NAME,latest");
      }
      return new ConsumerVersionSelector(json, t);
    }
    throw new IllegalArgumentException(
        "unknown selector '"
            + t
            + "': use mainBranch, deployedOrReleased, matchingBranch, deployed, released,"
            + " branch=NAME, tag=NAME[,latest], environment=NAME or the selector's JSON");
  }
}
