package dev.interlock.mocks.internal;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.schema.SchemaViolation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The validation step: a request's method, path, query, headers and body against its operation.
 *
 * <p>The Atlassian validator is authoritative but costly (its schema library runs {@code pattern}
 * through a JavaScript engine), so the common, valid case takes a fast path: the body tree ({@link
 * RequestBodyReader}) is checked against its compiled schema (networknt), and the validator's
 * verdict on everything else is remembered by what it depends on (method, path, query, content
 * type, cookies, and each declared header: absent, valid against its schema, or its literal value).
 * Anything the fast path doubts goes through the validator, body included; except a form body,
 * whose schema check is the only verdict: the validator reads forms without the {@code encoding}
 * object and would refuse a deepObject the contract allows. The body's check tolerates a {@code
 * oneOf} that more than one branch matches ({@link OneOfTolerance}), and so does the validator's
 * second opinion on the same {@code oneOf}.
 */
final class RequestValidation {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TITLE = "The request does not match the contract";

  private final RequestShapes shapes = new RequestShapes();
  private final RequestBodyReader bodies;
  private final Problems problems;

  /** Atlassian's verdict on a request's method, path, query and headers, by what it depends on. */
  private final Map<String, List<Violation>> verdicts = new ConcurrentHashMap<>();

  RequestValidation(RequestBodyReader bodies, Problems problems) {
    this.bodies = bodies;
    this.problems = problems;
  }

  /**
   * What validation concluded about a request.
   *
   * @param refusal the answer to an invalid request; empty when it is valid
   * @param warnings what the request was let through despite ({@link OneOfTolerance}), for the
   *     journal
   */
  record Verdict(Optional<Reply> refusal, List<Warning> warnings) {}

  /** A request's violations and what was tolerated in it. */
  record Findings(List<Violation> violations, List<Warning> warnings) {}

  /**
   * The refusal of an invalid request, or none when it is valid: 400, or 422 where the operation
   * declares that and not 400, in the contract's error shape with every violation, its location and
   * its pointer (also kept for the journal); with the warnings about what was tolerated.
   */
  Verdict check(Exchange ex) {
    Findings findings = findings(ex);
    List<Violation> errors = findings.violations();
    if (errors.isEmpty()) {
      return new Verdict(Optional.empty(), findings.warnings());
    }
    OperationModel op = ex.op();
    int status = !op.declares(400) && op.declares(422) ? 422 : 400;
    String ct = ex.call().contentType();
    boolean form = ct.contains("x-www-form-urlencoded") || ct.contains("multipart/form-data");
    ErrorFacts facts =
        new ErrorFacts(status, TITLE, detail(op, errors, form), errors.get(0).code(), errors, form);
    ObjectNode extra = JSON.createObjectNode();
    ArrayNode list = extra.putArray("errors");
    for (Violation v : errors) {
      list.addObject()
          .put("pointer", v.pointer())
          .put("message", v.message())
          .put("code", v.code());
    }
    Reply refusal = problems.error(op, facts, extra, null).withViolations(errors);
    return new Verdict(Optional.of(refusal.withWarnings(findings.warnings())), findings.warnings());
  }

  /** What is wrong, violation by violation, located as the client named it. */
  private static String detail(OperationModel op, List<Violation> errors, boolean form) {
    StringBuilder b = new StringBuilder();
    b.append(errors.size()).append(" problem").append(errors.size() == 1 ? "" : "s");
    b.append(" with ").append(op.method()).append(' ').append(op.template());
    b.append(" (").append(op.id()).append("): ");
    for (int i = 0; i < errors.size(); i++) {
      Violation v = errors.get(i);
      b.append(i == 0 ? "" : "; ")
          .append(where(v, ErrorFacts.param(v, form)))
          .append(": ")
          .append(v.message());
    }
    return b.toString();
  }

  private static String where(Violation v, String param) {
    String in = v.pointer().startsWith("/") ? v.pointer().substring(1).split("/", 2)[0] : "";
    return switch (in) {
      case "body" -> param.isEmpty() ? "the body" : "body field '" + param + "'";
      case "query" -> "query parameter '" + param + "'";
      case "header" -> "header '" + param + "'";
      case "path" -> "path parameter '" + param + "'";
      case "cookie" -> "cookie '" + param + "'";
      default -> "the request";
    };
  }

  /** Every way the request departs from its operation; empty when it is valid. */
  List<Violation> violations(Exchange ex) {
    return findings(ex).violations();
  }

  private Findings findings(Exchange ex) {
    OperationModel op = ex.op();
    HttpCall call = ex.call();
    RequestShapes.Shape shape = shapes.of(op);
    boolean bodyChecked = false;
    List<Violation> bodyErrors = List.of();
    OneOfTolerance.Verdict tolerant = null;
    Violation unreadable = call.body().isEmpty() ? null : RequestBodyReader.unreadable(call);
    if (unreadable != null) {
      // nothing to validate: the body cannot even be split into its fields
      bodyChecked = true;
      bodyErrors = List.of(unreadable);
    } else if (!call.body().isEmpty()) {
      JsonPointer schema = bodies.schema(op, call);
      JsonNode parsed = ex.body() != null ? ex.body() : bodies.read(op, call);
      tolerant =
          schema != null && parsed.isContainerNode()
              ? OneOfTolerance.judge(op.version(), schema, parsed)
              : null;
      List<SchemaViolation> found = tolerant == null ? null : tolerant.errors();
      // a valid body needs no second opinion; an invalid form body gets none (see decodesItself)
      bodyChecked = found != null && (found.isEmpty() || RequestBodyReader.decodesItself(call));
      bodyErrors = bodyChecked ? bodyViolations(found) : List.of();
    }
    String key = call.body().isEmpty() || bodyChecked ? verdictKey(ex, shape) : null;
    List<Violation> errors = key == null ? null : verdicts.get(key);
    List<Warning> warnings = tolerant == null ? List.of() : tolerant.warnings();
    if (errors != null) {
      return new Findings(withBody(errors, bodyErrors), warnings);
    }
    SimpleRequest.Builder b = new SimpleRequest.Builder(call.method(), ex.match().operationPath());
    call.headers().forEach((k, v) -> b.withHeader(k, v));
    call.query().forEach((k, v) -> b.withQueryParam(k, v));
    if (!call.body().isEmpty() && !bodyChecked) {
      b.withBody(call.body());
    }
    ValidationReport report;
    try {
      report = op.version().requestValidator().validateRequest(b.build());
    } catch (RuntimeException e) {
      // the validator could not process this contract: do not block the call
      return new Findings(List.of(), warnings);
    }
    boolean withoutBody = bodyChecked;
    Set<String> tolerated = tolerant == null ? Set.of() : tolerant.tolerated();
    errors =
        report.getMessages().stream()
            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            // the body was checked already and left out on purpose
            .filter(m -> !(withoutBody && m.getKey().startsWith("validation.request.body")))
            // the same combinator, let through by the body's own check (OneOfTolerance)
            .filter(m -> !(combinator(m) && tolerated.contains(pointer(m))))
            .map(m -> new Violation(pointer(m), m.getMessage(), m.getKey()))
            .toList();
    if (key != null) {
      if (verdicts.size() >= RequestShapes.VERDICTS) {
        verdicts.clear();
      }
      verdicts.put(key, errors);
    }
    return new Findings(withBody(errors, bodyErrors), warnings);
  }

  private static boolean combinator(ValidationReport.Message m) {
    return m.getKey().endsWith(".schema.oneOf") || m.getKey().endsWith(".schema.anyOf");
  }

  /** The validator's verdict on the rest of the request, then the body's own violations. */
  private static List<Violation> withBody(List<Violation> rest, List<Violation> body) {
    if (body.isEmpty()) {
      return rest;
    }
    List<Violation> all = new ArrayList<>(rest);
    all.addAll(body);
    return all;
  }

  /** Schema violations of the body tree, located in the body as the validator locates them. */
  private static List<Violation> bodyViolations(List<SchemaViolation> found) {
    List<Violation> out = new ArrayList<>(found.size());
    for (SchemaViolation v : found) {
      String instance = v.instancePointer() == null ? "" : v.instancePointer().value();
      // a missing member is located at the member, so param-like error fields name it
      String member =
          v.missingProperty() == null ? "" : "/" + JsonPointer.escape(v.missingProperty());
      out.add(
          new Violation(
              "/body" + (instance.equals("/") ? "" : instance) + member,
              v.message(),
              "validation.request.body.schema." + v.keyword()));
    }
    return out;
  }

  private String verdictKey(Exchange ex, RequestShapes.Shape shape) {
    OperationModel op = ex.op();
    HttpCall call = ex.call();
    StringBuilder k = new StringBuilder(128);
    k.append(op.version().label()).append('|').append(call.method()).append(' ');
    k.append(ex.match().operationPath()).append('?').append(call.rawQuery());
    k.append("|ct=").append(call.contentType());
    k.append("|accept=").append(call.header("Accept"));
    k.append("|cookie=").append(call.header("Cookie"));
    k.append("|body=").append(!call.body().isEmpty());
    for (Map.Entry<String, JsonPointer> h : shape.stringHeaders().entrySet()) {
      String value = call.header(h.getKey());
      k.append('|').append(h.getKey()).append('=');
      if (value == null) {
        k.append("\u0000absent");
      } else if (shapes.validHeader(op.version(), h.getValue(), value)) {
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

  /** The JSON pointer of a validator message into the request: {@code /query/limit}. */
  static String pointer(ValidationReport.Message m) {
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
}
