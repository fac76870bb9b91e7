package dev.interlock.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints the contracts folder strictly, as {@code interlock lint} does: every problem with its
 * file:line:column, JSON pointer and hint; the build fails on errors (or warnings, with {@code
 * failOn=warning}).
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class LintMojo extends EngineMojo {

  /** {@code error} or {@code warning}: the lowest severity that fails the build. */
  @Parameter(property = "interlock.failOn", defaultValue = "error")
  String failOn;

  /** Skip this goal. */
  @Parameter(property = "interlock.lint.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info(goal() + " skipped");
      return;
    }
    String dir = contractsFolder().toString();
    run(List.of("lint", "--root", dir, "--fail-on", Parameters.failOn(goal(), failOn), dir));
  }

  @Override
  String goal() {
    return "interlock:lint";
  }

  @Override
  String failureSummary() {
    return "the contracts have problems (listed above)";
  }
}
