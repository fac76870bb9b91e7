package dev.interlock.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.document.PositionIndex;
import dev.interlock.core.document.SourceDocument;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Bundles a contract split across files into one tree, from documents our own loader has already
 * read and checked (root folder, size, depth, no remote refs), so swagger-parser never opens a file
 * or URL itself.
 *
 * <p>The rule is swagger-parser's own (its {@code ExternalRefProcessor}): a schema in another file
 * becomes {@code components/schemas/<name>}, named after the pointer's last token or else the file
 * name, and the {@code $ref} is rewritten to it, so recursive schemas stay finite; anything else (a
 * response, a parameter, an example value) is copied in place. Every copied node keeps the position
 * and file it was read from, so a finding inside a sibling names that sibling's line.
 */
final class OpenApiBundler {

  /** What a node is, which decides what its {@code $ref} becomes. */
  private enum Context {
    /** Any OpenAPI object that is not a schema: refs are copied in place. */
    OTHER,
    /** The root's {@code components}. */
    COMPONENTS,
    /** A map of schemas ({@code components/schemas}): each value is a schema. */
    SCHEMAS,
    /** A schema or anything inside one: refs become named components. */
    SCHEMA,
    /** A map of Example objects. */
    EXAMPLES,
    /** One Example object: its {@code value} is data. */
    EXAMPLE,
    /** Data (an example, a default, an enum): never a reference, copied as written. */
    LITERAL
  }

  private final SourceDocument root;
  private final Function<Path, Optional<SourceDocument>> documents;
  private final PositionIndex positions = PositionIndex.assembled();
  private final Map<String, String> nameOfTarget = new HashMap<>();
  private final Set<String> usedNames = new HashSet<>();
  private final Map<String, JsonNode> added = new LinkedHashMap<>();
  private final Set<String> inlining = new HashSet<>();

  /**
   * @param documents the files the reference checker read, by absolute normalized path
   */
  OpenApiBundler(SourceDocument root, Function<Path, Optional<SourceDocument>> documents) {
    this.root = root;
    this.documents = documents;
  }

  /** The root document with every reference to another file brought inside it. */
  SourceDocument bundle() {
    root.at(JsonPointer.of("components", "schemas")).fieldNames().forEachRemaining(usedNames::add);
    JsonNode tree = copy(root.root(), root, Context.OTHER, true);
    if (!added.isEmpty() && tree instanceof ObjectNode object) {
      JsonNode components = object.get("components");
      if (!(components instanceof ObjectNode)) {
        components = object.putObject("components");
      }
      JsonNode schemas = components.get("schemas");
      if (!(schemas instanceof ObjectNode)) {
        schemas = ((ObjectNode) components).putObject("schemas");
      }
      ((ObjectNode) schemas).setAll(added);
    }
    return new SourceDocument(root.file(), root.format(), tree, positions);
  }

  private JsonNode copy(JsonNode node, SourceDocument doc, Context context, boolean atRoot) {
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
      for (JsonNode element : node) {
        out.add(copy(element, doc, context, false));
      }
      positions.adopt(out, node, doc);
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    JsonNode ref = node.get("$ref");
    if (context != Context.LITERAL && ref != null && ref.isTextual()) {
      Optional<JsonNode> replaced = reference(node, ref.asText(), doc, context);
      if (replaced.isPresent()) {
        return replaced.get();
      }
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Context inner = child(context, field.getKey(), atRoot);
      JsonNode value = field.getValue();
      if (inner == Context.LITERAL && value.isObject() && value.size() == 1) {
        // WireMock and others write 'example: {$ref: file}': the example is that file's content.
        JsonNode valueRef = value.get("$ref");
        if (valueRef != null && valueRef.isTextual()) {
          out.set(field.getKey(), literalFrom(value, valueRef.asText(), doc));
          continue;
        }
      }
      out.set(field.getKey(), copy(value, doc, inner, false));
    }
    positions.adopt(out, node, doc);
    return out;
  }

  private static Context child(Context context, String key, boolean atRoot) {
    return switch (context) {
      case LITERAL -> Context.LITERAL;
      case SCHEMA ->
          switch (key) {
            case "example", "examples", "default", "enum", "const" -> Context.LITERAL;
            default -> key.startsWith("x-") ? Context.LITERAL : Context.SCHEMA;
          };
      case SCHEMAS -> Context.SCHEMA;
      case EXAMPLES -> Context.EXAMPLE;
      case EXAMPLE -> key.equals("value") ? Context.LITERAL : Context.OTHER;
      case COMPONENTS ->
          switch (key) {
            case "schemas" -> Context.SCHEMAS;
            case "examples" -> Context.EXAMPLES;
            default -> Context.OTHER;
          };
      case OTHER ->
          switch (key) {
            case "schema" -> Context.SCHEMA;
            case "example" -> Context.LITERAL;
            case "examples" -> Context.EXAMPLES;
            case "components" -> atRoot ? Context.COMPONENTS : Context.OTHER;
            default -> key.startsWith("x-") ? Context.LITERAL : Context.OTHER;
          };
    };
  }

  /**
   * The node a {@code $ref} object becomes, or empty to copy it as written (a reference within the
   * root, a remote one the loader allowed, or one the checker already reported as broken).
   */
  private Optional<JsonNode> reference(
      JsonNode node, String ref, SourceDocument doc, Context context) {
    Optional<Target> target = resolve(ref, doc);
    if (target.isEmpty() || (target.get().doc() == root && doc == root)) {
      return Optional.empty();
    }
    Target t = target.get();
    if (t.doc() == root) {
      return Optional.of(withRef(node, doc, t.pointer().toString(), context));
    }
    if (context == Context.SCHEMA || context == Context.SCHEMAS) {
      return Optional.of(
          withRef(node, doc, "#/components/schemas/" + schemaName(t), Context.SCHEMA));
    }
    String key = t.key();
    if (!inlining.add(key)) {
      return Optional.empty(); // a non-schema object that contains itself: leave it to the parser
    }
    try {
      return Optional.of(copy(t.doc().at(t.pointer()), t.doc(), context, false));
    } finally {
      inlining.remove(key);
    }
  }

  /** The name a schema of another file takes under the root's components, the same each time. */
  private String schemaName(Target t) {
    String known = nameOfTarget.get(t.key());
    if (known != null) {
      return known;
    }
    String base = t.pointer().isRoot() ? baseName(t.doc().file()) : t.pointer().lastToken();
    String name = base;
    for (int i = 1; !usedNames.add(name); i++) {
      name = base + "_" + i;
    }
    nameOfTarget.put(t.key(), name);
    // depth first, each schema after those it uses, as bundlers write them; the name is taken
    // before the copy, so a schema that reaches itself gets a reference, not an endless copy
    added.put(name, copy(t.doc().at(t.pointer()), t.doc(), Context.SCHEMA, false));
    return name;
  }

  private JsonNode withRef(JsonNode node, SourceDocument doc, String ref, Context context) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      out.set(
          field.getKey(),
          field.getKey().equals("$ref")
              ? JsonNodeFactory.instance.textNode(ref)
              : copy(field.getValue(), doc, child(context, field.getKey(), false), false));
    }
    positions.adopt(out, node, doc);
    return out;
  }

  /** An example given by reference to another file: that file's content, as data. */
  private JsonNode literalFrom(JsonNode refObject, String ref, SourceDocument doc) {
    Optional<Target> target = resolve(ref, doc);
    if (target.isEmpty() || target.get().doc() == root && doc == root) {
      return copy(refObject, doc, Context.LITERAL, false);
    }
    Target t = target.get();
    return copy(t.doc().at(t.pointer()), t.doc(), Context.LITERAL, false);
  }

  private record Target(SourceDocument doc, JsonPointer pointer) {
    String key() {
      return doc.file() + "#" + pointer;
    }
  }

  private Optional<Target> resolve(String ref, SourceDocument doc) {
    if (ref.contains("://") || ref.startsWith("//")) {
      return Optional.empty();
    }
    int hash = ref.indexOf('#');
    String filePart = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : RefChecker.decode(ref.substring(hash + 1));
    SourceDocument target = doc;
    if (!filePart.isEmpty()) {
      Path file =
          doc.file().toAbsolutePath().getParent().resolve(RefChecker.decode(filePart)).normalize();
      Optional<SourceDocument> loaded =
          file.equals(root.file().toAbsolutePath().normalize())
              ? Optional.of(root)
              : documents.apply(file);
      if (loaded.isEmpty()) {
        return Optional.empty();
      }
      target = loaded.get();
    }
    try {
      JsonPointer pointer = JsonPointer.parse(fragment);
      return target.at(pointer).isMissingNode()
          ? Optional.empty()
          : Optional.of(new Target(target, pointer));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
