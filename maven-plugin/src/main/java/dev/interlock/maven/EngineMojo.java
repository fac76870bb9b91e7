package dev.interlock.maven;

import dev.interlock.maven.internal.Engine;
import dev.interlock.maven.internal.EngineResolver;
import dev.interlock.maven.internal.LogSink;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * What the goals that run the engine share: the contracts folder, resolving the engine (see {@link
 * EngineResolver} for why it is not a compile-time dependency), running it with Maven's log as its
 * console, and turning its exit code into the build's outcome.
 */
abstract class EngineMojo extends AbstractMojo {

  /**
   * The contracts folder. Default: {@code src/main/contracts}, or {@code src/test/contracts} when
   * only that one exists.
   */
  @Parameter(property = "interlock.contracts")
  File contracts;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  private RepositorySystemSession repositorySession;

  @Inject private RepositorySystem repositorySystem;

  MavenProject project() {
    return project;
  }

  /** The goal's name as users type it, for messages: {@code interlock:verify}. */
  abstract String goal();

  /** The contracts folder this goal reads, absolute. */
  Path contractsFolder() throws MojoFailureException {
    Path basedir = project.getBasedir().toPath();
    if (contracts != null) {
      if (!Files.isDirectory(contracts.toPath())) {
        throw new MojoFailureException(
            goal() + ": parameter 'contracts' names " + contracts + ", which is not a folder");
      }
      return contracts.toPath().toAbsolutePath();
    }
    for (String candidate : List.of("src/main/contracts", "src/test/contracts")) {
      if (Files.isDirectory(basedir.resolve(candidate))) {
        return basedir.resolve(candidate).toAbsolutePath();
      }
    }
    throw new MojoFailureException(
        goal()
            + ": no contracts folder: neither src/main/contracts nor src/test/contracts exists under "
            + basedir
            + "; set the parameter 'contracts'");
  }

  /** The engine of this plugin's own version, loaded in its own class loader. */
  Engine engine() throws MojoExecutionException {
    EngineResolver resolver =
        new EngineResolver(
            repositorySystem, repositorySession, project.getRemotePluginRepositories());
    return Engine.load(resolver.resolve(plugin.getVersion()));
  }

  /** Runs the engine with {@code interlock ARGS...} and fails the build as its exit code says. */
  void run(List<String> args) throws MojoExecutionException, MojoFailureException {
    getLog().debug(goal() + ": interlock " + String.join(" ", args));
    try (Engine engine = engine()) {
      Console console = new Console();
      int exit = call(() -> engine.run(args.toArray(String[]::new), console.out, console.err));
      console.close();
      checkExit(exit, console);
    }
  }

  /** One engine call; what it throws becomes a build error that says which goal failed. */
  int call(java.util.function.IntSupplier engineCall) throws MojoExecutionException {
    try {
      return engineCall.getAsInt();
    } catch (RuntimeException | LinkageError e) {
      throw new MojoExecutionException(goal() + ": the engine failed: " + e, e);
    }
  }

  void checkExit(int exit, Console console) throws MojoExecutionException, MojoFailureException {
    switch (exit) {
      case 0 -> {}
      case 1 -> throw new MojoFailureException(goal() + ": " + failureSummary());
      case 2 ->
          throw new MojoFailureException(
              goal() + ": the input could not be used\n" + console.transcript());
      default ->
          throw new MojoExecutionException(
              goal() + ": internal error (exit " + exit + ")\n" + console.transcript());
    }
  }

  /** What exit code 1 means for this goal, e.g. "checks failed (reports in ...)". */
  abstract String failureSummary();

  /** The engine's out and err, both into Maven's log, with one transcript for failures. */
  final class Console {
    private final LogSink sink = new LogSink(line -> getLog().info(line));
    final PrintStream out = sink.stream();
    final PrintStream err = sink.stream();

    String transcript() {
      return sink.transcript();
    }

    void close() {
      out.flush();
      err.flush();
      sink.close();
    }
  }
}
