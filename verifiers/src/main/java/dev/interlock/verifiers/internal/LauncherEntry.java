package dev.interlock.verifiers.internal;

import dev.interlock.verifiers.InterlockVerification;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The test factory {@code interlock verify} asks the JUnit Platform launcher to run. */
@ExtendWith(LauncherEntry.SessionResolver.class)
public final class LauncherEntry {

  @TestFactory
  Stream<DynamicNode> interlock(Sessions.Session session) {
    var plan = InterlockVerification.plan(session.context());
    session.progress().planned(plan.values().stream().mapToInt(List::size).sum());
    return InterlockVerification.dynamicTests(session.context(), plan, session.recorder());
  }

  /** Resolves the session whose id the launcher passed as a configuration parameter. */
  public static final class SessionResolver implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
      return p.getParameter().getType() == Sessions.Session.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
      String id =
          e.getConfigurationParameter(Sessions.PARAMETER)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "LauncherEntry runs only under VerificationEngine"));
      return Sessions.get(id);
    }
  }
}
