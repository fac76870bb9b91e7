package dev.interlock.core.contract;

import dev.interlock.core.JsonPointer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One interaction of a pact, read through Pact JVM's model and kept in Interlock's own terms so
 * that verifiers and reports do not depend on Pact JVM's Kotlin types.
 */
public sealed interface PactInteraction {

  String description();

  List<String> providerStates();

  /** Where the interaction is in the pact file ({@code /interactions/2}). */
  JsonPointer pointer();

  /** A matching rule of the pact: its category, the path it applies to, and the rule itself. */
  record MatchingRule(String category, String path, String match, Map<String, Object> attributes) {}

  /** A body as the pact holds it: raw text (or base64 for binary) and its content type. */
  record Body(String contentType, String text, boolean binary) {}

  record Request(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      Optional<Body> body,
      List<MatchingRule> matchingRules) {}

  record Response(
      int status,
      Map<String, List<String>> headers,
      Optional<Body> body,
      List<MatchingRule> matchingRules) {}

  record Http(
      String description,
      List<String> providerStates,
      JsonPointer pointer,
      Request request,
      Response response)
      implements PactInteraction {}

  record Message(
      String description,
      List<String> providerStates,
      JsonPointer pointer,
      Optional<Body> contents,
      Map<String, Object> metadata,
      List<MatchingRule> matchingRules)
      implements PactInteraction {}
}
