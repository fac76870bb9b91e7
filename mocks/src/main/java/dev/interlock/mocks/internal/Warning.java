package dev.interlock.mocks.internal;

import java.util.List;

/**
 * Something about a request the sandbox accepted although its contract, read to the letter, would
 * refuse it: kept in the journal so the defect in the contract is seen, not hidden.
 *
 * @param pointer where in the request: {@code /body/target}
 * @param message what was tolerated and why, in a sentence
 * @param code a stable key ({@code validation.request.body.schema.oneOf.overlap})
 * @param contractPointer the contract's part at fault: {@code #/components/schemas/Route/oneOf}
 * @param matchedBranches the branches of that part the request matched, each a contract pointer
 */
public record Warning(
    String pointer,
    String message,
    String code,
    String contractPointer,
    List<String> matchedBranches) {

  public Warning {
    matchedBranches = List.copyOf(matchedBranches);
  }
}
