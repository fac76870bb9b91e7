package dev.interlock.mocks.internal;

import dev.interlock.core.Suggestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the operation a request means: method plus path template, under any of the base paths the
 * contract's servers declare, across all versions of the vendor. Literal segments win over
 * templated ones ({@code /charges/search} before {@code /charges/{id}}).
 */
public final class Router {

  /** A request mapped to an operation. */
  public record Match(
      OperationModel operation,
      String basePath,
      String operationPath,
      Map<String, String> params) {}

  /** What the router found: matches (one per version), or the methods allowed on the path. */
  public record Result(List<Match> matches, Set<String> allowedMethods) {
    public boolean found() {
      return !matches.isEmpty();
    }
  }

  private final List<ContractVersion> versions;

  public Router(List<ContractVersion> versions) {
    this.versions = versions;
  }

  public Result route(String method, String path) {
    List<Match> matches = new ArrayList<>();
    Set<String> allowed = new TreeSet<>();
    for (ContractVersion version : versions) {
      Match best = null;
      for (String base : version.basePaths()) {
        if (!base.isEmpty() && !(path.startsWith(base + "/") || path.equals(base))) {
          continue;
        }
        String rest = path.substring(base.length());
        if (rest.isEmpty()) {
          rest = "/";
        }
        for (OperationModel op : version.operations()) {
          Optional<Map<String, String>> params = op.match(rest);
          if (params.isEmpty()) {
            continue;
          }
          if (!op.method().equals(method)) {
            allowed.add(op.method());
            continue;
          }
          if (best == null || op.literalChars() > best.operation().literalChars()) {
            best = new Match(op, base, rest, params.get());
          }
        }
        if (best != null) {
          break;
        }
      }
      if (best != null) {
        matches.add(best);
      }
    }
    return new Result(matches, matches.isEmpty() ? allowed : Set.of());
  }

  /** The operations whose path is closest to the request's (edit distance), at most {@code n}. */
  public List<String> closest(String method, String path, int n) {
    record Scored(String signature, int distance) {}
    List<Scored> scored = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ContractVersion version : versions) {
      for (OperationModel op : version.operations()) {
        String base = version.basePaths().get(0);
        String full = base + op.template();
        String signature = op.method() + " " + full;
        if (!seen.add(signature)) {
          continue;
        }
        int d = Suggestions.distance(path, full) + (op.method().equals(method) ? 0 : 2);
        scored.add(new Scored(signature, d));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::signature));
    return scored.stream().limit(n).map(Scored::signature).toList();
  }
}
