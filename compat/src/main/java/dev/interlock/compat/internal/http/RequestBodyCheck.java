package dev.interlock.compat.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.compat.Mismatch;
import dev.interlock.compat.MismatchCodes;
import dev.interlock.compat.Side;
import dev.interlock.compat.internal.RuleSet;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import java.util.List;
import java.util.Map;

/**
 * The request body against the operation's {@code requestBody}: present when required, expected at
 * all, of a media type the operation accepts, and valid for that media type's schema.
 */
final class RequestBodyCheck {
  private final Exchange ex;
  private final SourceDocument doc;
  private final PactInteraction.Http http;
  private final Map<String, String> headers;
  private final List<Mismatch> request;
  private final SourceDocument pactDoc;
  private final ContentNegotiation media;
  private final BodySchemaCheck schemas;

  RequestBodyCheck(Exchange ex) {
    this.ex = ex;
    this.doc = ex.doc;
    this.http = ex.http;
    this.headers = ex.headers;
    this.request = ex.request;
    this.pactDoc = ex.pactDoc;
    this.media = new ContentNegotiation(ex);
    this.schemas = new BodySchemaCheck(ex);
  }

  void check(JsonPointer op) {
    JsonPointer rb = doc.deref(op.append("requestBody"));
    JsonNode rbNode = doc.at(rb);
    PactInteraction.Body body = http.request().body().orElse(null);
    boolean hasBody = body != null && body.text() != null && !body.text().isEmpty();
    String contentType = headers.get("Content-Type");
    if (!hasBody) {
      if (rbNode.path("required").asBoolean(false)) {
        request.add(
            ex.mismatch(
                MismatchCodes.REQUEST_BODY_REQUIRED_MISSING,
                Side.REQUEST,
                "the operation requires a request body and the pact's request has none",
                ex.pactAt("request"),
                JsonPointer.ROOT,
                ex.specAt(rb),
                "a body",
                "none"));
      }
      return;
    }
    if (rbNode.isMissingNode()) {
      request.add(
          ex.mismatch(
                  MismatchCodes.REQUEST_BODY_UNEXPECTED,
                  Side.REQUEST,
                  "the request has a body but the operation declares no request body",
                  ex.pactAt("request", "body"),
                  JsonPointer.ROOT,
                  ex.specAt(op),
                  "no body",
                  Exchange.abbreviate(body.text()))
              .withSeverity(Severity.WARNING));
      return;
    }
    if (contentType == null
        && body.contentType() != null
        && !body.contentType().isBlank()
        && !pactDoc.at(http.pointer().append("request").append("body")).isObject()) {
      contentType = body.contentType();
    }
    JsonPointer content = rb.append("content");
    String mediaKey;
    if (contentType == null) {
      request.add(
          ex.mismatch(
                  MismatchCodes.REQUEST_CONTENT_TYPE_MISSING,
                  Side.REQUEST,
                  "the request has a body but no Content-Type header; validating it as JSON",
                  ex.pactAt("request"),
                  JsonPointer.of("Content-Type"),
                  ex.specAt(content),
                  "one of " + ex.keys(content),
                  null)
              .withSeverity(Severity.WARNING));
      mediaKey = media.jsonKey(content);
    } else {
      mediaKey = media.bestKey(content, contentType);
      if (mediaKey == null) {
        request.add(
            ex.mismatch(
                MismatchCodes.REQUEST_CONTENT_TYPE_UNSUPPORTED,
                Side.REQUEST,
                "Content-Type '" + contentType + "' is not one the operation accepts",
                ex.pactHeader("request", "Content-Type"),
                JsonPointer.of("Content-Type"),
                ex.specAt(content),
                "one of " + ex.keys(content),
                contentType));
        return;
      }
    }
    if (mediaKey == null) {
      return;
    }
    schemas.check(
        BodySchemaCheck.Part.REQUEST,
        content.append(mediaKey).append("schema"),
        body,
        contentType,
        RuleSet.fromModel(http.request().matchingRules()),
        request);
  }
}
