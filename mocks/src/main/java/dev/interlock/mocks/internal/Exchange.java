package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the steps know of one request once it is routed: the call, the operation it means, its
 * parsed body (null for methods that carry none) and whom it is scoped to. Immutable.
 */
record Exchange(HttpCall call, Router.Match match, JsonNode body, String credential) {

  OperationModel op() {
    return match.operation();
  }
}
