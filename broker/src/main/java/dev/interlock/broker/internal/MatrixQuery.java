package dev.interlock.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.broker.CanIDeployQuery;
import dev.interlock.broker.Matrix;
import dev.interlock.broker.PacticipantVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the broker whether versions can be deployed.
 *
 * <p>One version to an environment follows the index's {@code
 * pb:can-i-deploy-pacticipant-version-to-environment} relation when the broker offers it. Anything
 * else (several versions, a tag, the latest of everything) queries the broker's documented {@code
 * /matrix} resource with the query the broker's own client sends (its contract pins it: {@code
 * q[][pacticipant]}, {@code q[][version]}, {@code latestby}, {@code latest}, {@code tag}, {@code
 * environment}); the index has no relation for it.
 */
public final class MatrixQuery {

  private static final String TO_ENVIRONMENT = "pb:can-i-deploy-pacticipant-version-to-environment";

  private MatrixQuery() {}

  public static Matrix ask(HalClient client, URI base, CanIDeployQuery query) {
    if (query.versions().size() == 1 && query.environment().isPresent()) {
      HalDocument index = client.index();
      if (index.link(TO_ENVIRONMENT).isPresent()) {
        PacticipantVersion v = query.versions().get(0);
        URI uri =
            client.follow(
                index,
                TO_ENVIRONMENT,
                Map.of(
                    "pacticipant", v.pacticipant(),
                    "version", v.version(),
                    "environment", query.environment().get()));
        return parse(client.get(uri).body());
      }
    }
    return parse(client.get(base.resolve("matrix?" + queryString(query))).body());
  }

  static String queryString(CanIDeployQuery query) {
    List<String> params = new ArrayList<>();
    for (PacticipantVersion v : query.versions()) {
      params.add("q[][pacticipant]=" + UriTemplate.encode(v.pacticipant()));
      params.add("q[][version]=" + UriTemplate.encode(v.version()));
    }
    boolean single = query.versions().size() == 1;
    params.add("latestby=" + (single ? "cvp" : "cvpv"));
    if (single) {
      if (query.environment().isPresent()) {
        params.add("environment=" + UriTemplate.encode(query.environment().get()));
      } else {
        params.add("latest=true");
        query.toTag().ifPresent(t -> params.add("tag=" + UriTemplate.encode(t)));
      }
    }
    // The brackets are part of the broker's parameter names; encoded, as a URI requires.
    return String.join("&", params).replace("[", "%5B").replace("]", "%5D");
  }

  static Matrix parse(JsonNode body) {
    JsonNode summary = body.path("summary");
    Optional<Boolean> deployable =
        summary.path("deployable").isBoolean()
            ? Optional.of(summary.path("deployable").asBoolean())
            : Optional.empty();
    List<Matrix.Row> rows = new ArrayList<>();
    for (JsonNode row : body.path("matrix")) {
      JsonNode result = row.path("verificationResult");
      rows.add(
          new Matrix.Row(
              row.path("consumer").path("name").asText(""),
              row.path("consumer").path("version").path("number").asText(""),
              row.path("provider").path("name").asText(""),
              row.path("provider").path("version").path("number").asText(""),
              result.path("success").isBoolean()
                  ? Optional.of(result.path("success").asBoolean())
                  : Optional.empty(),
              result.path("verifiedAt").asText(""),
              row.path("ignored").asBoolean(false)));
    }
    List<String> notices = new ArrayList<>();
    body.path("notices").forEach(n -> notices.add(n.path("text").asText()));
    return new Matrix(deployable, summary.path("reason").asText(""), rows, notices);
  }
}
