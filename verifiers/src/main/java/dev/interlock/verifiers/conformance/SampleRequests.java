package dev.interlock.verifiers.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.SandboxContract;
import dev.interlock.mocks.SandboxContract.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds, for every operation of a contract, a request the contract calls valid, and sends it to a
 * sandbox. With {@link ResponseConformance} this is what {@code sandbox.conforms-to-spec} runs:
 *
 * <pre>{@code
 * for (SampleRequest request : SampleRequests.forContract(contract)) {
 *   SampleRequests.Exchange ex = SampleRequests.send(sandbox, request);
 *   List<ResponseViolation> v = ResponseConformance.check(
 *       contract, request.method(), request.path(), ex.status(), ex.headers(), ex.body());
 * }
 * }</pre>
 */
public final class SampleRequests {

  /** What was sent and what came back; header names of the response are lower-case. */
  public record Exchange(
      SampleRequest request, int status, Map<String, List<String>> headers, String body) {
    public Exchange {
      TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
      headers = Collections.unmodifiableMap(h);
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  /** Headers {@link HttpClient} refuses to set; a contract may still declare them. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private static final long DEFAULT_SEED = 99;
  private static final String BOUNDARY = "interlock-sample-boundary";

  private static final Map<ContractIdentity, Builder> RECENT =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ContractIdentity, Builder> eldest) {
          return size() > 8;
        }
      };

  private SampleRequests() {}

  /** One valid request per operation, in document order, with the default seed. */
  public static List<SampleRequest> forContract(OpenApiContract contract) {
    return forContract(contract, DEFAULT_SEED);
  }

  /** One valid request per operation, in document order; the same seed gives the same requests. */
  public static List<SampleRequest> forContract(OpenApiContract contract, long seed) {
    Builder b = new Builder(SandboxContract.of(contract), seed);
    List<SampleRequest> out = new ArrayList<>();
    for (Operation op : b.version.operations()) {
      out.add(b.build(op));
    }
    return out;
  }

  /**
   * The valid request for one operation, by its id (the same as {@link #forContract(
   * OpenApiContract)} gives for it). The contract's model is kept for the next call with the same
   * contract, so asking operation by operation stays cheap on large contracts.
   */
  public static Optional<SampleRequest> forOperation(OpenApiContract contract, String operationId) {
    Builder b;
    synchronized (RECENT) {
      b =
          RECENT.computeIfAbsent(
              new ContractIdentity(contract),
              k -> new Builder(SandboxContract.of(contract), DEFAULT_SEED));
    }
    for (Operation op : b.version.operations()) {
      if (op.id() != null && op.id().equals(operationId)) {
        return Optional.of(b.build(op));
      }
    }
    return Optional.empty();
  }

  /**
   * Sends the request to the sandbox (credential placeholders replaced by ones it accepts) and
   * waits for the answer, at most 30 s.
   *
   * @throws UncheckedIOException when the connection fails (a {@code flaky} scenario resets some)
   */
  public static Exchange send(Sandbox sandbox, SampleRequest request) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + request.pathAndQuery()))
            .timeout(Duration.ofSeconds(30));
    String apiKey =
        sandbox.options().apiKeys().isEmpty()
            ? null
            : sandbox.options().apiKeys().stream().sorted().findFirst().orElseThrow();
    String token = null;
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      if (RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      String value = h.getValue();
      if (value.contains(SampleRequest.ACCESS_TOKEN)) {
        if (token == null) {
          token = sandbox.issueAccessToken();
        }
        value = value.replace(SampleRequest.ACCESS_TOKEN, token);
      }
      if (apiKey != null && value.contains(SampleRequest.API_KEY)) {
        value = value.replace(SampleRequest.API_KEY, apiKey);
      }
      b.header(h.getKey(), value);
    }
    if (request.contentType() != null) {
      b.header("Content-Type", request.contentType());
    }
    b.method(
        request.method(),
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    try {
      HttpResponse<String> r =
          CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Exchange(request, r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(
          request.method() + " " + request.pathAndQuery() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending " + request.operationId(), e);
    }
  }

  // ---------------------------------------------------------------- building

  private static final class Builder {
    final SandboxContract version;
    final long seed;
    final RequiredArrays requiredArrays;

    Builder(SandboxContract version, long seed) {
      this.version = version;
      this.seed = seed;
      this.requiredArrays = new RequiredArrays(version, seed);
    }

    /** A synthesized value whose required arrays are not left empty (see RequiredArrays). */
    private JsonNode synthesize(JsonPointer schema, String salt) {
      return requiredArrays.fill(schema, version.synthesize(schema, salt, seed), salt);
    }

    SampleRequest build(Operation op) {
      String path = op.template();
      Map<String, List<String>> query = new LinkedHashMap<>();
      Map<String, String> headers = new LinkedHashMap<>();
      List<String> cookies = new ArrayList<>();
      for (Map.Entry<JsonPointer, JsonNode> e : parameters(op).entrySet()) {
        JsonNode p = e.getValue();
        String in = p.path("in").asText();
        String name = p.path("name").asText();
        boolean required = p.path("required").asBoolean(false) || in.equals("path");
        // the two headers this class sets itself; a path parameter may share their name
        boolean ownHeader =
            in.equals("header")
                && (name.equalsIgnoreCase("Authorization")
                    || name.equalsIgnoreCase("Content-Type"));
        if (!required || ownHeader) {
          continue;
        }
        JsonNode value = value(op, e.getKey(), p, name);
        switch (in) {
          case "path" -> path = path.replace("{" + name + "}", SampleRequest.encode(scalar(value)));
          case "query" -> query(query, name, p, value);
          case "header" -> headers.put(name, scalar(value));
          case "cookie" -> cookies.add(name + "=" + scalar(value));
          default -> {}
        }
      }
      String[] body = body(op);
      security(op, headers, query, cookies);
      if (!cookies.isEmpty()) {
        headers.put("Cookie", String.join("; ", cookies));
      }
      String id = op.id() == null ? op.method() + " " + op.template() : op.id();
      return new SampleRequest(
          id,
          op.method(),
          version.basePaths().get(0) + path,
          query,
          headers,
          body == null ? null : body[1],
          body == null ? null : body[0]);
    }

    private JsonNode value(Operation op, JsonPointer at, JsonNode p, String name) {
      JsonPointer schema = version.derefPointer(at.append("schema"));
      if (version.at(schema).isMissingNode()) {
        // content-typed parameter: {content: {application/json: {schema}}}
        Iterator<String> media = p.path("content").fieldNames();
        if (media.hasNext()) {
          schema = version.resolve(at.append("content").append(media.next()), "schema");
        }
      }
      if (p.has("example")) {
        JsonNode example = p.get("example");
        if (version.accepts(schema, example)) {
          return example;
        }
      }
      return synthesize(schema, op.id() + name);
    }

    private static void query(
        Map<String, List<String>> query, String name, JsonNode p, JsonNode value) {
      String style = p.path("style").asText("form");
      boolean explode = p.path("explode").asBoolean(style.equals("form"));
      if (style.equals("deepObject") && value.isObject()) {
        value
            .fields()
            .forEachRemaining(
                f ->
                    query
                        .computeIfAbsent(name + "[" + f.getKey() + "]", k -> new ArrayList<>())
                        .add(scalar(f.getValue())));
      } else if (value.isArray()) {
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(scalar(item)));
        if (explode) {
          query.computeIfAbsent(name, k -> new ArrayList<>()).addAll(items);
        } else {
          String sep =
              switch (style) {
                case "spaceDelimited" -> " ";
                case "pipeDelimited" -> "|";
                default -> ",";
              };
          query.computeIfAbsent(name, k -> new ArrayList<>()).add(String.join(sep, items));
        }
      } else if (value.isObject() && explode) {
        value
            .fields()
            .forEachRemaining(
                f ->
                    query
                        .computeIfAbsent(f.getKey(), k -> new ArrayList<>())
                        .add(scalar(f.getValue())));
      } else {
        query.computeIfAbsent(name, k -> new ArrayList<>()).add(scalar(value));
      }
    }

    /** {media type, text}, or null without a request body. */
    private String[] body(Operation op) {
      JsonPointer bodyPointer = version.resolve(op.pointer(), "requestBody");
      JsonNode body = version.at(bodyPointer);
      if (body.isMissingNode()
          || !body.path("content").isObject()
          || body.path("content").isEmpty()) {
        return null;
      }
      String media = null;
      for (Iterator<String> it = body.path("content").fieldNames(); it.hasNext(); ) {
        String m = it.next();
        if (m.contains("json")) {
          media = m;
          break;
        }
        if (media == null && m.contains("x-www-form-urlencoded")) {
          media = m;
        }
      }
      if (media == null) {
        media = body.path("content").fieldNames().next();
      }
      JsonPointer mediaPointer = bodyPointer.append("content").append(media);
      JsonPointer schema = version.resolve(mediaPointer, "schema");
      boolean hasSchema = !version.at(schema).isMissingNode();
      JsonNode value = null;
      List<JsonNode> examples = new ArrayList<>();
      JsonNode mediaNode = version.at(mediaPointer);
      if (mediaNode.has("example")) {
        examples.add(mediaNode.get("example"));
      }
      for (JsonNode named : mediaNode.path("examples")) {
        JsonNode e = version.deref(named);
        if (e.has("value")) {
          examples.add(e.get("value"));
        }
      }
      for (JsonNode example : examples) {
        if (!hasSchema || version.accepts(schema, example)) {
          value = example;
          break;
        }
      }
      if (value == null) {
        value =
            hasSchema
                ? synthesize(schema, op.id() + "|body")
                : JsonNodeFactory.instance.objectNode();
      }
      String sentType = media.contains("*") ? "application/json" : media;
      if (media.contains("x-www-form-urlencoded") || media.contains("multipart/form-data")) {
        List<String[]> fields = new ArrayList<>();
        value.fields().forEachRemaining(f -> formFields(fields, f.getKey(), f.getValue()));
        return media.contains("multipart/form-data")
            ? new String[] {media + "; boundary=" + BOUNDARY, multipart(fields)}
            : new String[] {sentType, urlEncoded(fields)};
      }
      if (media.contains("json") || media.contains("*")) {
        return new String[] {sentType, value.toString()};
      }
      return new String[] {sentType, value.isTextual() ? value.asText() : value.toString()};
    }

    /**
     * One form field: nested objects and arrays in bracket notation ({@code a[b][c]=v}, {@code
     * a[0][b]=v}), as deepObject encodes them and vendors' form parsers read them; an array of
     * scalars at the top as repeated keys, the form style's default.
     */
    private static void formFields(List<String[]> fields, String key, JsonNode value) {
      if (value.isObject()) {
        value
            .fields()
            .forEachRemaining(f -> formFields(fields, key + "[" + f.getKey() + "]", f.getValue()));
        return;
      }
      if (value.isArray()) {
        boolean nested = key.indexOf('[') >= 0;
        for (int i = 0; i < value.size(); i++) {
          JsonNode item = value.get(i);
          boolean indexed = nested || item.isContainerNode();
          formFields(fields, indexed ? key + "[" + i + "]" : key, item);
        }
        return;
      }
      fields.add(new String[] {key, scalar(value)});
    }

    private static String urlEncoded(List<String[]> fields) {
      StringBuilder form = new StringBuilder();
      for (String[] f : fields) {
        form.append(form.length() > 0 ? "&" : "")
            .append(SampleRequest.encode(f[0]))
            .append('=')
            .append(SampleRequest.encode(f[1]));
      }
      return form.toString();
    }

    /**
     * The same fields as {@code multipart/form-data} (RFC 7578), one part each, under a fixed
     * boundary: a multipart body without its boundary is no body a server can read.
     */
    private static String multipart(List<String[]> fields) {
      StringBuilder body = new StringBuilder();
      for (String[] f : fields) {
        body.append("--")
            .append(BOUNDARY)
            .append("\r\nContent-Disposition: form-data; name=\"")
            .append(f[0].replace("\"", "%22"))
            .append("\"\r\n\r\n")
            .append(f[1])
            .append("\r\n");
      }
      return body.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    private void security(
        Operation op,
        Map<String, String> headers,
        Map<String, List<String>> query,
        List<String> cookies) {
      JsonNode security =
          op.node().has("security") ? op.node().get("security") : version.root().path("security");
      if (!security.isArray() || security.isEmpty()) {
        return;
      }
      JsonNode requirement = security.get(0);
      for (Iterator<String> it = requirement.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        JsonNode scheme =
            version.deref(version.root().path("components").path("securitySchemes").path(name));
        switch (scheme.path("type").asText()) {
          case "apiKey" -> {
            String key = scheme.path("name").asText();
            switch (scheme.path("in").asText("header")) {
              case "query" -> query.put(key, List.of(SampleRequest.API_KEY));
              case "cookie" -> cookies.add(key + "=" + SampleRequest.API_KEY);
              default -> headers.put(key, SampleRequest.API_KEY);
            }
          }
          case "http" -> {
            if (scheme.path("scheme").asText("bearer").equalsIgnoreCase("basic")) {
              headers.put(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString("interlock:sample".getBytes(StandardCharsets.UTF_8)));
            } else {
              headers.put("Authorization", "Bearer " + SampleRequest.ACCESS_TOKEN);
            }
          }
          default -> headers.put("Authorization", "Bearer " + SampleRequest.ACCESS_TOKEN);
        }
      }
    }

    /** Path-item and operation parameters (the operation's win), keyed by their pointer. */
    private Map<JsonPointer, JsonNode> parameters(Operation op) {
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      Map<String, JsonPointer> pointers = new LinkedHashMap<>();
      for (JsonPointer list :
          List.of(op.pointer().parent().append("parameters"), op.pointer().append("parameters"))) {
        JsonNode params = version.at(list);
        for (int i = 0; i < params.size(); i++) {
          JsonPointer pp = version.derefPointer(list.append(i));
          JsonNode p = version.at(pp);
          String key = p.path("in").asText() + ":" + p.path("name").asText();
          byName.put(key, p);
          pointers.put(key, pp);
        }
      }
      Map<JsonPointer, JsonNode> out = new LinkedHashMap<>();
      byName.forEach((k, v) -> out.put(pointers.get(k), v));
      return out;
    }
  }

  private static String scalar(JsonNode v) {
    if (v.isArray()) {
      return v.isEmpty() ? "" : scalar(v.get(0));
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }
}
