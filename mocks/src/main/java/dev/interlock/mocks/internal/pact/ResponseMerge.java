package dev.interlock.mocks.internal.pact;

import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One answer for several interactions that match a request equally well when the request names no
 * provider state: a HAL index recorded once per relation a consumer test needed ({@code GET /} with
 * {@code pb:webhooks} in one interaction, {@code pb:pacticipant} in another) is one resource on the
 * real provider. Bodies that are JSON objects with the same status are merged, deeply, where they
 * do not contradict each other; an interaction joins only if the merged answer still satisfies its
 * response and every response already merged, by Pact JVM's response matching. What cannot join
 * leaves the first answer as it is.
 */
final class ResponseMerge {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A generated response and the interaction whose response it must still satisfy. */
  record Part(StubInteraction interaction, IResponse generated) {}

  /** How many interactions the merged answer stands for, and the answer. */
  record Merged(IResponse response, int interactions) {}

  private ResponseMerge() {}

  static Merged merge(Part first, List<Part> others) {
    IResponse merged = first.generated();
    List<StubInteraction> included = new ArrayList<>(List.of(first.interaction()));
    JsonNode body = json(merged);
    if (!(body instanceof ObjectNode)) {
      return new Merged(merged, 1);
    }
    for (Part p : others) {
      JsonNode other = json(p.generated());
      if (p.generated().getStatus() != merged.getStatus() || !(other instanceof ObjectNode o)) {
        continue;
      }
      ObjectNode candidate = body.deepCopy();
      if (!mergeInto(candidate, o)) {
        continue;
      }
      IResponse withIt = withBody(merged, candidate);
      included.add(p.interaction());
      if (included.stream().allMatch(i -> satisfies(i, withIt))) {
        merged = withIt;
        body = candidate;
      } else {
        included.remove(included.size() - 1);
      }
    }
    return new Merged(merged, included.size());
  }

  /** Adds {@code from}'s members to {@code into}; false on a contradiction (then unusable). */
  private static boolean mergeInto(ObjectNode into, ObjectNode from) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode mine = into.get(f.getKey());
      if (mine == null) {
        into.set(f.getKey(), f.getValue().deepCopy());
      } else if (mine instanceof ObjectNode m && f.getValue() instanceof ObjectNode t) {
        if (!mergeInto(m, t)) {
          return false;
        }
      } else if (!mine.equals(f.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean satisfies(StubInteraction i, IResponse answer) {
    try {
      return ResponseMatching.responseMismatches(i.response(), answer).isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static IResponse withBody(IResponse r, ObjectNode body) {
    return new Response(
        r.getStatus(),
        r.getHeaders(),
        OptionalBody.body(
            body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
            r.getBody().getContentType()));
  }

  private static JsonNode json(IResponse r) {
    OptionalBody b = r.getBody();
    if (!b.isPresent() || b.getContentType() == null || !b.getContentType().isJson()) {
      return null;
    }
    try {
      return JSON.readTree(b.orEmpty());
    } catch (IOException e) {
      return null;
    }
  }
}
