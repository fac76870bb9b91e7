package dev.interlock.diff.internal;

import dev.interlock.core.SourceLocation;
import dev.interlock.diff.Change;
import dev.interlock.diff.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Collects changes in the order they are found, each once. */
public final class ChangeSink {

  private final List<Change> changes = new ArrayList<>();
  private final Set<String> seen = new LinkedHashSet<>();
  private String newOperation;
  private Change.Level cap;
  private String capReason;

  /** Ends a {@link #capLevel} scope. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** The new document's signature of the operation the next changes are about. */
  public void newOperation(String signature) {
    this.newOperation = signature;
  }

  /**
   * Until the returned scope is closed, changes more severe than {@code level} are reported at
   * {@code level}, their message saying why (an operation still at draft or alpha stability may
   * change freely). Scopes nest; the innermost wins.
   */
  public Scope capLevel(Change.Level level, String reason) {
    Change.Level outerCap = cap;
    String outerReason = capReason;
    cap = level;
    capReason = reason;
    return () -> {
      cap = outerCap;
      capReason = outerReason;
    };
  }

  public void add(
      Rule rule, String message, Node oldNode, Node newNode, String operation, String part) {
    add(rule.id(), rule.level(), message, oldNode, newNode, operation, part, null);
  }

  public void add(
      String ruleId,
      Change.Level level,
      String message,
      Node oldNode,
      Node newNode,
      String operation,
      String part,
      String fieldPath) {
    String key =
        ruleId
            + "|"
            + (oldNode == null ? "" : oldNode.key())
            + "|"
            + (newNode == null ? "" : newNode.key())
            + "|"
            + operation
            + "|"
            + part
            + "|"
            + fieldPath;
    if (!seen.add(key)) {
      return;
    }
    boolean capped = cap != null && level != cap && level.reaches(cap);
    changes.add(
        new Change(
            ruleId,
            capped ? cap : level,
            capped ? message + " (" + capReason + ")" : message,
            location(oldNode),
            location(newNode),
            Optional.ofNullable(operation),
            Optional.ofNullable(part),
            Optional.ofNullable(fieldPath),
            Optional.ofNullable(newOperation).filter(o -> !o.equals(operation))));
  }

  /** Adds the findings of a schema comparison, named for the place the schema is in. */
  public void addSchemaFindings(
      List<SchemaComparator.Finding> findings,
      Rules.SchemaPrefix prefix,
      String subject,
      String operation,
      String part) {
    for (SchemaComparator.Finding f : findings) {
      String path = SchemaComparator.jsonPath(f.path());
      String where = f.path().isEmpty() ? "" : " at " + path;
      add(
          prefix.prefix() + f.rule().suffix(),
          f.rule().level(prefix.direction()),
          subject + ": " + f.message() + where,
          f.oldNode(),
          f.newNode(),
          operation,
          part,
          path);
    }
  }

  private static Optional<SourceLocation> location(Node node) {
    return node == null ? Optional.empty() : Optional.of(node.location());
  }

  public List<Change> changes() {
    return List.copyOf(changes);
  }

  public boolean hasBreaking() {
    return changes.stream().anyMatch(Change::isBreaking);
  }
}
