package dev.interlock.verifiers;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * {@code --shard K/N}: this runner takes the cases whose stable key hashes to K among N, so N CI
 * runners split a run without talking to each other and every case runs exactly once.
 */
public record Shard(int index, int count) {

  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "a shard is K/N with 1 <= K <= N, got " + index + "/" + count);
    }
  }

  /** Parses {@code 2/4}. */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/");
    if (parts.length != 2) {
      throw new IllegalArgumentException("a shard is K/N, e.g. 2/4; got '" + text + "'");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a shard is K/N, e.g. 2/4; got '" + text + "'");
    }
  }

  public boolean includes(CheckCase c) {
    if (count == 1) {
      return true;
    }
    CRC32 crc = new CRC32();
    crc.update(c.key().getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % count == index - 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
