package dev.interlock.mocks.internal;

import dev.interlock.mocks.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The current scenario, when it started (on the clock), its random stream and script positions. */
public final class ScenarioRuntime {

  /** What the scenario decides for one call before the contract is consulted. */
  public sealed interface Verdict {}

  /** Answer normally. */
  public record Proceed() implements Verdict {}

  /**
   * Answer with this status (an error the contract may describe), with {@code Retry-After} when
   * {@code retryAfterSeconds} is above 0.
   */
  public record Fail(int status, long retryAfterSeconds) implements Verdict {

    /** A status of its own: 503 and 429 say "retry in a second", others nothing. */
    static Fail of(int status) {
      return new Fail(status, status == 503 || status == 429 ? 1 : 0);
    }
  }

  /** Drop the connection. */
  public record Reset() implements Verdict {}

  private final Clock clock;
  private final long seed;
  private volatile Scenario scenario;
  private volatile Instant since;
  private SplittableRandom random;
  private final Map<String, AtomicInteger> positions = new ConcurrentHashMap<>();

  public ScenarioRuntime(Clock clock, long seed, Scenario initial) {
    this.clock = clock;
    this.seed = seed;
    set(initial);
  }

  public synchronized void set(Scenario next) {
    scenario = next;
    since = clock.instant();
    random = new SplittableRandom(seed ^ next.name().hashCode());
    positions.clear();
  }

  public Scenario current() {
    return scenario;
  }

  public Verdict decide(String operationId) {
    Scenario s = scenario;
    if (s instanceof Scenario.Outage o) {
      Instant end = since.plus(o.length());
      Instant now = clock.instant();
      if (now.isBefore(end)) {
        long left = (long) Math.ceil(Duration.between(now, end).toMillis() / 1000d);
        long retryAfter =
            o.retryAfter().map(d -> (long) Math.ceil(d.toMillis() / 1000d)).orElse(left);
        return new Fail(o.status(), Math.max(1, retryAfter));
      }
      return new Proceed();
    }
    if (s instanceof Scenario.Flaky f) {
      double r;
      int pick;
      synchronized (this) {
        r = random.nextDouble();
        pick = random.nextInt(f.statuses().size());
      }
      if (r < f.resetRate()) {
        return new Reset();
      }
      if (r < f.resetRate() + f.errorRate()) {
        return Fail.of(f.statuses().get(pick));
      }
      return new Proceed();
    }
    if (s instanceof Scenario.Scripted sc) {
      List<String> steps = sc.steps().get(operationId);
      String key = operationId;
      if (steps == null) {
        steps = sc.steps().get("*");
        key = "*";
      }
      if (steps == null) {
        return new Proceed();
      }
      int n = positions.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
      if (n >= steps.size()) {
        return new Proceed();
      }
      String step = steps.get(n).trim();
      if (step.equalsIgnoreCase("reset")) {
        return new Reset();
      }
      int status = Integer.parseInt(step);
      return status >= 200 && status < 300 ? new Proceed() : Fail.of(status);
    }
    return new Proceed();
  }

  /** The latency of the {@code slow} scenario for one call, in real milliseconds. */
  public long delayMillis(double timeScale) {
    if (!(scenario instanceof Scenario.Slow slow)) {
      return 0;
    }
    double gaussian;
    synchronized (this) {
      gaussian = nextGaussian();
    }
    double median = slow.median().toMillis();
    double value = median * Math.exp(0.5 * gaussian);
    value = Math.min(value, slow.max().toMillis());
    return Math.round(value * timeScale);
  }

  private double nextGaussian() {
    double u1 = Math.max(1e-12, random.nextDouble());
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
