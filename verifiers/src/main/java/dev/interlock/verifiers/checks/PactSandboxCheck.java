package dev.interlock.verifiers.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.compat.PactMatcher;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.OpenApiOperation;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.Scenario;
import dev.interlock.verifiers.Check;
import dev.interlock.verifiers.CheckCase;
import dev.interlock.verifiers.Results;
import dev.interlock.verifiers.VerificationContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pact.verified-against-sandbox}: provider verification of every HTTP pact against the
 * running sandbox of its provider — the pact's request replayed, the sandbox's response matched
 * with the pact's expectations and matching rules (Pact V3 semantics, the matcher that passes all
 * 195 specification cases).
 *
 * <p>Provider states become sandbox set-up, generically: a read of a resource finds that resource
 * stored as the consumer expects it; an expected error status is scripted for that operation, so
 * the sandbox answers with the contract's own example for it; an OAuth 2 bearer token is replaced
 * by one the sandbox issued. Afterwards the sandbox's scenario is set back.
 */
public final class PactSandboxCheck implements Check {

  public static final String ID = "pact.verified-against-sandbox";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "every HTTP pact, replayed against its provider's running sandbox (provider states mapped to sandbox set-up), gets the response it expects";
  }

  @Override
  public List<CheckCase> plan(VerificationContext context) {
    List<CheckCase> cases = new ArrayList<>();
    for (PactContract pact : context.contracts().pacts()) {
      for (PactInteraction.Http interaction : pact.httpInteractions()) {
        String name = Pairing.caseName(pact, interaction);
        cases.add(new CheckCase(ID, name, () -> verify(context, pact, interaction, name)));
      }
    }
    return cases;
  }

  private CheckResult verify(
      VerificationContext context,
      PactContract pact,
      PactInteraction.Http interaction,
      String name) {
    Results r = Results.of(ID, name).vendor(pact.provider()).consumer(pact.consumer());
    Optional<OpenApiContract> spec = Pairing.specFor(context, pact);
    if (spec.isEmpty()) {
      return r.skipped("no OpenAPI contract for provider '" + pact.provider() + "'");
    }
    OpenApiContract contract = spec.get();
    r.version(String.valueOf(contract.apiVersion()));
    JsonNode raw = pact.source().at(interaction.pointer());
    JsonNode expectedRequest = raw.path("request");
    JsonNode expectedResponse = raw.path("response");
    Optional<OpenApiOperation> op =
        operationOf(contract, interaction.request().method(), interaction.request().path());
    op.ifPresent(o -> r.operation(o.signature()));
    Sandbox sandbox = SharedSandboxes.of(context, pact.provider());
    Scenario before = sandbox.scenario();
    try {
      setUp(sandbox, contract, op, interaction);
      HttpResponse<String> response = send(sandbox, contract, op, interaction);
      ObjectNode actual = JSON.createObjectNode();
      actual.put("status", response.statusCode());
      ObjectNode headers = actual.putObject("headers");
      response.headers().map().forEach((k, v) -> headers.put(k, String.join(", ", v)));
      if (!response.body().isEmpty()) {
        actual.set("body", parse(response.body()));
      }
      PactMatcher.Result result = PactMatcher.matchResponse(expectedResponse, actual);
      r.evidence(Evidence.json("expected response (pact)", expectedResponse.toPrettyString()));
      r.evidence(Evidence.json("actual response (sandbox)", actual.toPrettyString()));
      for (String mismatch : result.mismatches()) {
        r.finding(
            Diagnostic.error("pact.sandbox.mismatch", mismatch)
                .at(pact.source().locate(interaction.pointer().append("response")))
                .hint(
                    "replayed "
                        + interaction.request().method()
                        + " "
                        + interaction.request().path()
                        + " against the "
                        + pact.provider()
                        + " sandbox ("
                        + contract.apiVersion()
                        + ")")
                .build());
      }
      return r.verdict(
          "the sandbox answered " + response.statusCode() + " as the pact expects",
          "the sandbox's answer does not satisfy the pact ("
              + result.mismatches().size()
              + " mismatch(es))");
    } catch (IOException e) {
      return r.failed("the sandbox could not be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return r.failed("interrupted");
    } finally {
      sandbox.setScenario(before);
    }
  }

  /** Provider state → sandbox set-up. */
  private static void setUp(
      Sandbox sandbox,
      OpenApiContract contract,
      Optional<OpenApiOperation> op,
      PactInteraction.Http interaction) {
    int status = interaction.response().status();
    if ((status < 200 || status >= 300) && op.isPresent()) {
      sandbox.setScenario(
          Scenario.scripted(Map.of(op.get().id(), List.of(String.valueOf(status)))));
      return;
    }
    boolean readsOne =
        op.isPresent()
            && op.get().path().endsWith("}")
            && !interaction.request().method().equalsIgnoreCase("POST");
    if (readsOne && interaction.response().body().isPresent()) {
      sandbox.seed(
          interaction.request().path(),
          contract.apiVersion(),
          parse(interaction.response().body().get().text()));
    }
  }

  private static HttpResponse<String> send(
      Sandbox sandbox,
      OpenApiContract contract,
      Optional<OpenApiOperation> op,
      PactInteraction.Http interaction)
      throws IOException, InterruptedException {
    PactInteraction.Request rq = interaction.request();
    StringBuilder query = new StringBuilder();
    rq.query()
        .forEach(
            (k, values) ->
                values.forEach(
                    v ->
                        query
                            .append(query.length() == 0 ? "?" : "&")
                            .append(encode(k))
                            .append('=')
                            .append(encode(v))));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + rq.path() + query))
            .timeout(Duration.ofSeconds(30));
    boolean oauth = op.isPresent() && requiresOAuth(contract, op.get());
    for (Map.Entry<String, List<String>> h : rq.headers().entrySet()) {
      String name = h.getKey();
      if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))
          || (oauth && name.equalsIgnoreCase("Authorization"))) {
        continue;
      }
      b.header(name, String.join(", ", h.getValue()));
    }
    if (oauth) {
      b.header("Authorization", "Bearer " + sandbox.issueAccessToken());
    }
    String body = rq.body().map(PactInteraction.Body::text).orElse(null);
    b.method(
        rq.method().toUpperCase(Locale.ROOT),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean requiresOAuth(OpenApiContract contract, OpenApiOperation op) {
    var schemes =
        contract.model().getComponents() == null
            ? null
            : contract.model().getComponents().getSecuritySchemes();
    if (schemes == null) {
      return false;
    }
    var requirements =
        op.operation().getSecurity() != null
            ? op.operation().getSecurity()
            : contract.model().getSecurity();
    if (requirements == null) {
      return false;
    }
    return requirements.stream()
        .flatMap(req -> req.keySet().stream())
        .map(schemes::get)
        .anyMatch(
            s ->
                s != null
                    && s.getType() == io.swagger.v3.oas.models.security.SecurityScheme.Type.OAUTH2);
  }

  private static Optional<OpenApiOperation> operationOf(
      OpenApiContract contract, String method, String path) {
    String basePath = basePath(contract);
    String p = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
    for (OpenApiOperation op : contract.operations()) {
      if (op.method().equalsIgnoreCase(method)
          && (matches(op.path(), path) || matches(op.path(), p))) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  private static String basePath(OpenApiContract contract) {
    if (contract.model().getServers() == null || contract.model().getServers().isEmpty()) {
      return "";
    }
    String url = contract.model().getServers().get(0).getUrl();
    int scheme = url.indexOf("://");
    String rest = scheme < 0 ? url : url.substring(scheme + 3);
    int slash = rest.indexOf('/');
    String base = slash < 0 ? "" : rest.substring(slash);
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private static boolean matches(String template, String path) {
    String[] t = template.split("/");
    String[] p = path.split("/");
    if (t.length != p.length) {
      return false;
    }
    for (int i = 0; i < t.length; i++) {
      if (!(t[i].startsWith("{") && t[i].endsWith("}")) && !t[i].equals(p[i])) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
