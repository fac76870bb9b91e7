package dev.interlock.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.document.SourceDocument;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a parsed document into an {@link OpenApiContract} with swagger-parser. The document has
 * already been read safely and its {@code $ref}s checked; references to sibling files are bundled
 * into the tree by {@link OpenApiBundler}, so swagger-parser only deserializes one self-contained
 * tree and never reads a file, a URL or the raw text itself.
 */
public final class OpenApiReader {

  /** 3.0.x and 3.1.x, and the two written without a patch number, as many specs do. */
  private static final Pattern SUPPORTED = Pattern.compile("3\\.[01](\\.\\d+)?(-[\\w.]+)?");

  private final boolean strict;

  /**
   * @param strict whether structural defects swagger-parser reports are errors (lint) or warnings
   *     (everyone else reads the document as far as it goes)
   */
  public OpenApiReader(boolean strict) {
    this.strict = strict;
  }

  public Optional<OpenApiContract> read(SourceDocument doc, List<Diagnostic> out) {
    return read(doc, null, out);
  }

  /**
   * Reads a contract whose {@code $ref}s may reach sibling files: those the reference checker read
   * are bundled into the tree first, by our own loader, so swagger-parser sees one self-contained
   * document and never opens a file itself.
   *
   * @param refs the checker that read the files the document reaches, or null for none
   */
  public Optional<OpenApiContract> read(
      SourceDocument written, RefChecker refs, List<Diagnostic> out) {
    SourceDocument doc = written;
    String swagger = doc.root().path("swagger").asText("");
    if (!swagger.isEmpty()) {
      return readSwagger2(doc, swagger, out);
    }
    String version = doc.root().path("openapi").asText("");
    if (!SUPPORTED.matcher(version).matches()) {
      out.add(
          Diagnostic.error(
                  "contract.version.unsupported", "unsupported OpenAPI version '" + version + "'")
              .at(doc.locate(JsonPointer.of("openapi")))
              .expected("3.0.x or 3.1.x (Swagger 2.0 is converted)")
              .actual(version)
              .build());
      return Optional.empty();
    }
    // Only a contract that reaches other files is copied; a single-file one (Stripe) is not.
    if (refs != null && refs.filesReached().size() > 1) {
      doc = new OpenApiBundler(doc, refs::document).bundle();
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(false);
    options.setValidateExternalRefs(false);
    options.setSafelyResolveURL(true);
    SwaggerParseResult result;
    try {
      result =
          new OpenAPIV3Parser()
              .parseJsonNode(
                  doc.file().toAbsolutePath().toString(), withPatch(doc.root()), options);
    } catch (RuntimeException e) {
      out.add(parserFailure(doc, e));
      return Optional.empty();
    }
    addMessages(doc, result, out);
    OpenAPI model = result.getOpenAPI();
    if (model == null) {
      out.add(notUnderstood(doc));
      return Optional.empty();
    }
    return Optional.of(new OpenApiContract(doc, version, model, false));
  }

  private Optional<OpenApiContract> readSwagger2(
      SourceDocument doc, String version, List<Diagnostic> out) {
    if (!version.equals("2.0")) {
      out.add(
          Diagnostic.error(
                  "contract.version.unsupported", "unsupported Swagger version '" + version + "'")
              .at(doc.locate(JsonPointer.of("swagger")))
              .expected("2.0")
              .build());
      return Optional.empty();
    }
    return new Swagger2Reader(strict).read(doc, out);
  }

  /**
   * swagger-parser only recognises {@code openapi: 3.0.x}; {@code "3.0"} names the same version, so
   * the parser is given a copy that says {@code 3.0.0} (the document itself keeps its text).
   */
  private static JsonNode withPatch(JsonNode root) {
    String version = root.path("openapi").asText("");
    if (version.chars().filter(c -> c == '.').count() >= 2) {
      return root;
    }
    ObjectNode copy = ((ObjectNode) root).deepCopy();
    copy.put("openapi", version + ".0");
    return copy;
  }

  private void addMessages(SourceDocument doc, SwaggerParseResult result, List<Diagnostic> out) {
    out.addAll(new ParserMessages(doc, strict).diagnostics(result.getMessages()));
  }

  /** swagger-parser built no model: whatever it said above, the document cannot be used. */
  static Diagnostic notUnderstood(SourceDocument doc) {
    return Diagnostic.error(
            "contract.openapi.structure", "the document could not be read as OpenAPI")
        .at(doc.locate(JsonPointer.ROOT))
        .hint("the findings before this one say why")
        .build();
  }

  private static Diagnostic parserFailure(SourceDocument doc, RuntimeException e) {
    return Diagnostic.error("contract.openapi.structure", "OpenAPI document could not be parsed")
        .at(SourceLocation.of(doc.file()))
        .actual(e.getClass().getSimpleName() + ": " + e.getMessage())
        .build();
  }
}
