package dev.interlock.maven.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.project.MavenProject;

/**
 * Sandboxes between {@code sandbox-start} and {@code sandbox-stop}: kept in the project's context
 * (both goals see the same {@link MavenProject}), and guarded by a JVM shutdown hook, so a build
 * that dies between the two (Ctrl-C, an error in another plugin) still stops them.
 */
public final class RunningSandboxes {

  static final String CONTEXT_KEY = RunningSandboxes.class.getName();

  private RunningSandboxes() {}

  /** Sandboxes the engine started, and what stops them: the engine's handle, then its loader. */
  public static final class Handle implements AutoCloseable {
    private final Map<String, String> baseUrls;
    private final AutoCloseable sandboxes;
    private final AutoCloseable engine;
    private Thread shutdownHook;

    public Handle(Map<String, String> baseUrls, AutoCloseable sandboxes, AutoCloseable engine) {
      this.baseUrls = Collections.unmodifiableMap(new LinkedHashMap<>(baseUrls));
      this.sandboxes = sandboxes;
      this.engine = engine;
    }

    /** The hook that stops these sandboxes if the JVM ends first; null until {@link #keep}. */
    Thread shutdownHook() {
      return shutdownHook;
    }

    /** Base URL by vendor id. */
    public Map<String, String> baseUrls() {
      return baseUrls;
    }

    @Override
    public synchronized void close() {
      try (AutoCloseable last = engine) {
        sandboxes.close();
      } catch (Exception e) {
        throw new IllegalStateException("the sandboxes did not stop cleanly: " + e, e);
      }
    }
  }

  /** Keeps the handle for {@link #stop} and registers the shutdown hook that stops it otherwise. */
  public static void keep(MavenProject project, Handle handle) {
    Thread hook =
        new Thread(
            () -> {
              try {
                handle.close();
              } catch (RuntimeException e) {
                // the JVM is ending: nothing left to tell
              }
            },
            "interlock-sandbox-stop-on-exit");
    handle.shutdownHook = hook;
    Runtime.getRuntime().addShutdownHook(hook);
    project.setContextValue(CONTEXT_KEY, handle);
  }

  /** The handle {@link #keep} stored for this project, or null. */
  public static Handle running(MavenProject project) {
    return (Handle) project.getContextValue(CONTEXT_KEY);
  }

  /**
   * Stops the sandboxes {@link #keep} stored for this project and drops the shutdown hook.
   *
   * @return false when none were running
   */
  public static boolean stop(MavenProject project) {
    Handle handle = running(project);
    if (handle == null) {
      return false;
    }
    project.setContextValue(CONTEXT_KEY, null);
    try {
      Runtime.getRuntime().removeShutdownHook(handle.shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is about to run anyway
    }
    handle.close();
    return true;
  }
}
