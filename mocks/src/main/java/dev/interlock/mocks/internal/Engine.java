package dev.interlock.mocks.internal;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.ContractExtensions.Idempotency;
import dev.interlock.core.contract.ContractExtensions.RateLimit;
import dev.interlock.core.schema.SchemaViolation;
import dev.interlock.mocks.EventSandbox;
import dev.interlock.mocks.Ledger;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.mocks.Scenario;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's behaviour for one vendor, independent of WireMock: routing, scenarios, rate and
 * concurrency limits, security, request validation, the OAuth 2 token endpoint, idempotency, state
 * (webhook subscriptions made through the vendor's API included) and responses. {@link #handle} is
 * thread-safe.
 */
public final class Engine {

  public static final String ADMIN_PREFIX = "/__interlock";
  static final String PROBLEM_JSON = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> UNSAFE = Set.of("POST", "PATCH", "PUT", "DELETE");

  private final List<ContractVersion> versions;
  private final SandboxOptions options;
  private final Router router;
  private final Responder responder;
  private final Journal journal;
  private final ResourceStore store;
  private final TokenStore tokens;
  private final RateLimiter rateLimiter;

  /** In-flight requests per credential, or null when there is no concurrency limit. */
  private final ConcurrencyLimiter concurrency;

  private final VendorWebhooks vendorWebhooks = new VendorWebhooks();
  private final ScenarioRuntime scenarios;

  /** Keys remembered for a day on the clock, at most {@code stateCapacity} of them. */
  private final Map<String, IdempotentCall> idempotent;

  private static final java.time.Duration IDEMPOTENCY_TTL = java.time.Duration.ofHours(24);
  private final long idSeed;
  private final java.util.concurrent.atomic.AtomicLong idSequence =
      new java.util.concurrent.atomic.AtomicLong();
  private final String tokenPath;
  private final AdminApi admin;
  private final RequestBodies requestBodies = new RequestBodies();
  private volatile EventSandbox events;

  private record IdempotentCall(JsonNode request, Reply reply, Instant at) {}

  public Engine(List<ContractVersion> versions, SandboxOptions options) {
    this.versions = List.copyOf(versions);
    this.options = options;
    this.store = new ResourceStore(options.stateCapacity());
    int capacity = options.stateCapacity();
    this.idempotent =
        java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, IdempotentCall> eldest) {
                return size() > capacity;
              }
            });
    this.router = new Router(this.versions);
    this.responder = new Responder(options.seed(), options.clock().instant());
    this.journal = new Journal(options.journalCapacity());
    this.tokens = new TokenStore(options.clock(), options.seed());
    this.rateLimiter = new RateLimiter(options.clock());
    int maxConcurrent = concurrencyLimit(options, this.versions);
    this.concurrency = maxConcurrent > 0 ? new ConcurrencyLimiter(maxConcurrent) : null;
    this.scenarios = new ScenarioRuntime(options.clock(), options.seed(), options.scenario());
    this.idSeed = options.seed() ^ 0x1D5L;
    this.tokenPath = tokenPath();
    this.admin = new AdminApi(this);
  }

  // ---------------------------------------------------------------- public surface

  public Reply handle(HttpCall call) {
    if (call.path().equals(ADMIN_PREFIX) || call.path().startsWith(ADMIN_PREFIX + "/")) {
      return admin.handle(call);
    }
    ConcurrencyLimiter.Permit permit =
        concurrency == null ? null : concurrency.tryAcquire(credential(call));
    try {
      Reply reply;
      if (concurrency != null && permit == null) {
        reply = tooManyInFlight(call);
      } else {
        try {
          reply = serve(call);
        } catch (RuntimeException e) {
          reply = problem(500, "Sandbox error", "The sandbox failed to answer: " + e, null);
        }
      }
      if (!reply.reset) {
        reply.delayMillis += scenarios.delayMillis(options.timeScale());
      }
      journal.record(options.clock().instant(), call, reply);
      if (permit != null) {
        waitOutLatency(reply);
      }
      return reply;
    } finally {
      if (permit != null) {
        permit.close();
      }
    }
  }

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
    return new Ledger(store.ledger(), store.totals());
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
    vendorWebhooks.clear(events);
    store.clear();
    idempotent.clear();
    tokens.clear();
    rateLimiter.clear();
    journal.clear();
    scenarios.set(scenarios.current());
    EventSandbox e = events;
    if (e != null) {
      e.reset();
    }
  }

  // ---------------------------------------------------------------- the pipeline

  private Reply serve(HttpCall call) {
    if (tokenPath != null && call.path().equals(tokenPath) && call.method().equals("POST")) {
      Router.Result r = router.route(call.method(), call.path());
      OperationModel op = r.found() ? r.matches().get(0).operation() : null;
      Reply gate = scenarioGate(op, call);
      return gate != null ? gate : issueToken(call, op);
    }
    Router.Result routed = router.route(call.method(), call.path());
    if (!routed.found()) {
      return unknown(call, routed);
    }
    Router.Match match;
    Optional<Router.Match> chosen = chooseVersion(routed.matches(), call);
    if (chosen.isEmpty()) {
      return unknownVersion(call);
    }
    match = chosen.get();
    OperationModel op = match.operation();
    Reply reply = serveOperation(call, match);
    reply.operationId = op.id();
    reply.version = op.version().label();
    if (!reply.reset) {
      decorateDeprecation(op, reply);
      versionHeader(op, reply);
    }
    return reply;
  }

  private Reply serveOperation(HttpCall call, Router.Match match) {
    OperationModel op = match.operation();
    Reply gate = scenarioGate(op, call);
    if (gate != null) {
      return gate;
    }
    Optional<RateLimiter.Decision> rate = rateLimit(op, call);
    if (rate.isPresent() && !rate.get().allowed()) {
      Reply r =
          errorReply(
              op, 429, "Too many requests", "The rate limit of this API was exceeded.", null);
      r.header("Retry-After", String.valueOf(rate.get().retryAfterSeconds()));
      return withRate(r, rate);
    }
    Reply denied = checkSecurity(op, call);
    if (denied != null) {
      return withRate(denied, rate);
    }
    JsonNode body =
        UNSAFE.contains(op.method())
            ? requestBodies.tree(op, call.header("Content-Type"), call.body())
            : null;
    if (options.validateRequests()) {
      Reply invalid = validate(op, call, match, body);
      if (invalid != null) {
        return withRate(invalid, rate);
      }
    }
    Reply reply = withRate(idempotently(op, call, match, body), rate);
    EchoFields.headers(reply.headers, call.headers());
    return reply;
  }

  private Reply scenarioGate(OperationModel op, HttpCall call) {
    ScenarioRuntime.Verdict v = scenarios.decide(op == null ? "" : op.id());
    if (v instanceof ScenarioRuntime.Reset) {
      return Reply.reset();
    }
    if (v instanceof ScenarioRuntime.Fail f) {
      String title =
          switch (f.status()) {
            case 503 -> "Service unavailable";
            case 502 -> "Bad gateway";
            case 429 -> "Too many requests";
            default -> "Internal server error";
          };
      Reply r;
      if (op != null && op.responseKeyFor(f.status()).isPresent() && f.status() != 500) {
        // A status the contract declares is answered exactly as the contract says (its example,
        // its headers): a scripted 402 or 429 looks like the vendor's own.
        r = contentReply(op, f.status(), preferredExample(call), null);
      } else {
        r =
            op == null
                ? problem(f.status(), title, "Scenario '" + scenarios.current().name() + "'.", null)
                : errorReply(
                    op, f.status(), title, "Scenario '" + scenarios.current().name() + "'.", null);
      }
      if (f.status() == 503 || f.status() == 429) {
        r.header("Retry-After", String.valueOf(f.retryAfterSeconds()));
      }
      if (f.status() == 429) {
        r.header("RateLimit-Remaining", "0");
      }
      return r;
    }
    return null;
  }

  // ---------------------------------------------------------------- routing helpers

  private Reply unknown(HttpCall call, Router.Result routed) {
    List<String> closest = router.closest(call.method(), call.path(), 3);
    ObjectNode extra = JSON.createObjectNode();
    ArrayNode c = extra.putArray("closestOperations");
    closest.forEach(c::add);
    if (!routed.allowedMethods().isEmpty()) {
      Reply r =
          problem(
              405,
              "Method not allowed",
              call.method()
                  + " is not an operation on "
                  + call.path()
                  + "; allowed: "
                  + String.join(", ", routed.allowedMethods()),
              extra);
      r.header("Allow", String.join(", ", routed.allowedMethods()));
      return r;
    }
    return problem(
        404,
        "No such operation",
        "The contract has no operation "
            + call.method()
            + " "
            + call.path()
            + (closest.isEmpty() ? "." : "; closest: " + String.join(", ", closest)),
        extra);
  }

  private Optional<Router.Match> chooseVersion(List<Router.Match> matches, HttpCall call) {
    if (matches.size() == 1) {
      return Optional.of(matches.get(0));
    }
    String header = versionHeaderName();
    String requested = header == null ? null : call.header(header);
    if (requested == null) {
      String wanted = options.defaultVersion();
      if (wanted != null) {
        for (Router.Match m : matches) {
          if (m.operation().version().label().equals(wanted)) {
            return Optional.of(m);
          }
        }
      }
      return Optional.of(matches.get(matches.size() - 1));
    }
    for (Router.Match m : matches) {
      if (m.operation().version().label().equals(requested)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private Reply unknownVersion(HttpCall call) {
    String header = versionHeaderName();
    List<String> known = versions.stream().map(ContractVersion::label).toList();
    return problem(
        400,
        "Unknown API version",
        "The "
            + header
            + " header names version '"
            + call.header(header)
            + "', which this sandbox does not serve; known: "
            + String.join(", ", known),
        null);
  }

  private String versionHeaderName() {
    for (ContractVersion v : versions) {
      if (v.extensions().apiVersion().isPresent() && v.extensions().apiVersion().get().inHeader()) {
        return v.extensions().apiVersion().get().header();
      }
    }
    return null;
  }

  private void versionHeader(OperationModel op, Reply reply) {
    String header = versionHeaderName();
    if (header != null && versions.size() > 1) {
      reply.headers.putIfAbsent(header, op.version().label());
    }
  }

  private void decorateDeprecation(OperationModel op, Reply reply) {
    Optional<LocalDate> sunset = op.extensions().sunset();
    if (sunset.isEmpty()) {
      sunset = op.version().extensions().sunset();
    }
    boolean deprecated = op.deprecated() || op.version().extensions().sunset().isPresent();
    if (deprecated) {
      reply.header("Deprecation", "true");
    }
    sunset.ifPresent(
        d ->
            reply.header(
                "Sunset",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    d.atStartOfDay().atOffset(ZoneOffset.UTC))));
  }

  // ---------------------------------------------------------------- rate limits

  private Optional<RateLimiter.Decision> rateLimit(OperationModel op, HttpCall call) {
    Optional<RateLimit> limit = Optional.empty();
    if (scenarios.current() instanceof Scenario.RateLimited r) {
      limit = Optional.of(new RateLimit(r.limit(), r.window(), "credential"));
    } else if (options.rateLimit().isPresent()) {
      limit = options.rateLimit();
    } else if (op.extensions().rateLimit().isPresent()) {
      limit = op.extensions().rateLimit();
    } else {
      limit = op.version().extensions().rateLimit();
    }
    return limit.map(l -> rateLimiter.take(credential(call), l));
  }

  /**
   * The concurrency limit in force: the options', else the {@code concurrency} of the {@code
   * x-rate-limit} in force (the options' override, else the first contract version's); 0 for none.
   * One limit for the whole vendor: in-flight requests of a credential count across versions.
   */
  private static int concurrencyLimit(SandboxOptions options, List<ContractVersion> versions) {
    if (options.maxConcurrentRequests() > 0) {
      return options.maxConcurrentRequests();
    }
    Optional<RateLimit> declared = options.rateLimit();
    for (ContractVersion v : versions) {
      if (declared.isEmpty()) {
        declared = v.extensions().rateLimit();
      }
    }
    return declared.map(RateLimit::concurrency).orElse(0);
  }

  /**
   * The refusal of a request over the concurrency limit: 429 with {@code Retry-After: 1}, shaped as
   * the operation's declared 429 when the request names one (else problem+json), and not a token
   * taken from the rate limit's bucket.
   */
  private Reply tooManyInFlight(HttpCall call) {
    int maxConcurrent = concurrency.limit();
    String title = "Too many concurrent requests";
    String detail =
        "At most "
            + maxConcurrent
            + " request"
            + (maxConcurrent == 1 ? "" : "s")
            + " with the same credential may be in flight at once (concurrency limit "
            + maxConcurrent
            + "); retry when one has finished.";
    Router.Result routed = router.route(call.method(), call.path());
    Optional<Router.Match> match =
        routed.found() ? chooseVersion(routed.matches(), call) : Optional.empty();
    Reply r;
    if (match.isPresent()) {
      OperationModel op = match.get().operation();
      r = errorReply(op, 429, title, detail, null);
      r.operationId = op.id();
      r.version = op.version().label();
    } else {
      r = problem(429, title, detail, null);
    }
    r.header("Retry-After", "1");
    return r;
  }

  /**
   * Waits out the scenario's latency here, with the concurrency permit in hand, rather than leaving
   * it to WireMock once the engine has returned: a slow request is in flight until its client has
   * the answer, so it must count against the limit for as long. Either way the wait is on the
   * request's own thread, so the client sees the same delay.
   */
  private static void waitOutLatency(Reply reply) {
    if (reply.delayMillis <= 0) {
      return;
    }
    try {
      Thread.sleep(reply.delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reply.delayMillis = 0;
  }

  private static Reply withRate(Reply r, Optional<RateLimiter.Decision> rate) {
    rate.ifPresent(
        d -> {
          r.header("RateLimit-Limit", String.valueOf(d.limit()));
          r.header("RateLimit-Remaining", String.valueOf(d.remaining()));
          r.header("RateLimit-Reset", String.valueOf(d.resetSeconds()));
        });
    return r;
  }

  /**
   * Whom rate limits, concurrency limits and idempotency keys are scoped to: the credential sent,
   * except that a token this sandbox issued stands for its OAuth 2 client, as a vendor scopes them
   * to the account rather than the token. So a refreshed token, or the new token of a restarted
   * adapter, still finds the client's idempotency keys and replays instead of repeating.
   */
  private String credential(HttpCall call) {
    String auth = call.header("Authorization");
    if (auth != null) {
      if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        String client = tokens.clientOf(auth.substring(7).trim());
        if (client != null) {
          return "client:" + client;
        }
      }
      return auth;
    }
    for (ContractVersion v : versions) {
      for (SecurityScheme s : schemes(v).values()) {
        if (s.getType() == SecurityScheme.Type.APIKEY
            && s.getIn() == SecurityScheme.In.HEADER
            && call.header(s.getName()) != null) {
          return call.header(s.getName());
        }
      }
    }
    return "ip:" + call.clientIp();
  }

  // ---------------------------------------------------------------- security

  private static Map<String, SecurityScheme> schemes(ContractVersion v) {
    var components = v.contract().model().getComponents();
    if (components == null || components.getSecuritySchemes() == null) {
      return Map.of();
    }
    return components.getSecuritySchemes();
  }

  private Reply checkSecurity(OperationModel op, HttpCall call) {
    List<SecurityRequirement> requirements = op.operation().operation().getSecurity();
    if (requirements == null) {
      requirements = op.version().contract().model().getSecurity();
    }
    if (requirements == null || requirements.isEmpty()) {
      return null;
    }
    Map<String, SecurityScheme> schemes = schemes(op.version());
    Set<String> challenges = new LinkedHashSet<>();
    String failure = "No credentials were sent.";
    for (SecurityRequirement requirement : requirements) {
      if (requirement.isEmpty()) {
        return null;
      }
      boolean all = true;
      for (String name : requirement.keySet()) {
        SecurityScheme scheme = schemes.get(name);
        if (scheme == null) {
          continue;
        }
        String problem = unsatisfied(scheme, call);
        if (problem != null) {
          all = false;
          challenges.add(challenge(scheme, op, problem));
          if (!problem.startsWith("missing")) {
            failure = problem;
          }
        }
      }
      if (all) {
        return null;
      }
    }
    Reply r = errorReply(op, 401, "Unauthorized", failure, null);
    r.header("WWW-Authenticate", String.join(", ", challenges));
    return r;
  }

  /** Null when the scheme is satisfied, else why not ("missing ..." when nothing was sent). */
  private String unsatisfied(SecurityScheme scheme, HttpCall call) {
    switch (scheme.getType()) {
      case APIKEY -> {
        String value =
            switch (scheme.getIn() == null ? SecurityScheme.In.HEADER : scheme.getIn()) {
              case HEADER -> call.header(scheme.getName());
              case QUERY -> first(call.query().get(scheme.getName()));
              case COOKIE -> cookie(call, scheme.getName());
            };
        if (value == null || value.isBlank()) {
          return "missing API key " + scheme.getName();
        }
        return options.apiKeys().isEmpty() || options.apiKeys().contains(value)
            ? null
            : "The API key is not valid.";
      }
      case HTTP -> {
        String auth = call.header("Authorization");
        String wanted =
            scheme.getScheme() == null ? "bearer" : scheme.getScheme().toLowerCase(Locale.ROOT);
        if (auth == null || !auth.toLowerCase(Locale.ROOT).startsWith(wanted + " ")) {
          return "missing " + wanted + " credentials";
        }
        String value = auth.substring(wanted.length() + 1).trim();
        if (value.isEmpty()) {
          return "missing " + wanted + " credentials";
        }
        if (!wanted.equals("bearer")) {
          return null;
        }
        return bearerProblem(value, false);
      }
      case OAUTH2, OPENIDCONNECT -> {
        String auth = call.header("Authorization");
        if (auth == null
            || !auth.regionMatches(true, 0, "Bearer ", 0, 7)
            || auth.substring(7).isBlank()) {
          return "missing bearer token";
        }
        boolean issuedHere =
            scheme.getFlows() != null && scheme.getFlows().getClientCredentials() != null;
        return bearerProblem(auth.substring(7).trim(), issuedHere);
      }
      default -> {
        return null;
      }
    }
  }

  private String bearerProblem(String token, boolean mustBeIssuedHere) {
    TokenStore.State state = tokens.state(token);
    if (state == TokenStore.State.VALID) {
      return null;
    }
    if (state == TokenStore.State.EXPIRED) {
      return "The access token expired.";
    }
    if (options.apiKeys().contains(token)) {
      return null;
    }
    if (mustBeIssuedHere || !options.apiKeys().isEmpty()) {
      return "The access token is not valid.";
    }
    return null;
  }

  private String challenge(SecurityScheme scheme, OperationModel op, String problem) {
    String realm = "realm=\"" + op.version().contract().title().replace("\"", "'") + "\"";
    String error =
        problem.startsWith("missing")
            ? ""
            : ", error=\"invalid_token\", error_description=\"" + problem + "\"";
    return switch (scheme.getType()) {
      case APIKEY ->
          "ApiKey "
              + realm
              + ", name=\""
              + scheme.getName()
              + "\", in=\""
              + (scheme.getIn() == null ? "header" : scheme.getIn().toString())
              + "\"";
      case HTTP -> {
        String s = scheme.getScheme() == null ? "Bearer" : scheme.getScheme();
        s = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
        yield s + " " + realm + (s.equals("Bearer") ? error : "");
      }
      default -> "Bearer " + realm + error;
    };
  }

  private static String cookie(HttpCall call, String name) {
    String header = call.header("Cookie");
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length == 2 && kv[0].equals(name)) {
        return kv[1];
      }
    }
    return null;
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  // ---------------------------------------------------------------- OAuth 2 token endpoint

  private String tokenPath() {
    for (ContractVersion v : versions) {
      for (SecurityScheme s : schemes(v).values()) {
        if (s.getType() == SecurityScheme.Type.OAUTH2
            && s.getFlows() != null
            && s.getFlows().getClientCredentials() != null
            && s.getFlows().getClientCredentials().getTokenUrl() != null) {
          String url = s.getFlows().getClientCredentials().getTokenUrl();
          String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
          return path.isEmpty() ? "/" : path;
        }
      }
    }
    return null;
  }

  private Reply issueToken(HttpCall call, OperationModel op) {
    Map<String, List<String>> form;
    if (call.contentType().contains("json")) {
      form = new LinkedHashMap<>();
      try {
        JsonNode body = JSON.readTree(call.body());
        body.fields().forEachRemaining(f -> form.put(f.getKey(), List.of(f.getValue().asText())));
      } catch (Exception e) {
        // an unreadable body has no grant type
      }
    } else {
      form = HttpCall.decodeForm(call.body());
    }
    String clientId = first(form.get("client_id"));
    String secret = first(form.get("client_secret"));
    String basic = call.header("Authorization");
    if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded =
          new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        clientId = decoded.substring(0, colon);
        secret = decoded.substring(colon + 1);
      }
    }
    if (!"client_credentials".equals(first(form.get("grant_type")))) {
      return oauthError(
          op, 400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
    }
    boolean known =
        clientId != null
            && !clientId.isBlank()
            && secret != null
            && !secret.isBlank()
            && (options.clients().isEmpty() || secret.equals(options.clients().get(clientId)));
    if (!known) {
      Reply r = oauthError(op, 401, "invalid_client", "Client authentication failed.");
      r.header("WWW-Authenticate", "Basic realm=\"token\"");
      return r;
    }
    String token = tokens.issue(options.tokenLifetime(), clientId);
    ObjectNode body = JSON.createObjectNode();
    int status = 200;
    Map<String, String> headers = Map.of();
    String mediaType = "application/json";
    if (op != null) {
      status = op.successStatus();
      Responder.Content c = responder.content(op, status, null);
      if (c.body() instanceof ObjectNode o) {
        body = o;
      }
      headers = c.headers();
      mediaType = c.mediaType() == null ? mediaType : c.mediaType();
    }
    body.put("access_token", token);
    body.put(
        "token_type",
        body.path("token_type").isTextual() ? body.get("token_type").asText() : "Bearer");
    body.put("expires_in", options.tokenLifetime().toSeconds());
    String scope = first(form.get("scope"));
    if (scope != null && body.has("scope")) {
      body.put("scope", scope);
    }
    Reply r = new Reply(status);
    headers.forEach(r::header);
    r.header("Content-Type", mediaType);
    r.header("Cache-Control", "no-store");
    r.body = body.toString();
    if (op != null) {
      r.operationId = op.id();
      r.version = op.version().label();
    }
    return r;
  }

  private Reply oauthError(OperationModel op, int status, String error, String description) {
    ObjectNode extra = JSON.createObjectNode();
    extra.put("error", error);
    extra.put("error_description", description);
    if (op == null) {
      Reply r = new Reply(status);
      r.header("Content-Type", "application/json");
      r.body = extra.toString();
      return r;
    }
    return errorReply(op, status, description, description, extra);
  }

  // ---------------------------------------------------------------- request validation

  /**
   * What the fast path of validation needs of an operation: the declared header parameters with
   * their schemas, and the JSON schema of the request body per media type.
   */
  private record RequestShape(
      Map<String, JsonPointer> stringHeaders,
      Set<String> otherHeaders,
      Map<String, JsonPointer> jsonBodies) {}

  private final Map<OperationModel, RequestShape> shapes = new ConcurrentHashMap<>();

  /** Atlassian's verdict on a request's method, path, query and headers, by what it depends on. */
  private final Map<String, List<ValidationReport.Message>> verdicts = new ConcurrentHashMap<>();

  private static final int VERDICTS = 10_000;

  /**
   * Validates a request. The Atlassian validator is authoritative but costly (its schema library
   * runs {@code pattern} through a JavaScript engine), so the common, valid case takes a fast path:
   * a JSON body is checked against its compiled schema (networknt), and the validator's verdict on
   * everything else is remembered by what it depends on (method, path, query, content type,
   * cookies, and each declared header: absent, valid against its schema, or its literal value).
   * Anything the fast path doubts goes through the validator, body included.
   */
  private Reply validate(OperationModel op, HttpCall call, Router.Match match, JsonNode body) {
    RequestShape shape = shapes.computeIfAbsent(op, this::shapeOf);
    boolean bodyChecked = false;
    List<ValidationReport.Message> bodyErrors = List.of();
    if (!call.body().isEmpty()) {
      // RequestBodies reads every declared media type; its verdict on a form body is the only one
      String contentType = call.header("Content-Type");
      JsonPointer schema = requestBodies.schema(op, contentType);
      JsonNode parsed = body != null ? body : requestBodies.tree(op, contentType, call.body());
      List<SchemaViolation> found =
          schema != null && parsed.isContainerNode() ? op.version().validate(schema, parsed) : null;
      bodyChecked = found != null && (found.isEmpty() || RequestBodies.decodesItself(contentType));
      bodyErrors = bodyChecked ? RequestBodies.messages(found) : List.of();
    }
    String key = call.body().isEmpty() || bodyChecked ? verdictKey(op, call, match, shape) : null;
    List<ValidationReport.Message> errors = key == null ? null : verdicts.get(key);
    if (errors == null) {
      SimpleRequest.Builder b = new SimpleRequest.Builder(call.method(), match.operationPath());
      call.headers().forEach((k, v) -> b.withHeader(k, v));
      call.query().forEach((k, v) -> b.withQueryParam(k, v));
      if (!call.body().isEmpty() && !bodyChecked) {
        b.withBody(call.body());
      }
      ValidationReport report;
      try {
        report = op.version().requestValidator().validateRequest(b.build());
      } catch (RuntimeException e) {
        return null; // the validator could not process this contract: do not block the call
      }
      boolean withoutBody = bodyChecked;
      errors =
          report.getMessages().stream()
              .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
              // the body was checked already and left out on purpose
              .filter(m -> !(withoutBody && m.getKey().startsWith("validation.request.body")))
              .toList();
      if (key != null) {
        if (verdicts.size() >= VERDICTS) {
          verdicts.clear();
        }
        verdicts.put(key, errors);
      }
    }
    if (!bodyErrors.isEmpty()) {
      errors = new ArrayList<>(errors);
      errors.addAll(bodyErrors);
    }
    if (errors.isEmpty()) {
      return null;
    }
    ObjectNode extra = JSON.createObjectNode();
    ArrayNode list = extra.putArray("errors");
    for (ValidationReport.Message m : errors) {
      ObjectNode e = list.addObject();
      e.put("pointer", pointer(m));
      e.put("message", m.getMessage());
      e.put("code", m.getKey());
    }
    return errorReply(
        op,
        400,
        "The request does not match the contract",
        errors.size()
            + " problem"
            + (errors.size() == 1 ? "" : "s")
            + " with "
            + op.method()
            + " "
            + op.template()
            + " ("
            + op.id()
            + ")",
        extra);
  }

  private String verdictKey(
      OperationModel op, HttpCall call, Router.Match match, RequestShape shape) {
    StringBuilder k = new StringBuilder(128);
    k.append(op.version().label()).append('|').append(call.method()).append(' ');
    k.append(match.operationPath()).append('?').append(call.rawQuery());
    k.append("|ct=").append(call.contentType());
    k.append("|accept=").append(call.header("Accept"));
    k.append("|cookie=").append(call.header("Cookie"));
    k.append("|body=").append(!call.body().isEmpty());
    for (Map.Entry<String, JsonPointer> h : shape.stringHeaders().entrySet()) {
      String value = call.header(h.getKey());
      k.append('|').append(h.getKey()).append('=');
      if (value == null) {
        k.append("\u0000absent");
      } else if (validHeader(op.version(), h.getValue(), value)) {
        k.append("\u0000valid");
      } else {
        k.append(value);
      }
    }
    for (String h : shape.otherHeaders()) {
      k.append('|').append(h).append('=').append(call.header(h));
    }
    return k.toString();
  }

  private static final Set<String> SIMPLE_STRING_KEYWORDS =
      Set.of("type", "maxLength", "minLength", "pattern", "description", "example", "title");
  private final Map<String, java.util.regex.Pattern> patterns = new ConcurrentHashMap<>();
  private final Map<String, Boolean> headerVerdicts = new ConcurrentHashMap<>();

  /**
   * Whether a header value is valid against its schema: plain length and pattern constraints are
   * checked here (an idempotency key is new on every request, so it cannot be remembered), the rest
   * by the schema validator.
   */
  private boolean validHeader(ContractVersion v, JsonPointer schemaPointer, String value) {
    JsonNode schema = v.tree().at(schemaPointer);
    boolean simple = true;
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      simple &= SIMPLE_STRING_KEYWORDS.contains(k) || k.startsWith("x-");
    }
    if (!simple) {
      String cacheKey = v.label() + "|" + schemaPointer.value() + "\u0000" + value;
      Boolean known = headerVerdicts.get(cacheKey);
      if (known == null) {
        known = v.validate(schemaPointer, JSON.getNodeFactory().textNode(value)).isEmpty();
        if (headerVerdicts.size() >= VERDICTS) {
          headerVerdicts.clear();
        }
        headerVerdicts.put(cacheKey, known);
      }
      return known;
    }
    int length = value.codePointCount(0, value.length());
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      return false;
    }
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      return false;
    }
    if (schema.has("pattern")) {
      String regex = schema.get("pattern").asText();
      java.util.regex.Pattern p;
      try {
        p = patterns.computeIfAbsent(regex, java.util.regex.Pattern::compile);
      } catch (RuntimeException e) {
        return v.validate(schemaPointer, JSON.getNodeFactory().textNode(value)).isEmpty();
      }
      return p.matcher(value).find();
    }
    return true;
  }

  private RequestShape shapeOf(OperationModel op) {
    ContractVersion v = op.version();
    Map<String, JsonPointer> strings = new LinkedHashMap<>();
    Set<String> others = new LinkedHashSet<>();
    for (JsonPointer list :
        List.of(op.pointer().parent().append("parameters"), op.pointer().append("parameters"))) {
      JsonNode params = v.tree().at(list);
      for (int i = 0; i < params.size(); i++) {
        JsonPointer pp = v.tree().derefPointer(list.append(i));
        JsonNode p = v.tree().at(pp);
        if (!"header".equalsIgnoreCase(p.path("in").asText())) {
          continue;
        }
        String name = p.path("name").asText();
        JsonPointer schema = v.tree().derefPointer(pp.append("schema"));
        JsonNode s = v.tree().at(schema);
        boolean plainString =
            s.isObject()
                && s.path("type").asText("string").equals("string")
                && !s.has("$ref")
                && !s.has("oneOf")
                && !s.has("anyOf")
                && !s.has("allOf");
        if (plainString) {
          strings.put(name, schema);
          others.remove(name);
        } else {
          others.add(name);
          strings.remove(name);
        }
      }
    }
    Map<String, JsonPointer> bodies = new LinkedHashMap<>();
    JsonPointer requestBody = v.resolve(op.pointer(), "requestBody");
    JsonNode content = v.tree().at(requestBody).path("content");
    for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
      String media = it.next();
      if (!media.toLowerCase(Locale.ROOT).contains("json")) {
        continue;
      }
      JsonPointer schema = v.resolve(requestBody.append("content").append(media), "schema");
      if (!v.tree().at(schema).isMissingNode()) {
        bodies.put(media.split(";")[0].trim().toLowerCase(Locale.ROOT), schema);
      }
    }
    return new RequestShape(strings, others, bodies);
  }

  private static String pointer(ValidationReport.Message m) {
    Optional<ValidationReport.MessageContext> ctx = m.getContext();
    if (ctx.isPresent()) {
      Optional<Parameter> p = ctx.get().getParameter();
      if (p.isPresent()) {
        return "/" + p.get().getIn() + "/" + JsonPointer.escape(p.get().getName());
      }
      if (ctx.get().getPointers().isPresent()) {
        String instance = ctx.get().getPointers().get().getInstance();
        return "/body" + (instance == null || instance.equals("/") ? "" : instance);
      }
    }
    String key = m.getKey();
    if (key.contains(".body")) {
      return "/body";
    }
    if (key.contains("contentType") || key.contains("accept")) {
      return "/header/Content-Type";
    }
    return "";
  }

  // ---------------------------------------------------------------- idempotency

  private String idempotencyHeader(OperationModel op) {
    Optional<Idempotency> i = op.extensions().idempotency();
    if (i.isEmpty()) {
      i = op.version().extensions().idempotency();
    }
    if (i.isPresent()) {
      return i.get().header();
    }
    List<Parameter> params = op.operation().operation().getParameters();
    if (params != null) {
      for (Parameter p : params) {
        Parameter resolved = resolveParameter(op, p);
        if (resolved != null
            && "header".equalsIgnoreCase(resolved.getIn())
            && resolved.getName() != null
            && resolved.getName().toLowerCase(Locale.ROOT).contains("idempotency")) {
          return resolved.getName();
        }
      }
    }
    return null;
  }

  private static Parameter resolveParameter(OperationModel op, Parameter p) {
    if (p.get$ref() == null) {
      return p;
    }
    var components = op.version().contract().model().getComponents();
    if (components == null || components.getParameters() == null) {
      return null;
    }
    String ref = p.get$ref();
    return components.getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
  }

  private Reply idempotently(
      OperationModel op, HttpCall call, Router.Match match, JsonNode requestBody) {
    String header = UNSAFE.contains(op.method()) ? idempotencyHeader(op) : null;
    String key = header == null ? null : call.header(header);
    if (key == null) {
      return respond(op, call, match, requestBody);
    }
    String scopeKey = credential(call) + "|" + op.version().label() + "|" + op.id() + "|" + key;
    Instant now = now();
    IdempotentCall pending = new IdempotentCall(requestBody, null, now);
    IdempotentCall previous = idempotent.putIfAbsent(scopeKey, pending);
    if (previous != null && previous.at().plus(IDEMPOTENCY_TTL).isBefore(now)) {
      // the key expired: the request is a new one
      idempotent.put(scopeKey, pending);
      previous = null;
    }
    if (previous != null) {
      if (!previous.request().equals(requestBody)) {
        return conflict(
            op,
            "idempotency-key-reused",
            "The " + header + " '" + key + "' was used with a different request body.");
      }
      if (previous.reply() == null) {
        return conflict(
            op,
            "idempotency-key-in-use",
            "A request with the " + header + " '" + key + "' is still being processed.");
      }
      Reply replay = previous.reply().copy();
      replay.header("Idempotent-Replayed", "true");
      return replay;
    }
    Reply reply;
    try {
      reply = respond(op, call, match, requestBody);
    } catch (RuntimeException e) {
      idempotent.remove(scopeKey);
      throw e;
    }
    if (reply.status >= 500 || reply.status == 429 || reply.reset) {
      idempotent.remove(scopeKey);
    } else {
      idempotent.put(scopeKey, new IdempotentCall(requestBody, reply.copy(), now));
    }
    return reply;
  }

  private Reply conflict(OperationModel op, String code, String detail) {
    int status = op.declares(409) || !op.declares(400) ? 409 : 400;
    ObjectNode extra = JSON.createObjectNode();
    extra.put("code", code);
    return errorReply(op, status, "Idempotency key conflict", detail, extra, code);
  }

  // ---------------------------------------------------------------- state and responses

  private Reply respond(
      OperationModel op, HttpCall call, Router.Match match, JsonNode requestBody) {
    String example = preferredExample(call);
    String template = op.template();
    boolean endsWithParam = template.endsWith("}");
    String collection = endsWithParam ? template.substring(0, template.lastIndexOf('/')) : template;
    String collectionKey = op.version().label() + "|" + collection;
    String id = endsWithParam ? last(match.params()) : null;
    int status = op.successStatus();
    switch (op.method()) {
      case "POST" -> {
        if (!endsWithParam) {
          return create(op, requestBody, status, example, collectionKey, collection);
        }
        return update(op, requestBody, status, example, collectionKey, id);
      }
      case "GET" -> {
        if (endsWithParam) {
          Optional<String> stored = store.text(collectionKey, id);
          if (stored.isPresent()) {
            Responder.Content c = responder.shared(op, status, example);
            Reply r = render(status, c, null);
            r.header(
                "Content-Type",
                c.mediaType() == null || c.mediaType().contains("*")
                    ? "application/json"
                    : c.mediaType());
            r.body = stored.get();
            return r;
          }
          if (declaresNotFound(op)) {
            return notFound(op, id);
          }
          return contentReply(op, status, example, null);
        }
        return list(op, status, example, collectionKey);
      }
      case "PUT", "PATCH" -> {
        if (endsWithParam) {
          return update(op, requestBody, status, example, collectionKey, id);
        }
        return contentReply(op, status, example, null);
      }
      case "DELETE" -> {
        if (endsWithParam) {
          vendorWebhooks.deleted(events, collectionKey, id);
        }
        if (endsWithParam && !store.delete(collectionKey, id) && declaresNotFound(op)) {
          return notFound(op, id);
        }
        return contentReply(op, status, example, null);
      }
      default -> {
        return contentReply(op, status, example, null);
      }
    }
  }

  private Reply create(
      OperationModel op,
      JsonNode requestBody,
      int status,
      String example,
      String collectionKey,
      String collection) {
    Responder.Content content = responder.shared(op, status, example);
    if (!(content.body() instanceof ObjectNode resource)) {
      return render(status, content, content.body());
    }
    Reply reply = render(status, content, null);
    JsonPointer schema = responseSchema(op, status, content.mediaType());
    // The request's fields laid over the contract's resource, with a new id: one validation in
    // the common case; without the merge, then without the new id, when the schema refuses it.
    ObjectNode merged = resource.deepCopy();
    Set<String> changed = new LinkedHashSet<>();
    EchoFields.merge(merged, requestBody, changed);
    String id = newId(merged, collectionKey);
    changed.add("id");
    if (schema != null && !validChanges(op.version(), schema, merged, changed)) {
      merged = resource.deepCopy();
      id = newId(merged, collectionKey);
      if (!op.version().validate(schema, merged).isEmpty()) {
        // the new id broke the schema (a const or enum id): keep the contract's id
        merged = resource.deepCopy();
        id = resource.path("id").asText(id);
      }
    }
    String ledgerName = collection.substring(collection.lastIndexOf('/') + 1);
    reply.body = merged.toString();
    store.create(collectionKey, ledgerName, id, merged, reply.body);
    vendorWebhooks.created(events, op, collectionKey, id, requestBody);
    reply.header(
        "Content-Type",
        content.mediaType() == null || content.mediaType().contains("*")
            ? "application/json"
            : content.mediaType());
    return reply;
  }

  private Reply update(
      OperationModel op,
      JsonNode requestBody,
      int status,
      String example,
      String collectionKey,
      String id) {
    Optional<JsonNode> stored = store.get(collectionKey, id);
    if (stored.isEmpty()) {
      if (declaresNotFound(op) && !store.isEmpty(collectionKey)) {
        return notFound(op, id);
      }
      return contentReply(op, status, example, null);
    }
    Responder.Content content = responder.shared(op, status, example);
    JsonNode updated = stored.get();
    if (updated instanceof ObjectNode o) {
      EchoFields.merge(o, requestBody, new LinkedHashSet<>());
    }
    JsonPointer schema = responseSchema(op, status, content.mediaType());
    if (schema == null || !op.version().validate(schema, updated).isEmpty()) {
      return contentReply(op, status, example, null);
    }
    store.put(collectionKey, id, updated);
    return render(status, content, updated);
  }

  private Reply list(OperationModel op, int status, String example, String collectionKey) {
    Responder.Content content = responder.shared(op, status, example);
    List<JsonNode> items = store.list(collectionKey);
    if (items.isEmpty() || content.body() == null) {
      return render(status, content, content.body());
    }
    JsonNode body = content.body();
    JsonNode candidate = null;
    if (body.isArray()) {
      ArrayNode a = JSON.createArrayNode();
      items.forEach(a::add);
      candidate = a;
    } else if (body instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getValue().isArray()) {
          ObjectNode copy = o.deepCopy();
          ArrayNode a = copy.putArray(f.getKey());
          items.forEach(a::add);
          candidate = copy;
          break;
        }
      }
    }
    JsonPointer schema = responseSchema(op, status, content.mediaType());
    if (candidate != null && schema != null && op.version().validate(schema, candidate).isEmpty()) {
      return render(status, content, candidate);
    }
    return render(status, content, body);
  }

  private Reply contentReply(OperationModel op, int status, String example, JsonNode override) {
    Responder.Content content = responder.shared(op, status, example);
    return render(status, content, override != null ? override : content.body());
  }

  private static Reply render(int status, Responder.Content content, JsonNode body) {
    Reply r = new Reply(status);
    content.headers().forEach(r::header);
    if (body != null) {
      r.header(
          "Content-Type",
          content.mediaType() == null || content.mediaType().contains("*")
              ? "application/json"
              : content.mediaType());
      boolean text = body.isTextual() && !content.mediaType().contains("json");
      r.body = text ? body.asText() : body == content.body() ? content.text() : body.toString();
    }
    return r;
  }

  private boolean declaresNotFound(OperationModel op) {
    return op.declares(404) || op.statuses().stream().anyMatch(s -> s.equalsIgnoreCase("4XX"));
  }

  private Reply notFound(OperationModel op, String id) {
    return errorReply(
        op, 404, "Not found", "No resource with id '" + id + "' exists in this sandbox.", null);
  }

  private final Map<String, Optional<JsonPointer>> responseSchemas = new ConcurrentHashMap<>();

  private JsonPointer responseSchema(OperationModel op, int status, String mediaType) {
    if (mediaType == null) {
      return null;
    }
    String cacheKey =
        op.version().label() + "|" + op.pointer().value() + "|" + status + "|" + mediaType;
    return responseSchemas
        .computeIfAbsent(
            cacheKey, k -> Optional.ofNullable(findResponseSchema(op, status, mediaType)))
        .orElse(null);
  }

  private JsonPointer findResponseSchema(OperationModel op, int status, String mediaType) {
    Optional<String> key = op.responseKeyFor(status);
    if (key.isEmpty() || mediaType == null) {
      return null;
    }
    ContractVersion v = op.version();
    JsonPointer response = v.resolve(op.pointer(), "responses", key.get());
    JsonPointer schema = v.resolve(response.append("content").append(mediaType), "schema");
    return v.tree().at(schema).isMissingNode() ? null : schema;
  }

  /**
   * Keywords under which an object's validity is its properties' validity, property by property.
   */
  private static final Set<String> PLAIN_OBJECT_KEYWORDS =
      Set.of(
          "type",
          "properties",
          "required",
          "description",
          "title",
          "example",
          "examples",
          "nullable",
          "readOnly",
          "writeOnly",
          "deprecated",
          "externalDocs",
          "xml",
          "additionalProperties",
          "minProperties",
          "maxProperties",
          "discriminator");

  private final Map<String, Boolean> plainObjects = new ConcurrentHashMap<>();

  /**
   * Whether a resource is valid, when all but the {@code changed} top-level properties come from a
   * body known to be valid (the contract's example or a synthesized one) and the changes replaced
   * existing values only. For a plain object schema only the changed properties are validated, each
   * against its own schema; otherwise the whole resource.
   */
  private boolean validChanges(
      ContractVersion v, JsonPointer schema, ObjectNode resource, Set<String> changed) {
    boolean plain =
        plainObjects.computeIfAbsent(
            v.label() + "|" + schema.value(),
            k -> {
              JsonNode s = v.tree().at(schema);
              for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!PLAIN_OBJECT_KEYWORDS.contains(f) && !f.startsWith("x-")) {
                  return false;
                }
              }
              return s.path("properties").isObject();
            });
    if (!plain) {
      return v.validate(schema, resource).isEmpty();
    }
    JsonNode properties = v.tree().at(schema).path("properties");
    for (String name : changed) {
      JsonNode value = resource.get(name);
      if (value == null) {
        continue;
      }
      if (!properties.has(name)) {
        return v.validate(schema, resource).isEmpty(); // additionalProperties decide
      }
      JsonPointer property = v.tree().derefPointer(schema.append("properties").append(name));
      if (!validValue(v, property, value)) {
        return false;
      }
    }
    return true;
  }

  private final Map<String, Boolean> valueVerdicts = new ConcurrentHashMap<>();

  /**
   * Whether a value is valid against a schema; the verdicts on small values (currencies, amounts,
   * statuses: what requests repeat) are remembered, validity being a function of the two.
   */
  private boolean validValue(ContractVersion v, JsonPointer schema, JsonNode value) {
    // a string's own text is its key (quotes and escapes would only cost); other values as JSON
    String text = value.isTextual() ? "\"" + value.textValue() : value.toString();
    if (text.length() > 256) {
      return v.validate(schema, value).isEmpty();
    }
    String key = v.label() + "|" + schema.value() + "\u0000" + text;
    Boolean known = valueVerdicts.get(key);
    if (known == null) {
      known = v.validate(schema, value).isEmpty();
      if (valueVerdicts.size() >= VERDICTS) {
        valueVerdicts.clear();
      }
      valueVerdicts.put(key, known);
    }
    return known;
  }

  /**
   * A new id for a created resource. Each id draws from its own generator, seeded with the sandbox
   * seed and the id's sequence number: the n-th id is the same for the same seed, and concurrent
   * creates share no lock (one shared generator under a monitor was the most contended lock of a
   * POST load at 64 clients).
   */
  private String newId(ObjectNode resource, String collectionKey) {
    JsonNode current = resource.get("id");
    String id;
    do {
      SplittableRandom random =
          new SplittableRandom(idSeed + idSequence.getAndIncrement() * 0x9E3779B97F4A7C15L);
      if (current != null && current.isIntegralNumber()) {
        id = String.valueOf(1000 + random.nextInt(1_000_000_000));
      } else {
        id = vary(current == null ? null : current.asText(), random);
      }
    } while (store.contains(collectionKey, id));
    if (current != null && current.isIntegralNumber()) {
      resource.put("id", Long.parseLong(id));
    } else if (current != null) {
      resource.put("id", id);
    }
    return id;
  }

  private static final java.util.regex.Pattern UUID =
      java.util.regex.Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** A new id shaped like the contract's: same prefix, same length, same character classes. */
  private static String vary(String template, SplittableRandom ids) {
    if (template == null || template.isEmpty()) {
      return SchemaSynthesizer.uuid(ids);
    }
    if (UUID.matcher(template).matches()) {
      return SchemaSynthesizer.uuid(ids);
    }
    int start = Math.max(template.lastIndexOf('_'), template.lastIndexOf('-')) + 1;
    if (start >= template.length()) {
      start = 0;
    }
    StringBuilder b = new StringBuilder(template.substring(0, start));
    for (int i = start; i < template.length(); i++) {
      char c = template.charAt(i);
      if (Character.isDigit(c)) {
        b.append((char) ('0' + ids.nextInt(10)));
      } else if (Character.isUpperCase(c)) {
        b.append((char) ('A' + ids.nextInt(26)));
      } else if (Character.isLowerCase(c)) {
        b.append((char) ('a' + ids.nextInt(26)));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String last(Map<String, String> params) {
    String v = null;
    for (String s : params.values()) {
      v = s;
    }
    return v == null ? null : java.net.URLDecoder.decode(v, StandardCharsets.UTF_8);
  }

  private static String preferredExample(HttpCall call) {
    List<String> prefer = call.headers().get("Prefer");
    if (prefer == null) {
      return null;
    }
    for (String header : prefer) {
      for (String part : header.split("[;,]")) {
        String p = part.trim();
        if (p.startsWith("example=")) {
          return p.substring("example=".length()).replace("\"", "");
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- error bodies

  Reply errorReply(OperationModel op, int status, String title, String detail, ObjectNode extra) {
    return errorReply(op, status, title, detail, extra, null);
  }

  /**
   * An error as the contract describes it when it does (the declared body with our details laid
   * over it, as far as the schema allows), else an RFC 9457 problem.
   */
  Reply errorReply(
      OperationModel op,
      int status,
      String title,
      String detail,
      ObjectNode extra,
      String exampleHint) {
    ObjectNode ours = problemBody(status, title, detail, extra);
    Optional<String> key = op.responseKeyFor(status);
    if (key.isEmpty()) {
      return problem(status, title, detail, extra);
    }
    String exampleName = exampleHint == null ? null : exampleNamed(op, key.get(), exampleHint);
    Responder.Content content = responder.shared(op, status, exampleName);
    if (content.body() == null) {
      Reply r = render(status, content, null);
      if (content.mediaType() == null) {
        return r;
      }
      return r;
    }
    JsonPointer schema = responseSchema(op, status, content.mediaType());
    List<JsonNode> candidates = new ArrayList<>();
    if (content.body() instanceof ObjectNode declared) {
      ObjectNode all = declared.deepCopy();
      all.setAll(ours);
      candidates.add(all);
      ObjectNode some = declared.deepCopy();
      if (extra != null) {
        some.setAll(extra);
      }
      some.put("status", status);
      some.put("detail", detail);
      candidates.add(some);
      if (extra != null) {
        ObjectNode fewer = declared.deepCopy();
        fewer.setAll(extra);
        candidates.add(fewer);
      }
      ObjectNode statusOnly = declared.deepCopy();
      if (statusOnly.has("status")) {
        statusOnly.put("status", status);
      }
      candidates.add(statusOnly);
    }
    for (JsonNode c : candidates) {
      if (schema == null || op.version().validate(schema, c).isEmpty()) {
        return render(status, content, c);
      }
    }
    return render(status, content, content.body());
  }

  private static String exampleNamed(OperationModel op, String statusKey, String hint) {
    ContractVersion v = op.version();
    JsonNode response = v.tree().at(v.resolve(op.pointer(), "responses", statusKey));
    for (Iterator<JsonNode> media = response.path("content").elements(); media.hasNext(); ) {
      for (Iterator<String> names = media.next().path("examples").fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (name.toLowerCase(Locale.ROOT).contains(hint.toLowerCase(Locale.ROOT))
            || hint.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
          return name;
        }
      }
    }
    return null;
  }

  static ObjectNode problemBody(int status, String title, String detail, ObjectNode extra) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "about:blank");
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    if (extra != null) {
      p.setAll(extra);
    }
    return p;
  }

  static Reply problem(int status, String title, String detail, ObjectNode extra) {
    Reply r = new Reply(status);
    r.header("Content-Type", PROBLEM_JSON);
    r.body = problemBody(status, title, detail, extra).toString();
    return r;
  }

  Instant now() {
    return options.clock().instant();
  }

  /**
   * Stores a resource as though it had been created, so reads of {@code path} find it: how a
   * provider state ("charge ch_1 exists") becomes sandbox set-up. Not a side effect: the ledger is
   * unchanged. Returns false when no read operation's path ends in an id for that path.
   */
  public boolean seed(String path, String version, JsonNode resource) {
    Router.Result routed = router.route("GET", path);
    if (!routed.found()) {
      return false;
    }
    Router.Match match =
        routed.matches().stream()
            .filter(m -> version == null || m.operation().version().label().equals(version))
            .findFirst()
            .orElse(routed.matches().get(routed.matches().size() - 1));
    String template = match.operation().template();
    if (!template.endsWith("}")) {
      return false;
    }
    String collection = template.substring(0, template.lastIndexOf('/'));
    store.put(
        match.operation().version().label() + "|" + collection, last(match.params()), resource);
    return true;
  }
}
