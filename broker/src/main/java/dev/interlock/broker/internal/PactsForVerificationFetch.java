package dev.interlock.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.broker.ConsumerVersionSelector;
import dev.interlock.broker.FetchedPact;
import dev.interlock.broker.PactsForVerification;
import dev.interlock.broker.VerificationRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fetches the pacts a provider must verify: one POST to the index's {@code
 * pb:provider-pacts-for-verification} with the selectors, pending status and WIP date, then each
 * pact from its {@code self} link. The broker's notices are printed as they come.
 *
 * <p>The broker answers with the union of what the selectors picked and does not say which picked
 * what; a selector that picks nothing is found by asking once more with that selector alone (only
 * when there are several: with one, an empty answer already says so).
 */
public final class PactsForVerificationFetch {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RELATION = "pb:provider-pacts-for-verification";
  private static final String BETA_RELATION = "beta:provider-pacts-for-verification";

  private PactsForVerificationFetch() {}

  public static PactsForVerification fetch(
      HalClient client, VerificationRequest request, Consumer<String> say) {
    HalDocument index = client.index();
    // Brokers before 2.60 named the relation 'beta:'; the resource is the same.
    String relation =
        index.link(RELATION).isEmpty() && index.link(BETA_RELATION).isPresent()
            ? BETA_RELATION
            : RELATION;
    URI forVerification = client.follow(index, relation, Map.of("provider", request.provider()));
    HalDocument answer = client.post(forVerification, body(request, request.selectors(), true));
    List<FetchedPact> pacts = new ArrayList<>();
    for (JsonNode entry : answer.embedded("pacts")) {
      pacts.add(pact(client, answer, entry, request.provider(), say));
    }
    List<String> unmatched = new ArrayList<>();
    boolean selectedNone = pacts.stream().noneMatch(p -> !p.wip());
    if (request.selectors().size() == 1 && selectedNone) {
      unmatched.add(request.selectors().get(0).label());
    } else if (request.selectors().size() > 1) {
      for (ConsumerVersionSelector selector : request.selectors()) {
        HalDocument alone = client.post(forVerification, body(request, List.of(selector), false));
        if (alone.embedded("pacts").isEmpty()) {
          unmatched.add(selector.label());
        }
      }
    }
    for (String selector : unmatched) {
      say.accept(
          "selector "
              + selector
              + " matched no pact for provider '"
              + request.provider()
              + "' (check the consumer's branch, tags or recorded deployments)");
    }
    return new PactsForVerification(pacts, unmatched);
  }

  static ObjectNode body(
      VerificationRequest request, List<ConsumerVersionSelector> selectors, boolean full) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode array = body.putArray("consumerVersionSelectors");
    selectors.forEach(s -> array.add(s.json()));
    body.put("providerVersionBranch", request.providerVersionBranch());
    body.put("includePendingStatus", full);
    if (full) {
      request.includeWipPactsSince().ifPresent(d -> body.put("includeWipPactsSince", d));
    }
    return body;
  }

  private static FetchedPact pact(
      HalClient client, HalDocument list, JsonNode entry, String provider, Consumer<String> say) {
    HalDocument entryDoc = new HalDocument(list.location(), list.status(), entry);
    HalLink selfLink =
        entryDoc
            .link("self")
            .orElseThrow(
                () ->
                    new dev.interlock.broker.BrokerException(
                        "a pact in the broker's answer has no self link: " + entry));
    URI self = client.resolve(entryDoc, selfLink, Map.of());
    JsonNode properties = entry.path("verificationProperties");
    List<String> notices = new ArrayList<>();
    for (JsonNode notice : properties.path("notices")) {
      String when = notice.path("when").asText("before_verification");
      if (when.equals("before_verification")) {
        notices.add(notice.path("text").asText());
      }
    }
    String description = selfLink.name().orElse(entry.path("shortDescription").asText(self + ""));
    notices.forEach(n -> say.accept(description + ": " + n));
    HalDocument pactDoc = client.get(self);
    Optional<URI> results =
        pactDoc
            .link("pb:publish-verification-results")
            .map(l -> client.resolve(pactDoc, l, Map.of()));
    if (!(pactDoc.body() instanceof ObjectNode document)) {
      throw new dev.interlock.broker.BrokerException(
          "GET " + self + ": the broker answered no pact document");
    }
    ObjectNode content = document.deepCopy();
    content.remove("_links");
    content.remove("_embedded");
    return new FetchedPact(
        content.path("consumer").path("name").asText(""),
        content.path("provider").path("name").asText(provider),
        description,
        self,
        results,
        properties.path("pending").asBoolean(false),
        properties.path("wip").asBoolean(false),
        notices,
        content);
  }
}
