package dev.interlock.mocks.internal.pact;

import au.com.dius.pact.core.model.generators.Generator;

/**
 * Values for a pact's random generators from the stub's seed. Pact JVM's own random generators draw
 * from an unseeded source, so a stub that used them would answer differently on every run; until a
 * generator has a seeded counterpart here, the pact's example value is served.
 */
final class SeededValues {

  private final long seed;

  SeededValues(long seed) {
    this.seed = seed;
  }

  /** The seeded counterpart of a random generator, or null to serve the pact's example. */
  Generator generatorFor(Generator g) {
    return null;
  }

  long seed() {
    return seed;
  }
}
