package dev.interlock.compat.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.compat.Mismatch;
import dev.interlock.compat.MismatchCodes;
import dev.interlock.compat.Side;
import dev.interlock.compat.internal.OperationIndex;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request's path, query and header parameters against the operation's (and its path item's)
 * declared parameters: required ones present, values valid for their schema, none unknown (names
 * the security schemes use and standard HTTP headers are known).
 */
final class RequestParameters {
  private final Exchange ex;
  private final SourceDocument doc;
  private final PactInteraction.Http http;
  private final Map<String, String> headers;
  private final List<Mismatch> request;
  private final ParameterValues parameterValues;

  RequestParameters(Exchange ex) {
    this.ex = ex;
    this.doc = ex.doc;
    this.http = ex.http;
    this.headers = ex.headers;
    this.request = ex.request;
    this.parameterValues = new ParameterValues(ex);
  }

  void check(
      JsonPointer op,
      OperationIndex.Match match,
      Map<String, JsonPointer> params,
      Set<String> securityHeaders,
      Set<String> securityQuery) {
    // path parameters
    for (Map.Entry<String, String> p : match.parameters().entrySet()) {
      JsonPointer param = params.get("path:" + p.getKey());
      if (param != null) {
        parameterValues.validate(
            param,
            List.of(p.getValue()),
            MismatchCodes.PATH_INVALID,
            Side.REQUEST,
            ex.pactAt("request", "path"),
            JsonPointer.of(p.getKey()),
            "path parameter '" + p.getKey() + "'",
            request);
      }
    }
    // query
    Map<String, List<String>> query = http.request().query();
    for (Map.Entry<String, JsonPointer> e : params.entrySet()) {
      if (!e.getKey().startsWith("query:")) {
        continue;
      }
      String name = e.getKey().substring(6);
      JsonNode param = doc.at(e.getValue());
      List<String> values = query.get(name);
      if (values == null) {
        if (param.path("required").asBoolean(false)) {
          request.add(
              ex.mismatch(
                  MismatchCodes.QUERY_REQUIRED_MISSING,
                  Side.REQUEST,
                  "required query parameter '" + name + "' is missing",
                  ex.pactAt("request"),
                  JsonPointer.of(name),
                  ex.specAt(e.getValue()),
                  name,
                  null));
        }
        continue;
      }
      parameterValues.validate(
          e.getValue(),
          values,
          MismatchCodes.QUERY_INVALID,
          Side.REQUEST,
          ex.pactAt("request", "query"),
          JsonPointer.of(name),
          "query parameter '" + name + "'",
          request);
    }
    for (String name : query.keySet()) {
      if (!params.containsKey("query:" + name) && !securityQuery.contains(name)) {
        request.add(
            ex.mismatch(
                    MismatchCodes.QUERY_UNKNOWN,
                    Side.REQUEST,
                    "query parameter '" + name + "' is not defined by " + match.template().path(),
                    ex.pactAt("request", "query"),
                    JsonPointer.of(name),
                    ex.specAt(op),
                    "one of " + declared(params, "query:"),
                    name)
                .withSeverity(Severity.WARNING));
      }
    }
    // headers
    for (Map.Entry<String, JsonPointer> e : params.entrySet()) {
      if (!e.getKey().startsWith("header:")) {
        continue;
      }
      String name = doc.at(e.getValue()).path("name").asText(e.getKey().substring(7));
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("content-type") || lower.equals("accept") || lower.equals("authorization")) {
        continue; // OpenAPI: these are described elsewhere and ignored as parameters
      }
      String value = headers.get(name);
      if (value == null) {
        if (doc.at(e.getValue()).path("required").asBoolean(false)) {
          request.add(
              ex.mismatch(
                  MismatchCodes.REQUEST_HEADER_REQUIRED_MISSING,
                  Side.REQUEST,
                  "required header '" + name + "' is missing",
                  ex.pactAt("request"),
                  JsonPointer.of(name),
                  ex.specAt(e.getValue()),
                  name,
                  null));
        }
        continue;
      }
      parameterValues.validate(
          e.getValue(),
          List.of(value),
          MismatchCodes.REQUEST_HEADER_INVALID,
          Side.REQUEST,
          ex.pactHeader("request", name),
          JsonPointer.of(name),
          "header '" + name + "'",
          request);
    }
    for (String name : headers.keySet()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!StandardHeaders.REQUEST.contains(lower)
          && !params.containsKey("header:" + lower)
          && !securityHeaders.contains(name)) {
        request.add(
            ex.mismatch(
                    MismatchCodes.REQUEST_HEADER_UNKNOWN,
                    Side.REQUEST,
                    "request header '" + name + "' is not defined by the operation",
                    ex.pactHeader("request", name),
                    JsonPointer.of(name),
                    ex.specAt(op),
                    "one of " + declared(params, "header:"),
                    name)
                .withSeverity(Severity.WARNING));
      }
    }
  }

  /** Operation and path-item parameters by {@code in:name} (header names lower-cased). */
  Map<String, JsonPointer> parameters(JsonPointer pathItem, JsonPointer op) {
    Map<String, JsonPointer> out = new LinkedHashMap<>();
    for (JsonPointer owner : List.of(pathItem, op)) {
      JsonNode list = doc.at(owner.append("parameters"));
      for (int i = 0; i < list.size(); i++) {
        JsonPointer p = doc.deref(owner.append("parameters").append(i));
        JsonNode n = doc.at(p);
        String in = n.path("in").asText();
        String name = n.path("name").asText();
        out.put(in + ":" + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name), p);
      }
    }
    return out;
  }

  private String declared(Map<String, JsonPointer> params, String prefix) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, JsonPointer> e : params.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        names.add(doc.at(e.getValue()).path("name").asText());
      }
    }
    return names.toString();
  }
}
