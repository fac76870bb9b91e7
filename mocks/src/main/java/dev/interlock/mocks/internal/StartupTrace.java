package dev.interlock.mocks.internal;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Phase times of a sandbox's start-up, printed to standard error when the system property {@code
 * interlock.startup.trace} is set (e.g. {@code INTERLOCK_JAVA_OPTS=-Dinterlock.startup.trace}):
 * milliseconds since the JVM started and the CPU the calling thread has used, so that a slow start
 * can be told apart into contract load, models, validators, server and first answer. Off, it costs
 * one boolean read.
 */
public final class StartupTrace {

  private static final boolean ON = System.getProperty("interlock.startup.trace") != null;
  private static final AtomicBoolean FIRST_ANSWER = new AtomicBoolean();

  private StartupTrace() {}

  /** Prints that a phase ended, when tracing. */
  public static void mark(String phase) {
    if (ON) {
      long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
      long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
      long process =
          ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                  .getProcessCpuTime()
              / 1_000_000;
      System.err.printf(
          "interlock.startup: %6d ms  %-40s thread %s cpu %d ms, process cpu %d ms%n",
          uptime, phase, Thread.currentThread().getName(), cpu, process);
    }
  }

  /** Marks the first answer the sandbox gives, once. */
  static void firstAnswer() {
    if (ON && FIRST_ANSWER.compareAndSet(false, true)) {
      mark("first answer");
    }
  }
}
