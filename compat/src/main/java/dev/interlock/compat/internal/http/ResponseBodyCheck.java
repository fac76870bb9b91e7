package dev.interlock.compat.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.compat.Mismatch;
import dev.interlock.compat.MismatchCodes;
import dev.interlock.compat.Side;
import dev.interlock.compat.internal.RuleSet;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import java.util.List;
import java.util.Map;

/**
 * The body the pact expects in the response against the contract's response: one is declared, of
 * the Content-Type's media type (JSON when there is no Content-Type), and valid for its schema as a
 * reader would judge it.
 */
final class ResponseBodyCheck {
  private final Exchange ex;
  private final SourceDocument doc;
  private final PactInteraction.Http http;
  private final Map<String, String> responseHeaders;
  private final List<Mismatch> response;
  private final ContentNegotiation media;
  private final BodySchemaCheck schemas;

  ResponseBodyCheck(Exchange ex) {
    this.ex = ex;
    this.doc = ex.doc;
    this.http = ex.http;
    this.responseHeaders = ex.responseHeaders;
    this.response = ex.response;
    this.media = new ContentNegotiation(ex);
    this.schemas = new BodySchemaCheck(ex);
  }

  void check(JsonPointer resp) {
    PactInteraction.Body body = http.response().body().orElse(null);
    boolean hasBody = body != null && body.text() != null && !body.text().isEmpty();
    String contentType = responseHeaders.get("Content-Type");
    JsonPointer content = resp.append("content");
    JsonNode contentNode = doc.at(content);
    if (!hasBody && contentType == null) {
      return;
    }
    if (contentNode.isMissingNode() || contentNode.isEmpty()) {
      if (hasBody) {
        response.add(
            ex.mismatch(
                MismatchCodes.RESPONSE_BODY_UNEXPECTED,
                Side.RESPONSE,
                "the pact expects a response body but the contract's response has none",
                ex.pactAt("response", "body"),
                JsonPointer.ROOT,
                ex.specAt(resp),
                "no body",
                Exchange.abbreviate(body.text())));
      }
      return;
    }
    String mediaKey;
    if (contentType == null) {
      mediaKey = media.jsonKey(content);
    } else {
      mediaKey = media.bestKey(content, contentType);
      if (mediaKey == null) {
        response.add(
            ex.mismatch(
                MismatchCodes.RESPONSE_CONTENT_TYPE_UNSUPPORTED,
                Side.RESPONSE,
                "Content-Type '"
                    + contentType
                    + "' is not one the contract produces for this response",
                ex.pactHeader("response", "Content-Type"),
                JsonPointer.of("Content-Type"),
                ex.specAt(content),
                "one of " + ex.keys(content),
                contentType));
        return;
      }
    }
    if (!hasBody || mediaKey == null) {
      return;
    }
    schemas.check(
        BodySchemaCheck.Part.RESPONSE,
        content.append(mediaKey).append("schema"),
        body,
        contentType,
        RuleSet.fromModel(http.response().matchingRules()),
        response);
  }
}
