package dev.interlock.verifiers.conformance;

/**
 * A contract as a cache key, equal only to itself: contracts are records, and hashing one hashes
 * its whole tree (a cache keyed by the contract would pay that on every lookup).
 */
record ContractIdentity(Object value) {
  @Override
  public boolean equals(Object o) {
    return o instanceof ContractIdentity other && other.value == value;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(value);
  }
}
