package dev.interlock.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.broker.PactFile;
import dev.interlock.broker.PublishRequest;
import dev.interlock.broker.PublishResult;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Publishes one consumer version's pacts in one request to the index's {@code pb:publish-contracts}
 * relation: version, branch, tags and pacts together, so the broker never sees a version without
 * its branch (the old one-PUT-per-pact API allowed that).
 */
public final class ContractPublishing {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ContractPublishing() {}

  public static PublishResult publish(HalClient client, PublishRequest request) {
    HalDocument index = client.index();
    HalDocument answer =
        client.post(client.follow(index, "pb:publish-contracts", Map.of()), body(request));
    List<String> logs = new ArrayList<>();
    for (JsonNode log : answer.body().path("logs")) {
      logs.add(log.path("message").asText());
    }
    List<String> contracts = new ArrayList<>();
    answer.links("pb:contracts").forEach(l -> contracts.add(l.href()));
    JsonNode embedded = answer.body().path("_embedded");
    return new PublishResult(
        embedded.path("pacticipant").path("name").asText(request.consumer()),
        embedded.path("version").path("number").asText(request.consumerVersion()),
        logs,
        contracts);
  }

  /** The body the broker's own client sends (its contract names each member). */
  static ObjectNode body(PublishRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("pacticipantName", request.consumer());
    body.put("pacticipantVersionNumber", request.consumerVersion());
    body.put("branch", request.branch());
    if (!request.tags().isEmpty()) {
      ArrayNode tags = body.putArray("tags");
      request.tags().forEach(tags::add);
    }
    request.buildUrl().ifPresent(u -> body.put("buildUrl", u));
    ArrayNode contracts = body.putArray("contracts");
    for (PactFile pact : request.pacts()) {
      ObjectNode c = contracts.addObject();
      c.put("consumerName", pact.consumer());
      c.put("providerName", pact.provider());
      c.put("specification", "pact");
      c.put("contentType", "application/json");
      c.put("content", Base64.getEncoder().encodeToString(pact.content()));
      // Interactions of the same version published from several test runs are merged, as
      // the broker's own client does by default.
      c.put("onConflict", "merge");
    }
    return body;
  }
}
