package dev.interlock.adapters;

import dev.interlock.core.redact.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Everything the generated adapters share in one process: time (clock and sleeper), the seeded
 * random for jitter, endpoints, credentials, manifest overrides, the idempotency-key scheme, and
 * the listeners of {@link AdapterEvent}s. A generated adapter opens its {@link VendorSession} here.
 *
 * <pre>{@code
 * AdapterRuntime runtime = AdapterRuntime.builder("order-sync")
 *     .clock(time.clock()).sleeper(time.sleeper()).seed(7)
 *     .endpoint("payments", "http://127.0.0.1:54321")
 *     .credentials("payments", Credentials.fromManifest(auth, secrets))
 *     .listener(events::add)
 *     .build();
 * PaymentsAdapter payments = new PaymentsAdapter(runtime);
 * Charge charge = payments.createCharge(orderId, request);   // key order-sync:createCharge:<orderId>
 * }</pre>
 */
public final class AdapterRuntime {

  /** Derives the idempotency key of a business operation; must be the same on every attempt. */
  @FunctionalInterface
  public interface IdempotencyKeys {
    String key(String integration, String vendor, String operationId, String businessKey);

    /**
     * {@code <integration>:<operationId>:<businessKey>}, e.g. {@code
     * order-sync:createCharge:ord_1}.
     */
    static IdempotencyKeys standard() {
      return (integration, vendor, op, key) -> integration + ":" + op + ":" + key;
    }
  }

  /**
   * Circuit breaker settings (per vendor): opens when at least {@code failureRate}% of the last
   * {@code window} attempts (at least {@code minimumCalls}) failed with 5xx, 429 or no response;
   * stays open for {@code openFor}, then lets {@code halfOpenCalls} trial attempts through.
   */
  public record CircuitSettings(
      float failureRate, int window, int minimumCalls, Duration openFor, int halfOpenCalls) {
    public static CircuitSettings defaults() {
      return new CircuitSettings(50f, 20, 10, Duration.ofSeconds(5), 2);
    }
  }

  private final String integration;
  private final Clock clock;
  private final Sleeper sleeper;
  private final long seed;
  private final Random random;
  private final Map<String, String> endpoints;
  private final Map<String, Credentials> credentials;
  private final Map<String, PolicyOverrides> overrides;
  private final IdempotencyKeys keys;
  private final CircuitSettings circuit;
  private final List<AdapterListener> listeners;
  private final Consumer<String> log;

  /** Replaced, never changed, when a secret becomes known (an access token fetched mid-run). */
  private volatile Redactor redactor = Redactor.standard();

  private final Map<String, VendorSession> sessions = new ConcurrentHashMap<>();

  private AdapterRuntime(Builder b) {
    this.integration = b.integration;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.seed = b.seed;
    this.random = new Random(b.seed);
    this.endpoints = Map.copyOf(b.endpoints);
    this.credentials = Map.copyOf(b.credentials);
    this.overrides = Map.copyOf(b.overrides);
    this.keys = b.keys;
    this.circuit = b.circuit;
    this.listeners = new CopyOnWriteArrayList<>(b.listeners);
    this.log = b.log;
    this.credentials.values().forEach(c -> addSecrets(c.values()));
    log("adapters of " + integration + ": seed " + seed + " (backoff jitter)");
  }

  public static Builder builder(String integration) {
    return new Builder(integration);
  }

  /** The session of a vendor version, opened once and shared. */
  public VendorSession open(VendorSpec spec) {
    return sessions.computeIfAbsent(
        spec.vendor() + "/" + spec.version(), k -> new VendorSession(this, spec));
  }

  public String integration() {
    return integration;
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  public long seed() {
    return seed;
  }

  public void addListener(AdapterListener listener) {
    listeners.add(listener);
  }

  /** Removes every secret the runtime knows (and secret-looking values) from a text. */
  public String redact(String text) {
    return redactor.redactText(text);
  }

  /** Writes a line to the log sink, redacted. */
  public void log(String line) {
    if (log != null) {
      log.accept(redactor.redactText(line));
    }
  }

  // ------------------------------------------------------------- for sessions

  String endpoint(String vendor) {
    String e = endpoints.get(vendor);
    if (e == null) {
      throw new IllegalStateException("no endpoint configured for vendor '" + vendor + "'");
    }
    return e;
  }

  Credentials credentials(String vendor) {
    return credentials.getOrDefault(vendor, Credentials.none());
  }

  PolicyOverrides overrides(String vendor) {
    return overrides.getOrDefault(vendor, PolicyOverrides.none());
  }

  String idempotencyKey(String vendor, String operationId, String businessKey) {
    return keys.key(integration, vendor, operationId, businessKey);
  }

  CircuitSettings circuit() {
    return circuit;
  }

  void addSecret(String secret) {
    addSecrets(Collections.singletonList(secret));
  }

  private synchronized void addSecrets(List<String> secrets) {
    redactor = redactor.withKnownSecrets(secrets);
  }

  /** Uniformly random in [0, bound]: full jitter. */
  Duration jitter(Duration bound) {
    long ms = bound.toMillis();
    if (ms <= 0) {
      return Duration.ZERO;
    }
    long pick;
    synchronized (random) {
      pick = (long) (random.nextDouble() * (ms + 1));
    }
    return Duration.ofMillis(Math.min(pick, ms));
  }

  void emit(AdapterEvent event) {
    for (AdapterListener l : listeners) {
      l.on(event);
    }
    if (log != null) {
      log.accept(redactor.redactText(EventLog.render(event)));
    }
  }

  public static final class Builder {
    private final String integration;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.real();
    private long seed = 0;
    private final Map<String, String> endpoints = new HashMap<>();
    private final Map<String, Credentials> credentials = new HashMap<>();
    private final Map<String, PolicyOverrides> overrides = new HashMap<>();
    private IdempotencyKeys keys = IdempotencyKeys.standard();
    private CircuitSettings circuit = CircuitSettings.defaults();
    private final List<AdapterListener> listeners = new ArrayList<>();
    private Consumer<String> log;

    private Builder(String integration) {
      this.integration = integration;
    }

    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    public Builder sleeper(Sleeper v) {
      sleeper = v;
      return this;
    }

    public Builder virtualTime(VirtualTime time) {
      clock = time.clock();
      sleeper = time.sleeper();
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /** The base URL of a vendor ({@code http://127.0.0.1:54321}), without a trailing slash. */
    public Builder endpoint(String vendor, String baseUrl) {
      endpoints.put(
          vendor, baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
      return this;
    }

    public Builder credentials(String vendor, Credentials c) {
      credentials.put(vendor, c);
      return this;
    }

    public Builder overrides(String vendor, PolicyOverrides o) {
      overrides.put(vendor, o);
      return this;
    }

    public Builder idempotencyKeys(IdempotencyKeys v) {
      keys = v;
      return this;
    }

    public Builder circuit(CircuitSettings v) {
      circuit = v;
      return this;
    }

    public Builder listener(AdapterListener l) {
      listeners.add(l);
      return this;
    }

    /** Where log lines go (already redacted); none by default. */
    public Builder log(Consumer<String> sink) {
      log = sink;
      return this;
    }

    public AdapterRuntime build() {
      return new AdapterRuntime(this);
    }
  }
}
