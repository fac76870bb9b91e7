package dev.interlock.mocks.internal;

/**
 * A map key equal only to itself: contracts are records, and hashing one hashes its whole tree (a
 * cache keyed by the contract would pay that on every lookup).
 */
public record IdentityKey(Object value) {
  @Override
  public boolean equals(Object o) {
    return o instanceof IdentityKey i && i.value == value;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(value);
  }
}
