package dev.interlock.mocks.internal;

/**
 * One way a request departs from its contract.
 *
 * @param pointer where: {@code /body/items/0/quantity}, {@code /query/limit}, {@code
 *     /header/Content-Type}
 * @param message what is wrong, in a sentence
 * @param code the validator's stable key ({@code validation.request.body.schema.maximum})
 */
public record Violation(String pointer, String message, String code) {}
