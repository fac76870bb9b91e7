package dev.interlock.mocks.internal;

import dev.interlock.mocks.JournalEntry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded ring buffer of exchanges; the oldest entry goes when a new one would not fit.
 *
 * <p>Entries are redacted when they are read, not on the request thread: redaction parses both
 * bodies, which cost a fifth of a request's time under load. What this buffer holds unredacted
 * never leaves it: {@link #entries()} (and so the admin API, logs and reports) only ever sees
 * redacted copies. Bodies longer than {@link #LAZY_LIMIT} are redacted at once.
 */
public final class Journal {

  private static final int MAX_BODY = 4096;
  private static final int LAZY_LIMIT = 64 * 1024;

  /** An exchange as received; redacted into a {@link JournalEntry} on first read. */
  private static final class Raw {
    final Instant at;
    final HttpCall call;
    final Reply reply;
    final String requestBody;
    final String responseBody;
    JournalEntry redacted;

    Raw(Instant at, HttpCall call, Reply reply) {
      this.at = at;
      this.call = call;
      this.reply = reply;
      this.requestBody = bounded(call.body(), call.contentType());
      this.responseBody = bounded(reply.body, reply.headers.getOrDefault("Content-Type", ""));
    }

    private static String bounded(String body, String contentType) {
      return body != null && body.length() > LAZY_LIMIT
          ? truncate(Redactor.body(body, contentType))
          : body;
    }

    synchronized JournalEntry entry() {
      if (redacted == null) {
        String url = call.rawQuery().isEmpty() ? call.path() : call.path() + "?" + call.rawQuery();
        String responseType = reply.headers.getOrDefault("Content-Type", "");
        redacted =
            new JournalEntry(
                at,
                call.method(),
                Redactor.cards(url),
                reply.operationId,
                reply.version,
                Redactor.headers(call.headers()),
                truncate(Redactor.body(requestBody, call.contentType())),
                reply.status,
                Redactor.flatHeaders(reply.headers),
                truncate(Redactor.body(responseBody, responseType)),
                reply.reset);
      }
      return redacted;
    }
  }

  private final int capacity;
  private final ArrayDeque<Raw> entries;

  public Journal(int capacity) {
    this.capacity = capacity;
    this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** Keeps the exchange; the reply must not change afterwards. */
  public void record(Instant at, HttpCall call, Reply reply) {
    Raw raw = new Raw(at, call, reply);
    synchronized (entries) {
      while (entries.size() >= capacity) {
        entries.pollFirst();
      }
      entries.addLast(raw);
    }
  }

  public List<JournalEntry> entries() {
    List<Raw> raws;
    synchronized (entries) {
      raws = new ArrayList<>(entries);
    }
    List<JournalEntry> out = new ArrayList<>(raws.size());
    for (Raw r : raws) {
      out.add(r.entry());
    }
    return List.copyOf(out);
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
