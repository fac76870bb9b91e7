package dev.interlock.adapters;

import dev.interlock.adapters.AdapterEvent.AttemptFailed;
import dev.interlock.adapters.AdapterEvent.AttemptStarted;
import dev.interlock.adapters.AdapterEvent.CircuitClosed;
import dev.interlock.adapters.AdapterEvent.CircuitOpened;
import dev.interlock.adapters.AdapterEvent.GaveUp;
import dev.interlock.adapters.AdapterEvent.Succeeded;
import dev.interlock.adapters.AdapterEvent.WaitReason;
import dev.interlock.adapters.AdapterEvent.WaitScheduled;
import dev.interlock.adapters.internal.OAuth2Tokens;
import dev.interlock.adapters.internal.ServerDelay;
import dev.interlock.adapters.internal.TokenBucket;
import dev.interlock.adapters.internal.TokenFailure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One vendor version's resilience, as the generated adapter uses it: every operation's {@link
 * ResiliencePolicy}, the vendor's rate limiter and circuit breaker, its credentials (and OAuth 2
 * token) and the version pin. {@link #call} runs one business operation to an answer or a {@link
 * VendorCallException}; {@link #decorate} is the generated client's request interceptor.
 */
public final class VendorSession {

  /** A response as the generated client returned it. */
  public record Answer<T>(int status, Map<String, List<String>> headers, T body) {}

  /** A failed attempt as the generated client reported it; status 0 when there was no response. */
  public record Failure(
      int status, Map<String, List<String>> headers, String body, Throwable cause) {
    public static Failure of(
        int status, Map<String, List<String>> headers, String body, Throwable cause) {
      return new Failure(status, headers == null ? Map.of() : headers, body, cause);
    }
  }

  /** One attempt of the generated client's call, given the idempotency key (null if none). */
  @FunctionalInterface
  public interface Attempt<R> {
    R run(String idempotencyKey) throws Exception;
  }

  private record Scope(ResiliencePolicy policy, OperationSpec op, String key) {}

  private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

  private final AdapterRuntime runtime;
  private final VendorSpec spec;
  private final Clock clock;
  private final Map<String, ResiliencePolicy> policies = new LinkedHashMap<>();
  private final TokenBucket limiter;
  private final CircuitBreaker breaker;
  private final Credentials credentials;
  private final OAuth2Tokens tokens;
  private final String baseUri;
  private volatile Instant openedAt = Instant.MIN;

  VendorSession(AdapterRuntime runtime, VendorSpec spec) {
    this.runtime = runtime;
    this.spec = spec;
    this.clock = runtime.clock();
    PolicyOverrides overrides = runtime.overrides(spec.vendor());
    for (OperationSpec op : spec.operations().values()) {
      policies.put(op.operationId(), ResiliencePolicy.derive(spec, op, overrides));
    }
    var rate = overrides.rateLimit().or(spec::rateLimit);
    this.limiter = rate.map(r -> new TokenBucket(r.limit(), r.window(), clock)).orElse(null);
    AdapterRuntime.CircuitSettings cs = runtime.circuit();
    this.breaker =
        CircuitBreaker.of(
            spec.vendor() + "/" + spec.version(),
            CircuitBreakerConfig.custom()
                .clock(clock)
                .currentTimestampFunction(Clock::millis, TimeUnit.MILLISECONDS)
                .failureRateThreshold(cs.failureRate())
                .slidingWindow(
                    cs.window(),
                    cs.minimumCalls(),
                    CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .waitDurationInOpenState(cs.openFor())
                .permittedNumberOfCallsInHalfOpenState(cs.halfOpenCalls())
                .writableStackTraceEnabled(false)
                .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            t -> {
              var to = t.getStateTransition().getToState();
              if (to == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
                runtime.emit(
                    new CircuitOpened(
                        clock.instant(),
                        spec.vendor(),
                        null,
                        breaker.getMetrics().getFailureRate()));
              } else if (to == CircuitBreaker.State.CLOSED) {
                runtime.emit(new CircuitClosed(clock.instant(), spec.vendor(), null));
              }
            });
    this.credentials = runtime.credentials(spec.vendor());
    this.baseUri = runtime.endpoint(spec.vendor());
    if ("oauth2-client-credentials".equals(spec.auth().type())
        && credentials.clientId() != null
        && credentials.clientSecret() != null) {
      this.tokens =
          new OAuth2Tokens(
              httpClientBuilder().build(),
              URI.create(baseUri + spec.auth().tokenPath()),
              credentials.clientId().reveal(),
              credentials.clientSecret().reveal(),
              spec.auth().scope(),
              clock,
              tokenTimeout(),
              runtime::addSecret);
    } else {
      this.tokens = null;
    }
  }

  public VendorSpec spec() {
    return spec;
  }

  public ResiliencePolicy policy(String operationId) {
    ResiliencePolicy p = policies.get(operationId);
    if (p == null) {
      throw new IllegalArgumentException(spec.vendor() + " has no operation '" + operationId + "'");
    }
    return p;
  }

  public Map<String, ResiliencePolicy> policies() {
    return Map.copyOf(policies);
  }

  public CircuitBreaker.State circuitState() {
    return breaker.getState();
  }

  public String baseUri() {
    return baseUri;
  }

  /** HTTP/1.1, a connect timeout; per-attempt timeouts are set on each request. */
  public HttpClient.Builder httpClientBuilder() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5));
  }

  /**
   * Runs one business operation: attempts, waits and gives up as its policy says.
   *
   * @param businessKey the key the idempotency key is derived from (required for KEYED operations,
   *     ignored otherwise)
   */
  public <R, T> T call(
      String operationId,
      String businessKey,
      Attempt<R> attempt,
      Function<R, Answer<T>> answer,
      Function<Exception, Failure> failure) {
    ResiliencePolicy p = policy(operationId);
    OperationSpec op = spec.operation(operationId);
    String key = null;
    if (p.retryClass() == RetryClass.KEYED) {
      if (businessKey == null || businessKey.isBlank()) {
        throw new IllegalArgumentException(
            operationId + " needs a business key: its idempotency key is derived from it");
      }
      key = runtime.idempotencyKey(spec.vendor(), operationId, businessKey);
    }
    Instant start = clock.instant();
    Instant deadline = start.plus(p.budget());
    int n = 0;
    boolean refreshedToken = false;
    while (true) {
      n++;
      // the circuit breaker: wait while it is open
      while (!breaker.tryAcquirePermission()) {
        Duration wait =
            Duration.between(clock.instant(), openedAt.plus(runtime.circuit().openFor()));
        if (wait.isNegative() || wait.isZero()) {
          wait = Duration.ofMillis(1);
        }
        if (clock.instant().plus(wait).isAfter(deadline)) {
          throw giveUp(p, n - 1, 0, "circuit-open", true, "the circuit breaker is open", null);
        }
        waitFor(p, n, wait, Duration.ZERO, Duration.ZERO, WaitReason.CIRCUIT_OPEN);
      }
      // the client-side rate limiter
      if (limiter != null) {
        Duration wait = limiter.reserve();
        if (!wait.isZero()) {
          if (clock.instant().plus(wait).isAfter(deadline)) {
            breaker.releasePermission();
            throw giveUp(
                p, n - 1, 0, "budget-exhausted", true, "rate limit wait beyond budget", null);
          }
          waitFor(p, n, wait, Duration.ZERO, Duration.ZERO, WaitReason.RATE_LIMIT);
        }
      }
      runtime.emit(new AttemptStarted(clock.instant(), spec.vendor(), operationId, n, key));
      long t0 = System.nanoTime();
      SCOPE.set(new Scope(p, op, key));
      Failure f;
      try {
        R raw = attempt.run(key);
        Answer<T> a = answer.apply(raw);
        breaker.onSuccess(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        runtime.emit(
            new Succeeded(
                clock.instant(),
                spec.vendor(),
                operationId,
                n,
                a.status(),
                ServerDelay.isTrue(a.headers(), "Idempotent-Replayed"),
                Duration.between(start, clock.instant())));
        return a.body();
      } catch (Exception e) {
        TokenFailure tf = tokenFailure(e);
        f = tf != null ? Failure.of(tf.status(), tf.headers(), tf.body(), tf) : failure.apply(e);
      } finally {
        SCOPE.remove();
      }
      int status = f.status();
      boolean serverTrouble = status == 0 || status == 429 || status >= 500;
      if (serverTrouble) {
        breaker.onError(System.nanoTime() - t0, TimeUnit.NANOSECONDS, new VendorTrouble(status));
      } else {
        breaker.onSuccess(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
      }
      boolean tokenRefresh =
          status == 401
              && tokens != null
              && !refreshedToken
              && op.authenticated()
              && tokens.invalidate();
      boolean retryable = tokenRefresh || p.retries(status);
      String error = describe(f);
      runtime.emit(
          new AttemptFailed(
              clock.instant(),
              spec.vendor(),
              operationId,
              n,
              status,
              error,
              retryable && n < p.maxAttempts()));
      if (!retryable) {
        // not retried here (the policy forbids it), but a 5xx, 429 or lost answer may still pass:
        // the business operation can be tried again later with the same idempotency key
        throw giveUp(p, n, status, "not-retryable", serverTrouble, error, f.body());
      }
      if (n >= p.maxAttempts()) {
        throw giveUp(p, n, status, "attempts-exhausted", true, error, f.body());
      }
      if (tokenRefresh) {
        refreshedToken = true;
        continue;
      }
      Duration ceiling = p.backoffCeiling(n);
      Duration jitter = runtime.jitter(ceiling);
      Duration server =
          p.honoursRetryAfter() ? ServerDelay.of(status, f.headers(), clock) : Duration.ZERO;
      // never sooner than the server asked: the wait starts when its answer arrived
      Duration wait = jitter.compareTo(server) >= 0 ? jitter : server;
      WaitReason reason =
          server.compareTo(jitter) >= 0 && !server.isZero()
              ? WaitReason.RETRY_AFTER
              : WaitReason.BACKOFF;
      if (clock.instant().plus(wait).isAfter(deadline)) {
        throw giveUp(p, n, status, "budget-exhausted", true, error, f.body());
      }
      waitFor(p, n, wait, ceiling, server, reason);
    }
  }

  private static TokenFailure tokenFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TokenFailure tf) {
        return tf;
      }
    }
    return null;
  }

  private void waitFor(
      ResiliencePolicy p,
      int n,
      Duration wait,
      Duration ceiling,
      Duration server,
      WaitReason reason) {
    runtime.emit(
        new WaitScheduled(
            clock.instant(), spec.vendor(), p.operationId(), n, wait, ceiling, server, reason));
    try {
      runtime.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VendorCallException(
          spec.vendor(), p.operationId(), 0, n, true, "interrupted while waiting", null);
    }
  }

  private VendorCallException giveUp(
      ResiliencePolicy p,
      int attempts,
      int status,
      String reason,
      boolean transientFailure,
      String error,
      String body) {
    runtime.emit(
        new GaveUp(clock.instant(), spec.vendor(), p.operationId(), attempts, status, reason));
    return new VendorCallException(
        spec.vendor(),
        p.operationId(),
        status,
        attempts,
        transientFailure,
        runtime.redact(
            spec.vendor()
                + "."
                + p.operationId()
                + " failed after "
                + attempts
                + " attempt(s) ("
                + reason
                + "): "
                + error),
        runtime.redact(body));
  }

  private String describe(Failure f) {
    String text;
    if (f.status() > 0) {
      text = "HTTP " + f.status();
      if (f.body() != null && !f.body().isBlank()) {
        String b = f.body().length() > 300 ? f.body().substring(0, 300) + "…" : f.body();
        text += " " + b.replace('\n', ' ');
      }
    } else if (f.cause() != null) {
      Throwable c = f.cause();
      while (c.getCause() != null && c.getCause() != c && c.getMessage() == null) {
        c = c.getCause();
      }
      text = c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    } else {
      text = "no response";
    }
    return runtime.redact(text);
  }

  private Duration tokenTimeout() {
    for (OperationSpec op : spec.operations().values()) {
      if (op.path().equals(spec.auth().tokenPath())) {
        return policies.get(op.operationId()).timeout();
      }
    }
    return ResiliencePolicy.DEFAULT_TIMEOUT;
  }

  /**
   * The generated client's request interceptor: pins the version header, authenticates, sets the
   * attempt's idempotency key and timeout.
   */
  public void decorate(HttpRequest.Builder request) {
    Scope scope = SCOPE.get();
    if (spec.versionHeader() != null && spec.apiVersion() != null) {
      request.setHeader(spec.versionHeader(), spec.apiVersion());
    }
    request.setHeader("User-Agent", "interlock-adapter/" + runtime.integration());
    if (scope != null) {
      request.timeout(scope.policy().timeout());
      if (scope.key() != null && scope.policy().idempotencyHeader() != null) {
        request.setHeader(scope.policy().idempotencyHeader(), scope.key());
      }
    }
    if (scope == null || scope.op().authenticated()) {
      authenticate(request);
    }
  }

  private void authenticate(HttpRequest.Builder request) {
    switch (credentials.type()) {
      case "bearer" ->
          request.setHeader("Authorization", "Bearer " + credentials.secret().reveal());
      case "api-key" -> {
        String header = credentials.header() != null ? credentials.header() : spec.auth().header();
        request.setHeader(header == null ? "X-Api-Key" : header, credentials.secret().reveal());
      }
      case "basic" ->
          request.setHeader(
              "Authorization",
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          (credentials.clientId().reveal() + ":" + credentials.secret().reveal())
                              .getBytes(StandardCharsets.UTF_8)));
      case "oauth2-client-credentials" -> {
        if (tokens != null) {
          request.setHeader("Authorization", "Bearer " + tokens.token());
        }
      }
      default -> {
        // none
      }
    }
  }

  /** What the circuit breaker records for a 5xx, a 429 or a missing response. */
  private static final class VendorTrouble extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VendorTrouble(int status) {
      super(status == 0 ? "no response" : "HTTP " + status, null, false, false);
    }
  }
}
