package dev.interlock.adapters;

/** Whether an operation may be repeated, and why. */
public enum RetryClass {
  /** Idempotent by RFC 9110 (GET, HEAD, OPTIONS, TRACE, PUT, DELETE) or {@code x-idempotent}. */
  IDEMPOTENT,
  /** A non-idempotent request made safe by an idempotency key that is the same on every attempt. */
  KEYED,
  /**
   * Never repeated: a second attempt could duplicate a side effect. Only a 429 is retried, because
   * the server refused the request before processing it (RFC 6585).
   */
  NEVER
}
