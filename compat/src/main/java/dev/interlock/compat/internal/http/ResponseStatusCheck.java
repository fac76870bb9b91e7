package dev.interlock.compat.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.compat.Mismatch;
import dev.interlock.compat.MismatchCodes;
import dev.interlock.compat.Side;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import java.util.Iterator;
import java.util.List;

/**
 * The expected response's status against the operation's responses (exact, a {@code 2XX} range, or
 * only {@code default}), then its headers and body against the response it selects.
 */
final class ResponseStatusCheck {
  private final Exchange ex;
  private final SourceDocument doc;
  private final PactInteraction.Http http;
  private final List<Mismatch> response;

  ResponseStatusCheck(Exchange ex) {
    this.ex = ex;
    this.doc = ex.doc;
    this.http = ex.http;
    this.response = ex.response;
  }

  void check(JsonPointer op) {
    int status = http.response().status();
    JsonPointer responses = op.append("responses");
    JsonNode all = doc.at(responses);
    String key = null;
    if (all.has(String.valueOf(status))) {
      key = String.valueOf(status);
    } else {
      String range = (status / 100) + "XX";
      for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (k.equalsIgnoreCase(range)) {
          key = k;
        }
      }
      if (key == null && all.has("default")) {
        key = "default";
        response.add(
            ex.mismatch(
                    MismatchCodes.STATUS_DEFAULT,
                    Side.RESPONSE,
                    "status " + status + " is only covered by the default response",
                    ex.pactAt("response", "status"),
                    JsonPointer.ROOT,
                    ex.specAt(responses.append("default")),
                    "one of " + ex.fieldNames(all),
                    String.valueOf(status))
                .withSeverity(Severity.WARNING));
      }
    }
    if (key == null) {
      response.add(
          ex.mismatch(
              MismatchCodes.STATUS_UNKNOWN,
              Side.RESPONSE,
              "the operation declares no response with status " + status,
              ex.pactAt("response", "status"),
              JsonPointer.ROOT,
              ex.specAt(responses),
              "one of " + ex.fieldNames(all),
              String.valueOf(status)));
      return;
    }
    JsonPointer resp = doc.deref(responses.append(key));
    new ResponseHeadersCheck(ex).check(resp);
    new ResponseBodyCheck(ex).check(resp);
  }
}
