package dev.interlock.mocks.internal;

import dev.interlock.mocks.JournalEntry;
import java.util.ArrayDeque;
import java.util.List;

/** A bounded ring buffer of exchanges; the oldest entry goes when a new one would not fit. */
public final class Journal {

  private static final int MAX_BODY = 4096;

  private final int capacity;
  private final ArrayDeque<JournalEntry> entries;

  public Journal(int capacity) {
    this.capacity = capacity;
    this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  public void record(java.time.Instant at, HttpCall call, Reply reply) {
    String url = call.rawQuery().isEmpty() ? call.path() : call.path() + "?" + call.rawQuery();
    JournalEntry entry =
        new JournalEntry(
            at,
            call.method(),
            Redactor.cards(url),
            reply.operationId,
            reply.version,
            Redactor.headers(call.headers()),
            truncate(Redactor.body(call.body(), call.contentType())),
            reply.status,
            Redactor.flatHeaders(reply.headers),
            truncate(Redactor.body(reply.body, reply.headers.getOrDefault("Content-Type", ""))),
            reply.reset);
    synchronized (entries) {
      while (entries.size() >= capacity) {
        entries.pollFirst();
      }
      entries.addLast(entry);
    }
  }

  public List<JournalEntry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  private static String truncate(String s) {
    return s.length() <= MAX_BODY ? s : s.substring(0, MAX_BODY) + "…(truncated)";
  }
}
