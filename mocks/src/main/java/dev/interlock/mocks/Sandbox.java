package dev.interlock.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.mocks.internal.ClassWarmUp;
import dev.interlock.mocks.internal.ContractOnlyServerFactory;
import dev.interlock.mocks.internal.ContractVersion;
import dev.interlock.mocks.internal.Engine;
import dev.interlock.mocks.internal.SandboxExtension;
import dev.interlock.mocks.internal.SilentNotifier;
import dev.interlock.mocks.internal.StartupTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The running simulation of one vendor API, one or more versions of its contract: a WireMock 3
 * server whose single catch-all stub is answered by the sandbox engine (routing, validation,
 * security, state, idempotency, rate limits, scenarios). Bound to loopback on a free port unless
 * {@link SandboxOptions} say otherwise.
 *
 * <pre>{@code
 * try (Sandbox payments = Sandbox.start(List.of(v2024, v2025), SandboxOptions.defaults())) {
 *   String base = payments.baseUrl();   // http://127.0.0.1:54321
 *   payments.setScenario(Scenario.flaky(0.3, 0.0));
 *   ...
 *   payments.ledger().count("charges");
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

  private final WireMockServer server;
  private final Engine engine;
  private final SandboxOptions options;
  private final Duration startupTime;

  private Sandbox(WireMockServer server, Engine engine, SandboxOptions options, Duration startup) {
    this.server = server;
    this.engine = engine;
    this.options = options;
    this.startupTime = startup;
  }

  /**
   * Starts loading, in the background, what every sandbox needs whatever its contract (the HTTP
   * server's and the validators' classes). Call it before loading large contracts: their parse then
   * overlaps this work instead of being followed by it. Optional; returns at once.
   */
  public static void prepareInBackground() {
    ClassWarmUp.inBackground();
  }

  public static Sandbox start(OpenApiContract contract, SandboxOptions options) {
    return start(List.of(contract), options);
  }

  /**
   * Starts a sandbox for the versions of one vendor's contract. When versions share paths they are
   * told apart by the header their {@code x-api-version} names; without the header the {@link
   * SandboxOptions#defaultVersion()} or else the last version answers.
   *
   * @throws IllegalArgumentException when no contract is given, or the sandbox would listen beyond
   *     loopback without an admin token
   */
  public static Sandbox start(List<OpenApiContract> versions, SandboxOptions options) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("a sandbox needs at least one contract");
    }
    if (!options.loopback() && (options.adminToken() == null || options.adminToken().isBlank())) {
      throw new IllegalArgumentException(
          "a sandbox bound to "
              + options.bindAddress()
              + " needs an admin token (it would otherwise expose /__interlock/ to the network)");
    }
    long started = System.nanoTime();
    StartupTrace.mark("contracts loaded");
    List<ContractVersion> models = new ArrayList<>();
    for (OpenApiContract c : versions) {
      models.add(new ContractVersion(c));
    }
    // The validators are the costly part of start-up: build them while the server starts.
    StartupTrace.mark("contract models");
    warmUp(models);
    Engine engine = new Engine(models, options);
    StartupTrace.mark("engine");
    EventSandbox events =
        options.events().isEmpty()
            ? null
            : EventSandbox.start(options.events(), options, new InMemoryChannel());
    engine.attachEvents(events);
    WireMockConfiguration config =
        WireMockConfiguration.options()
            .bindAddress(options.bindAddress())
            .notifier(new SilentNotifier())
            // the sandbox keeps its own bounded, redacted journal; WireMock's is unbounded, and its
            // per-request log line renders the whole response definition as JSON even when the
            // notifier discards it (7% of a validated POST's CPU)
            .disableRequestJournal()
            .stubRequestLoggingDisabled(true)
            .stubCorsEnabled(false)
            .httpServerFactory(new ContractOnlyServerFactory(engine))
            .extensions(new SandboxExtension(engine));
    if (options.port() == 0) {
      config.dynamicPort();
    } else {
      config.port(options.port());
    }
    WireMockServer server = new WireMockServer(config);
    server.start();
    server.resetMappings();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    StartupTrace.mark("server listening");
    Duration startup = Duration.ofNanos(System.nanoTime() - started);
    return new Sandbox(server, engine, options, startup);
  }

  /**
   * Builds the validators in the background, so the first request waits for them as little as it
   * can: each is built once, from the tree the contract was parsed into.
   */
  private static void warmUp(List<ContractVersion> models) {
    Thread t =
        new Thread(
            () -> {
              for (ContractVersion m : models) {
                try {
                  m.warmUp();
                  StartupTrace.mark("validators built");
                } catch (RuntimeException e) {
                  // reported when a request needs it
                }
              }
            },
            "interlock-sandbox-warmup");
    t.setDaemon(true);
    t.start();
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String baseUrl() {
    String host = options.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : options.bindAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + server.port();
  }

  public int port() {
    return server.port();
  }

  /** How long {@link #start} took, contracts' models and the server included. */
  public Duration startupTime() {
    return startupTime;
  }

  /** The versions served, in the order given ({@code info.version} of each contract). */
  public List<String> versions() {
    return engine.versions().stream().map(ContractVersion::label).toList();
  }

  /**
   * Stores a resource as though it had been created, so reads of {@code path} (e.g. {@code
   * /v1/charges/ch_1}) find it: a provider state set up without touching the ledger. {@code
   * version} picks the contract version (its {@code info.version}); null means the first that
   * serves the path.
   *
   * @return false when no read operation of the sandbox ends in an id for that path
   */
  public boolean seed(
      String path, String version, com.fasterxml.jackson.databind.JsonNode resource) {
    return engine.seed(path, version, resource);
  }

  /**
   * An access token this sandbox accepts until it expires on the clock, as its OAuth 2 token
   * endpoint would issue it; for tests and the verifiers' sample requests.
   */
  public String issueAccessToken() {
    return engine.issueAccessToken();
  }

  public List<JournalEntry> journal() {
    return engine.journal().entries();
  }

  public Ledger ledger() {
    return engine.ledger();
  }

  public Scenario scenario() {
    return engine.scenario();
  }

  public void setScenario(Scenario scenario) {
    engine.setScenario(scenario);
  }

  /** Forgets all state: resources, ledger, idempotency keys, tokens, rate limits and journal. */
  public void reset() {
    engine.reset();
  }

  /**
   * The event side when {@link SandboxOptions#events()} names AsyncAPI contracts: webhooks and the
   * in-memory channel. Webhooks are registered here, with {@code POST /__interlock/webhooks}, or
   * through the vendor's own subscription operation: a POST to a collection whose path contains
   * {@code webhook} and whose JSON body has an address and a topic property (or an operation marked
   * {@code x-interlock-webhook-subscription}); deleting the resource it created unregisters it.
   */
  public Optional<EventSandbox> events() {
    return Optional.ofNullable(engine.events());
  }

  public SandboxOptions options() {
    return options;
  }

  public boolean isRunning() {
    return server.isRunning();
  }

  @Override
  public void close() {
    server.stop();
    if (engine.events() != null) {
      engine.events().close();
    }
  }
}
