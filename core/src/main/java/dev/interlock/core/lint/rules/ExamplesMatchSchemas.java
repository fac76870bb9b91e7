package dev.interlock.core.lint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.AsyncApiMessage;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.document.SourceDocument;
import dev.interlock.core.lint.LintContext;
import dev.interlock.core.lint.LintRule;
import dev.interlock.core.schema.JsonSchemaValidator;
import dev.interlock.core.schema.SchemaViolation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Every example must be valid against its schema: a mock that serves an invalid example teaches
 * consumers the wrong contract. Covers OpenAPI media-type and parameter examples (inline and {@code
 * $ref}'d) and AsyncAPI message examples (payload and headers).
 */
public final class ExamplesMatchSchemas implements LintRule {

  public static final String ID = "lint.example.invalid";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "every example is valid against its schema";
  }

  @Override
  public List<Diagnostic> check(Contract contract, LintContext context) {
    List<Diagnostic> out = new ArrayList<>();
    if (contract instanceof OpenApiContract openApi && !openApi.convertedFromSwagger2()) {
      checkOpenApi(openApi.source(), context.validator(contract), out);
    } else if (contract instanceof AsyncApiContract asyncApi) {
      checkAsyncApi(asyncApi, context.validator(contract), out);
    }
    return out;
  }

  private void checkOpenApi(
      SourceDocument doc, JsonSchemaValidator validator, List<Diagnostic> out) {
    for (OpenApiWalk.RawOperation op : OpenApiWalk.operations(doc)) {
      JsonPointer body = doc.deref(op.pointer().append("requestBody"));
      checkContent(doc, validator, body.append("content"), out);
      JsonNode responses = doc.at(op.pointer().append("responses"));
      for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
        JsonPointer response = doc.deref(op.pointer().append("responses").append(it.next()));
        checkContent(doc, validator, response.append("content"), out);
      }
      for (JsonPointer param : OpenApiWalk.parameters(doc, op)) {
        checkExamples(doc, validator, param, param.append("schema"), out);
      }
    }
  }

  private void checkContent(
      SourceDocument doc,
      JsonSchemaValidator validator,
      JsonPointer content,
      List<Diagnostic> out) {
    JsonNode media = doc.at(content);
    for (Iterator<String> it = media.fieldNames(); it.hasNext(); ) {
      JsonPointer mediaType = content.append(it.next());
      checkExamples(doc, validator, mediaType, mediaType.append("schema"), out);
    }
  }

  /** {@code example} and {@code examples.*.value} of a media type or parameter. */
  private void checkExamples(
      SourceDocument doc,
      JsonSchemaValidator validator,
      JsonPointer holder,
      JsonPointer schema,
      List<Diagnostic> out) {
    if (doc.at(schema).isMissingNode()) {
      return;
    }
    JsonPointer single = holder.append("example");
    if (!doc.at(single).isMissingNode()) {
      validate(doc, validator, schema, single, out);
    }
    JsonNode examples = doc.at(holder.append("examples"));
    for (Iterator<String> it = examples.fieldNames(); it.hasNext(); ) {
      JsonPointer example = doc.deref(holder.append("examples").append(it.next()));
      JsonPointer value = example.append("value");
      if (!doc.at(value).isMissingNode()) {
        validate(doc, validator, schema, value, out);
      }
    }
  }

  private void checkAsyncApi(
      AsyncApiContract contract, JsonSchemaValidator validator, List<Diagnostic> out) {
    SourceDocument doc = contract.source();
    for (AsyncApiMessage message : contract.messages()) {
      JsonNode examples = doc.at(message.pointer().append("examples"));
      for (int i = 0; i < examples.size(); i++) {
        JsonPointer example = message.pointer().append("examples").append(i);
        int index = i;
        message
            .payloadSchema()
            .filter(p -> examples.get(index).has("payload"))
            .ifPresent(p -> validate(doc, validator, p, example.append("payload"), out));
        message
            .headersSchema()
            .filter(p -> examples.get(index).has("headers"))
            .ifPresent(p -> validate(doc, validator, p, example.append("headers"), out));
      }
    }
  }

  private void validate(
      SourceDocument doc,
      JsonSchemaValidator validator,
      JsonPointer schema,
      JsonPointer example,
      List<Diagnostic> out) {
    List<SchemaViolation> violations;
    try {
      violations = validator.validate(doc.deref(schema), exampleValue(doc, example));
    } catch (RuntimeException e) {
      out.add(
          Diagnostic.warning(ID, "example could not be checked: its schema does not compile")
              .at(doc.locate(schema))
              .actual(e.getMessage())
              .build());
      return;
    }
    for (SchemaViolation v : violations) {
      JsonPointer at = new JsonPointer(example.value() + v.instancePointer().value());
      out.add(
          Diagnostic.error(ID, "example does not match its schema: " + v.message())
              .at(doc.locate(at))
              .expected("valid against " + schema)
              .actual(truncate(doc.at(at).toString()))
              .build());
    }
  }

  /**
   * The example's value; an {@code example: {$ref: file}} (written by some vendors, WireMock among
   * them) is read from the referenced file, which the loader has already checked.
   */
  private static JsonNode exampleValue(SourceDocument doc, JsonPointer example) {
    JsonNode value = doc.at(example);
    String ref = value.path("$ref").asText("");
    if (value.size() != 1 || ref.isEmpty() || ref.startsWith("#") || ref.contains("://")) {
      return value;
    }
    int hash = ref.indexOf('#');
    Path file =
        doc.file()
            .toAbsolutePath()
            .getParent()
            .resolve(hash < 0 ? ref : ref.substring(0, hash))
            .normalize();
    return new DocumentReader()
        .read(file)
        .document()
        .map(d -> hash < 0 ? d.root() : d.at(JsonPointer.parse(ref.substring(hash))))
        .orElse(value);
  }

  private static String truncate(String s) {
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
