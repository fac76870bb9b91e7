package dev.interlock.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class RunningSandboxesTest {

  private final List<String> events = new ArrayList<>();

  private RunningSandboxes.Handle handle() {
    return new RunningSandboxes.Handle(
        Map.of("payments", "http://127.0.0.1:1"),
        () -> events.add("sandboxes closed"),
        () -> events.add("engine closed"));
  }

  @Test
  void stopClosesTheSandboxesThenTheEngineAndForgetsThem() {
    MavenProject project = new MavenProject();
    RunningSandboxes.Handle handle = handle();
    RunningSandboxes.keep(project, handle);

    assertThat(RunningSandboxes.running(project)).isSameAs(handle);
    assertThat(RunningSandboxes.stop(project)).isTrue();

    assertThat(events).containsExactly("sandboxes closed", "engine closed");
    assertThat(RunningSandboxes.running(project)).isNull();
    assertThat(RunningSandboxes.stop(project)).isFalse();
  }

  @Test
  void theShutdownHookStopsSandboxesThatSandboxStopNeverReached() {
    MavenProject project = new MavenProject();
    RunningSandboxes.Handle handle = handle();
    RunningSandboxes.keep(project, handle);
    Thread hook = handle.shutdownHook();

    // the JVM would run it on exit; running it here shows what it does without ending the JVM
    hook.run();

    assertThat(events).containsExactly("sandboxes closed", "engine closed");
    // a hook that is registered cannot be added twice: removing it proves keep() registered it
    assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isTrue();
  }
}
