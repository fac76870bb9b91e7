package dev.interlock.mocks.internal.pact;

import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.generators.Generator;
import au.com.dius.pact.core.model.generators.GeneratorTestMode;
import au.com.dius.pact.core.model.generators.RandomBooleanGenerator;
import au.com.dius.pact.core.model.generators.RandomDecimalGenerator;
import au.com.dius.pact.core.model.generators.RandomHexadecimalGenerator;
import au.com.dius.pact.core.model.generators.RandomIntGenerator;
import au.com.dius.pact.core.model.generators.RandomStringGenerator;
import au.com.dius.pact.core.model.generators.UuidFormat;
import au.com.dius.pact.core.model.generators.UuidGenerator;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values for a pact's random generators drawn from the stub's seed. Pact JVM's own random
 * generators use an unseeded source, so a stub that ran them would answer differently on every run.
 * Each answer of an interaction draws from its own stream (seed, interaction, how many times it
 * answered before), so the same seed and the same requests give the same answers. A generator with
 * no counterpart here ({@code Regex}) leaves the pact's example, which its rule accepts.
 */
final class SeededValues {

  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final long seed;
  private final Map<Integer, AtomicLong> answered = new ConcurrentHashMap<>();

  SeededValues(long seed) {
    this.seed = seed;
  }

  /** The random stream of the interaction's next answer. */
  SplittableRandom nextAnswer(int interaction) {
    long n = answered.computeIfAbsent(interaction, k -> new AtomicLong()).getAndIncrement();
    return new SplittableRandom(seed * 1_000_003L + interaction * 7_919L + n);
  }

  /** The seeded counterpart of a random generator, or null to serve the pact's example. */
  static Generator generatorFor(Generator g, SplittableRandom random) {
    if (g instanceof RandomIntGenerator i) {
      return seeded(
          g, r -> i.getMin() + (long) r.nextInt(Math.max(1, i.getMax() - i.getMin() + 1)), random);
    }
    if (g instanceof RandomDecimalGenerator d) {
      return seeded(g, r -> decimal(r, Math.max(2, d.getDigits())), random);
    }
    if (g instanceof RandomHexadecimalGenerator h) {
      return seeded(g, r -> chars(r, "0123456789abcdef", h.getDigits()), random);
    }
    if (g instanceof RandomStringGenerator s) {
      return seeded(g, r -> chars(r, ALPHANUMERIC, s.getSize()), random);
    }
    if (g instanceof RandomBooleanGenerator) {
      return seeded(g, SplittableRandom::nextBoolean, random);
    }
    if (g instanceof UuidGenerator u) {
      return seeded(g, r -> uuid(r, u.getFormat()), random);
    }
    return null;
  }

  private static Generator seeded(
      Generator original, Function<SplittableRandom, Object> draw, SplittableRandom random) {
    return new Generator() {
      @Override
      public String getType() {
        return original.getType();
      }

      @Override
      public Object generate(Map<String, Object> context, Object exampleValue) {
        return draw.apply(random);
      }

      @Override
      public Map<String, Object> toMap(PactSpecVersion version) {
        return original.toMap(version);
      }

      @Override
      public boolean correspondsToMode(GeneratorTestMode mode) {
        return true;
      }
    };
  }

  private static String chars(SplittableRandom r, String alphabet, int size) {
    StringBuilder b = new StringBuilder(size);
    for (int i = 0; i < size; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** A decimal with {@code digits} significant digits, one of them after the point. */
  private static BigDecimal decimal(SplittableRandom r, int digits) {
    String d = (1 + r.nextInt(9)) + chars(r, "0123456789", digits - 1);
    return new BigDecimal(d).movePointLeft(1 + r.nextInt(digits - 1));
  }

  private static String uuid(SplittableRandom r, UuidFormat format) {
    UUID id = new UUID(r.nextLong(), r.nextLong());
    String hyphenated = id.toString();
    if (format == null) {
      return hyphenated;
    }
    return switch (format.name()) {
      case "Simple" -> hyphenated.replace("-", "");
      case "UpperCaseHyphenated" -> hyphenated.toUpperCase(Locale.ROOT);
      case "Urn" -> "urn:uuid:" + hyphenated;
      default -> hyphenated;
    };
  }
}
