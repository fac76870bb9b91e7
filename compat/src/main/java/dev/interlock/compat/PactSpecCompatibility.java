package dev.interlock.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.interlock.compat.internal.BodyCheck;
import dev.interlock.compat.internal.MediaTypes;
import dev.interlock.compat.internal.OperationIndex;
import dev.interlock.compat.internal.RuleSet;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import dev.interlock.core.schema.SchemaDialect;
import dev.interlock.core.schema.SchemaViolation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bi-directional contract testing: is every HTTP interaction of a pact allowed by the provider's
 * OpenAPI contract? Requests must be ones the provider accepts (path, method, parameters, security,
 * content type, body), expected responses ones it can produce for that status (status, headers,
 * content type, body with {@code required} relaxed and no field the provider never promised). Pact
 * matching rules are honoured.
 *
 * <p>Build one per contract and reuse it: schemas are compiled once per pointer and operations are
 * indexed, so thousands of interactions check in seconds.
 */
public final class PactSpecCompatibility {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> STANDARD_REQUEST_HEADERS =
      Set.of(
          "accept",
          "accept-charset",
          "accept-datetime",
          "accept-encoding",
          "accept-language",
          "authorization",
          "cache-control",
          "connection",
          "content-length",
          "content-md5",
          "content-type",
          "cookie",
          "date",
          "expect",
          "forwarded",
          "from",
          "host",
          "if-match",
          "if-modified-since",
          "if-none-match",
          "if-range",
          "if-unmodified-since",
          "max-forwards",
          "origin",
          "pragma",
          "proxy-authorization",
          "range",
          "referer",
          "te",
          "upgrade",
          "user-agent",
          "via",
          "warning");

  private static final Set<String> STANDARD_RESPONSE_HEADERS =
      Set.of(
          "access-control-allow-origin",
          "accept-patch",
          "accept-ranges",
          "age",
          "allow",
          "alt-svc",
          "cache-control",
          "connection",
          "content-disposition",
          "content-encoding",
          "content-language",
          "content-length",
          "content-location",
          "content-md5",
          "content-range",
          "date",
          "etag",
          "expires",
          "last-modified",
          "link",
          "location",
          "p3p",
          "pragma",
          "proxy-authenticate",
          "public-key-pins",
          "refresh",
          "retry-after",
          "server",
          "set-cookie",
          "status",
          "strict-transport-security",
          "trailer",
          "transfer-encoding",
          "tsv",
          "upgrade",
          "vary",
          "via",
          "warning",
          "www-authenticate",
          "x-frame-options");

  private final OpenApiContract spec;
  private final SourceDocument doc;
  private final OperationIndex index;
  private final BodyCheck bodies;

  private PactSpecCompatibility(OpenApiContract spec) {
    this.spec = spec;
    this.doc = spec.source();
    this.index = new OperationIndex(doc);
    this.bodies =
        new BodyCheck(
            doc, spec.isOpenApi31() ? SchemaDialect.OPENAPI_31 : SchemaDialect.OPENAPI_30);
  }

  /** A checker for one contract, reusable across pacts. */
  public static PactSpecCompatibility of(OpenApiContract spec) {
    return new PactSpecCompatibility(spec);
  }

  /** Checks every HTTP interaction of the pact against the contract. */
  public static CompatReport check(PactContract pact, OpenApiContract spec) {
    return of(spec).check(pact);
  }

  public CompatReport check(PactContract pact) {
    long start = System.nanoTime();
    List<CompatReport.Entry> entries = new ArrayList<>();
    List<PactInteraction> all = pact.interactions();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) instanceof PactInteraction.Http http) {
        entries.addAll(new Run(pact, http, i).check());
      }
    }
    return new CompatReport(
        pact.file(),
        spec.file(),
        pact.consumer(),
        pact.provider(),
        entries,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** The checks of one interaction. */
  /**
   * What differs between checking a request body and a response body: the codes, and who reads the
   * body ({@code receiving}: the consumer reads a response, so {@link BodyCheck} judges it as a
   * reader would).
   */
  private enum Part {
    REQUEST(
        Side.REQUEST,
        "request",
        "the request body is not JSON",
        MismatchCodes.REQUEST_BODY_INVALID,
        MismatchCodes.REQUEST_BODY_INVALID,
        MismatchCodes.REQUEST_MATCHER_INCOMPATIBLE,
        false),
    RESPONSE(
        Side.RESPONSE,
        "response",
        "the expected response body is not JSON",
        MismatchCodes.RESPONSE_BODY_INVALID,
        MismatchCodes.RESPONSE_BODY_UNKNOWN_FIELD,
        MismatchCodes.RESPONSE_MATCHER_INCOMPATIBLE,
        true);

    final Side side;
    final String name;
    final String notJson;
    final String invalid;
    final String unknownField;
    final String matcher;
    final boolean receiving;

    Part(
        Side side,
        String name,
        String notJson,
        String invalid,
        String unknownField,
        String matcher,
        boolean receiving) {
      this.side = side;
      this.name = name;
      this.notJson = notJson;
      this.invalid = invalid;
      this.unknownField = unknownField;
      this.matcher = matcher;
      this.receiving = receiving;
    }
  }

  private final class Run {
    private final PactContract pact;
    private final SourceDocument pactDoc;
    private final PactInteraction.Http http;
    private final InteractionRef ref;
    private final List<Mismatch> request = new ArrayList<>();
    private final List<Mismatch> response = new ArrayList<>();
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> responseHeaders =
        new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    Run(PactContract pact, PactInteraction.Http http, int position) {
      this.pact = pact;
      this.pactDoc = pact.source();
      this.http = http;
      this.ref =
          new InteractionRef(
              http.description(), position, http.pointer(), pactDoc.locate(http.pointer()));
      rawHeaders("request", http.request().headers(), headers);
      rawHeaders("response", http.response().headers(), responseHeaders);
    }

    /**
     * Header values as written in the pact file: Pact JVM splits comma-separated values into lists,
     * which is wrong for headers that are not lists.
     */
    private void rawHeaders(
        String side, Map<String, List<String>> model, Map<String, String> into) {
      JsonNode raw = pactDoc.at(http.pointer().append(side).append("headers"));
      if (raw.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          into.put(e.getKey(), text(e.getValue()));
        }
        return;
      }
      model.forEach((k, v) -> into.put(k, String.join(", ", v)));
    }

    private String text(JsonNode v) {
      if (v.isArray()) {
        List<String> parts = new ArrayList<>();
        v.forEach(p -> parts.add(p.asText()));
        return String.join(", ", parts);
      }
      return v.asText();
    }

    List<CompatReport.Entry> check() {
      String method = http.request().method().toLowerCase(Locale.ROOT);
      String path = http.request().path();
      List<OperationIndex.Match> matches = index.find(path);
      String requestEvidence = evidence("request");
      String responseEvidence = evidence("response");
      if (matches.isEmpty()) {
        request.add(
            mismatch(
                MismatchCodes.PATH_UNKNOWN,
                Side.REQUEST,
                "no path of the contract matches " + http.request().method() + " " + path,
                pactAt("request", "path"),
                JsonPointer.ROOT,
                specAt(JsonPointer.of("paths")),
                "a path of " + abbreviatedPaths(),
                path));
        return List.of(
            new CompatReport.Entry(ref, Side.REQUEST, "", request, null, requestEvidence),
            new CompatReport.Entry(
                ref,
                Side.RESPONSE,
                "",
                response,
                "the request matches no operation of the contract",
                responseEvidence));
      }
      OperationIndex.Match match =
          matches.stream()
              .filter(m -> m.template().methods().contains(method))
              .findFirst()
              .orElse(null);
      if (match == null) {
        OperationIndex.Match best = matches.get(0);
        request.add(
            mismatch(
                MismatchCodes.METHOD_NOT_ALLOWED,
                Side.REQUEST,
                best.template().path() + " does not allow " + http.request().method(),
                pactAt("request", "method"),
                JsonPointer.ROOT,
                specAt(best.template().pointer()),
                "one of "
                    + best.template().methods().stream()
                        .map(m -> m.toUpperCase(Locale.ROOT))
                        .toList(),
                http.request().method()));
        return List.of(
            new CompatReport.Entry(
                ref, Side.REQUEST, best.template().path(), request, null, requestEvidence),
            new CompatReport.Entry(
                ref,
                Side.RESPONSE,
                "",
                response,
                "the request matches no operation of the contract",
                responseEvidence));
      }
      JsonPointer pathItem = doc.deref(match.template().pointer());
      JsonPointer op = pathItem.append(method);
      String signature =
          http.request().method().toUpperCase(Locale.ROOT) + " " + match.template().path();
      checkRequest(pathItem, op, match);
      checkResponse(op);
      return List.of(
          new CompatReport.Entry(ref, Side.REQUEST, signature, request, null, requestEvidence),
          new CompatReport.Entry(ref, Side.RESPONSE, signature, response, null, responseEvidence));
    }

    private String evidence(String side) {
      JsonNode n = pactDoc.at(http.pointer().append(side));
      return n.isMissingNode() ? null : n.toString();
    }

    private String abbreviatedPaths() {
      List<String> paths = new ArrayList<>();
      doc.root().path("paths").fieldNames().forEachRemaining(paths::add);
      return paths.size() > 8
          ? paths.subList(0, 8) + " and " + (paths.size() - 8) + " more"
          : paths.toString();
    }

    // ---------------------------------------------------------------- request

    private void checkRequest(JsonPointer pathItem, JsonPointer op, OperationIndex.Match match) {
      Map<String, JsonPointer> params = parameters(pathItem, op);
      Set<String> securityHeaders = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      Set<String> securityQuery = new java.util.HashSet<>();
      security(op, securityHeaders, securityQuery);
      // path parameters
      for (Map.Entry<String, String> p : match.parameters().entrySet()) {
        JsonPointer param = params.get("path:" + p.getKey());
        if (param != null) {
          validateParam(
              param,
              List.of(p.getValue()),
              MismatchCodes.PATH_INVALID,
              Side.REQUEST,
              pactAt("request", "path"),
              JsonPointer.of(p.getKey()),
              "path parameter '" + p.getKey() + "'",
              request);
        }
      }
      // query
      Map<String, List<String>> query = http.request().query();
      for (Map.Entry<String, JsonPointer> e : params.entrySet()) {
        if (!e.getKey().startsWith("query:")) {
          continue;
        }
        String name = e.getKey().substring(6);
        JsonNode param = doc.at(e.getValue());
        List<String> values = query.get(name);
        if (values == null) {
          if (param.path("required").asBoolean(false)) {
            request.add(
                mismatch(
                    MismatchCodes.QUERY_REQUIRED_MISSING,
                    Side.REQUEST,
                    "required query parameter '" + name + "' is missing",
                    pactAt("request"),
                    JsonPointer.of(name),
                    specAt(e.getValue()),
                    name,
                    null));
          }
          continue;
        }
        validateParam(
            e.getValue(),
            values,
            MismatchCodes.QUERY_INVALID,
            Side.REQUEST,
            pactAt("request", "query"),
            JsonPointer.of(name),
            "query parameter '" + name + "'",
            request);
      }
      for (String name : query.keySet()) {
        if (!params.containsKey("query:" + name) && !securityQuery.contains(name)) {
          request.add(
              mismatch(
                      MismatchCodes.QUERY_UNKNOWN,
                      Side.REQUEST,
                      "query parameter '" + name + "' is not defined by " + match.template().path(),
                      pactAt("request", "query"),
                      JsonPointer.of(name),
                      specAt(op),
                      "one of " + declared(params, "query:"),
                      name)
                  .withSeverity(Severity.WARNING));
        }
      }
      // headers
      for (Map.Entry<String, JsonPointer> e : params.entrySet()) {
        if (!e.getKey().startsWith("header:")) {
          continue;
        }
        String name = doc.at(e.getValue()).path("name").asText(e.getKey().substring(7));
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("content-type")
            || lower.equals("accept")
            || lower.equals("authorization")) {
          continue; // OpenAPI: these are described elsewhere and ignored as parameters
        }
        String value = headers.get(name);
        if (value == null) {
          if (doc.at(e.getValue()).path("required").asBoolean(false)) {
            request.add(
                mismatch(
                    MismatchCodes.REQUEST_HEADER_REQUIRED_MISSING,
                    Side.REQUEST,
                    "required header '" + name + "' is missing",
                    pactAt("request"),
                    JsonPointer.of(name),
                    specAt(e.getValue()),
                    name,
                    null));
          }
          continue;
        }
        validateParam(
            e.getValue(),
            List.of(value),
            MismatchCodes.REQUEST_HEADER_INVALID,
            Side.REQUEST,
            pactHeader("request", name),
            JsonPointer.of(name),
            "header '" + name + "'",
            request);
      }
      for (String name : headers.keySet()) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!STANDARD_REQUEST_HEADERS.contains(lower)
            && !params.containsKey("header:" + lower)
            && !securityHeaders.contains(name)) {
          request.add(
              mismatch(
                      MismatchCodes.REQUEST_HEADER_UNKNOWN,
                      Side.REQUEST,
                      "request header '" + name + "' is not defined by the operation",
                      pactHeader("request", name),
                      JsonPointer.of(name),
                      specAt(op),
                      "one of " + declared(params, "header:"),
                      name)
                  .withSeverity(Severity.WARNING));
        }
      }
      requestBody(op);
      accept(op);
    }

    private String declared(Map<String, JsonPointer> params, String prefix) {
      List<String> names = new ArrayList<>();
      for (Map.Entry<String, JsonPointer> e : params.entrySet()) {
        if (e.getKey().startsWith(prefix)) {
          names.add(doc.at(e.getValue()).path("name").asText());
        }
      }
      return names.toString();
    }

    /** Operation and path-item parameters by {@code in:name} (header names lower-cased). */
    private Map<String, JsonPointer> parameters(JsonPointer pathItem, JsonPointer op) {
      Map<String, JsonPointer> out = new LinkedHashMap<>();
      for (JsonPointer owner : List.of(pathItem, op)) {
        JsonNode list = doc.at(owner.append("parameters"));
        for (int i = 0; i < list.size(); i++) {
          JsonPointer p = doc.deref(owner.append("parameters").append(i));
          JsonNode n = doc.at(p);
          String in = n.path("in").asText();
          String name = n.path("name").asText();
          out.put(in + ":" + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name), p);
        }
      }
      return out;
    }

    private void validateParam(
        JsonPointer param,
        List<String> values,
        String code,
        Side side,
        SourceLocation pactLocation,
        JsonPointer payloadPointer,
        String what,
        List<Mismatch> out) {
      JsonPointer schema = param.append("schema");
      JsonNode schemaNode = doc.at(doc.deref(schema));
      if (schemaNode.isMissingNode()) {
        JsonNode content = doc.at(param.append("content"));
        if (content.isObject() && content.size() > 0) {
          String mt = content.fieldNames().next();
          schema = param.append("content").append(mt).append("schema");
          schemaNode = doc.at(doc.deref(schema));
        }
      }
      if (schemaNode.isMissingNode()) {
        return;
      }
      JsonNode value =
          coerce(
              schemaNode,
              values,
              doc.at(param).path("in").asText().equals("query")
                  && doc.at(param).path("explode").asBoolean(true));
      if (value == null) {
        return;
      }
      List<SchemaViolation> violations = bodies.validateValue(schema, value);
      if (!violations.isEmpty()) {
        SchemaViolation v = violations.get(0);
        out.add(
            mismatch(
                code,
                side,
                what + " " + v.message(),
                pactLocation,
                payloadPointer,
                specAt(doc.deref(schema)),
                schemaSummary(schemaNode),
                String.join(",", values)));
      }
    }

    private String schemaSummary(JsonNode schema) {
      List<String> parts = new ArrayList<>();
      for (String k :
          List.of(
              "type",
              "format",
              "pattern",
              "enum",
              "minimum",
              "maximum",
              "minLength",
              "maxLength")) {
        if (schema.has(k)) {
          parts.add(
              k
                  + " "
                  + (schema.get(k).isTextual()
                      ? schema.get(k).asText()
                      : schema.get(k).toString()));
        }
      }
      return parts.isEmpty() ? "the parameter's schema" : String.join(", ", parts);
    }

    // ---------------------------------------------------------------- security

    private void security(JsonPointer op, Set<String> headerNames, Set<String> queryNames) {
      JsonPointer reqPointer = op.append("security");
      JsonNode requirements = doc.at(reqPointer);
      if (requirements.isMissingNode()) {
        reqPointer = JsonPointer.of("security");
        requirements = doc.at(reqPointer);
      }
      if (!requirements.isArray() || requirements.isEmpty()) {
        return;
      }
      List<String> alternatives = new ArrayList<>();
      boolean satisfied = false;
      for (JsonNode requirement : requirements) {
        boolean all = true;
        List<String> needs = new ArrayList<>();
        for (Iterator<String> it = requirement.fieldNames(); it.hasNext(); ) {
          String scheme = it.next();
          JsonNode s = doc.at(doc.deref(JsonPointer.of("components", "securitySchemes", scheme)));
          String type = s.path("type").asText();
          String need;
          boolean ok;
          switch (type) {
            case "apiKey" -> {
              String name = s.path("name").asText();
              String in = s.path("in").asText();
              if (in.equals("header")) {
                headerNames.add(name);
                ok = headers.containsKey(name);
                need = "header " + name;
              } else if (in.equals("query")) {
                queryNames.add(name);
                ok = http.request().query().containsKey(name);
                need = "query parameter " + name;
              } else {
                String cookie = headers.getOrDefault("Cookie", "");
                ok = cookie.contains(name + "=");
                need = "cookie " + name;
              }
            }
            case "http" -> {
              String scheme2 = s.path("scheme").asText("bearer");
              String auth = headers.getOrDefault("Authorization", "");
              ok = auth.toLowerCase(Locale.ROOT).startsWith(scheme2.toLowerCase(Locale.ROOT) + " ");
              need = "Authorization: " + capitalise(scheme2) + " …";
            }
            case "oauth2", "openIdConnect" -> {
              ok = headers.containsKey("Authorization");
              need = "Authorization: Bearer … (" + type + ")";
            }
            default -> {
              ok = true;
              need = type;
            }
          }
          needs.add(need + " (" + scheme + ")");
          all &= ok;
        }
        if (requirement.isEmpty()) {
          all = true;
        }
        satisfied |= all;
        alternatives.add(String.join(" and ", needs));
      }
      if (!satisfied) {
        request.add(
            mismatch(
                MismatchCodes.SECURITY_MISSING,
                Side.REQUEST,
                "the operation requires credentials the request does not carry",
                pactAt("request"),
                JsonPointer.ROOT,
                specAt(reqPointer),
                String.join(" or ", alternatives),
                "headers " + headers.keySet()));
      }
    }

    private String capitalise(String s) {
      return s.isEmpty()
          ? s
          : Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- bodies

    private void requestBody(JsonPointer op) {
      JsonPointer rb = doc.deref(op.append("requestBody"));
      JsonNode rbNode = doc.at(rb);
      PactInteraction.Body body = http.request().body().orElse(null);
      boolean hasBody = body != null && body.text() != null && !body.text().isEmpty();
      String contentType = headers.get("Content-Type");
      if (!hasBody) {
        if (rbNode.path("required").asBoolean(false)) {
          request.add(
              mismatch(
                  MismatchCodes.REQUEST_BODY_REQUIRED_MISSING,
                  Side.REQUEST,
                  "the operation requires a request body and the pact's request has none",
                  pactAt("request"),
                  JsonPointer.ROOT,
                  specAt(rb),
                  "a body",
                  "none"));
        }
        return;
      }
      if (rbNode.isMissingNode()) {
        request.add(
            mismatch(
                    MismatchCodes.REQUEST_BODY_UNEXPECTED,
                    Side.REQUEST,
                    "the request has a body but the operation declares no request body",
                    pactAt("request", "body"),
                    JsonPointer.ROOT,
                    specAt(op),
                    "no body",
                    abbreviate(body.text()))
                .withSeverity(Severity.WARNING));
        return;
      }
      if (contentType == null
          && body.contentType() != null
          && !body.contentType().isBlank()
          && !pactDoc.at(http.pointer().append("request").append("body")).isObject()) {
        contentType = body.contentType();
      }
      JsonPointer content = rb.append("content");
      String mediaKey;
      if (contentType == null) {
        request.add(
            mismatch(
                    MismatchCodes.REQUEST_CONTENT_TYPE_MISSING,
                    Side.REQUEST,
                    "the request has a body but no Content-Type header; validating it as JSON",
                    pactAt("request"),
                    JsonPointer.of("Content-Type"),
                    specAt(content),
                    "one of " + keys(content),
                    null)
                .withSeverity(Severity.WARNING));
        mediaKey = jsonKey(content);
      } else {
        mediaKey = bestKey(content, contentType);
        if (mediaKey == null) {
          request.add(
              mismatch(
                  MismatchCodes.REQUEST_CONTENT_TYPE_UNSUPPORTED,
                  Side.REQUEST,
                  "Content-Type '" + contentType + "' is not one the operation accepts",
                  pactHeader("request", "Content-Type"),
                  JsonPointer.of("Content-Type"),
                  specAt(content),
                  "one of " + keys(content),
                  contentType));
          return;
        }
      }
      if (mediaKey == null) {
        return;
      }
      bodyAgainstSchema(
          Part.REQUEST,
          content.append(mediaKey).append("schema"),
          body,
          contentType,
          RuleSet.fromModel(http.request().matchingRules()),
          request);
    }

    private void accept(JsonPointer op) {
      String accept = headers.get("Accept");
      if (accept == null) {
        return;
      }
      JsonPointer responses = op.append("responses");
      List<String> produced = new ArrayList<>();
      for (Iterator<String> it = doc.at(responses).fieldNames(); it.hasNext(); ) {
        String status = it.next();
        JsonPointer content = doc.deref(responses.append(status)).append("content");
        doc.at(content).fieldNames().forEachRemaining(produced::add);
      }
      if (produced.isEmpty()) {
        return;
      }
      for (String range : accept.split(",")) {
        String r = range.trim();
        for (String p : produced) {
          if (MediaTypes.score(r.split(";")[0], p) > 0
              || MediaTypes.score(p, r.split(";")[0]) > 0) {
            return;
          }
        }
      }
      request.add(
          mismatch(
              MismatchCodes.ACCEPT_UNSUPPORTED,
              Side.REQUEST,
              "Accept '" + accept + "' matches no media type the operation responds with",
              pactHeader("request", "Accept"),
              JsonPointer.of("Accept"),
              specAt(responses),
              "one of " + produced.stream().distinct().toList(),
              accept));
    }

    // ---------------------------------------------------------------- response

    private void checkResponse(JsonPointer op) {
      int status = http.response().status();
      JsonPointer responses = op.append("responses");
      JsonNode all = doc.at(responses);
      String key = null;
      if (all.has(String.valueOf(status))) {
        key = String.valueOf(status);
      } else {
        String range = (status / 100) + "XX";
        for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
          String k = it.next();
          if (k.equalsIgnoreCase(range)) {
            key = k;
          }
        }
        if (key == null && all.has("default")) {
          key = "default";
          response.add(
              mismatch(
                      MismatchCodes.STATUS_DEFAULT,
                      Side.RESPONSE,
                      "status " + status + " is only covered by the default response",
                      pactAt("response", "status"),
                      JsonPointer.ROOT,
                      specAt(responses.append("default")),
                      "one of " + fieldNames(all),
                      String.valueOf(status))
                  .withSeverity(Severity.WARNING));
        }
      }
      if (key == null) {
        response.add(
            mismatch(
                MismatchCodes.STATUS_UNKNOWN,
                Side.RESPONSE,
                "the operation declares no response with status " + status,
                pactAt("response", "status"),
                JsonPointer.ROOT,
                specAt(responses),
                "one of " + fieldNames(all),
                String.valueOf(status)));
        return;
      }
      JsonPointer resp = doc.deref(responses.append(key));
      responseHeaders(resp);
      responseBody(resp);
    }

    private List<String> fieldNames(JsonNode n) {
      List<String> out = new ArrayList<>();
      n.fieldNames().forEachRemaining(out::add);
      return out;
    }

    private void responseHeaders(JsonPointer resp) {
      JsonNode declared = doc.at(resp.append("headers"));
      for (Map.Entry<String, String> h : responseHeaders.entrySet()) {
        String name = h.getKey();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("content-type")) {
          continue;
        }
        String specName = null;
        for (Iterator<String> it = declared.fieldNames(); it.hasNext(); ) {
          String k = it.next();
          if (k.equalsIgnoreCase(name)) {
            specName = k;
          }
        }
        if (specName == null) {
          boolean standard = STANDARD_RESPONSE_HEADERS.contains(lower);
          Mismatch m =
              mismatch(
                  standard
                      ? MismatchCodes.RESPONSE_HEADER_UNDEFINED
                      : MismatchCodes.RESPONSE_HEADER_UNKNOWN,
                  Side.RESPONSE,
                  "the pact expects response header '"
                      + name
                      + "' the contract does not declare for this response",
                  pactHeader("response", name),
                  JsonPointer.of(name),
                  specAt(resp),
                  "one of " + fieldNames(declared),
                  name);
          response.add(standard ? m.withSeverity(Severity.WARNING) : m);
          continue;
        }
        JsonPointer header = doc.deref(resp.append("headers").append(specName));
        validateParam(
            header,
            List.of(h.getValue()),
            MismatchCodes.RESPONSE_HEADER_INVALID,
            Side.RESPONSE,
            pactHeader("response", name),
            JsonPointer.of(name),
            "response header '" + name + "'",
            response);
      }
    }

    private void responseBody(JsonPointer resp) {
      PactInteraction.Body body = http.response().body().orElse(null);
      boolean hasBody = body != null && body.text() != null && !body.text().isEmpty();
      String contentType = responseHeaders.get("Content-Type");
      JsonPointer content = resp.append("content");
      JsonNode contentNode = doc.at(content);
      if (!hasBody && contentType == null) {
        return;
      }
      if (contentNode.isMissingNode() || contentNode.isEmpty()) {
        if (hasBody) {
          response.add(
              mismatch(
                  MismatchCodes.RESPONSE_BODY_UNEXPECTED,
                  Side.RESPONSE,
                  "the pact expects a response body but the contract's response has none",
                  pactAt("response", "body"),
                  JsonPointer.ROOT,
                  specAt(resp),
                  "no body",
                  abbreviate(body.text())));
        }
        return;
      }
      String mediaKey;
      if (contentType == null) {
        mediaKey = jsonKey(content);
      } else {
        mediaKey = bestKey(content, contentType);
        if (mediaKey == null) {
          response.add(
              mismatch(
                  MismatchCodes.RESPONSE_CONTENT_TYPE_UNSUPPORTED,
                  Side.RESPONSE,
                  "Content-Type '"
                      + contentType
                      + "' is not one the contract produces for this response",
                  pactHeader("response", "Content-Type"),
                  JsonPointer.of("Content-Type"),
                  specAt(content),
                  "one of " + keys(content),
                  contentType));
          return;
        }
      }
      if (!hasBody || mediaKey == null) {
        return;
      }
      bodyAgainstSchema(
          Part.RESPONSE,
          content.append(mediaKey).append("schema"),
          body,
          contentType,
          RuleSet.fromModel(http.response().matchingRules()),
          response);
    }

    /** A body the pact gives, against the schema the contract has for it (if any). */
    private void bodyAgainstSchema(
        Part part,
        JsonPointer schema,
        PactInteraction.Body body,
        String contentType,
        RuleSet rules,
        List<Mismatch> out) {
      if (doc.at(schema).isMissingNode()) {
        return;
      }
      JsonNode instance = parseBody(body, contentType, schema);
      if (instance == null) {
        if (contentType == null || MediaTypes.isJson(contentType)) {
          out.add(
              mismatch(
                  part.invalid,
                  part.side,
                  part.notJson,
                  pactAt(part.name, "body"),
                  JsonPointer.ROOT,
                  specAt(schema),
                  "JSON",
                  abbreviate(body.text())));
        }
        return;
      }
      for (BodyCheck.Finding f : bodies.check(schema, instance, rules, part.receiving)) {
        String code =
            switch (f.kind()) {
              case INVALID -> part.invalid;
              case UNKNOWN_FIELD -> part.unknownField;
              case MATCHER -> part.matcher;
            };
        String where = f.instancePointer().isRoot() ? "body" : "body " + f.instancePointer();
        out.add(
            mismatch(
                code,
                part.side,
                where + ": " + f.message(),
                pactBody(part.name, f.instancePointer()),
                f.instancePointer(),
                specAt(f.schemaPointer()),
                f.expected(),
                f.actual()));
      }
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode parseBody(PactInteraction.Body body, String contentType, JsonPointer schema) {
      String ct = contentType == null ? body.contentType() : contentType;
      if (ct != null && MediaTypes.parse(ct).type().equals("application/x-www-form-urlencoded")) {
        return form(body.text(), schema);
      }
      if (body.binary()) {
        return null;
      }
      try {
        return JSON.readTree(body.text());
      } catch (Exception e) {
        if (ct != null && !MediaTypes.isJson(ct)) {
          return TextNode.valueOf(body.text());
        }
        return null;
      }
    }

    private JsonNode form(String text, JsonPointer schema) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      JsonNode props = doc.at(doc.deref(schema)).path("properties");
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        JsonNode propSchema =
            doc.at(doc.deref(schema)).has("properties")
                ? doc.at(
                    doc.deref(JsonPointer.parse(schema.value()).append("properties").append(k)))
                : props.path(k);
        JsonNode value = coerce(propSchema, List.of(v), true);
        o.set(k, value == null ? TextNode.valueOf(v) : value);
      }
      return o;
    }

    private String jsonKey(JsonPointer content) {
      String first = null;
      for (Iterator<String> it = doc.at(content).fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (first == null) {
          first = k;
        }
        if (MediaTypes.isJson(k) || k.equals("*/*")) {
          return k;
        }
      }
      return first;
    }

    private String bestKey(JsonPointer content, String contentType) {
      String best = null;
      int bestScore = 0;
      for (Iterator<String> it = doc.at(content).fieldNames(); it.hasNext(); ) {
        String k = it.next();
        int s = MediaTypes.score(k, contentType);
        if (s > bestScore) {
          best = k;
          bestScore = s;
        }
      }
      return best;
    }

    private List<String> keys(JsonPointer p) {
      return fieldNames(doc.at(p));
    }

    private SourceLocation specAt(JsonPointer p) {
      return doc.locate(p);
    }

    private SourceLocation pactAt(String... tokens) {
      JsonPointer p = http.pointer();
      for (String t : tokens) {
        p = p.append(t);
      }
      return locateExisting(p);
    }

    private SourceLocation pactHeader(String side, String name) {
      JsonNode raw = pactDoc.at(http.pointer().append(side).append("headers"));
      for (Iterator<String> it = raw.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (k.equalsIgnoreCase(name)) {
          return locateExisting(http.pointer().append(side).append("headers").append(k));
        }
      }
      return pactAt(side, "headers");
    }

    private SourceLocation pactBody(String side, JsonPointer inBody) {
      JsonPointer body = http.pointer().append(side).append("body");
      JsonNode b = pactDoc.at(body);
      if (b.isObject() && b.has("content") && pact.specVersion().startsWith("4")) {
        body = body.append("content");
      }
      return locateExisting(new JsonPointer(body.value() + inBody.value()));
    }

    private SourceLocation locateExisting(JsonPointer p) {
      JsonPointer at = p;
      while (!at.isRoot() && pactDoc.at(at).isMissingNode()) {
        at = at.parent();
      }
      SourceLocation l = pactDoc.locate(at);
      return new SourceLocation(l.file(), l.line(), l.column(), p);
    }

    private Mismatch mismatch(
        String code,
        Side side,
        String message,
        SourceLocation pactLocation,
        JsonPointer payload,
        SourceLocation specLocation,
        String expected,
        String actual) {
      return new Mismatch(
          code,
          Severity.ERROR,
          side,
          message,
          ref,
          pactLocation,
          payload,
          specLocation,
          expected,
          actual);
    }
  }

  /** Coerces parameter text to the schema's type; null when the schema cannot be used. */
  static JsonNode coerce(JsonNode schema, List<String> values, boolean exploded) {
    String type = typeOf(schema);
    JsonNodeFactory f = JsonNodeFactory.instance;
    if ("array".equals(type)) {
      ArrayNode a = f.arrayNode();
      JsonNode items = schema.path("items");
      List<String> parts = new ArrayList<>();
      for (String v : values) {
        if (values.size() == 1 && !(exploded && values.size() > 1)) {
          for (String p : v.split(",")) {
            parts.add(p.trim());
          }
        } else {
          parts.add(v);
        }
      }
      for (String p : parts) {
        a.add(scalar(typeOf(items), p));
      }
      return a;
    }
    if ("object".equals(type)) {
      return null;
    }
    return scalar(type, values.isEmpty() ? "" : values.get(values.size() - 1));
  }

  private static String typeOf(JsonNode schema) {
    JsonNode t = schema.get("type");
    if (t == null) {
      return null;
    }
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (!x.asText().equals("null")) {
          return x.asText();
        }
      }
      return null;
    }
    return t.asText();
  }

  private static JsonNode scalar(String type, String v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (type == null || type.equals("string")) {
      return f.textNode(v);
    }
    try {
      switch (type) {
        case "integer" -> {
          return f.numberNode(new java.math.BigInteger(v.trim()));
        }
        case "number" -> {
          return f.numberNode(new java.math.BigDecimal(v.trim()));
        }
        case "boolean" -> {
          if (v.equals("true") || v.equals("false")) {
            return f.booleanNode(Boolean.parseBoolean(v));
          }
          return f.textNode(v);
        }
        default -> {
          return f.textNode(v);
        }
      }
    } catch (NumberFormatException e) {
      return f.textNode(v);
    }
  }

  static String abbreviate(String s) {
    if (s == null) {
      return null;
    }
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
