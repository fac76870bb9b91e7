package dev.interlock.diff.internal;

/**
 * Who reads the data a schema describes. A tightened REQUEST schema breaks callers; a loosened
 * RESPONSE schema breaks consumers; a message payload binds producers and consumers at once (BOTH).
 */
public enum Direction {
  REQUEST,
  RESPONSE,
  BOTH
}
