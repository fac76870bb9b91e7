package dev.interlock.codegen.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.openapitools.codegen.DefaultCodegen;

/**
 * Rewrites a parsed contract, before OpenAPI Generator sees it, where the generator's Java output
 * would otherwise not compile. Each fix changes names only, never the wire format:
 *
 * <ul>
 *   <li>A schema named like a type the generator maps to an imported class (Stripe's {@code file} →
 *       {@code java.io.File}) is silently not generated, yet every model that refers to it imports
 *       it. Such a schema is renamed the way the generator names reserved words ({@code ModelFile})
 *       and every reference follows.
 *   <li>Enum constants are named by dropping punctuation, so {@code Etc/GMT+1} and {@code
 *       Etc/GMT-1} both become {@code ETC_GMT_1} (and the generator's own de-duplication collides
 *       again). An enum with colliding constants gets {@code x-enum-varnames} that spell out {@code
 *       +} and {@code -}, numbered when still ambiguous.
 * </ul>
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // swagger-models types schemas raw throughout
public final class GeneratorFixups {

  private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

  private final DefaultCodegen config;

  /**
   * @param config the generator the contract is going to, whose naming rules the fixes follow
   */
  public GeneratorFixups(DefaultCodegen config) {
    this.config = config;
  }

  /** Applies every fix to {@code openApi} in place and returns a line per change, for the log. */
  public List<String> apply(OpenAPI openApi) {
    List<String> changes = new ArrayList<>();
    Map<String, String> renames = renameTypeMappedSchemas(openApi, changes);
    forEachSchema(
        openApi,
        schema -> {
          retarget(schema, renames);
          nameCollidingEnumConstants(schema, changes);
        });
    return changes;
  }

  private Map<String, String> renameTypeMappedSchemas(OpenAPI openApi, List<String> changes) {
    Components components = openApi.getComponents();
    if (components == null || components.getSchemas() == null) {
      return Map.of();
    }
    Map<String, String> renames = new HashMap<>();
    Map<String, Schema> renamed = new LinkedHashMap<>();
    for (Map.Entry<String, Schema> e : components.getSchemas().entrySet()) {
      String name = e.getKey();
      String mappedType = config.typeMapping().get(name);
      if (mappedType != null && config.importMapping().containsKey(mappedType)) {
        String fresh = uniqueName("Model" + capitalize(name), components.getSchemas().keySet());
        renames.put(SCHEMA_REF_PREFIX + name, SCHEMA_REF_PREFIX + fresh);
        renamed.put(fresh, e.getValue());
        changes.add(
            "schema '%s' renamed to '%s': OpenAPI Generator maps that name to %s and would not generate it"
                .formatted(name, fresh, config.importMapping().get(mappedType)));
      } else {
        renamed.put(name, e.getValue());
      }
    }
    if (!renames.isEmpty()) {
      components.setSchemas(renamed);
    }
    return renames;
  }

  private static void retarget(Schema schema, Map<String, String> renames) {
    if (renames.isEmpty()) {
      return;
    }
    if (schema.get$ref() != null && renames.containsKey(schema.get$ref())) {
      schema.set$ref(renames.get(schema.get$ref()));
    }
    if (schema.getDiscriminator() != null && schema.getDiscriminator().getMapping() != null) {
      schema
          .getDiscriminator()
          .getMapping()
          .replaceAll((value, ref) -> renames.getOrDefault(ref, ref));
    }
  }

  private void nameCollidingEnumConstants(Schema schema, List<String> changes) {
    List<?> values = schema.getEnum();
    if (values == null
        || values.size() < 2
        || schema.getExtensions() != null && schema.getExtensions().containsKey("x-enum-varnames")
        || !values.stream().allMatch(v -> v instanceof String)) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (Object v : values) {
      names.add(config.toEnumVarName((String) v, "String"));
    }
    if (Set.copyOf(names).size() == names.size()) {
      return;
    }
    List<String> fixed = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    List<String> renamed = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String value = (String) values.get(i);
      String name = uniqueName(config.toEnumVarName(spellOutSigns(value), "String"), taken);
      taken.add(name);
      fixed.add(name);
      if (!name.equals(names.get(i))) {
        renamed.add(value + " → " + name);
      }
    }
    schema.addExtension("x-enum-varnames", fixed);
    changes.add(
        "enum of %d values: %d constants renamed, e.g. %s"
            .formatted(
                values.size(),
                renamed.size(),
                String.join(", ", renamed.subList(0, Math.min(3, renamed.size())))));
  }

  /**
   * {@code Etc/GMT+1} → {@code Etc/GMT PLUS 1}: a sign before a digit is what the default naming
   * loses; a hyphen between words ({@code Porto-Novo}) is not a sign and stays an underscore.
   */
  private static String spellOutSigns(String value) {
    return value.replaceAll("\\+(?=\\d)", " PLUS ").replaceAll("-(?=\\d)", " MINUS ");
  }

  private static String uniqueName(String base, Set<String> taken) {
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      name = base + "_" + n;
    }
    return name;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * Calls {@code visitor} once for every schema object reachable from the document: components, and
   * the parameters, bodies, responses and headers of every operation, with everything nested in
   * them.
   */
  static void forEachSchema(OpenAPI openApi, Consumer<Schema> visitor) {
    Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Consumer<Schema> walk =
        new Consumer<>() {
          @Override
          public void accept(Schema s) {
            if (s == null || !seen.add(s)) {
              return;
            }
            visitor.accept(s);
            if (s.getProperties() != null) {
              s.getProperties().values().forEach(this);
            }
            accept(s.getItems());
            if (s.getAdditionalProperties() instanceof Schema additional) {
              accept(additional);
            }
            for (List<Schema> members :
                List.of(list(s.getAllOf()), list(s.getAnyOf()), list(s.getOneOf()))) {
              members.forEach(this);
            }
            accept(s.getNot());
            if (s.getPrefixItems() != null) {
              s.getPrefixItems().forEach(this);
            }
          }
        };
    Components components = openApi.getComponents();
    if (components != null) {
      values(components.getSchemas()).forEach(walk);
      values(components.getParameters()).forEach(p -> parameter(p, walk));
      values(components.getRequestBodies()).forEach(b -> body(b, walk));
      values(components.getResponses()).forEach(r -> response(r, walk));
      values(components.getHeaders()).forEach(h -> header(h, walk));
    }
    for (PathItem item : values(openApi.getPaths())) {
      list(item.getParameters()).forEach(p -> parameter(p, walk));
      for (Operation op : item.readOperations()) {
        list(op.getParameters()).forEach(p -> parameter(p, walk));
        body(op.getRequestBody(), walk);
        if (op.getResponses() != null) {
          op.getResponses().values().forEach(r -> response(r, walk));
        }
      }
    }
  }

  private static void parameter(Parameter p, Consumer<Schema> walk) {
    walk.accept(p.getSchema());
    content(p.getContent(), walk);
  }

  private static void body(RequestBody b, Consumer<Schema> walk) {
    if (b != null) {
      content(b.getContent(), walk);
    }
  }

  private static void response(ApiResponse r, Consumer<Schema> walk) {
    content(r.getContent(), walk);
    values(r.getHeaders()).forEach(h -> header(h, walk));
  }

  private static void header(Header h, Consumer<Schema> walk) {
    walk.accept(h.getSchema());
    content(h.getContent(), walk);
  }

  private static void content(Content c, Consumer<Schema> walk) {
    values(c).forEach(media -> walk.accept(media.getSchema()));
  }

  private static <V> java.util.Collection<V> values(Map<String, V> map) {
    return map == null ? List.of() : map.values();
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }
}
