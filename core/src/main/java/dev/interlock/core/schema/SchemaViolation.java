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
 * @param schemaPointer where the failing keyword sits in the validated document, {@code $ref}s
 *     followed ({@code /components/schemas/Target/oneOf}); null when it is in another file or
 *     unknown
 * @param evaluationPath how validation reached the keyword from the schema validated, one token per
 *     step, {@code $ref}s included: the violations a combinator's branches caused lie beneath the
 *     combinator's own; empty when unknown
 */
public record SchemaViolation(
    JsonPointer instancePointer,
    String keyword,
    String message,
    String missingProperty,
    JsonPointer schemaPointer,
    String evaluationPath) {

  public SchemaViolation {
    evaluationPath = evaluationPath == null ? "" : evaluationPath;
  }

  public SchemaViolation(
      JsonPointer instancePointer, String keyword, String message, String missingProperty) {
    this(instancePointer, keyword, message, missingProperty, null, "");
  }

  public SchemaViolation(JsonPointer instancePointer, String keyword, String message) {
    this(instancePointer, keyword, message, null);
  }

  /** Whether this violation was found while evaluating beneath {@code other}'s keyword. */
  public boolean liesBeneath(SchemaViolation other) {
    return !other.evaluationPath.isEmpty() && evaluationPath.startsWith(other.evaluationPath + "/");
  }
}
