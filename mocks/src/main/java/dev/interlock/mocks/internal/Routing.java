package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The routing step: the operation a call means, in the version it asks for (the header that the
 * contracts' {@code x-api-version} names, else the default or the last version), or the reply that
 * refuses it (404 naming the closest operations, 405 with {@code Allow}, 400 for a version this
 * sandbox does not serve).
 */
final class Routing {

  /** The operation chosen, or the refusal (exactly one of the two is set). */
  record Routed(Router.Match match, Reply refusal) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ContractVersion> versions;
  private final Router router;
  private final String defaultVersion;
  private final String versionHeader;

  Routing(List<ContractVersion> versions, String defaultVersion) {
    this.versions = versions;
    this.router = new Router(versions);
    this.defaultVersion = defaultVersion;
    this.versionHeader = versionHeaderName(versions);
  }

  Routed route(HttpCall call) {
    Router.Result routed = router.route(call.method(), call.path());
    if (!routed.found()) {
      return new Routed(null, unknown(call, routed));
    }
    Optional<Router.Match> chosen = chooseVersion(routed.matches(), call);
    return chosen
        .map(m -> new Routed(m, null))
        .orElseGet(() -> new Routed(null, unknownVersion(call)));
  }

  /** The first version's operation at the call's method and path, whatever version it asks for. */
  Optional<OperationModel> anyOperation(HttpCall call) {
    Router.Result r = router.route(call.method(), call.path());
    return r.found() ? Optional.of(r.matches().get(0).operation()) : Optional.empty();
  }

  /** The match of a GET at a path in a version (null: the last version), for seeding state. */
  Optional<Router.Match> read(String path, String version) {
    Router.Result routed = router.route("GET", path);
    if (!routed.found()) {
      return Optional.empty();
    }
    return Optional.of(
        routed.matches().stream()
            .filter(m -> version == null || m.operation().version().label().equals(version))
            .findFirst()
            .orElse(routed.matches().get(routed.matches().size() - 1)));
  }

  /** The header that names the API version, or null when versions are not told apart by one. */
  String versionHeader() {
    return versionHeader;
  }

  private Optional<Router.Match> chooseVersion(List<Router.Match> matches, HttpCall call) {
    if (matches.size() == 1) {
      return Optional.of(matches.get(0));
    }
    String requested = versionHeader == null ? null : call.header(versionHeader);
    String wanted = requested != null ? requested : defaultVersion;
    for (Router.Match m : matches) {
      if (m.operation().version().label().equals(wanted)) {
        return Optional.of(m);
      }
    }
    return requested == null ? Optional.of(matches.get(matches.size() - 1)) : Optional.empty();
  }

  private Reply unknown(HttpCall call, Router.Result routed) {
    List<String> closest = router.closest(call.method(), call.path(), 3);
    ObjectNode extra = JSON.createObjectNode();
    ArrayNode c = extra.putArray("closestOperations");
    closest.forEach(c::add);
    if (!routed.allowedMethods().isEmpty()) {
      String allowed = String.join(", ", routed.allowedMethods());
      return Problems.problem(
              405,
              "Method not allowed",
              call.method() + " is not an operation on " + call.path() + "; allowed: " + allowed,
              extra)
          .withHeader("Allow", allowed);
    }
    return Problems.problem(
        404,
        "No such operation",
        "The contract has no operation "
            + call.method()
            + " "
            + call.path()
            + (closest.isEmpty() ? "." : "; closest: " + String.join(", ", closest)),
        extra);
  }

  private Reply unknownVersion(HttpCall call) {
    List<String> known = versions.stream().map(ContractVersion::label).toList();
    return Problems.problem(
        400,
        "Unknown API version",
        "The "
            + versionHeader
            + " header names version '"
            + call.header(versionHeader)
            + "', which this sandbox does not serve; known: "
            + String.join(", ", known),
        null);
  }

  private static String versionHeaderName(List<ContractVersion> versions) {
    for (ContractVersion v : versions) {
      if (v.extensions().apiVersion().isPresent() && v.extensions().apiVersion().get().inHeader()) {
        return v.extensions().apiVersion().get().header();
      }
    }
    return null;
  }
}
