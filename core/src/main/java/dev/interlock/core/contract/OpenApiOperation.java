package dev.interlock.core.contract;

import dev.interlock.core.JsonPointer;
import io.swagger.v3.oas.models.Operation;
import java.util.Locale;
import java.util.Set;

/**
 * One operation of an OpenAPI contract: method, path template, the parsed operation and where it is
 * in the source document.
 */
public record OpenApiOperation(
    String method, String path, Operation operation, JsonPointer pointer) {

  private static final Set<String> IDEMPOTENT =
      Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

  /** {@code POST /v1/charges}. */
  public String signature() {
    return method + " " + path;
  }

  /** The operationId, or the signature when the contract gives none. */
  public String id() {
    String id = operation.getOperationId();
    return id == null || id.isBlank() ? signature() : id;
  }

  /** Idempotent by RFC 9110 section 9.2.2: safe to repeat without side effects piling up. */
  public boolean isIdempotentMethod() {
    return IDEMPOTENT.contains(method.toUpperCase(Locale.ROOT));
  }
}
