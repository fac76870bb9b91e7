package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.broker.FetchedPact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A contracts folder for one verification of broker pacts: a copy of the team's folder in which the
 * provider's local pacts give way to the broker's (the broker is where that provider's pacts come
 * from now), each fetched pact written under {@code pacts/broker/}. Kept beside the reports, so a
 * reader can open the exact pacts that were verified.
 */
final class BrokerRunFolder {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BrokerRunFolder() {}

  /**
   * Groups pacts so that no group holds two pacts of the same consumer and provider (the broker
   * gives one per selected consumer version; results are told apart by consumer and provider).
   */
  static List<List<FetchedPact>> layers(List<FetchedPact> pacts) {
    List<List<FetchedPact>> layers = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (FetchedPact p : pacts) {
      int layer = seen.merge(p.consumer() + "\u0000" + p.provider(), 1, Integer::sum) - 1;
      while (layers.size() <= layer) {
        layers.add(new ArrayList<>());
      }
      layers.get(layer).add(p);
    }
    if (layers.isEmpty()) {
      layers.add(List.of());
    }
    return layers;
  }

  /** Writes the folder; returns it. */
  static Path write(Path contracts, Path target, String provider, List<FetchedPact> pacts) {
    try {
      deleteRecursively(target);
      Path source = contracts.toAbsolutePath().normalize();
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path file : (Iterable<Path>) walk::iterator) {
          Path relative = source.relativize(file);
          if (relative.startsWith("..") || file.startsWith(target.toAbsolutePath())) {
            continue;
          }
          if (Files.isDirectory(file)) {
            Files.createDirectories(target.resolve(relative.toString()));
          } else if (!isPactOf(file, relative, provider)) {
            Files.copy(file, target.resolve(relative.toString()));
          }
        }
      }
      Path dir = Files.createDirectories(target.resolve("pacts").resolve("broker"));
      int n = 0;
      for (FetchedPact pact : pacts) {
        String name = safe(pact.consumer()) + "-" + safe(pact.provider()) + "-" + (++n) + ".json";
        Files.writeString(dir.resolve(name), pact.content().toPrettyString());
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker run folder " + target, e);
    }
  }

  private static boolean isPactOf(Path file, Path relative, String provider) {
    if (!relative.startsWith("pacts") || !file.toString().endsWith(".json")) {
      return false;
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      return provider.equals(root.path("provider").path("name").asText());
    } catch (IOException e) {
      return false;
    }
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
