package dev.interlock.mocks.internal;

import java.util.Optional;

/**
 * The scenario step: before the contract is consulted, the current scenario may fail the call
 * (outage, flaky, scripted statuses) or drop its connection. A status the operation declares is
 * answered as the contract declares it (its example, its headers), so a scripted 402 or 429 looks
 * like the vendor's own; others as the operation's error shape or a problem.
 */
final class ScenarioGate {

  private final ScenarioRuntime scenarios;
  private final Replies replies;
  private final Problems problems;

  ScenarioGate(ScenarioRuntime scenarios, Replies replies, Problems problems) {
    this.scenarios = scenarios;
    this.replies = replies;
    this.problems = problems;
  }

  /** The scenario's answer to the call, or empty to answer it normally. */
  Optional<Reply> decide(OperationModel op, HttpCall call) {
    ScenarioRuntime.Verdict v = scenarios.decide(op == null ? "" : op.id());
    if (v instanceof ScenarioRuntime.Reset) {
      return Optional.of(Reply.connectionReset());
    }
    if (!(v instanceof ScenarioRuntime.Fail f)) {
      return Optional.empty();
    }
    String detail = "Scenario '" + scenarios.current().name() + "'.";
    Reply r;
    if (op != null && op.responseKeyFor(f.status()).isPresent() && f.status() != 500) {
      r = replies.declaredReply(op, f.status(), Replies.preferredExample(call));
    } else if (op == null) {
      r = Problems.problem(f.status(), title(f.status()), detail, null);
    } else {
      r = problems.error(op, f.status(), title(f.status()), detail, null);
    }
    if (f.retryAfterSeconds() > 0) {
      r = r.withHeader("Retry-After", String.valueOf(f.retryAfterSeconds()));
    }
    if (f.status() == 429) {
      r = r.withHeader("RateLimit-Remaining", "0");
    }
    return Optional.of(r);
  }

  private static String title(int status) {
    return switch (status) {
      case 503 -> "Service unavailable";
      case 502 -> "Bad gateway";
      case 429 -> "Too many requests";
      default -> "Internal server error";
    };
  }
}
