package dev.interlock.verifiers;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.RunReport;
import java.time.Duration;
import java.time.Instant;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The one entry of a verification: loads the contracts, plans the selected checks, runs them as
 * JUnit 5 dynamic tests through the JUnit Platform launcher (so every listener on the classpath
 * sees every result) and assembles the immutable {@link RunReport}.
 *
 * <pre>{@code
 * RunReport run = Verification.run(VerificationOptions.of(Path.of("contracts"), 7), Listener.NONE);
 * }</pre>
 */
public final class Verification {

  /** Told the size of the plan, then each result as it is recorded. */
  public interface Listener {
    default void planned(int cases) {}

    default void finished(CheckResult result) {}

    Listener NONE = new Listener() {};
  }

  /** The launcher session's name for the namespace {@link VerificationExtension} reads. */
  private static final Namespace STORE = Namespace.create(VerificationExtension.class);

  private Verification() {}

  /**
   * Runs every selected check of the options' contracts folder.
   *
   * @throws UnusableContractsException when the contracts cannot be used; nothing ran
   */
  public static RunReport run(VerificationOptions options, Listener listener) {
    Instant started = Instant.now();
    try (VerificationRun run = VerificationRun.open(options, listener)) {
      try (LauncherSession session = LauncherFactory.openSession()) {
        // The launcher hands tests nothing but strings; its session store carries the run itself
        // to VerificationExtension, which resolves it for the test factory.
        session.getStore().put(STORE, VerificationRun.class, run);
        LauncherDiscoveryRequest request =
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(VerificationTests.class))
                .build();
        session.getLauncher().execute(request);
      }
      return run.report(started, Duration.between(started, Instant.now()));
    }
  }
}
