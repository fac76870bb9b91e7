package dev.interlock.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.document.SourceDocument;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Validates JSON instances against schemas that live inside a contract document, so that {@code
 * $ref}s between schemas resolve against the document itself. Backed by networknt's
 * json-schema-validator; it sees the document under a fixed, never-fetched URI.
 *
 * <p>Thread-safe; compiled schemas are cached per pointer.
 */
public final class JsonSchemaValidator {

  /**
   * The document is served under a fake, never-fetched base deep enough that relative {@code ../}
   * references from it still land under the base; they map back to real files next to it.
   */
  private static final String BASE = "https://contract.interlock.invalid";

  private static final Path FAKE_DIR = Path.of("/d1/d2/d3/d4/d5/d6/d7/d8");
  private static final String DOCUMENT_URI = BASE + FAKE_DIR + "/document.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaRegistry registry;
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
  private volatile Schema documentSchema;

  private JsonSchemaValidator(SchemaRegistry registry) {
    this.registry = registry;
  }

  /**
   * A validator for the schemas inside a contract document; {@code $ref}s to other files are read
   * from the document's folder (the loader has already refused those that leave the contracts
   * root).
   */
  public static JsonSchemaValidator forDocument(SourceDocument document, SchemaDialect dialect) {
    Path folder = document.file().toAbsolutePath().getParent();
    DocumentReader reader = new DocumentReader();
    Function<String, JsonNode> siblings =
        iri -> {
          if (!iri.startsWith(BASE) || folder == null) {
            return null;
          }
          String path = URI.create(iri).getPath();
          Path file = folder.resolve(FAKE_DIR.relativize(Path.of(path))).normalize();
          return reader.read(file).document().map(SourceDocument::root).orElse(null);
        };
    return create(withoutRootIdentity(document.root()), dialect, siblings);
  }

  /**
   * A contract's root is not a schema, yet keywords there such as AsyncAPI 2's {@code id} would be
   * read as a schema identity; drop them from a shallow copy.
   */
  private static JsonNode withoutRootIdentity(JsonNode root) {
    if (!(root instanceof ObjectNode object)
        || !(object.has("id") || object.has("$id") || object.has("$schema"))) {
      return root;
    }
    ObjectNode copy = object.objectNode();
    copy.setAll(object);
    copy.remove(List.of("id", "$id", "$schema"));
    return copy;
  }

  /** A validator for the schemas inside a document that references no other file. */
  public static JsonSchemaValidator forDocument(JsonNode document, SchemaDialect dialect) {
    return create(document, dialect, iri -> null);
  }

  private static JsonSchemaValidator create(
      JsonNode document, SchemaDialect dialect, Function<String, JsonNode> otherFiles) {
    JsonNode translated =
        dialect == SchemaDialect.OPENAPI_30 ? translateOpenApi30(document) : document;
    String text = translated.toString();
    SpecificationVersion version =
        switch (dialect) {
          case OPENAPI_30 -> SpecificationVersion.DRAFT_4;
          case DRAFT_7 -> SpecificationVersion.DRAFT_7;
          case OPENAPI_31, DRAFT_2020_12 -> SpecificationVersion.DRAFT_2020_12;
        };
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    // A schema with its own $id resolves its references against that id: serve it there too.
    String ownId = document.path("$id").asText(DOCUMENT_URI);
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            version,
            b ->
                b.schemaRegistryConfig(config)
                    .schemas(
                        iri -> {
                          if (iri.startsWith(DOCUMENT_URI) || iri.startsWith(ownId)) {
                            return text;
                          }
                          JsonNode other = otherFiles.apply(iri);
                          if (other == null) {
                            return null;
                          }
                          return (dialect == SchemaDialect.OPENAPI_30
                                  ? translateOpenApi30(other)
                                  : other)
                              .toString();
                        }));
    return new JsonSchemaValidator(registry);
  }

  /** A validator whose document is itself the schema (validate with {@link JsonPointer#ROOT}). */
  public static JsonSchemaValidator forSchema(JsonNode schema, SchemaDialect dialect) {
    return forDocument(schema, dialect);
  }

  /**
   * Validates an instance against the schema at {@code schemaPointer} in the document. The document
   * is compiled once; each pointer is a sub-schema of it (asking networknt for {@code uri#pointer}
   * instead would re-read the whole document per pointer: a minute for 1,000 pointers into the
   * Stripe spec).
   */
  public List<SchemaViolation> validate(JsonPointer schemaPointer, JsonNode instance) {
    Schema schema = compiled.computeIfAbsent(schemaPointer.value(), p -> subSchema(schemaPointer));
    List<Error> errors = schema.validate(Jackson3Trees.copyOf(instance));
    List<SchemaViolation> out = new ArrayList<>(errors.size());
    for (Error e : errors) {
      String missing = "required".equals(e.getKeyword()) ? e.getProperty() : null;
      out.add(
          new SchemaViolation(
              pointer(e.getInstanceLocation()),
              e.getKeyword(),
              message(e),
              missing,
              inDocument(e.getSchemaLocation()),
              e.getEvaluationPath() == null ? "" : e.getEvaluationPath().toString()));
    }
    return out;
  }

  /**
   * Compiles the document now instead of on the first {@link #validate}: a server builds it while
   * it starts rather than while its first request waits.
   */
  public void compile() {
    document();
  }

  private Schema subSchema(JsonPointer pointer) {
    Schema root = document();
    if (pointer.isRoot()) {
      return root;
    }
    NodePath path = new NodePath(PathType.JSON_POINTER);
    // networknt's trees are Jackson 3's: walk them to tell array indexes from property names.
    tools.jackson.databind.JsonNode node = root.getSchemaNode();
    for (String token : pointer.tokens()) {
      if (node != null && node.isArray()) {
        int index = Integer.parseInt(token);
        path = path.append(index);
        node = node.get(index);
      } else {
        path = path.append(token);
        node = node == null ? null : node.get(token);
      }
    }
    return root.getSubSchema(path);
  }

  private Schema document() {
    Schema root = documentSchema;
    if (root == null) {
      synchronized (this) {
        if (documentSchema == null) {
          documentSchema = registry.getSchema(SchemaLocation.of(DOCUMENT_URI));
        }
        root = documentSchema;
      }
    }
    return root;
  }

  private static String message(Error e) {
    String m = e.getMessage();
    // networknt prefixes messages with the instance location; the pointer is reported separately.
    int colon = m.indexOf(": ");
    return colon > 0 && (m.startsWith("/") || m.startsWith("$")) ? m.substring(colon + 2) : m;
  }

  /** A keyword's location as a pointer into the validated document; null for any other file. */
  private static JsonPointer inDocument(SchemaLocation location) {
    if (location == null
        || location.getAbsoluteIri() == null
        || !DOCUMENT_URI.equals(location.getAbsoluteIri().toString())) {
      return null;
    }
    return pointer(location.getFragment());
  }

  private static JsonPointer pointer(NodePath path) {
    if (path == null) {
      return JsonPointer.ROOT;
    }
    JsonPointer p = JsonPointer.ROOT;
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      p = element instanceof Integer index ? p.append(index) : p.append(String.valueOf(element));
    }
    return p;
  }

  /**
   * OpenAPI 3.0 schemas say {@code nullable: true} where JSON Schema says {@code type: [t,
   * "null"]}; rewrite a copy so a Draft 4 validator understands them.
   */
  static JsonNode translateOpenApi30(JsonNode document) {
    JsonNode copy = document.deepCopy();
    Deque<JsonNode> stack = new ArrayDeque<>();
    stack.push(copy);
    while (!stack.isEmpty()) {
      JsonNode node = stack.pop();
      if (node instanceof ObjectNode object) {
        JsonNode nullable = object.get("nullable");
        if (nullable != null
            && nullable.asBoolean(false)
            && object.get("type") != null
            && object.get("type").isTextual()) {
          ArrayNode types = JSON.createArrayNode().add(object.get("type").asText()).add("null");
          object.set("type", types);
          JsonNode enumValues = object.get("enum");
          if (enumValues instanceof ArrayNode values && !containsNull(values)) {
            values.addNull();
          }
        }
        for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
          stack.push(it.next());
        }
      } else if (node instanceof ArrayNode array) {
        array.forEach(stack::push);
      }
    }
    return copy;
  }

  private static boolean containsNull(ArrayNode values) {
    for (JsonNode v : values) {
      if (v.isNull()) {
        return true;
      }
    }
    return false;
  }
}
