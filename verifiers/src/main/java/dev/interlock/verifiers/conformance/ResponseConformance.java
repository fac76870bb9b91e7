package dev.interlock.verifiers.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.document.SourceDocument;
import dev.interlock.mocks.SandboxContract;
import dev.interlock.mocks.SandboxContract.Operation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an observed HTTP response against its contract: status declared, headers, content type and
 * body valid against the response schema (the Atlassian validator's response side). Each violation
 * carries the pointer into the observed body and the contract location of the schema.
 *
 * <p>The static {@link #check} keeps the validators of the last few contracts; build one with
 * {@link #of} to hold it yourself. Thread-safe.
 */
public final class ResponseConformance {

  private static final LevelResolver LEVELS =
      LevelResolver.create()
          .withLevel("validation.request", ValidationReport.Level.IGNORE)
          // Without merged allOf the validator sees each branch alone and calls the other
          // branches' properties additional; the model-based fallback cannot merge them.
          .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
          .build();

  private static final int CACHED = 16;
  private static final Map<Object, ResponseConformance> RECENT =
      new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, ResponseConformance> eldest) {
          return size() > CACHED;
        }
      };

  private final OpenApiContract contract;
  private static final String PROBLEM_JSON = "application/problem+json";

  private final SandboxContract routes;
  private final boolean strictErrors;
  private volatile OpenApiInteractionValidator validator;

  private ResponseConformance(OpenApiContract contract, boolean strictErrors) {
    this.contract = contract;
    this.routes = SandboxContract.of(contract);
    this.strictErrors = strictErrors;
  }

  /**
   * A checker for one contract, for a sandbox that answers with the documented deviation (see
   * {@link #strict}); its validator is built on first use and then kept.
   */
  public static ResponseConformance of(OpenApiContract contract) {
    return new ResponseConformance(contract, false);
  }

  /**
   * A checker for a sandbox run with strict errors ({@code --strict-errors}): every status must be
   * declared, an unknown id's undeclared 404 included.
   */
  public static ResponseConformance strict(OpenApiContract contract) {
    return new ResponseConformance(contract, true);
  }

  /**
   * Checks one response from a sandbox with default errors: its documented deviation, an unknown
   * id's undeclared 404 as problem+json, is accepted.
   *
   * @param method the request's HTTP method
   * @param path the request's path, with or without the servers' base path (a query is ignored)
   * @param headers response headers (any case)
   * @param body the response body as received, empty or null for none
   * @return the violations, empty when the response conforms
   */
  public static List<ResponseViolation> check(
      OpenApiContract contract,
      String method,
      String path,
      int status,
      Map<String, List<String>> headers,
      String body) {
    return check(contract, false, method, path, status, headers, body);
  }

  /**
   * As {@link #check(OpenApiContract, String, String, int, Map, String)}, for a sandbox run with or
   * without strict errors.
   */
  public static List<ResponseViolation> check(
      OpenApiContract contract,
      boolean strictErrors,
      String method,
      String path,
      int status,
      Map<String, List<String>> headers,
      String body) {
    ResponseConformance c;
    synchronized (RECENT) {
      c =
          RECENT.computeIfAbsent(
              List.of(new ContractIdentity(contract), strictErrors),
              k -> new ResponseConformance(contract, strictErrors));
    }
    return c.check(method, path, status, headers, body);
  }

  /** As the static {@link #check(OpenApiContract, String, String, int, Map, String)}. */
  public List<ResponseViolation> check(
      String method, String path, int status, Map<String, List<String>> headers, String body) {
    String m = method.toUpperCase(Locale.ROOT);
    int q = path.indexOf('?');
    String p = q < 0 ? path : path.substring(0, q);
    SourceDocument source = contract.source();
    Optional<SandboxContract.Route> routed = routes.route(m, p);
    if (routed.isEmpty()) {
      return List.of(
          new ResponseViolation(
              "verify.response.operation.unknown",
              "the contract has no operation " + m + " " + p,
              JsonPointer.ROOT,
              source.locate(JsonPointer.of("paths"))));
    }
    SandboxContract.Route match = routed.get();
    Operation op = match.operation();
    if (isProblemForABodilessError(op, status, headers)) {
      return List.of();
    }
    SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
    if (body != null && !body.isEmpty()) {
      b.withBody(body);
    }
    String contentType = null;
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey() == null || h.getKey().startsWith(":")) {
        continue;
      }
      b.withHeader(h.getKey(), h.getValue());
      if (h.getKey().equalsIgnoreCase("Content-Type") && !h.getValue().isEmpty()) {
        contentType = h.getValue().get(0);
      }
    }
    ValidationReport report;
    try {
      report =
          validator().validateResponse(match.operationPath(), Request.Method.valueOf(m), b.build());
    } catch (RuntimeException e) {
      return List.of(
          new ResponseViolation(
              "verify.response.unchecked",
              op + " -> " + status + ": the response could not be checked (" + e + ")",
              JsonPointer.ROOT,
              source.locate(op.pointer())));
    }
    List<ResponseViolation> out = new ArrayList<>();
    for (ValidationReport.Message msg : report.getMessages()) {
      if (msg.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      JsonPointer bodyPointer = JsonPointer.ROOT;
      String schemaRelative = null;
      Optional<ValidationReport.MessageContext.Pointers> pointers =
          msg.getContext().flatMap(ValidationReport.MessageContext::getPointers);
      if (pointers.isPresent()) {
        String instance = pointers.get().getInstance();
        if (instance != null && !instance.isEmpty() && !instance.equals("/")) {
          bodyPointer = JsonPointer.parse(instance);
        }
        schemaRelative = pointers.get().getSchema();
      }
      out.add(
          new ResponseViolation(
              code(msg.getKey()),
              op + " -> " + status + ": " + msg.getMessage(),
              bodyPointer,
              locate(op, status, contentType, schemaRelative)));
    }
    return out;
  }

  /**
   * The sandbox's one documented deviation, accepted unless it runs with strict errors: an error
   * the contract gives no body to is answered as RFC 9457 problem+json. That is an id nobody
   * created where the operation declares no 404 (nor {@code 4XX}, nor {@code default}), and any
   * error status whose declared response has no {@code content}. Told apart by status and media
   * type; a strict sandbox never sends it, so there it stays a violation.
   */
  private boolean isProblemForABodilessError(
      Operation op, int status, Map<String, List<String>> headers) {
    if (strictErrors || status < 400) {
      return false;
    }
    Optional<String> declared = op.responseKeyFor(status);
    boolean bodiless =
        declared.isPresent()
            ? routes
                .at(routes.resolve(op.pointer(), "responses", declared.get()))
                .path("content")
                .isEmpty()
            : status == 404;
    if (!bodiless) {
      return false;
    }
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase("Content-Type")) {
        return h.getValue().stream()
            .anyMatch(v -> v.split(";")[0].trim().equalsIgnoreCase(PROBLEM_JSON));
      }
    }
    return false;
  }

  private synchronized OpenApiInteractionValidator validator() {
    if (validator == null) {
      try {
        validator =
            OpenApiInteractionValidator.createForSpecificationUrl(
                    contract.file().toUri().toString())
                .withBasePathOverride("/")
                // merged oneOf/anyOf branches judge a value by one schema none of them is (a
                // oneOf [object, array] took the first branch's type), refusing what a single
                // branch accepts; json-schema-validator applies the combinators as they are
                .withResolveCombinators(false)
                .withLevelResolver(LEVELS)
                .build();
      } catch (RuntimeException e) {
        validator =
            OpenApiInteractionValidator.createFor(ResolvedModel.of(contract))
                .withBasePathOverride("/")
                .withLevelResolver(LEVELS)
                .build();
      }
    }
    return validator;
  }

  /** The response schema (or the nearest enclosing thing) in the contract's own file. */
  private SourceLocation locate(
      Operation op, int status, String contentType, String schemaRelative) {
    SourceDocument source = contract.source();
    Optional<String> key = op.responseKeyFor(status);
    if (key.isEmpty()) {
      return source.locate(op.pointer().append("responses"));
    }
    JsonPointer response = source.deref(op.pointer().append("responses").append(key.get()));
    JsonNode content = source.at(response).path("content");
    String media = mediaType(content, contentType);
    if (media == null) {
      return source.locate(response);
    }
    JsonPointer schema = source.deref(response.append("content").append(media).append("schema"));
    if (source.at(schema).isMissingNode()) {
      return source.locate(response);
    }
    if (schemaRelative != null && schemaRelative.startsWith("/") && schemaRelative.length() > 1) {
      JsonPointer deeper = new JsonPointer(schema.value() + schemaRelative);
      if (!source.at(deeper).isMissingNode()) {
        return source.locate(deeper);
      }
    }
    return source.locate(schema);
  }

  private static String mediaType(JsonNode content, String contentType) {
    List<String> declared = new ArrayList<>();
    for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
      declared.add(it.next());
    }
    if (declared.isEmpty()) {
      return null;
    }
    String sent =
        contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    for (String d : declared) {
      if (d.split(";")[0].trim().equalsIgnoreCase(sent)) {
        return d;
      }
    }
    for (String d : declared) {
      String base = d.split(";")[0].trim();
      if (base.endsWith("/*") && sent.startsWith(base.substring(0, base.length() - 1))
          || base.equals("*/*")) {
        return d;
      }
    }
    return declared.get(0);
  }

  private static String code(String key) {
    if (key.startsWith("validation.response.")) {
      return "verify.response." + key.substring("validation.response.".length());
    }
    if (key.startsWith("validation.schema.")) {
      return "verify.response.body.schema." + key.substring("validation.schema.".length());
    }
    return "verify.response." + key.replaceFirst("^validation\\.", "");
  }
}
