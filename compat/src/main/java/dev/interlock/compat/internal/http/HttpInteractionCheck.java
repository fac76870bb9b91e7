package dev.interlock.compat.internal.http;

import dev.interlock.compat.CompatReport;
import dev.interlock.compat.InteractionRef;
import dev.interlock.compat.Mismatch;
import dev.interlock.compat.MismatchCodes;
import dev.interlock.compat.Side;
import dev.interlock.compat.internal.BodyCheck;
import dev.interlock.compat.internal.OperationIndex;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of one HTTP interaction against an OpenAPI contract, in order: find the operation
 * (path, then method), then the request (security, parameters, body, Accept) and the expected
 * response (status, headers, body). Yields one report entry per side.
 */
public final class HttpInteractionCheck {
  private final Exchange ex;
  private final SourceDocument doc;

  /** One interaction ({@code position} in the pact) against the contract {@code doc}. */
  public HttpInteractionCheck(
      SourceDocument doc,
      BodyCheck bodies,
      PactContract pact,
      PactInteraction.Http http,
      int position) {
    this.ex = new Exchange(doc, bodies, pact, http, position);
    this.doc = doc;
  }

  /** The request entry, then the response entry. */
  public List<CompatReport.Entry> check(OperationIndex index) {
    PactInteraction.Http http = ex.http;
    List<Mismatch> request = ex.request;
    List<Mismatch> response = ex.response;
    InteractionRef ref = ex.ref;
    String method = http.request().method().toLowerCase(Locale.ROOT);
    String path = http.request().path();
    List<OperationIndex.Match> matches = index.find(path);
    String requestEvidence = ex.evidence("request");
    String responseEvidence = ex.evidence("response");
    if (matches.isEmpty()) {
      request.add(
          ex.mismatch(
              MismatchCodes.PATH_UNKNOWN,
              Side.REQUEST,
              "no path of the contract matches " + http.request().method() + " " + path,
              ex.pactAt("request", "path"),
              JsonPointer.ROOT,
              ex.specAt(JsonPointer.of("paths")),
              "a path of " + abbreviatedPaths(),
              path));
      return List.of(
          new CompatReport.Entry(ref, Side.REQUEST, "", request, null, requestEvidence),
          new CompatReport.Entry(
              ref,
              Side.RESPONSE,
              "",
              response,
              "the request matches no operation of the contract",
              responseEvidence));
    }
    OperationIndex.Match match =
        matches.stream()
            .filter(m -> m.template().methods().contains(method))
            .findFirst()
            .orElse(null);
    if (match == null) {
      OperationIndex.Match best = matches.get(0);
      request.add(
          ex.mismatch(
              MismatchCodes.METHOD_NOT_ALLOWED,
              Side.REQUEST,
              best.template().path() + " does not allow " + http.request().method(),
              ex.pactAt("request", "method"),
              JsonPointer.ROOT,
              ex.specAt(best.template().pointer()),
              "one of "
                  + best.template().methods().stream()
                      .map(m -> m.toUpperCase(Locale.ROOT))
                      .toList(),
              http.request().method()));
      return List.of(
          new CompatReport.Entry(
              ref, Side.REQUEST, best.template().path(), request, null, requestEvidence),
          new CompatReport.Entry(
              ref,
              Side.RESPONSE,
              "",
              response,
              "the request matches no operation of the contract",
              responseEvidence));
    }
    JsonPointer pathItem = doc.deref(match.template().pointer());
    JsonPointer op = pathItem.append(method);
    String signature =
        http.request().method().toUpperCase(Locale.ROOT) + " " + match.template().path();
    checkRequest(pathItem, op, match);
    new ResponseStatusCheck(ex).check(op);
    return List.of(
        new CompatReport.Entry(ref, Side.REQUEST, signature, request, null, requestEvidence),
        new CompatReport.Entry(ref, Side.RESPONSE, signature, response, null, responseEvidence));
  }

  private String abbreviatedPaths() {
    List<String> paths = new ArrayList<>();
    doc.root().path("paths").fieldNames().forEachRemaining(paths::add);
    return paths.size() > 8
        ? paths.subList(0, 8) + " and " + (paths.size() - 8) + " more"
        : paths.toString();
  }

  private void checkRequest(JsonPointer pathItem, JsonPointer op, OperationIndex.Match match) {
    RequestParameters parameters = new RequestParameters(ex);
    Map<String, JsonPointer> params = parameters.parameters(pathItem, op);
    Set<String> securityHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Set<String> securityQuery = new HashSet<>();
    new SecurityCheck(ex).check(op, securityHeaders, securityQuery);
    parameters.check(op, match, params, securityHeaders, securityQuery);
    new RequestBodyCheck(ex).check(op);
    new ContentNegotiation(ex).checkAccept(op);
  }
}
