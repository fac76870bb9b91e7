package dev.interlock.verifiers.conformance;

import dev.interlock.core.JsonPointer;
import dev.interlock.core.SourceLocation;

/**
 * One way an observed response departs from its contract, naming both sides.
 *
 * @param code a stable key, such as {@code verify.response.body.schema.type} or {@code
 *     verify.response.status.unknown}
 * @param message a sentence saying what is wrong, the operation and status in front
 * @param bodyPointer where in the observed body ({@link JsonPointer#ROOT} for the whole body, or
 *     when the problem is not in the body)
 * @param contractLocation where the contract describes what was expected: the response schema when
 *     it can be found, else the response, the operation or the document
 */
public record ResponseViolation(
    String code, String message, JsonPointer bodyPointer, SourceLocation contractLocation) {}
