package dev.interlock.adapters;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a contract says about one operation that matters to resilience, as generated into each
 * adapter.
 *
 * @param idempotencyHeader the header that carries an idempotency key ({@code x-idempotency}, or a
 *     declared {@code Idempotency-Key} header parameter), or null
 * @param declaredIdempotent {@code x-idempotent: true}: safe to repeat although the method is not
 * @param authenticated whether the operation needs the vendor's credentials
 * @param retryStatuses the operation's own {@code x-retry} statuses, empty when it has none
 * @param maxAttempts the operation's own {@code x-retry} attempts, 0 when it has none
 */
public record OperationSpec(
    String operationId,
    String method,
    String path,
    String idempotencyHeader,
    boolean declaredIdempotent,
    boolean authenticated,
    List<Integer> retryStatuses,
    int maxAttempts) {

  private static final Set<String> IDEMPOTENT_METHODS =
      Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

  public OperationSpec {
    method = method.toUpperCase(Locale.ROOT);
    retryStatuses = List.copyOf(retryStatuses);
  }

  /** RFC 9110 section 9.2.2. */
  public boolean idempotentMethod() {
    return IDEMPOTENT_METHODS.contains(method);
  }
}
