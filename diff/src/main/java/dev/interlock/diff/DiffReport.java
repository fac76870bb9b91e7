package dev.interlock.diff;

import dev.interlock.core.Diagnostic;
import dev.interlock.diff.Change.Level;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every change found between an old and a new version of one or more contracts, plus the problems
 * met while loading them (a contract that could not be read is a diagnostic, not an exception).
 */
public record DiffReport(List<Change> changes, List<Diagnostic> diagnostics) {

  public DiffReport {
    changes = List.copyOf(changes);
    diagnostics = List.copyOf(diagnostics);
  }

  public static DiffReport of(List<Change> changes) {
    return new DiffReport(changes, List.of());
  }

  public static DiffReport empty() {
    return new DiffReport(List.of(), List.of());
  }

  /** This report followed by another's changes and diagnostics. */
  public DiffReport merge(DiffReport other) {
    List<Change> c = new ArrayList<>(changes);
    c.addAll(other.changes);
    List<Diagnostic> d = new ArrayList<>(diagnostics);
    d.addAll(other.diagnostics);
    return new DiffReport(c, d);
  }

  /** How many changes of each level, every level present (zero when none). */
  public Map<Level, Integer> counts() {
    Map<Level, Integer> counts = new EnumMap<>(Level.class);
    for (Level l : Level.values()) {
      counts.put(l, 0);
    }
    for (Change c : changes) {
      counts.merge(c.level(), 1, Integer::sum);
    }
    return counts;
  }

  public int count(Level level) {
    return counts().get(level);
  }

  /** The worst level of any change; empty when nothing changed. */
  public Optional<Level> highestLevel() {
    return changes.stream().map(Change::level).reduce(Level::worst);
  }

  /** Whether some change is at least as severe as {@code level}. */
  public boolean reaches(Level level) {
    return highestLevel().map(l -> l.reaches(level)).orElse(false);
  }

  public List<Change> breaking() {
    return changes.stream().filter(Change::isBreaking).toList();
  }

  public List<Change> withRule(String ruleId) {
    return changes.stream().filter(c -> c.ruleId().equals(ruleId)).toList();
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
