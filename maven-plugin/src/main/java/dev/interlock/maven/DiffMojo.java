package dev.interlock.maven;

import dev.interlock.maven.internal.Engine;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the contracts folder with a base version, as {@code interlock diff} does: every change
 * with its rule id and level, and the pact interactions each breaking change touches.
 */
@Mojo(name = "diff", threadSafe = true)
public class DiffMojo extends EngineMojo {

  /**
   * The base to compare with: a folder holding the old contracts, or a git ref such as {@code
   * origin/main} (read with {@code git archive}; the work tree is untouched).
   */
  @Parameter(property = "interlock.base", required = true)
  String base;

  /** {@code breaking} or {@code potential}: the lowest level of change that fails the build. */
  @Parameter(property = "interlock.diff.failOn", defaultValue = "breaking")
  String failOn;

  /** {@code text}, {@code json} or {@code markdown}. */
  @Parameter(property = "interlock.diff.format", defaultValue = "text")
  String format;

  /** Skip this goal. */
  @Parameter(property = "interlock.diff.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info(goal() + " skipped");
      return;
    }
    if (base == null || base.isBlank()) {
      throw new MojoFailureException(
          goal() + ": parameter 'base' is required (a folder or a git ref)");
    }
    String contracts = contractsFolder().toString();
    String[] options = {
      "--pacts",
      contracts,
      "--fail-on",
      Parameters.oneOf(goal(), "failOn", failOn, List.of("breaking", "potential")),
      "--format",
      Parameters.oneOf(goal(), "format", format, List.of("text", "json", "markdown"))
    };
    try (Engine engine = engine()) {
      Console console = new Console();
      int exit = call(() -> engine.diff(contracts, base.trim(), options, console.out, console.err));
      console.close();
      checkExit(exit, console);
    }
  }

  @Override
  String goal() {
    return "interlock:diff";
  }

  @Override
  String failureSummary() {
    return "changes at or above failOn=" + failOn + " against " + base + " (listed above)";
  }
}
