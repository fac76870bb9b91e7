package dev.interlock.adapters.ordersync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Durable progress of order-sync: an append-only JSON-lines journal ({@code progress.jsonl}), each
 * line fsync'd ({@code FileChannel.force}) before the step counts as done; replayed into memory on
 * open. A torn last line (a crash mid-write) is ignored. Dead letters go to {@code
 * dead-letters.jsonl} the same way.
 */
public final class ProgressStore implements AutoCloseable {

  /** The steps of one order, in order. */
  public enum Step {
    CHARGED,
    BOOKED,
    SHIPPED,
    SYNCED,
    DEAD
  }

  /** What is known of one order: the step results (vendor resource ids). */
  public record Progress(String orderId, Map<Step, String> steps) {
    public boolean has(Step s) {
      return steps.containsKey(s);
    }

    public String ref(Step s) {
      return steps.get(s);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileChannel progress;
  private final FileChannel deadLetters;
  private final Map<String, Map<Step, String>> orders = new LinkedHashMap<>();
  private final List<String> deadReasons = new ArrayList<>();

  private ProgressStore(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path p = dir.resolve("progress.jsonl");
    Path d = dir.resolve("dead-letters.jsonl");
    replay(p, false);
    replay(d, true);
    dropTornTail(p);
    dropTornTail(d);
    this.progress = channel(p);
    this.deadLetters = channel(d);
  }

  public static ProgressStore open(Path dir) {
    try {
      return new ProgressStore(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the order-sync state in " + dir, e);
    }
  }

  /**
   * Cuts a torn last line (a crash mid-write) off the file. Replay ignores it, but the next append
   * would land on the same line and turn a whole, fsync'd record into an unreadable one.
   */
  private static void dropTornTail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    try (FileChannel c =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = c.size();
      long keep = size;
      java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
      while (keep > 0) {
        one.clear();
        c.read(one, keep - 1);
        if (one.get(0) == '\n') {
          break;
        }
        keep--;
      }
      if (keep < size) {
        c.truncate(keep);
        c.force(true);
      }
    }
  }

  private static FileChannel channel(Path p) throws IOException {
    return FileChannel.open(
        p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  private void replay(Path file, boolean dead) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    String text = Files.readString(file);
    String[] lines = text.split("\n", -1);
    // the last element is "" after a final newline, or a torn line: ignore it either way
    for (int i = 0; i < lines.length - 1; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (IOException e) {
        continue;
      }
      if (dead) {
        deadReasons.add(n.path("id").asText() + ": " + n.path("reason").asText());
      } else {
        orders
            .computeIfAbsent(n.path("order").asText(), k -> new LinkedHashMap<>())
            .put(Step.valueOf(n.path("step").asText()), n.path("ref").asText(null));
      }
    }
  }

  public synchronized Progress get(String orderId) {
    return new Progress(orderId, Map.copyOf(orders.getOrDefault(orderId, Map.of())));
  }

  /** Records a step durably: returns only once the line is on disk. */
  public synchronized void record(String orderId, Step step, String ref, Instant at) {
    ObjectNode n = JSON.createObjectNode();
    n.put("order", orderId);
    n.put("step", step.name());
    if (ref != null) {
      n.put("ref", ref);
    }
    n.put("at", at.toString());
    append(progress, n);
    orders.computeIfAbsent(orderId, k -> new LinkedHashMap<>()).put(step, ref);
  }

  /** Sets a message aside with its reason, durably. */
  public synchronized void deadLetter(String id, String reason, String payload, Instant at) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    n.put("reason", reason);
    n.put("at", at.toString());
    n.put(
        "payload",
        payload == null ? null : payload.length() > 4000 ? payload.substring(0, 4000) : payload);
    append(deadLetters, n);
    deadReasons.add(id + ": " + reason);
  }

  public synchronized List<String> deadLetters() {
    return List.copyOf(deadReasons);
  }

  public synchronized int count(Step step) {
    return (int) orders.values().stream().filter(m -> m.containsKey(step)).count();
  }

  private static void append(FileChannel ch, ObjectNode n) {
    byte[] bytes = (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(false); // fdatasync: the appended bytes and the file length are on disk
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record order-sync progress", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      progress.close();
      deadLetters.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
