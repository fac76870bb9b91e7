package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.mocks.EventSandbox;
import dev.interlock.mocks.Ledger;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.mocks.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox's behaviour for one vendor, independent of WireMock: a pipeline of named steps, each
 * its own class. A call is routed ({@link Routing}), may be failed by the scenario ({@link
 * ScenarioGate}), is held to the rate limit ({@link Limits}) and the security requirements ({@link
 * Security}), validated ({@link RequestValidation}), answered once per idempotency key ({@link
 * Idempotency}) from state ({@link Resources}); every refusal takes the contract's error shape
 * ({@link Problems}). The OAuth 2 token endpoint ({@link TokenEndpoint}) and the admin API sit
 * beside the pipeline. {@link #handle} is thread-safe.
 */
public final class Engine {

  public static final String ADMIN_PREFIX = "/__interlock";
  private static final Set<String> WITH_BODY = Set.of("POST", "PATCH", "PUT", "DELETE");

  private final List<ContractVersion> versions;
  private final SandboxOptions options;
  private final Journal journal;
  private final TokenStore tokens;
  private final ScenarioRuntime scenarios;
  private final Credentials credentials;
  private final Routing routing;
  private final OperationHeaders operationHeaders;
  private final ScenarioGate scenarioGate;
  private final Limits limits;
  private final Security security;
  private final TokenEndpoint tokenEndpoint;
  private final RequestBodyReader bodyReader = new RequestBodyReader();
  private final RequestValidation validation;
  private final Idempotency idempotency;
  private final Resources resources;
  private final AdminApi admin;
  private volatile EventSandbox events;

  public Engine(List<ContractVersion> versions, SandboxOptions options) {
    this.versions = List.copyOf(versions);
    this.options = options;
    this.journal = new Journal(options.journalCapacity());
    this.tokens = new TokenStore(options.clock(), options.seed());
    this.scenarios = new ScenarioRuntime(options.clock(), options.seed(), options.scenario());
    Replies replies = new Replies(new Responder(options.seed(), options.clock().instant()));
    Problems problems = new Problems(replies, options.strictErrors());
    this.credentials = new Credentials(this.versions, tokens);
    this.routing = new Routing(this.versions, options.defaultVersion());
    this.operationHeaders = new OperationHeaders(routing.versionHeader(), this.versions.size() > 1);
    this.scenarioGate = new ScenarioGate(scenarios, replies, problems);
    this.limits = new Limits(options, this.versions, scenarios, problems);
    this.security = new Security(options, tokens, problems);
    this.tokenEndpoint = new TokenEndpoint(this.versions, options, tokens, replies, problems);
    this.validation = new RequestValidation(bodyReader, problems);
    this.idempotency =
        new Idempotency(
            options.clock(), options.idempotencyTtl(), options.stateCapacity(), problems);
    this.resources =
        new Resources(
            this.versions,
            options.stateCapacity(),
            replies,
            problems,
            options.seed(),
            () -> events);
    this.admin = new AdminApi(this);
  }

  public Reply handle(HttpCall call) {
    if (call.path().equals(ADMIN_PREFIX) || call.path().startsWith(ADMIN_PREFIX + "/")) {
      return admin.handle(call);
    }
    ConcurrencyLimiter.Permit permit =
        limits.limitsConcurrency() ? limits.enter(credentials.of(call)) : null;
    try {
      Reply reply;
      if (limits.limitsConcurrency() && permit == null) {
        reply =
            limits.tooManyInFlight(
                Optional.ofNullable(routing.route(call).match()).map(Router.Match::operation));
      } else {
        try {
          reply = serve(call);
        } catch (RuntimeException e) {
          reply =
              Problems.problem(500, "Sandbox error", "The sandbox failed to answer: " + e, null);
        }
      }
      if (!reply.reset()) {
        reply = reply.withDelay(reply.delayMillis() + scenarios.delayMillis(options.timeScale()));
      }
      journal.record(options.clock().instant(), call, reply);
      if (permit != null) {
        reply = waitOutLatency(reply);
      }
      return reply;
    } finally {
      if (permit != null) {
        permit.close();
      }
    }
  }

  private Reply serve(HttpCall call) {
    if (tokenEndpoint.handles(call)) {
      OperationModel op = routing.anyOperation(call).orElse(null);
      return scenarioGate.decide(op, call).orElseGet(() -> tokenEndpoint.issue(call, op));
    }
    Routing.Routed routed = routing.route(call);
    if (routed.refusal() != null) {
      return routed.refusal();
    }
    OperationModel op = routed.match().operation();
    Reply reply = serveOperation(call, routed.match()).answeredBy(op.id(), op.version().label());
    return reply.reset() ? reply : operationHeaders.decorate(op, reply);
  }

  private Reply serveOperation(HttpCall call, Router.Match match) {
    OperationModel op = match.operation();
    Optional<Reply> failed = scenarioGate.decide(op, call);
    if (failed.isPresent()) {
      return failed.get();
    }
    String credential = credentials.of(call);
    Optional<RateLimiter.Decision> rate = limits.take(op, credential);
    if (rate.isPresent() && !rate.get().allowed()) {
      return limits.overRate(op, rate.get());
    }
    Optional<Reply> denied = security.check(op, call);
    if (denied.isPresent()) {
      return Limits.withRate(denied.get(), rate);
    }
    JsonNode body = WITH_BODY.contains(op.method()) ? bodyReader.read(op, call) : null;
    Exchange ex = new Exchange(call, match, body, credential);
    List<Warning> warnings = List.of();
    if (options.validateRequests()) {
      RequestValidation.Verdict verdict = validation.check(ex);
      if (verdict.refusal().isPresent()) {
        return Limits.withRate(verdict.refusal().get(), rate);
      }
      warnings = verdict.warnings();
    }
    Reply reply = echoHeaders(idempotency.apply(ex, resources::respond), call);
    return Limits.withRate(reply, rate).withWarnings(warnings);
  }

  /**
   * The answer with the declared response headers that echo a request header carrying its value.
   */
  private static Reply echoHeaders(Reply reply, HttpCall call) {
    Map<String, String> headers = new LinkedHashMap<>(reply.headers());
    EchoFields.headers(headers, call.headers());
    return reply.withHeaders(headers);
  }

  /**
   * Waits out the scenario's latency here, with the concurrency permit in hand, rather than leaving
   * it to WireMock once the engine has returned: a slow request is in flight until its client has
   * the answer, so it must count against the limit for as long. Either way the wait is on the
   * request's own thread, so the client sees the same delay.
   */
  private static Reply waitOutLatency(Reply reply) {
    if (reply.delayMillis() <= 0) {
      return reply;
    }
    try {
      Thread.sleep(reply.delayMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return reply.withDelay(0);
  }

  // the sandbox's own surface: journal, ledger, scenario, tokens, events, state seeding

  public Journal journal() {
    return journal;
  }

  /** Attaches the event side (webhooks, channel) the admin API drives. */
  public void attachEvents(EventSandbox events) {
    this.events = events;
  }

  /** The event side, or null when the sandbox has no AsyncAPI contract. */
  public EventSandbox events() {
    return events;
  }

  /** An access token the operations accept, as the OAuth 2 token endpoint would issue it. */
  public String issueAccessToken() {
    return tokens.issue(options.tokenLifetime());
  }

  public Ledger ledger() {
    return resources.ledger();
  }

  public void setScenario(Scenario scenario) {
    scenarios.set(scenario);
  }

  public Scenario scenario() {
    return scenarios.current();
  }

  public SandboxOptions options() {
    return options;
  }

  public List<ContractVersion> versions() {
    return versions;
  }

  /**
   * Forgets state, ledger, idempotency keys, tokens, rate-limit buckets, journal and script; the
   * webhooks subscribed through the vendor's API go with their resources.
   */
  public void reset() {
    resources.clear();
    idempotency.clear();
    tokens.clear();
    limits.clear();
    journal.clear();
    scenarios.set(scenarios.current());
    EventSandbox e = events;
    if (e != null) {
      e.reset();
    }
  }

  /**
   * Stores a resource as though it had been created, so reads of {@code path} find it: how a
   * provider state ("charge ch_1 exists") becomes sandbox set-up. Not a side effect: the ledger is
   * unchanged. Returns false when no read operation's path ends in an id for that path.
   */
  public boolean seed(String path, String version, JsonNode resource) {
    return routing.read(path, version).map(m -> resources.seed(m, resource)).orElse(false);
  }
}
