package dev.interlock.maven.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine ({@code interlock-cli} and its dependencies) in a class loader of its own whose parent
 * is the platform loader: none of Maven's or the plugin's classes (other Jackson, SLF4J, Guava...)
 * can clash with the engine's. Calls go through {@code dev.interlock.cli.Embedded}, with JDK types
 * only.
 */
public final class Engine implements AutoCloseable {

  static final String ENTRY_POINT = "dev.interlock.cli.Embedded";

  private final URLClassLoader loader;

  private Engine(URLClassLoader loader) {
    this.loader = loader;
  }

  public static Engine load(List<Path> jars) {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(jars.get(i) + ": not a jar path", e);
      }
    }
    return new Engine(
        new URLClassLoader("interlock-engine", urls, ClassLoader.getPlatformClassLoader()));
  }

  /** {@code interlock ARGS...}; returns its exit code. */
  public int run(String[] args, PrintStream out, PrintStream err) {
    return (Integer)
        call("run", types(String[].class, PrintStream.class, PrintStream.class), args, out, err);
  }

  /** {@code interlock diff BASE CONTRACTS OPTIONS...}, the base a folder or a git ref. */
  public int diff(
      String contracts, String base, String[] options, PrintStream out, PrintStream err) {
    return (Integer)
        call(
            "diff",
            types(String.class, String.class, String[].class, PrintStream.class, PrintStream.class),
            contracts,
            base,
            options,
            out,
            err);
  }

  /**
   * Starts sandboxes as {@code interlock sandbox ARGS...} would.
   *
   * @throws IllegalArgumentException when the arguments or contracts cannot be used
   */
  public RunningSandboxes.Handle startSandboxes(String[] args, PrintStream out, PrintStream err) {
    Object started =
        call(
            "startSandboxes",
            types(String[].class, PrintStream.class, PrintStream.class),
            args,
            out,
            err);
    @SuppressWarnings("unchecked")
    Map<String, String> urls = ((Supplier<Map<String, String>>) started).get();
    return new RunningSandboxes.Handle(urls, (AutoCloseable) started, this);
  }

  private Object call(String name, Class<?>[] types, Object... args) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // ServiceLoader lookups (the JUnit Platform launcher, Jackson modules) use the context loader
    thread.setContextClassLoader(loader);
    try {
      Method method = loader.loadClass(ENTRY_POINT).getMethod(name, types);
      return method.invoke(null, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "the engine jar has no " + ENTRY_POINT + "." + name + " (a cli of another version?)", e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static Class<?>[] types(Class<?>... types) {
    return types;
  }

  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      // the jars stay open until the JVM ends; nothing else depends on closing them
    }
  }
}
