package dev.interlock.core.schema;

import dev.interlock.core.JsonPointer;

/**
 * One way an instance fails its schema.
 *
 * @param instancePointer where in the instance (payload, example) the problem is
 * @param keyword the JSON Schema keyword that failed ({@code type}, {@code required}, ...)
 * @param message a sentence saying what is wrong
 */
public record SchemaViolation(JsonPointer instancePointer, String keyword, String message) {}
