package dev.interlock.core.schema;

import dev.interlock.core.JsonPointer;

/**
 * One way an instance fails its schema.
 *
 * @param instancePointer where in the instance (payload, example) the problem is
 * @param keyword the JSON Schema keyword that failed ({@code type}, {@code required}, ...)
 * @param message a sentence saying what is wrong
 * @param missingProperty for {@code required}, the member that is absent (the instance pointer
 *     names the object that lacks it); otherwise null
 */
public record SchemaViolation(
    JsonPointer instancePointer, String keyword, String message, String missingProperty) {

  public SchemaViolation(JsonPointer instancePointer, String keyword, String message) {
    this(instancePointer, keyword, message, null);
  }
}
