package dev.interlock.compat.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.compat.Mismatch;
import dev.interlock.compat.MismatchCodes;
import dev.interlock.compat.Side;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Does the request carry the credentials one of the operation's (or the document's) security
 * requirements asks for? Records the header and query names the schemes use, so that {@link
 * RequestParameters} does not call them unknown.
 */
final class SecurityCheck {
  private final Exchange ex;
  private final SourceDocument doc;
  private final PactInteraction.Http http;
  private final Map<String, String> headers;
  private final List<Mismatch> request;

  SecurityCheck(Exchange ex) {
    this.ex = ex;
    this.doc = ex.doc;
    this.http = ex.http;
    this.headers = ex.headers;
    this.request = ex.request;
  }

  void check(JsonPointer op, Set<String> headerNames, Set<String> queryNames) {
    JsonPointer reqPointer = op.append("security");
    JsonNode requirements = doc.at(reqPointer);
    if (requirements.isMissingNode()) {
      reqPointer = JsonPointer.of("security");
      requirements = doc.at(reqPointer);
    }
    if (!requirements.isArray() || requirements.isEmpty()) {
      return;
    }
    List<String> alternatives = new ArrayList<>();
    boolean satisfied = false;
    for (JsonNode requirement : requirements) {
      boolean all = true;
      List<String> needs = new ArrayList<>();
      for (Iterator<String> it = requirement.fieldNames(); it.hasNext(); ) {
        String scheme = it.next();
        JsonNode s = doc.at(doc.deref(JsonPointer.of("components", "securitySchemes", scheme)));
        String type = s.path("type").asText();
        String need;
        boolean ok;
        switch (type) {
          case "apiKey" -> {
            String name = s.path("name").asText();
            String in = s.path("in").asText();
            if (in.equals("header")) {
              headerNames.add(name);
              ok = headers.containsKey(name);
              need = "header " + name;
            } else if (in.equals("query")) {
              queryNames.add(name);
              ok = http.request().query().containsKey(name);
              need = "query parameter " + name;
            } else {
              String cookie = headers.getOrDefault("Cookie", "");
              ok = cookie.contains(name + "=");
              need = "cookie " + name;
            }
          }
          case "http" -> {
            String scheme2 = s.path("scheme").asText("bearer");
            String auth = headers.getOrDefault("Authorization", "");
            ok = auth.toLowerCase(Locale.ROOT).startsWith(scheme2.toLowerCase(Locale.ROOT) + " ");
            need = "Authorization: " + capitalise(scheme2) + " …";
          }
          case "oauth2", "openIdConnect" -> {
            ok = headers.containsKey("Authorization");
            need = "Authorization: Bearer … (" + type + ")";
          }
          default -> {
            ok = true;
            need = type;
          }
        }
        needs.add(need + " (" + scheme + ")");
        all &= ok;
      }
      if (requirement.isEmpty()) {
        all = true;
      }
      satisfied |= all;
      alternatives.add(String.join(" and ", needs));
    }
    if (!satisfied) {
      request.add(
          ex.mismatch(
              MismatchCodes.SECURITY_MISSING,
              Side.REQUEST,
              "the operation requires credentials the request does not carry",
              ex.pactAt("request"),
              JsonPointer.ROOT,
              ex.specAt(reqPointer),
              String.join(" or ", alternatives),
              "headers " + headers.keySet()));
    }
  }

  private static String capitalise(String s) {
    return s.isEmpty()
        ? s
        : Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase(Locale.ROOT);
  }
}
