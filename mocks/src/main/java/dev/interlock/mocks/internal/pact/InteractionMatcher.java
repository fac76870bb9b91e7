package dev.interlock.mocks.internal.pact;

import au.com.dius.pact.core.matchers.RequestMatchResult;
import au.com.dius.pact.core.matchers.RequestMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.HeaderParser;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Request;
import au.com.dius.pact.core.support.json.JsonValue;
import dev.interlock.mocks.internal.HttpCall;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the interaction that answers a request. Every interaction's request is compared with Pact
 * JVM's request matching ({@link RequestMatching#requestMismatches}: method, path, query, headers,
 * body, matching rules honoured). Among those that match, one whose provider state the request
 * names in the provider-state header wins; else the most specific (Pact's score: the more
 * constraints matched, the higher); else the first served. Deterministic for a given request.
 */
public final class InteractionMatcher {

  /** An interaction compared with a request. */
  public record Candidate(StubInteraction interaction, RequestMatchResult result) {}

  /** What the request met: the chosen interaction, or every candidate and why each failed. */
  public sealed interface Outcome permits Chosen, Unmatched {}

  /**
   * @param interaction the answering interaction
   * @param alsoMatching the interactions that match as well as it, when the request named no
   *     provider state, in order of preference: their responses may join its answer
   * @param values the provider-state placeholder values the request carried
   */
  public record Chosen(
      StubInteraction interaction, List<StubInteraction> alsoMatching, Map<String, String> values)
      implements Outcome {}

  /**
   * @param candidates every interaction, nearest first
   * @param pathMatched whether some interaction's method and path matched
   */
  public record Unmatched(List<Candidate> candidates, boolean pathMatched) implements Outcome {}

  private static final Comparator<Candidate> NEAREST_FIRST =
      Comparator.comparingInt((Candidate c) -> -c.result().calculateScore())
          .thenComparingInt(c -> c.interaction().index());

  private final List<StubInteraction> interactions;
  private final String providerStateHeader;

  public InteractionMatcher(List<StubInteraction> interactions, String providerStateHeader) {
    this.interactions = List.copyOf(interactions);
    this.providerStateHeader = providerStateHeader;
  }

  public Outcome match(HttpCall call) {
    Request actual = toPact(call);
    String decodedPath = decoded(call.path());
    Request decoded = null;
    if (decodedPath != null) {
      decoded = toPact(call);
      decoded.setPath(decodedPath);
    }
    List<Candidate> all = new ArrayList<>(interactions.size());
    List<Candidate> matched = new ArrayList<>();
    for (StubInteraction i : interactions) {
      Candidate c = new Candidate(i, RequestMatching.requestMismatches(i.request(), actual));
      if (!c.result().matchedOk() && decoded != null) {
        // pacts record paths escaped (Ruby: /pacticipants/Pricing%20Service) or not (/a b)
        Candidate d = new Candidate(i, RequestMatching.requestMismatches(i.request(), decoded));
        c = d.result().matchedOk() ? d : c;
      }
      all.add(c);
      if (c.result().matchedOk()) {
        matched.add(c);
      }
    }
    if (matched.isEmpty()) {
      all.sort(NEAREST_FIRST);
      boolean pathMatched = all.stream().anyMatch(c -> c.result().matchedMethodAndPath());
      return new Unmatched(all, pathMatched);
    }
    List<Candidate> ranked = sorted(matched);
    String wanted = call.header(providerStateHeader);
    StubInteraction named = wanted == null ? null : withState(ranked, wanted.trim());
    List<StubInteraction> tied = new ArrayList<>();
    StubInteraction chosen;
    if (named != null) {
      chosen = named;
    } else {
      int best = ranked.get(0).result().calculateScore();
      for (Candidate c : ranked) {
        if (c.result().calculateScore() == best) {
          tied.add(c.interaction());
        }
      }
      // a request that names no state is answered first by an interaction that assumes none
      tied.sort(Comparator.comparing((StubInteraction i) -> !i.states().isEmpty()));
      chosen = tied.remove(0);
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (decodedPath != null) {
      values.putAll(chosen.placeholders().valuesIn(decodedPath, call.query(), call::header));
    }
    values.putAll(chosen.placeholders().valuesIn(call.path(), call.query(), call::header));
    return new Chosen(chosen, tied, values);
  }

  /** The path with its percent-escapes decoded, or null when it has none (or bad ones). */
  static String decoded(String rawPath) {
    if (rawPath.indexOf('%') < 0) {
      return null;
    }
    try {
      String path = new URI("http", "h", null, null).resolve(rawPath).getPath();
      return path == null || path.equals(rawPath) ? null : path;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static StubInteraction withState(List<Candidate> ranked, String wanted) {
    for (Candidate c : ranked) {
      if (c.interaction().states().contains(wanted)) {
        return c.interaction();
      }
    }
    return null;
  }

  private static List<Candidate> sorted(List<Candidate> candidates) {
    List<Candidate> out = new ArrayList<>(candidates);
    out.sort(NEAREST_FIRST);
    return out;
  }

  /**
   * The request in Pact JVM's terms. A header's value is split into values the way Pact JVM's
   * reader splits the pact's ({@link HeaderParser}: on commas, except for dates), so the two
   * compare value by value; Pact looks names up without case itself.
   */
  static Request toPact(HttpCall call) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    call.headers()
        .forEach(
            (k, values) -> {
              List<String> split = new ArrayList<>();
              for (String v : values) {
                split.addAll(HeaderParser.INSTANCE.fromJson(k, new JsonValue.StringValue(v)));
              }
              headers.put(k, split);
            });
    Map<String, List<String>> query = new LinkedHashMap<>(call.query());
    OptionalBody body =
        call.body().isEmpty()
            ? OptionalBody.missing()
            : OptionalBody.body(
                call.body().getBytes(StandardCharsets.UTF_8),
                call.contentType().isEmpty()
                    ? ContentType.getUNKNOWN()
                    : ContentType.fromString(call.header("Content-Type")));
    return new Request(call.method(), call.path(), query, headers, body);
  }
}
