package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place a request body becomes a JSON tree, whatever its media type: JSON as it is, {@code
 * application/x-www-form-urlencoded} per the {@code encoding} object ({@link UrlEncodedBodies}),
 * {@code multipart/form-data} ({@link MultipartBodies}), with form values typed by their schema.
 * The tree is what is validated against the schema and merged into state, so a form body and a JSON
 * body with the same content behave the same.
 */
public final class RequestBodies {

  /**
   * What an operation declares for one media type of its request body.
   *
   * @param mediaType the declared media type the request's matched
   * @param schema where its schema is (null without one)
   */
  public record Declared(String mediaType, JsonPointer schema) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String MULTIPART = "multipart/form-data";
  private static final int MEDIA_TYPES = 16;

  /** Per operation (compared by identity) and request media type: asked on every request. */
  private final Map<OperationModel, Map<String, Optional<Declared>>> declared =
      new ConcurrentHashMap<>();

  /** The request body as a tree: JSON, a decoded form, or the text itself. */
  public JsonNode tree(OperationModel op, String contentType, String body) {
    String media = baseType(contentType);
    if (body == null || body.isEmpty() || !isForm(media)) {
      return json(body);
    }
    Declared d = declared(op, contentType);
    ContractVersion v = op.version();
    JsonNode schema = d == null || d.schema() == null ? null : v.tree().at(d.schema());
    JsonNode encoding = d == null ? null : encoding(v, op, d.mediaType());
    SchemaCoercion coercion = new SchemaCoercion(v.tree());
    if (media.equals(MULTIPART)) {
      JsonNode tree = new MultipartBodies(coercion).parse(contentType, body, schema, encoding);
      return tree != null ? tree : NODES.textNode(body);
    }
    return new UrlEncodedBodies(coercion).parse(body, schema, encoding);
  }

  /**
   * The schema the body of a request with this content type is validated against: the declared
   * media type that matches it exactly, else by range ({@code application/*}, {@code *}{@code /*});
   * null when none matches or it has no schema.
   */
  public JsonPointer schema(OperationModel op, String contentType) {
    Declared d = declared(op, contentType);
    return d == null ? null : d.schema();
  }

  /**
   * Whether this module's verdict on a body of this content type is the only one: form bodies,
   * which request validators read without the {@code encoding} object (a deepObject is refused).
   */
  public static boolean decodesItself(String contentType) {
    return isForm(baseType(contentType));
  }

  /**
   * A body read without a schema, for requests the contract may not describe (an OAuth 2 token
   * request): JSON as it is, a form or multipart body decoded by the same parsers with every value
   * left a string.
   */
  public static JsonNode untyped(String contentType, String body) {
    String media = baseType(contentType);
    if (body == null || body.isEmpty() || !isForm(media)) {
      return json(body);
    }
    SchemaCoercion none = new SchemaCoercion(null);
    if (media.equals(MULTIPART)) {
      JsonNode tree = new MultipartBodies(none).parse(contentType, body, null, null);
      return tree != null ? tree : NODES.textNode(body);
    }
    return new UrlEncodedBodies(none).parse(body, null, null);
  }

  /**
   * Why a body of this content type cannot be read at all, or null when it can: a {@code
   * multipart/*} body is cut into parts by the {@code boundary} its Content-Type names (RFC 2046
   * 5.1.1), so without one there are no parts to read.
   */
  public static String unreadable(String contentType) {
    if (!baseType(contentType).startsWith("multipart/")
        || MultipartBodies.boundary(contentType) != null) {
      return null;
    }
    return "Content-Type '"
        + contentType.trim()
        + "' names no boundary; a multipart body needs one to be split into its parts"
        + " (e.g. 'multipart/form-data; boundary=xyz')";
  }

  /** JSON as it is; what is not JSON as text. */
  public static JsonNode json(String body) {
    try {
      JsonNode n = JSON.readTree(body == null ? "" : body);
      return n == null ? NODES.textNode("") : n;
    } catch (Exception e) {
      return NODES.textNode(body);
    }
  }

  private Declared declared(OperationModel op, String contentType) {
    String media = baseType(contentType);
    Map<String, Optional<Declared>> byMedia =
        declared.computeIfAbsent(op, k -> new ConcurrentHashMap<>());
    Optional<Declared> known = byMedia.get(media);
    if (known == null) {
      known = Optional.ofNullable(find(op, media));
      if (byMedia.size() < MEDIA_TYPES) {
        byMedia.put(media, known); // clients choose the content type: the cache stays bounded
      }
    }
    return known.orElse(null);
  }

  private static Declared find(OperationModel op, String media) {
    ContractVersion v = op.version();
    JsonPointer requestBody = v.resolve(op.pointer(), "requestBody");
    JsonNode content = v.tree().at(requestBody).path("content");
    String exact = null;
    String range = null;
    String any = null;
    for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
      String declaredType = it.next();
      String base = baseType(declaredType);
      if (base.equals(media)) {
        exact = declaredType;
      } else if (base.endsWith("/*") && media.startsWith(base.substring(0, base.length() - 1))) {
        range = range == null ? declaredType : range;
      } else if (base.equals("*/*")) {
        any = declaredType;
      }
    }
    String chosen = exact != null ? exact : range != null ? range : any;
    if (chosen == null) {
      return null;
    }
    JsonPointer schema = v.resolve(requestBody.append("content").append(chosen), "schema");
    return new Declared(chosen, v.tree().at(schema).isMissingNode() ? null : schema);
  }

  private static JsonNode encoding(ContractVersion v, OperationModel op, String mediaType) {
    JsonPointer media = v.resolve(op.pointer(), "requestBody", "content", mediaType);
    JsonNode encoding = v.tree().at(media).get("encoding");
    if (encoding == null || !encoding.isObject()) {
      return null;
    }
    // each entry may itself be a reference in documents that share encodings
    ObjectNode out = JSON.createObjectNode();
    encoding.fields().forEachRemaining(e -> out.set(e.getKey(), v.tree().deref(e.getValue())));
    return out;
  }

  private static boolean isForm(String media) {
    return media.equals(FORM) || media.equals(MULTIPART);
  }

  static String baseType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String base = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return base.trim().toLowerCase(Locale.ROOT);
  }
}
