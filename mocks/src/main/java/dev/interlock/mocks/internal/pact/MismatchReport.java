package dev.interlock.mocks.internal.pact;

import au.com.dius.pact.core.matchers.HeaderMismatch;
import au.com.dius.pact.core.matchers.Mismatch;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.redact.Redactor;
import dev.interlock.mocks.internal.HttpCall;
import dev.interlock.mocks.internal.Problems;
import dev.interlock.mocks.internal.Reply;
import java.util.List;

/**
 * The answer when no interaction matches: an RFC 9457 problem listing, per candidate interaction,
 * Pact JVM's descriptions of why it did not match, so the developer sees what the pact expected
 * instead of a bare 404. A 400 when some interaction's method and path matched (its headers, query
 * or body did not), listing those; else a 404 listing the nearest few. Values of secret headers and
 * secrets in the descriptions are redacted.
 */
final class MismatchReport {

  static final int NEAREST = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Redactor REDACTOR = Redactor.standard();

  private MismatchReport() {}

  static Reply of(HttpCall call, InteractionMatcher.Unmatched unmatched) {
    String request = call.method() + " " + call.path();
    List<InteractionMatcher.Candidate> listed =
        unmatched.pathMatched()
            ? unmatched.candidates().stream()
                .filter(c -> c.result().matchedMethodAndPath())
                .toList()
            : unmatched.candidates().stream().limit(NEAREST).toList();
    ObjectNode extra = JSON.createObjectNode();
    extra.put("request", REDACTOR.redactUrl(request));
    ArrayNode candidates = extra.putArray("candidates");
    for (InteractionMatcher.Candidate c : listed) {
      candidates.add(candidate(c));
    }
    if (unmatched.pathMatched()) {
      return Problems.problem(
          400,
          "Request does not match the pact",
          "An interaction has this method and path, but "
              + (listed.size() == 1 ? "its" : "each one's")
              + " headers, query or body differ from the request; see 'candidates'.",
          extra);
    }
    return Problems.problem(
        404,
        "No interaction matches",
        "No interaction of the served pacts has this method and path; the nearest "
            + listed.size()
            + " are in 'candidates' with why each did not match.",
        extra);
  }

  private static ObjectNode candidate(InteractionMatcher.Candidate c) {
    StubInteraction i = c.interaction();
    ObjectNode out = JSON.createObjectNode();
    out.put("interaction", i.description());
    out.put("pact", i.pact());
    ArrayNode states = out.putArray("providerStates");
    i.states().forEach(states::add);
    ArrayNode mismatches = out.putArray("mismatches");
    for (Mismatch m : c.result().getMismatches()) {
      ObjectNode one = mismatches.addObject();
      one.put("type", m.type());
      one.put("description", describe(m));
    }
    return out;
  }

  /** Pact's description, without a secret header's values or secrets it quotes. */
  static String describe(Mismatch m) {
    if (m instanceof HeaderMismatch h && Redactor.isSecretName(h.getHeaderKey())) {
      return "Header '"
          + h.getHeaderKey()
          + "' does not match what the pact expects (values redacted)";
    }
    return REDACTOR.redactText(m.description());
  }
}
