package dev.interlock.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives converted bodies the media types the Swagger 2.0 document means. swagger-parser's converter
 * files a body under {@code *}{@code /*} when neither the operation nor the document says {@code
 * consumes}/{@code produces} (the 2.0 default is JSON, so every body then looked typeless), splits
 * a response's {@code examples} from its {@code schema}, and files form parameters under a global
 * {@code consumes} that is no form type. Here every body is filed under the operation's {@code
 * consumes}/{@code produces}, else the document's, else {@code application/json}; a form under a
 * form type; each example beside the schema.
 */
final class Swagger2MediaTypes {

  private static final String JSON = "application/json";
  private static final String URLENCODED = "application/x-www-form-urlencoded";
  private static final String MULTIPART = "multipart/form-data";

  private final JsonNode original;

  Swagger2MediaTypes(JsonNode original) {
    this.original = original;
  }

  void apply(OpenAPI model) {
    if (model.getPaths() != null) {
      for (Map.Entry<String, PathItem> path : model.getPaths().entrySet()) {
        JsonNode pathItem = original.path("paths").path(path.getKey());
        for (Map.Entry<PathItem.HttpMethod, Operation> op :
            path.getValue().readOperationsMap().entrySet()) {
          JsonNode op2 = pathItem.path(op.getKey().name().toLowerCase(Locale.ROOT));
          requestBody(op.getValue().getRequestBody(), op2, pathItem);
          if (op.getValue().getResponses() != null) {
            for (Map.Entry<String, ApiResponse> r : op.getValue().getResponses().entrySet()) {
              response(
                  r.getValue(), op2.path("responses").path(r.getKey()), types(op2, "produces"));
            }
          }
        }
      }
    }
    if (model.getComponents() != null && model.getComponents().getResponses() != null) {
      for (Map.Entry<String, ApiResponse> r : model.getComponents().getResponses().entrySet()) {
        response(
            r.getValue(), original.path("responses").path(r.getKey()), types(null, "produces"));
      }
    }
  }

  /** The operation's list, else the document's, else JSON (an empty list counts as none). */
  private List<String> types(JsonNode op2, String field) {
    JsonNode declared = op2 == null ? null : op2.get(field);
    if (declared == null || !declared.isArray() || declared.isEmpty()) {
      declared = original.get(field);
    }
    List<String> out = new ArrayList<>();
    if (declared != null && declared.isArray()) {
      declared.forEach(t -> out.add(t.asText()));
    }
    return out.isEmpty() ? List.of(JSON) : out;
  }

  private void requestBody(RequestBody body, JsonNode op2, JsonNode pathItem) {
    if (body == null || body.getContent() == null || body.get$ref() != null) {
      return;
    }
    List<String> consumes = types(op2, "consumes");
    boolean form = false;
    boolean file = false;
    for (JsonNode p : parameters(op2, pathItem)) {
      form |= p.path("in").asText().equals("formData");
      file |= p.path("type").asText().equals("file");
    }
    if (form) {
      List<String> formTypes =
          consumes.stream()
              .filter(t -> t.startsWith(URLENCODED) || t.startsWith(MULTIPART))
              .toList();
      consumes = !formTypes.isEmpty() ? formTypes : List.of(file ? MULTIPART : URLENCODED);
    }
    body.setContent(refile(body.getContent(), consumes, null));
  }

  private void response(ApiResponse response, JsonNode response2, List<String> produces) {
    if (response == null || response.get$ref() != null) {
      return;
    }
    Content content = response.getContent();
    if (content == null || content.isEmpty()) {
      response.setContent(null); // no body: say so rather than an empty content map
      return;
    }
    if (!response2.has("schema")) {
      return;
    }
    response.setContent(refile(content, produces, response2.path("examples")));
  }

  /**
   * The same schema under each of {@code types}, keeping what the converter put under a type that
   * stays; example-only entries the converter made get the schema too.
   */
  private static Content refile(Content content, List<String> types, JsonNode examples) {
    Schema<?> schema = null;
    for (MediaType mt : content.values()) {
      if (mt.getSchema() != null) {
        schema = mt.getSchema();
        break;
      }
    }
    Set<String> keys = new LinkedHashSet<>(types);
    if (examples != null) {
      for (Iterator<String> it = examples.fieldNames(); it.hasNext(); ) {
        keys.add(it.next());
      }
    }
    Content out = new Content();
    for (String type : keys) {
      MediaType kept = content.get(type);
      MediaType mt = kept != null ? kept : new MediaType();
      if (mt.getSchema() == null) {
        mt.setSchema(schema);
      }
      out.addMediaType(type, mt);
    }
    return out;
  }

  /** The operation's parameters and its path's, with {@code $ref}s to global ones followed. */
  private List<JsonNode> parameters(JsonNode op2, JsonNode pathItem) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode list : List.of(pathItem.path("parameters"), op2.path("parameters"))) {
      for (JsonNode p : list) {
        String ref = p.path("$ref").asText("");
        out.add(ref.startsWith("#/") ? original.at(ref.substring(1)) : p);
      }
    }
    return out;
  }
}
