package dev.interlock.compat.internal.http;

import dev.interlock.compat.Mismatch;
import dev.interlock.compat.MismatchCodes;
import dev.interlock.compat.Side;
import dev.interlock.compat.internal.MediaTypes;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Content negotiation: which media type of a {@code content} map a Content-Type selects (the most
 * specific match, parameters such as {@code charset} compared by {@link MediaTypes#score}), which
 * one a body without Content-Type is read as (JSON first), and whether the request's Accept names
 * something the operation responds with.
 */
final class ContentNegotiation {
  private final Exchange ex;
  private final SourceDocument doc;
  private final Map<String, String> headers;
  private final List<Mismatch> request;

  ContentNegotiation(Exchange ex) {
    this.ex = ex;
    this.doc = ex.doc;
    this.headers = ex.headers;
    this.request = ex.request;
  }

  void checkAccept(JsonPointer op) {
    String accept = headers.get("Accept");
    if (accept == null) {
      return;
    }
    JsonPointer responses = op.append("responses");
    List<String> produced = new ArrayList<>();
    for (Iterator<String> it = doc.at(responses).fieldNames(); it.hasNext(); ) {
      String status = it.next();
      JsonPointer content = doc.deref(responses.append(status)).append("content");
      doc.at(content).fieldNames().forEachRemaining(produced::add);
    }
    if (produced.isEmpty()) {
      return;
    }
    for (String range : accept.split(",")) {
      String r = range.trim();
      for (String p : produced) {
        if (MediaTypes.score(r.split(";")[0], p) > 0 || MediaTypes.score(p, r.split(";")[0]) > 0) {
          return;
        }
      }
    }
    request.add(
        ex.mismatch(
            MismatchCodes.ACCEPT_UNSUPPORTED,
            Side.REQUEST,
            "Accept '" + accept + "' matches no media type the operation responds with",
            ex.pactHeader("request", "Accept"),
            JsonPointer.of("Accept"),
            ex.specAt(responses),
            "one of " + produced.stream().distinct().toList(),
            accept));
  }

  String jsonKey(JsonPointer content) {
    String first = null;
    for (Iterator<String> it = doc.at(content).fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (first == null) {
        first = k;
      }
      if (MediaTypes.isJson(k) || k.equals("*/*")) {
        return k;
      }
    }
    return first;
  }

  String bestKey(JsonPointer content, String contentType) {
    String best = null;
    int bestScore = 0;
    for (Iterator<String> it = doc.at(content).fieldNames(); it.hasNext(); ) {
      String k = it.next();
      int s = MediaTypes.score(k, contentType);
      if (s > bestScore) {
        best = k;
        bestScore = s;
      }
    }
    return best;
  }
}
