package dev.interlock.diff;

import dev.interlock.core.SourceLocation;
import java.util.Optional;

/**
 * One difference between two versions of a contract, classified by a stable rule id (listed in
 * {@link RuleCatalog}) and a level.
 *
 * @param ruleId stable id such as {@code openapi.response.property.removed}
 * @param level how much the change can hurt the other side of the contract
 * @param message one sentence for a human
 * @param oldLocation where the changed element was in the old document, if it existed there
 * @param newLocation where it is in the new document, if it exists there
 * @param operation the operation signature ({@code POST /v1/charges}, the old one when both exist)
 *     or, for AsyncAPI, the channel; empty for document-wide changes
 * @param part which part of the operation changed: {@code request.body}, {@code
 *     request.query.limit}, {@code request.header.Idempotency-Key}, {@code response.200.body},
 *     {@code response.200.header.Sunset}, {@code response.404}, {@code message.OrderCreated}
 * @param fieldPath the JSON path inside the body, parameter or payload schema that changed ({@code
 *     $.amount.currency}, {@code $.items[*].sku}); {@code $} for the value itself
 * @param newOperation the operation's signature in the new document when it differs from {@code
 *     operation} (a new version prefix: {@code POST /v2/shipments})
 */
public record Change(
    String ruleId,
    Level level,
    String message,
    Optional<SourceLocation> oldLocation,
    Optional<SourceLocation> newLocation,
    Optional<String> operation,
    Optional<String> part,
    Optional<String> fieldPath,
    Optional<String> newOperation) {

  /** How much a change can hurt, from worst to harmless. */
  public enum Level {
    BREAKING("breaking"),
    POTENTIALLY_BREAKING("potentially breaking"),
    NON_BREAKING("non-breaking");

    private final String label;

    Level(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** Whether this level is at least as severe as {@code other}. */
    public boolean reaches(Level other) {
      return ordinal() <= other.ordinal();
    }

    public static Level worst(Level a, Level b) {
      return a.ordinal() <= b.ordinal() ? a : b;
    }
  }

  public Change {
    oldLocation = oldLocation == null ? Optional.empty() : oldLocation;
    newLocation = newLocation == null ? Optional.empty() : newLocation;
    operation = operation == null ? Optional.empty() : operation;
    part = part == null ? Optional.empty() : part;
    fieldPath = fieldPath == null ? Optional.empty() : fieldPath;
    newOperation = newOperation == null ? Optional.empty() : newOperation;
  }

  public boolean isBreaking() {
    return level == Level.BREAKING;
  }

  /** The location a reader should look at first: the new document's, else the old one's. */
  public Optional<SourceLocation> primaryLocation() {
    return newLocation.isPresent() ? newLocation : oldLocation;
  }
}
