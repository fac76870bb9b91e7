package dev.interlock.verifiers;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.interlock.core.run.CheckResult;
import dev.interlock.verifiers.internal.LauncherEntry;
import dev.interlock.verifiers.internal.Sessions;
import java.util.List;
import java.util.UUID;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a verification through the JUnit Platform launcher, the same dynamic tests Surefire runs, so
 * listeners on the classpath (Allure's among them) see every result.
 */
public final class VerificationEngine {

  /** Told the size of the plan, then each result as it is recorded. */
  public interface Progress {
    void planned(int cases);

    void finished(CheckResult result);

    Progress NONE =
        new Progress() {
          @Override
          public void planned(int cases) {}

          @Override
          public void finished(CheckResult result) {}
        };
  }

  private VerificationEngine() {}

  public static List<CheckResult> run(VerificationContext context, Progress progress) {
    String id = UUID.randomUUID().toString();
    RunRecorder recorder = new RunRecorder(progress::finished);
    Sessions.open(id, context, recorder, progress);
    try {
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(selectClass(LauncherEntry.class))
              .configurationParameter(Sessions.PARAMETER, id)
              .build();
      Launcher launcher = LauncherFactory.create();
      launcher.execute(request);
      return recorder.results();
    } finally {
      Sessions.close(id);
    }
  }
}
