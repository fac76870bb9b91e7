package dev.interlock.maven;

import dev.interlock.codegen.Codegen;
import dev.interlock.codegen.CodegenOptions;
import dev.interlock.codegen.CodegenReport;
import dev.interlock.maven.internal.CodegenProblems;
import dev.interlock.maven.internal.GeneratorChatter;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates typed clients, resilient adapters and payload types from the project's contracts
 * folder, and adds them to the compile (or test-compile) source roots. Runs Interlock's codegen in
 * the build's JVM; a contract whose fingerprint is unchanged since the last run is skipped.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  /**
   * The contracts folder ({@code openapi/<vendor>/<version>.yaml}, {@code asyncapi/<system>.yaml},
   * {@code interlock.yaml}). Default: {@code src/main/contracts}, or {@code src/test/contracts}
   * when {@code scope} is {@code test}. When left at its default and absent, nothing is generated.
   */
  @Parameter(property = "interlock.contracts")
  File contracts;

  /**
   * {@code main}: sources join the compile source roots; {@code test}: the test-compile roots, and
   * the default contracts folder becomes {@code src/test/contracts}.
   */
  @Parameter(property = "interlock.generate.scope", defaultValue = "main")
  String scope;

  /**
   * What to generate: any of {@code clients} (typed clients, OpenAPI Generator {@code
   * java/native}), {@code payloads} (AsyncAPI message types) and {@code adapters} (resilient
   * adapters over the clients; they need {@code interlock-adapters} on the classpath).
   */
  @Parameter(property = "interlock.generate.targets", defaultValue = "clients,payloads")
  List<String> targets;

  /** The source root generated Java is written to. */
  @Parameter(
      property = "interlock.generate.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/interlock")
  File outputDirectory;

  /** Scratch space and the fingerprints of the contracts already generated. */
  @Parameter(
      property = "interlock.generate.workDirectory",
      defaultValue = "${project.build.directory}/interlock-codegen")
  File workDirectory;

  /** Regenerate every contract, even those whose fingerprint is unchanged. */
  @Parameter(property = "interlock.generate.force", defaultValue = "false")
  boolean force;

  /** Skip this goal. */
  @Parameter(property = "interlock.generate.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("interlock:generate skipped");
      return;
    }
    boolean test = testScope();
    Path dir = contractsFolder(test);
    if (dir == null) {
      return;
    }
    CodegenOptions options =
        new CodegenOptions(dir, outputDirectory.toPath(), workDirectory.toPath(), targets(), force);
    GeneratorChatter.quiet();
    CodegenReport report = Codegen.run(options);
    report.render(project.getBasedir().toPath()).lines().forEach(getLog()::info);
    Optional<MojoFailureException> failure =
        new CodegenProblems(dir, project.getBasedir().toPath()).of(report);
    if (failure.isPresent()) {
      throw failure.get();
    }
    String root = outputDirectory.getAbsolutePath();
    if (test) {
      project.addTestCompileSourceRoot(root);
    } else {
      project.addCompileSourceRoot(root);
    }
  }

  private boolean testScope() throws MojoFailureException {
    return switch (scope == null ? "main" : scope.trim().toLowerCase(Locale.ROOT)) {
      case "main" -> false;
      case "test" -> true;
      default ->
          throw new MojoFailureException(
              "interlock:generate: parameter 'scope' is '" + scope + "'; use 'main' or 'test'");
    };
  }

  /** The folder to read, or null when the default one is absent (nothing to do). */
  private Path contractsFolder(boolean test) throws MojoFailureException {
    if (contracts == null) {
      Path fallback =
          project.getBasedir().toPath().resolve(test ? "src/test/contracts" : "src/main/contracts");
      if (!Files.isDirectory(fallback)) {
        getLog().info("interlock:generate: no contracts at " + fallback + ", nothing to generate");
        return null;
      }
      return fallback;
    }
    if (!Files.isDirectory(contracts.toPath())) {
      throw new MojoFailureException(
          "interlock:generate: parameter 'contracts' names "
              + contracts
              + ", which is not a folder");
    }
    return contracts.toPath();
  }

  private Set<CodegenOptions.Target> targets() throws MojoFailureException {
    Set<CodegenOptions.Target> out = EnumSet.noneOf(CodegenOptions.Target.class);
    for (String entry : targets) {
      for (String t : entry.split(",")) {
        if (t.isBlank()) {
          continue;
        }
        try {
          out.add(CodegenOptions.Target.valueOf(t.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new MojoFailureException(
              "interlock:generate: parameter 'targets' has '"
                  + t.trim()
                  + "'; use clients, payloads or adapters");
        }
      }
    }
    if (out.isEmpty()) {
      throw new MojoFailureException(
          "interlock:generate: parameter 'targets' is empty; use clients, payloads or adapters");
    }
    return out;
  }
}
