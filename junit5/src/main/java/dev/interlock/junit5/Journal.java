package dev.interlock.junit5;

import dev.interlock.mocks.JournalEntry;
import java.util.Iterator;
import java.util.List;

/**
 * What a sandbox received and answered, oldest first, secrets already redacted: a snapshot taken
 * when {@link Sandbox#journal()} was called. The sandbox keeps a bounded number of exchanges (the
 * oldest go first), plenty for one test.
 */
public final class Journal implements Iterable<JournalEntry> {

  private final String vendor;
  private final List<JournalEntry> entries;

  public Journal(String vendor, List<JournalEntry> entries) {
    this.vendor = vendor;
    this.entries = List.copyOf(entries);
  }

  /** The vendor whose sandbox kept this journal. */
  public String vendor() {
    return vendor;
  }

  public List<JournalEntry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The entries the pattern matches, oldest first. */
  public List<JournalEntry> requests(RequestPattern pattern) {
    return entries.stream().filter(pattern::matches).toList();
  }

  /** How many entries the pattern matches. */
  public int count(RequestPattern pattern) {
    return (int) entries.stream().filter(pattern::matches).count();
  }

  @Override
  public Iterator<JournalEntry> iterator() {
    return entries.iterator();
  }

  /**
   * One line per exchange, as assertion failures show them: {@code POST /v1/charges -> 201
   * (createCharge)}, with the contract violations of a request the sandbox refused.
   */
  @Override
  public String toString() {
    if (entries.isEmpty()) {
      return "  (nothing)";
    }
    StringBuilder b = new StringBuilder();
    for (JournalEntry e : entries) {
      b.append("  ").append(describe(e)).append('\n');
    }
    return b.substring(0, b.length() - 1);
  }

  static String describe(JournalEntry e) {
    StringBuilder b = new StringBuilder();
    b.append(e.method()).append(' ').append(e.url()).append(" -> ");
    b.append(e.fault() ? "connection reset" : String.valueOf(e.status()));
    if (e.operationId() != null) {
      b.append(" (").append(e.operationId()).append(')');
    }
    for (JournalEntry.Violation v : e.violations()) {
      b.append("\n      ").append(v.pointer()).append(": ").append(v.message());
    }
    return b.toString();
  }
}
