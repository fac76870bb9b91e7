package dev.interlock.compat.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.compat.Mismatch;
import dev.interlock.compat.MismatchCodes;
import dev.interlock.compat.Side;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.document.SourceDocument;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers the pact expects in the response against those the contract declares for it: declared
 * (a standard HTTP header only warns) and valid for their schema.
 */
final class ResponseHeadersCheck {
  private final Exchange ex;
  private final SourceDocument doc;
  private final Map<String, String> responseHeaders;
  private final List<Mismatch> response;
  private final ParameterValues values;

  ResponseHeadersCheck(Exchange ex) {
    this.ex = ex;
    this.doc = ex.doc;
    this.responseHeaders = ex.responseHeaders;
    this.response = ex.response;
    this.values = new ParameterValues(ex);
  }

  void check(JsonPointer resp) {
    JsonNode declared = doc.at(resp.append("headers"));
    for (Map.Entry<String, String> h : responseHeaders.entrySet()) {
      String name = h.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("content-type")) {
        continue;
      }
      String specName = null;
      for (Iterator<String> it = declared.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (k.equalsIgnoreCase(name)) {
          specName = k;
        }
      }
      if (specName == null) {
        boolean standard = StandardHeaders.RESPONSE.contains(lower);
        Mismatch m =
            ex.mismatch(
                standard
                    ? MismatchCodes.RESPONSE_HEADER_UNDEFINED
                    : MismatchCodes.RESPONSE_HEADER_UNKNOWN,
                Side.RESPONSE,
                "the pact expects response header '"
                    + name
                    + "' the contract does not declare for this response",
                ex.pactHeader("response", name),
                JsonPointer.of(name),
                ex.specAt(resp),
                "one of " + ex.fieldNames(declared),
                name);
        response.add(standard ? m.withSeverity(Severity.WARNING) : m);
        continue;
      }
      JsonPointer header = doc.deref(resp.append("headers").append(specName));
      values.validate(
          header,
          List.of(h.getValue()),
          MismatchCodes.RESPONSE_HEADER_INVALID,
          Side.RESPONSE,
          ex.pactHeader("response", name),
          JsonPointer.of(name),
          "response header '" + name + "'",
          response);
    }
  }
}
