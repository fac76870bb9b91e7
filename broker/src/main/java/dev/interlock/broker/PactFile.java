package dev.interlock.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A pact file to publish: who wrote it for whom, and its bytes exactly as on disk (the broker
 * receives them base64-encoded, unchanged).
 */
public record PactFile(String consumer, String provider, Path file, byte[] content) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The pacts of a folder (every {@code *.json} below it, sorted) or one file.
   *
   * @throws IllegalArgumentException when a file is no pact: the message names the file and what is
   *     missing
   */
  public static List<PactFile> read(Path dirOrFile) throws IOException {
    List<Path> files;
    if (Files.isDirectory(dirOrFile)) {
      try (Stream<Path> walk = Files.walk(dirOrFile)) {
        files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
    } else {
      files = List.of(dirOrFile);
    }
    List<PactFile> out = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      JsonNode root;
      try {
        root = JSON.readTree(bytes);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(file + ": not JSON (" + e.getOriginalMessage() + ")");
      }
      String consumer = root.path("consumer").path("name").asText("");
      String provider = root.path("provider").path("name").asText("");
      if (consumer.isEmpty() || provider.isEmpty()) {
        throw new IllegalArgumentException(
            file + ": not a pact (no consumer.name and provider.name)");
      }
      out.add(new PactFile(consumer, provider, file, bytes));
    }
    return out;
  }
}
