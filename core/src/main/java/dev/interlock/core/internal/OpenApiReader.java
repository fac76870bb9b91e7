package dev.interlock.core.internal;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.document.SourceDocument;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a parsed document into an {@link OpenApiContract} with swagger-parser. The document has
 * already been read safely and its {@code $ref}s checked, so swagger-parser only deserializes the
 * tree (and reads the local files the checker allowed); it never re-reads the raw text.
 */
public final class OpenApiReader {

  private static final Pattern ATTRIBUTE = Pattern.compile("attribute ([^ ]+)");

  public Optional<OpenApiContract> read(SourceDocument doc, List<Diagnostic> out) {
    String swagger = doc.root().path("swagger").asText("");
    if (!swagger.isEmpty()) {
      return readSwagger2(doc, swagger, out);
    }
    String version = doc.root().path("openapi").asText("");
    if (!(version.startsWith("3.0.") || version.startsWith("3.1."))
        && !version.equals("3.0")
        && !version.equals("3.1")) {
      out.add(
          Diagnostic.error(
                  "contract.version.unsupported", "unsupported OpenAPI version '" + version + "'")
              .at(doc.locate(JsonPointer.of("openapi")))
              .expected("3.0.x or 3.1.x (Swagger 2.0 is converted)")
              .actual(version)
              .build());
      return Optional.empty();
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
              .parseJsonNode(doc.file().toAbsolutePath().toString(), doc.root(), options);
    } catch (RuntimeException e) {
      out.add(parserFailure(doc, e));
      return Optional.empty();
    }
    addMessages(doc, result, out);
    OpenAPI model = result.getOpenAPI();
    if (model == null) {
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
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result;
    try {
      result = new SwaggerConverter().readContents(doc.root().toString(), null, options);
    } catch (RuntimeException e) {
      out.add(parserFailure(doc, e));
      return Optional.empty();
    }
    addMessages(doc, result, out);
    if (result.getOpenAPI() == null) {
      return Optional.empty();
    }
    out.add(
        Diagnostic.info(
                "contract.openapi.converted",
                "Swagger 2.0 document converted to OpenAPI 3.0 on load")
            .at(doc.locate(JsonPointer.of("swagger")))
            .hint("positions in later findings refer to the 2.0 document where they can")
            .build());
    return Optional.of(new OpenApiContract(doc, "3.0.1", result.getOpenAPI(), true));
  }

  private static void addMessages(
      SourceDocument doc, SwaggerParseResult result, List<Diagnostic> out) {
    if (result.getMessages() == null) {
      return;
    }
    for (String message : result.getMessages()) {
      if (message == null || message.isBlank()) {
        continue;
      }
      JsonPointer at = pointerOf(message);
      out.add(
          Diagnostic.error("contract.openapi.structure", "OpenAPI structure: " + message.trim())
              .at(doc.locate(at))
              .build());
    }
  }

  /** swagger-parser says "attribute paths.'/x'(get).responses is missing"; point there. */
  static JsonPointer pointerOf(String message) {
    Matcher m = ATTRIBUTE.matcher(message);
    if (!m.find()) {
      return JsonPointer.ROOT;
    }
    JsonPointer p = JsonPointer.ROOT;
    String path = m.group(1);
    StringBuilder token = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && (c == '.' || c == '(' || c == ')')) {
        if (token.length() > 0) {
          p = p.append(token.toString());
          token.setLength(0);
        }
      } else {
        token.append(c);
      }
    }
    if (token.length() > 0) {
      p = p.append(token.toString());
    }
    return p;
  }

  private static Diagnostic parserFailure(SourceDocument doc, RuntimeException e) {
    return Diagnostic.error("contract.openapi.structure", "OpenAPI document could not be parsed")
        .at(SourceLocation.of(doc.file()))
        .actual(e.getClass().getSimpleName() + ": " + e.getMessage())
        .build();
  }
}
