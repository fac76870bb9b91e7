package dev.interlock.verifiers.internal;

import dev.interlock.verifiers.RunRecorder;
import dev.interlock.verifiers.VerificationContext;
import dev.interlock.verifiers.VerificationEngine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a run's context from {@code VerificationEngine} to the test factory the launcher discovers:
 * the launcher passes only strings, so the run is registered under an id.
 */
public final class Sessions {

  public static final String PARAMETER = "interlock.session";

  /** A run in progress. */
  public record Session(
      VerificationContext context, RunRecorder recorder, VerificationEngine.Progress progress) {}

  private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

  private Sessions() {}

  public static void open(
      String id,
      VerificationContext context,
      RunRecorder recorder,
      VerificationEngine.Progress progress) {
    SESSIONS.put(id, new Session(context, recorder, progress));
  }

  public static Session get(String id) {
    Session s = SESSIONS.get(id);
    if (s == null) {
      throw new IllegalStateException("no verification session " + id);
    }
    return s;
  }

  public static void close(String id) {
    SESSIONS.remove(id);
  }
}
