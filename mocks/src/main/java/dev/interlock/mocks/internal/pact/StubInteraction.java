package dev.interlock.mocks.internal.pact;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP interaction of a served pact, ready to be matched and answered.
 *
 * @param pact the pact file's name, for messages
 * @param index the interaction's position among all served interactions: the last tie-breaker
 * @param description the interaction's description
 * @param states the names of its provider states, in the pact's order
 * @param stateParams the parameters of its provider states, merged in order
 * @param request the request to match against: the pact's, with its provider-state placeholders
 *     turned into regular expressions
 * @param placeholders how to read the placeholders' values back from a request that matched
 * @param response the response to answer with, before generators
 */
public record StubInteraction(
    String pact,
    int index,
    String description,
    List<String> states,
    Map<String, Object> stateParams,
    IRequest request,
    StatePlaceholders placeholders,
    IResponse response) {

  public StubInteraction {
    states = List.copyOf(states);
    stateParams = Collections.unmodifiableMap(new LinkedHashMap<>(stateParams));
  }

  /** The first provider state, or null: how the journal names the state that answered. */
  public String firstState() {
    return states.isEmpty() ? null : states.get(0);
  }
}
