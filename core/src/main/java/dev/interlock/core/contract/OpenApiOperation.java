package dev.interlock.core.contract;

import dev.interlock.core.JsonPointer;
import io.swagger.v3.oas.models.Operation;

/**
 * One operation of an OpenAPI contract: method, path template, the parsed operation and where it is
 * in the source document.
 */
public record OpenApiOperation(
    String method, String path, Operation operation, JsonPointer pointer) {

  /** {@code POST /v1/charges}. */
  public String signature() {
    return method + " " + path;
  }

  /** The operationId, or the signature when the contract gives none. */
  public String id() {
    String id = operation.getOperationId();
    return id == null || id.isBlank() ? signature() : id;
  }
}
