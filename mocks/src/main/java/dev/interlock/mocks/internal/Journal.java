package dev.interlock.mocks.internal;

import dev.interlock.core.redact.Redactor;
import dev.interlock.mocks.JournalEntry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  private static final Redactor REDACTOR = Redactor.standard();

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
      this.responseBody = bounded(reply.body(), reply.headers().getOrDefault("Content-Type", ""));
    }

    private static String bounded(String body, String contentType) {
      return body != null && body.length() > LAZY_LIMIT
          ? truncate(REDACTOR.redactBody(body, contentType))
          : body;
    }

    synchronized JournalEntry entry() {
      if (redacted == null) {
        String url = call.rawQuery().isEmpty() ? call.path() : call.path() + "?" + call.rawQuery();
        String responseType = reply.headers().getOrDefault("Content-Type", "");
        redacted =
            new JournalEntry(
                at,
                call.method(),
                REDACTOR.redactUrl(url),
                reply.operationId(),
                reply.version(),
                headers(call.headers()),
                truncate(REDACTOR.redactBody(requestBody, call.contentType())),
                reply.status(),
                flatHeaders(reply.headers()),
                truncate(REDACTOR.redactBody(responseBody, responseType)),
                reply.reset(),
                violations(reply),
                warnings(reply));
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

  /** The reply's violations, their messages redacted (a validator may quote the value sent). */
  private static List<JournalEntry.Violation> violations(Reply reply) {
    List<JournalEntry.Violation> out = new ArrayList<>(reply.violations().size());
    for (Violation v : reply.violations()) {
      out.add(new JournalEntry.Violation(v.pointer(), REDACTOR.redactText(v.message()), v.code()));
    }
    return out;
  }

  /** What the sandbox tolerated in the request, messages redacted as violations' are. */
  private static List<JournalEntry.Warning> warnings(Reply reply) {
    List<JournalEntry.Warning> out = new ArrayList<>(reply.warnings().size());
    for (Warning w : reply.warnings()) {
      out.add(
          new JournalEntry.Warning(
              w.pointer(),
              REDACTOR.redactText(w.message()),
              w.code(),
              w.contractPointer(),
              w.matchedBranches()));
    }
    return out;
  }

  /** Request headers as kept: one value per name, the values of a repeated header joined. */
  private static Map<String, String> headers(Map<String, List<String>> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k, REDACTOR.redactHeader(k, String.join(", ", v))));
    return out;
  }

  private static Map<String, String> flatHeaders(Map<String, String> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k, REDACTOR.redactHeader(k, v)));
    return out;
  }

  private static String truncate(String s) {
    return s.length() <= MAX_BODY ? s : s.substring(0, MAX_BODY) + "…(truncated)";
  }
}
