package dev.interlock.compat;

import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.SourceLocation;

/**
 * One way a pact interaction and a contract disagree.
 *
 * @param code stable code, e.g. {@code pact.response.body.unknown-field} (see {@link
 *     MismatchCodes})
 * @param side request, response or message
 * @param interaction the pact interaction concerned
 * @param pactLocation where in the pact file the disagreeing expectation is (file:line:col +
 *     pointer)
 * @param payloadPointer JSON pointer into the pact's payload (body, contents), root when n/a; for
 *     headers, query parameters and metadata the pointer is {@code /<name>}
 * @param specLocation where in the contract the rule is (operation, schema, parameter)
 * @param expected what the contract allows, or null
 * @param actual what the pact has, or null
 */
public record Mismatch(
    String code,
    Severity severity,
    Side side,
    String message,
    InteractionRef interaction,
    SourceLocation pactLocation,
    JsonPointer payloadPointer,
    SourceLocation specLocation,
    String expected,
    String actual) {

  public Mismatch withSeverity(Severity newSeverity) {
    return new Mismatch(
        code,
        newSeverity,
        side,
        message,
        interaction,
        pactLocation,
        payloadPointer,
        specLocation,
        expected,
        actual);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
