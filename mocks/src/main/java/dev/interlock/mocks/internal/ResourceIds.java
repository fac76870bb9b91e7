package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * New ids for created resources, shaped like the contract's: same prefix, same length, same
 * character classes; integers stay integers and UUIDs UUIDs. Each id draws from its own generator,
 * seeded with the sandbox seed and the id's sequence number: the n-th id is the same for the same
 * seed, and concurrent creates share no lock (one shared generator under a monitor was the most
 * contended lock of a POST load at 64 clients).
 */
final class ResourceIds {

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final long seed;
  private final AtomicLong sequence = new AtomicLong();

  ResourceIds(long sandboxSeed) {
    this.seed = sandboxSeed ^ 0x1D5L;
  }

  /** Sets a new id, not {@code taken}, in the resource's id field (if it has one), returns it. */
  String assign(ObjectNode resource, String field, Predicate<String> taken) {
    JsonNode current = resource.get(field);
    boolean integral = current != null && current.isIntegralNumber();
    String id;
    do {
      SplittableRandom random =
          new SplittableRandom(seed + sequence.getAndIncrement() * 0x9E3779B97F4A7C15L);
      id =
          integral
              ? String.valueOf(1000 + random.nextInt(1_000_000_000))
              : vary(current == null ? null : current.asText(), random);
    } while (taken.test(id));
    if (integral) {
      resource.put(field, Long.parseLong(id));
    } else if (current != null) {
      resource.put(field, id);
    }
    return id;
  }

  /** A new id shaped like the template. */
  static String vary(String template, SplittableRandom ids) {
    if (template == null || template.isEmpty() || UUID.matcher(template).matches()) {
      return SchemaSynthesizer.uuid(ids);
    }
    int start = Math.max(template.lastIndexOf('_'), template.lastIndexOf('-')) + 1;
    if (start >= template.length()) {
      start = 0;
    }
    StringBuilder b = new StringBuilder(template.substring(0, start));
    for (int i = start; i < template.length(); i++) {
      char c = template.charAt(i);
      if (Character.isDigit(c)) {
        b.append((char) ('0' + ids.nextInt(10)));
      } else if (Character.isUpperCase(c)) {
        b.append((char) ('A' + ids.nextInt(26)));
      } else if (Character.isLowerCase(c)) {
        b.append((char) ('a' + ids.nextInt(26)));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
