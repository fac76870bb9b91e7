package dev.interlock.mocks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One exchange a sandbox received and answered, with secrets already redacted. {@code operationId}
 * and {@code version} are null when the request matched no operation; {@code violations} says how a
 * request the sandbox refused as invalid departed from its contract, each with its pointer; {@code
 * warnings} what the sandbox accepted although the contract, read to the letter, would refuse it (a
 * {@code oneOf} whose overlapping branches all matched).
 */
public record JournalEntry(
    Instant at,
    String method,
    String url,
    String operationId,
    String version,
    Map<String, String> requestHeaders,
    String requestBody,
    int status,
    Map<String, String> responseHeaders,
    String responseBody,
    boolean fault,
    List<Violation> violations,
    List<Warning> warnings) {

  /**
   * One way a request departed from its contract.
   *
   * @param pointer where: {@code /body/items/0/quantity}, {@code /query/limit}
   * @param message what is wrong
   * @param code the stable key of the rule ({@code validation.request.body.schema.minimum})
   */
  public record Violation(String pointer, String message, String code) {}

  /**
   * Something a request was accepted despite.
   *
   * @param pointer where in the request: {@code /body/target}
   * @param message what was tolerated and why
   * @param code the stable key of the tolerance ({@code
   *     validation.request.body.schema.oneOf.overlap})
   * @param contractPointer the contract's part at fault ({@code #/components/schemas/Route/oneOf})
   * @param matchedBranches the branches of that part the request matched, as contract pointers
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

  public JournalEntry {
    requestHeaders = Map.copyOf(requestHeaders);
    responseHeaders = Map.copyOf(responseHeaders);
    violations = List.copyOf(violations);
    warnings = List.copyOf(warnings);
  }
}
