package dev.interlock.maven;

import dev.interlock.maven.internal.Engine;
import dev.interlock.maven.internal.RunningSandboxes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts a sandbox per vendor of the contracts folder on free loopback ports and exports each base
 * URL as the project property {@code interlock.<vendor>.url} (and its port as {@code
 * interlock.<vendor>.port}), for Failsafe's {@code systemPropertyVariables}. {@code sandbox-stop}
 * stops them; so does a JVM shutdown hook if the build dies first.
 */
@Mojo(name = "sandbox-start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class SandboxStartMojo extends EngineMojo {

  /**
   * {@code normal}, {@code flaky}, {@code slow}, {@code rate-limited}, {@code outage}, or a
   * scenario of the manifest.
   */
  @Parameter(property = "interlock.scenario", defaultValue = "normal")
  String scenario;

  /** Seed of synthesized data and faults. */
  @Parameter(property = "interlock.seed", defaultValue = "42")
  long seed;

  /**
   * Answer errors with only what the contract declares (by default an error whose status declares
   * no body is RFC 9457 problem+json saying what is wrong).
   */
  @Parameter(property = "interlock.strictErrors", defaultValue = "false")
  boolean strictErrors;

  /** Skip this goal (and so {@code sandbox-stop}'s work). Also skipped with {@code skipITs}. */
  @Parameter(property = "interlock.sandbox.skip", defaultValue = "false")
  boolean skip;

  /** Failsafe's switch: no integration tests, no sandboxes. */
  @Parameter(property = "skipITs", defaultValue = "false")
  boolean skipITs;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipITs) {
      getLog().info(goal() + " skipped");
      return;
    }
    if (RunningSandboxes.running(project()) != null) {
      throw new MojoFailureException(
          goal()
              + ": sandboxes are already running for this project (two sandbox-start executions?)");
    }
    List<String> args = arguments();
    Engine engine = engine();
    Console console = new Console();
    RunningSandboxes.Handle handle;
    try {
      handle = engine.startSandboxes(args.toArray(String[]::new), console.out, console.err);
    } catch (IllegalArgumentException e) {
      engine.close();
      console.close();
      throw new MojoFailureException(goal() + ": " + e.getMessage() + "\n" + console.transcript());
    } catch (RuntimeException e) {
      engine.close();
      console.close();
      throw new MojoExecutionException(goal() + ": the sandboxes did not start: " + e, e);
    }
    console.close();
    RunningSandboxes.keep(project(), handle);
    export(handle.baseUrls());
  }

  List<String> arguments() throws MojoFailureException {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--contracts", contractsFolder().toString()));
    args.addAll(List.of("--scenario", scenario.trim()));
    args.addAll(List.of("--seed", Long.toString(seed)));
    if (strictErrors) {
      args.add("--strict-errors");
    }
    return args;
  }

  private void export(Map<String, String> urls) {
    urls.forEach(
        (vendor, url) -> {
          project().getProperties().setProperty("interlock." + vendor + ".url", url);
          project()
              .getProperties()
              .setProperty(
                  "interlock." + vendor + ".port", Integer.toString(URI.create(url).getPort()));
          getLog().info(goal() + ": interlock." + vendor + ".url = " + url);
        });
  }

  @Override
  String goal() {
    return "interlock:sandbox-start";
  }

  @Override
  String failureSummary() {
    return "the sandboxes did not start";
  }
}
