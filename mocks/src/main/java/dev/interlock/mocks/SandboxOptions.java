package dev.interlock.mocks;

import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.ContractExtensions.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a sandbox runs.
 *
 * @param port the port to listen on; 0 picks a free one
 * @param bindAddress where to listen; loopback unless told otherwise (then {@code adminToken} is
 *     required)
 * @param seed every random choice (synthesized data, faults, latencies) derives from it
 * @param scenario the scenario at start
 * @param clock token expiry, rate-limit windows and outages are measured on it
 * @param timeScale multiplies real-time delays (latency of {@code slow}): 0.01 makes them 100 times
 *     shorter
 * @param journalCapacity how many exchanges the journal keeps (oldest dropped first)
 * @param adminToken required as {@code Authorization: Bearer} on {@code /__interlock/} when set
 * @param defaultVersion the version served when a header-versioned request names none (null: the
 *     last version given)
 * @param rateLimit overrides the contract's {@code x-rate-limit} when present
 * @param maxConcurrentRequests how many requests one credential may have in flight at once (the
 *     rest get 429 with {@code Retry-After: 1}, as Stripe's concurrency limiter answers); 0, the
 *     default, leaves it to the {@code concurrency} of the {@code x-rate-limit} in force, and
 *     without one there is no such limit
 * @param apiKeys API keys and bearer tokens accepted; empty accepts any non-empty credential
 * @param clients OAuth 2 client id to secret; empty accepts any non-empty pair
 * @param tokenLifetime how long an issued OAuth 2 access token lives on the clock
 * @param validateRequests whether requests are validated against the contract
 * @param stateCapacity how many resources per collection, ledger entries per collection and
 *     idempotency keys the sandbox keeps (the oldest go first), so its footprint stays flat under
 *     load
 * @param events AsyncAPI contracts whose messages the sandbox publishes (webhooks, channel)
 * @param webhooks how webhooks are signed, retried, duplicated and reordered
 * @param strictErrors send only what the contract declares for an error, even where it declares no
 *     body; by default an error without a declared body is RFC 9457 problem+json saying what is
 *     wrong (the one deliberate deviation from the contract)
 * @param idempotencyTtl how long on the clock an idempotency key is remembered
 */
public record SandboxOptions(
    int port,
    String bindAddress,
    long seed,
    Scenario scenario,
    Clock clock,
    double timeScale,
    int journalCapacity,
    String adminToken,
    String defaultVersion,
    Optional<RateLimit> rateLimit,
    int maxConcurrentRequests,
    Set<String> apiKeys,
    Map<String, String> clients,
    Duration tokenLifetime,
    boolean validateRequests,
    int stateCapacity,
    List<AsyncApiContract> events,
    WebhookOptions webhooks,
    boolean strictErrors,
    Duration idempotencyTtl) {

  public static final String LOOPBACK = "127.0.0.1";

  public SandboxOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (timeScale < 0) {
      throw new IllegalArgumentException("timeScale must not be negative");
    }
    if (journalCapacity < 1) {
      throw new IllegalArgumentException("journalCapacity must be at least 1");
    }
    if (maxConcurrentRequests < 0) {
      throw new IllegalArgumentException(
          "maxConcurrentRequests must not be negative (0: no limit)");
    }
    apiKeys = Set.copyOf(apiKeys);
    clients = Map.copyOf(clients);
    events = List.copyOf(events);
    if (stateCapacity < 1) {
      throw new IllegalArgumentException("stateCapacity must be at least 1");
    }
    if (idempotencyTtl == null || idempotencyTtl.isNegative() || idempotencyTtl.isZero()) {
      throw new IllegalArgumentException("idempotencyTtl must be positive");
    }
  }

  public static SandboxOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.port = port;
    b.bindAddress = bindAddress;
    b.seed = seed;
    b.scenario = scenario;
    b.clock = clock;
    b.timeScale = timeScale;
    b.journalCapacity = journalCapacity;
    b.adminToken = adminToken;
    b.defaultVersion = defaultVersion;
    b.rateLimit = rateLimit;
    b.maxConcurrentRequests = maxConcurrentRequests;
    b.apiKeys = apiKeys;
    b.clients = clients;
    b.tokenLifetime = tokenLifetime;
    b.validateRequests = validateRequests;
    b.stateCapacity = stateCapacity;
    b.events = events;
    b.webhooks = webhooks;
    b.strictErrors = strictErrors;
    b.idempotencyTtl = idempotencyTtl;
    return b;
  }

  public boolean loopback() {
    return bindAddress.equals(LOOPBACK)
        || bindAddress.equals("localhost")
        || bindAddress.equals("::1")
        || bindAddress.startsWith("127.");
  }

  public static final class Builder {
    private int port = 0;
    private String bindAddress = LOOPBACK;
    private long seed = 42;
    private Scenario scenario = Scenario.normal();
    private Clock clock = Clock.systemUTC();
    private double timeScale = 1.0;
    private int journalCapacity = 1000;
    private String adminToken;
    private String defaultVersion;
    private Optional<RateLimit> rateLimit = Optional.empty();
    private int maxConcurrentRequests = 0;
    private Set<String> apiKeys = Set.of();
    private Map<String, String> clients = Map.of();
    private Duration tokenLifetime = Duration.ofHours(1);
    private boolean validateRequests = true;
    private int stateCapacity = 10_000;
    private List<AsyncApiContract> events = List.of();
    private WebhookOptions webhooks = WebhookOptions.defaults();
    private boolean strictErrors = false;
    private Duration idempotencyTtl = Duration.ofHours(24);

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder bindAddress(String v) {
      bindAddress = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder scenario(Scenario v) {
      scenario = v;
      return this;
    }

    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    public Builder timeScale(double v) {
      timeScale = v;
      return this;
    }

    public Builder journalCapacity(int v) {
      journalCapacity = v;
      return this;
    }

    public Builder adminToken(String v) {
      adminToken = v;
      return this;
    }

    public Builder defaultVersion(String v) {
      defaultVersion = v;
      return this;
    }

    public Builder rateLimit(RateLimit v) {
      rateLimit = Optional.ofNullable(v);
      return this;
    }

    /**
     * At most {@code v} requests per credential in flight at once; 0 (the default): the {@code
     * concurrency} of the {@code x-rate-limit} in force, else no limit.
     */
    public Builder maxConcurrentRequests(int v) {
      maxConcurrentRequests = v;
      return this;
    }

    public Builder apiKeys(Set<String> v) {
      apiKeys = v;
      return this;
    }

    public Builder clients(Map<String, String> v) {
      clients = v;
      return this;
    }

    public Builder tokenLifetime(Duration v) {
      tokenLifetime = v;
      return this;
    }

    public Builder validateRequests(boolean v) {
      validateRequests = v;
      return this;
    }

    public Builder stateCapacity(int v) {
      stateCapacity = v;
      return this;
    }

    public Builder events(List<AsyncApiContract> v) {
      events = v;
      return this;
    }

    public Builder webhooks(WebhookOptions v) {
      webhooks = v;
      return this;
    }

    /** Errors carry only what the contract declares (no problem+json where it declares no body). */
    public Builder strictErrors(boolean v) {
      strictErrors = v;
      return this;
    }

    /** How long on the clock an idempotency key is remembered (24 hours by default). */
    public Builder idempotencyTtl(Duration v) {
      idempotencyTtl = v;
      return this;
    }

    public SandboxOptions build() {
      return new SandboxOptions(
          port,
          bindAddress,
          seed,
          scenario,
          clock,
          timeScale,
          journalCapacity,
          adminToken,
          defaultVersion,
          rateLimit,
          maxConcurrentRequests,
          apiKeys,
          clients,
          tokenLifetime,
          validateRequests,
          stateCapacity,
          events,
          webhooks,
          strictErrors,
          idempotencyTtl);
    }
  }
}
