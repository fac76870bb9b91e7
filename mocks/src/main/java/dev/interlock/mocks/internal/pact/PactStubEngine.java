package dev.interlock.mocks.internal.pact;

import dev.interlock.mocks.PactStubOptions;
import dev.interlock.mocks.internal.HttpCall;
import dev.interlock.mocks.internal.Journal;
import dev.interlock.mocks.internal.Problems;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stub's behaviour, independent of WireMock: match the request ({@link InteractionMatcher}),
 * answer with the chosen interaction's response ({@link ResponseRenderer}) or with why nothing
 * matched ({@link MismatchReport}), CORS when asked ({@link Cors}); every exchange goes to the
 * sandbox's bounded, redacted {@link Journal}. Thread-safe.
 */
public final class PactStubEngine {

  private final InteractionMatcher matcher;
  private final ResponseRenderer renderer;
  private final PactStubOptions options;
  private final Journal journal;
  private final Clock clock;
  private volatile URI base;

  public PactStubEngine(List<StubInteraction> interactions, PactStubOptions options, Clock clock) {
    this.matcher = new InteractionMatcher(interactions, options.providerStateHeader());
    this.renderer =
        new ResponseRenderer(new SeededValues(options.seed()), options.loopbackUrlsToStub());
    this.options = options;
    this.journal = new Journal(options.journalCapacity());
    this.clock = clock;
  }

  /** The base URL links point at when a request carries no {@code Host} header. */
  public void listeningAt(URI uri) {
    this.base = uri;
  }

  public Answer handle(HttpCall call) {
    Answer answer;
    try {
      answer = answer(call);
    } catch (RuntimeException e) {
      answer =
          Answer.of(Problems.problem(500, "Stub error", "The stub failed to answer: " + e, null));
    }
    if (options.cors()) {
      answer = new Answer(Cors.decorate(call, answer.reply()), answer.body());
    }
    journal.record(clock.instant(), call, answer.reply());
    return answer;
  }

  private Answer answer(HttpCall call) {
    InteractionMatcher.Outcome outcome = matcher.match(call);
    if (outcome instanceof InteractionMatcher.Chosen chosen) {
      StubInteraction i = chosen.interaction();
      Map<String, Object> values = new LinkedHashMap<>(i.stateParams());
      values.putAll(chosen.values());
      URI at = baseFor(call);
      List<ResponseMerge.Part> others = new ArrayList<>();
      for (StubInteraction o : chosen.alsoMatching()) {
        others.add(new ResponseMerge.Part(o, renderer.generate(o, at, o.stateParams())));
      }
      ResponseMerge.Merged merged =
          ResponseMerge.merge(new ResponseMerge.Part(i, renderer.generate(i, at, values)), others);
      Answer a = renderer.toAnswer(merged.response(), at);
      String by =
          merged.interactions() == 1
              ? i.description()
              : i.description() + " (+" + (merged.interactions() - 1) + " merged)";
      return new Answer(a.reply().answeredBy(by, i.firstState()), a.body());
    }
    if (options.cors() && Cors.isPreflight(call)) {
      return Answer.of(Cors.preflight(call));
    }
    return Answer.of(MismatchReport.of(call, (InteractionMatcher.Unmatched) outcome));
  }

  /** The stub's base URL as the client reached it: links must work from where it stands. */
  private URI baseFor(HttpCall call) {
    String host = call.header("Host");
    if (host != null && !host.isBlank()) {
      try {
        return URI.create("http://" + host.trim());
      } catch (IllegalArgumentException e) {
        // a malformed Host header: fall back to the address the stub listens on
      }
    }
    return base;
  }

  public Journal journal() {
    return journal;
  }
}
