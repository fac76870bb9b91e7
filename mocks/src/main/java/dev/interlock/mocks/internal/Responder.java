package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.JsonPointer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses what an operation answers for a status: the named example ({@code Prefer: example=NAME}),
 * the media type's example, or a body synthesized from the schema. Examples and synthesized bodies
 * are checked against the schema once; an example that does not validate is replaced by a
 * synthesized body. Results are cached per operation, status, media type and example.
 */
public final class Responder {

  /**
   * A response's content: media type, JSON body (or null for none), headers declared, and the body
   * serialized once ({@code text}, null without a body).
   */
  public record Content(String mediaType, JsonNode body, Map<String, String> headers, String text) {
    public Content(String mediaType, JsonNode body, Map<String, String> headers) {
      this(mediaType, body, headers, body == null ? null : body.toString());
    }

    public boolean hasBody() {
      return body != null;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 6;

  private final long seed;
  private final Instant now;
  private final Map<String, Content> cache = new ConcurrentHashMap<>();

  public Responder(long seed) {
    this(seed, null);
  }

  /**
   * @param now the sandbox clock's now at start: synthesized timestamps lie near it (null: a fixed
   *     instant, for callers without a clock)
   */
  public Responder(long seed, Instant now) {
    this.seed = seed;
    this.now = now;
  }

  /** A fresh copy of the content for the status (body may then be edited freely). */
  public Content content(OperationModel op, int status, String exampleName) {
    Optional<String> key = op.responseKeyFor(status);
    if (key.isEmpty()) {
      return new Content(null, null, Map.of());
    }
    String cacheKey =
        op.version().label() + "|" + op.pointer().value() + "|" + key.get() + "|" + exampleName;
    Content c = cache.computeIfAbsent(cacheKey, k -> build(op, key.get(), exampleName));
    return new Content(
        c.mediaType(), c.body() == null ? null : c.body().deepCopy(), c.headers(), c.text());
  }

  /**
   * The cached content itself: callers must not change its body (copy it first); {@code text} is
   * its serialization, so a caller that serves it as it is does not serialize it again.
   */
  public Content shared(OperationModel op, int status, String exampleName) {
    Optional<String> key = op.responseKeyFor(status);
    if (key.isEmpty()) {
      return new Content(null, null, Map.of());
    }
    String cacheKey =
        op.version().label() + "|" + op.pointer().value() + "|" + key.get() + "|" + exampleName;
    return cache.computeIfAbsent(cacheKey, k -> build(op, key.get(), exampleName));
  }

  /** Synthesizes a value for the schema at a pointer (parameters, request bodies). */
  public JsonNode synthesize(
      ContractVersion version, JsonPointer schemaPointer, String salt, boolean responseSide) {
    SplittableRandom random = random(version.label() + "|" + salt);
    JsonNode schema = version.tree().at(schemaPointer);
    SchemaSynthesizer synth =
        now == null
            ? new SchemaSynthesizer(version.tree(), responseSide)
            : new SchemaSynthesizer(version.tree(), responseSide, now);
    JsonNode value = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      value = synth.generate(schema, random);
      if (version.validate(schemaPointer, value).isEmpty()) {
        return value;
      }
    }
    return value;
  }

  public void clear() {
    cache.clear();
  }

  private Content build(OperationModel op, String statusKey, String exampleName) {
    ContractVersion version = op.version();
    JsonPointer response = version.resolve(op.pointer(), "responses", statusKey);
    JsonNode responseNode = version.tree().at(response);
    Map<String, String> headers = headers(version, response, op.id() + "|" + statusKey);
    JsonNode content = responseNode.path("content");
    if (!content.isObject() || content.size() == 0) {
      return new Content(null, null, headers);
    }
    String mediaType = chooseMediaType(content);
    JsonPointer media = response.append("content").append(mediaType);
    JsonNode mediaNode = version.tree().at(media);
    JsonPointer schemaPointer = version.resolve(media, "schema");
    boolean hasSchema = !version.tree().at(schemaPointer).isMissingNode();
    // A named example asked for by the caller is served as written.
    if (exampleName != null) {
      JsonNode named = example(version, mediaNode.path("examples").path(exampleName));
      if (named != null) {
        return new Content(mediaType, named, headers);
      }
    }
    List<JsonNode> examples = new ArrayList<>();
    if (mediaNode.has("example")) {
      examples.add(mediaNode.get("example"));
    }
    for (Iterator<JsonNode> it = mediaNode.path("examples").elements(); it.hasNext(); ) {
      JsonNode e = example(version, it.next());
      if (e != null) {
        examples.add(e);
      }
    }
    for (JsonNode e : examples) {
      if (!hasSchema || version.validate(schemaPointer, e).isEmpty()) {
        return new Content(mediaType, e, headers);
      }
    }
    if (!hasSchema) {
      return new Content(mediaType, JSON.getNodeFactory().objectNode(), headers);
    }
    JsonNode body = synthesize(version, schemaPointer, op.id() + "|" + statusKey, true);
    return new Content(mediaType, body, headers);
  }

  private Map<String, String> headers(ContractVersion version, JsonPointer response, String salt) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode headers = version.tree().at(response).path("headers");
    for (Iterator<String> it = headers.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (name.equalsIgnoreCase("Content-Type")) {
        continue;
      }
      JsonPointer header = version.resolve(response, "headers", name);
      JsonNode node = version.tree().at(header);
      JsonNode value = node.get("example");
      if (value == null && node.path("examples").isObject()) {
        Iterator<JsonNode> ex = node.get("examples").elements();
        value = ex.hasNext() ? example(version, ex.next()) : null;
      }
      if (value == null && node.has("schema")) {
        value = synthesize(version, version.resolve(header, "schema"), salt + "|" + name, true);
      }
      if (value != null && !value.isContainerNode() && !value.isNull()) {
        out.put(name, value.asText());
      }
    }
    return out;
  }

  private static JsonNode example(ContractVersion version, JsonNode exampleNode) {
    JsonNode e = version.tree().deref(exampleNode);
    if (e == null || e.isMissingNode()) {
      return null;
    }
    return e.has("value") ? e.get("value") : null;
  }

  static String chooseMediaType(JsonNode content) {
    List<String> types = new ArrayList<>();
    content.fieldNames().forEachRemaining(types::add);
    for (String t : types) {
      if (t.equalsIgnoreCase("application/json") || t.startsWith("application/json;")) {
        return t;
      }
    }
    for (String t : types) {
      if (t.endsWith("+json") || t.contains("json")) {
        return t;
      }
    }
    for (String t : types) {
      if (t.equals("*/*")) {
        return t;
      }
    }
    return types.get(0);
  }

  SplittableRandom random(String salt) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < salt.length(); i++) {
      h ^= salt.charAt(i);
      h *= 0x100000001b3L;
    }
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ h);
  }
}
