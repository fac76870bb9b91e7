package dev.interlock.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.document.Position;
import dev.interlock.core.document.PositionIndex;
import dev.interlock.core.document.SourceDocument;
import io.swagger.parser.SwaggerResolver;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.parser.util.SwaggerDeserializer;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Swagger 2.0 document as the OpenAPI 3.0 it means: swagger-parser's converter, then the
 * fix-ups where it loses what the document says ({@link Swagger2MediaTypes}; a {@code $ref} with
 * {@code x-nullable} beside it). The contract's source is the converted tree, so everything that
 * reads OpenAPI 3 (diff, compat, sandbox) reads it; each of its nodes is placed at the line of the
 * 2.0 text it came from ({@link Swagger2Pointers}).
 */
final class Swagger2Reader {

  private final boolean strict;

  Swagger2Reader(boolean strict) {
    this.strict = strict;
  }

  Optional<OpenApiContract> read(SourceDocument doc, List<Diagnostic> out) {
    SwaggerParseResult result;
    try {
      SwaggerDeserializationResult read =
          new SwaggerDeserializer().deserialize(nullableRefs(doc.root()));
      if (read.getSwagger() != null) {
        // Resolved from the file's own place, so relative file $refs (checked already) are found.
        read.setSwagger(
            new SwaggerResolver(read.getSwagger(), null, doc.file().toAbsolutePath().toString())
                .resolve());
      }
      result = new SwaggerConverter().convert(read);
    } catch (RuntimeException e) {
      out.add(
          Diagnostic.error("contract.openapi.structure", "Swagger 2.0 document could not be parsed")
              .at(SourceLocation.of(doc.file()))
              .actual(e.getClass().getSimpleName() + ": " + e.getMessage())
              .build());
      return Optional.empty();
    }
    out.addAll(new ParserMessages(doc, strict).diagnostics(result.getMessages()));
    OpenAPI model = result.getOpenAPI();
    if (model == null) {
      out.add(OpenApiReader.notUnderstood(doc));
      return Optional.empty();
    }
    new Swagger2MediaTypes(doc.root()).apply(model);
    JsonNode tree = Json.mapper().valueToTree(model);
    Swagger2Pointers origins = new Swagger2Pointers(doc.root(), tree);
    PositionIndex positions =
        PositionIndex.derived(
            tree,
            p -> {
              SourceLocation where = doc.locate(origins.origin(p));
              return new Position(where.line(), where.column());
            });
    out.add(
        Diagnostic.info("contract.openapi.converted", "Swagger 2.0 document read as OpenAPI 3.0")
            .at(doc.locate(JsonPointer.of("swagger")))
            .hint("findings name lines of this file and pointers of its OpenAPI 3.0 form")
            .build());
    SourceDocument converted = new SourceDocument(doc.file(), doc.format(), tree, positions);
    return Optional.of(new OpenApiContract(converted, model.getOpenapi(), model, true));
  }

  /**
   * In 2.0 a {@code $ref} with {@code x-nullable: true} beside it is a nullable reference, but the
   * converter keeps only the {@code $ref}; {@code allOf: [$ref]} carries both into 3.0. The
   * document is rewritten on a copy, before conversion.
   */
  static JsonNode nullableRefs(JsonNode root) {
    JsonNode copy = root.deepCopy();
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(copy);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isObject()) {
        ObjectNode object = (ObjectNode) node;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          JsonNode value = field.getValue();
          if (value.isObject()
              && value.path("$ref").isTextual()
              && value.path("x-nullable").asBoolean(false)) {
            ObjectNode wrapped = object.objectNode();
            wrapped.putArray("allOf").addObject().put("$ref", value.get("$ref").asText());
            wrapped.put("x-nullable", true);
            field.setValue(wrapped);
          } else {
            pending.push(value);
          }
        }
      } else if (node.isArray()) {
        node.forEach(pending::push);
      }
    }
    return copy;
  }
}
