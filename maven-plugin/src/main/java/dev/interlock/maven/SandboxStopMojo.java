package dev.interlock.maven;

import dev.interlock.maven.internal.RunningSandboxes;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Stops the sandboxes {@code sandbox-start} started for this project. Bound to {@code
 * post-integration-test}, which Maven runs even when integration tests fail (Failsafe fails the
 * build later, in {@code verify}).
 */
@Mojo(name = "sandbox-stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class SandboxStopMojo extends AbstractMojo {

  /** Skip this goal: the sandboxes then stop when the build's JVM ends. */
  @Parameter(property = "interlock.sandbox.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("interlock:sandbox-stop skipped");
      return;
    }
    try {
      if (RunningSandboxes.stop(project)) {
        getLog().info("interlock:sandbox-stop: sandboxes stopped");
      } else {
        getLog().info("interlock:sandbox-stop: no sandboxes were running");
      }
    } catch (RuntimeException e) {
      throw new MojoExecutionException("interlock:sandbox-stop: " + e.getMessage(), e);
    }
  }
}
