package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.contract.OpenApiContract;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.ResolverFully;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The model Atlassian's request validator wants, {@code allOf} merged, built from the tree the
 * contract was already parsed into and never from its file. The validator's own loader would read
 * and parse the whole document a second time (for the Stripe spec most of the sandbox's start-up,
 * after which it gave up: its YAML reader refuses a 4 MB file). Where there is an {@code allOf} to
 * merge, this does what that loader does after parsing: swagger-parser's full resolution over our
 * tree, then the loader's two repairs of swagger-parser's output, on a fresh model (the contract's
 * own is read by other parts and must not change).
 */
final class ValidatorModel {

  private ValidatorModel() {}

  /**
   * The model to validate requests against: the contract's own where it has no {@code allOf} (the
   * validator resolves references itself, so nothing needs building), else a fresh model with every
   * reference inlined and {@code allOf} merged; the contract's own when that cannot be built.
   */
  static OpenAPI of(OpenApiContract contract) {
    // A Swagger 2.0 document's own tree is not OpenAPI 3: start from its converted model instead.
    JsonNode tree =
        contract.convertedFromSwagger2()
            ? Json.mapper().valueToTree(contract.model())
            : contract.source().root();
    // Inlining every reference is what merges allOf, and all it is needed for: it costs a second
    // model, and a large contract (Stripe's) inlined would not fit the heap once the validator
    // serializes it.
    if (!hasAllOf(tree)) {
      return contract.model();
    }
    return merged(contract, tree).orElseGet(contract::model);
  }

  private static Optional<OpenAPI> merged(OpenApiContract contract, JsonNode tree) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    options.setResolveCombinators(true);
    options.setValidateExternalRefs(false);
    options.setSafelyResolveURL(true);
    String location = contract.file().toAbsolutePath().toString();
    OpenAPI model;
    try {
      // what swagger-parser's readLocation does after parsing: deserialize, resolve, resolve fully
      SwaggerParseResult parsed = new OpenAPIV3Parser().parseJsonNode(location, tree, options);
      if (parsed.getOpenAPI() == null) {
        return Optional.empty();
      }
      new OpenAPIResolver(parsed.getOpenAPI(), List.of(), location, null, options).resolve(parsed);
      model = parsed.getOpenAPI();
      new ResolverFully(options).resolveFully(model);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    if (model == null) {
      return Optional.empty();
    }
    withoutBase64Patterns(model);
    withoutObjectTypeBesideOneOf(model);
    return Optional.of(model);
  }

  private static boolean hasAllOf(JsonNode tree) {
    Deque<JsonNode> stack = new ArrayDeque<>();
    stack.push(tree);
    while (!stack.isEmpty()) {
      JsonNode node = stack.pop();
      if (node.isObject() && node.has("allOf")) {
        return true;
      }
      if (node.isContainerNode()) {
        node.forEach(stack::push);
      }
    }
    return false;
  }

  /**
   * swagger-parser gives {@code format: byte} strings a base64 pattern that the validator's regex
   * engine cannot run; the validator's loader drops it, and so do we.
   */
  private static void withoutBase64Patterns(OpenAPI model) {
    if (model.getPaths() != null) {
      for (PathItem path : model.getPaths().values()) {
        for (Operation op : path.readOperations()) {
          eachValue(op.getResponses(), r -> r.getContent());
          if (op.getRequestBody() != null) {
            withoutBase64Pattern(op.getRequestBody().getContent());
          }
          if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
              withoutBase64Pattern(p.getSchema());
              withoutBase64Pattern(p.getContent());
            }
          }
        }
      }
    }
    if (model.getComponents() != null) {
      var c = model.getComponents();
      eachValue(c.getResponses(), r -> r.getContent());
      eachValue(c.getRequestBodies(), r -> r.getContent());
      eachValue(c.getHeaders(), h -> h.getSchema());
      eachValue(c.getHeaders(), h -> h.getContent());
      eachValue(c.getParameters(), p -> p.getSchema());
      eachValue(c.getParameters(), p -> p.getContent());
      eachValue(c.getSchemas(), s -> s);
    }
  }

  private static <T> void eachValue(Map<String, T> map, Function<T, Object> part) {
    if (map != null) {
      map.values().forEach(v -> withoutBase64Pattern(part.apply(v)));
    }
  }

  private static void withoutBase64Pattern(Object node) {
    if (node instanceof Content content) {
      for (MediaType media : content.values()) {
        withoutBase64Pattern(media.getSchema());
      }
    } else if (node instanceof ObjectSchema object) {
      eachValue(object.getProperties(), s -> s);
    } else if (node instanceof ArraySchema array) {
      withoutBase64Pattern(array.getItems());
    } else if (node instanceof StringSchema string && "byte".equals(string.getFormat())) {
      string.setPattern(null);
    }
  }

  /**
   * swagger-parser types a {@code oneOf}/{@code anyOf} schema {@code object}, which refuses the
   * alternatives that are not objects; the validator's loader drops the type, and so do we.
   */
  private static void withoutObjectTypeBesideOneOf(OpenAPI model) {
    if (model.getComponents() != null && model.getComponents().getSchemas() != null) {
      model.getComponents().getSchemas().values().forEach(ValidatorModel::withoutObjectType);
    }
  }

  private static void withoutObjectType(Schema<?> schema) {
    if (schema instanceof ObjectSchema object && object.getProperties() != null) {
      object.getProperties().values().forEach(ValidatorModel::withoutObjectType);
    } else if (schema instanceof ArraySchema array && array.getItems() != null) {
      withoutObjectType(array.getItems());
    } else if (schema instanceof ComposedSchema composed) {
      composed.setType(null);
    }
  }
}
