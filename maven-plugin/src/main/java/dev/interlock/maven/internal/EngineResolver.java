package dev.interlock.maven.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Finds the engine's jars: {@code dev.interlock:interlock-cli} of the plugin's own version and its
 * runtime dependencies, through the build's own resolver (its local repository, mirrors, proxies
 * and the reactor's workspace).
 *
 * <p>Why at run time and not as a plugin dependency: this repository's {@code generated-clients}
 * and {@code adapters} modules generate their sources with this plugin, and the engine ({@code cli
 * → verifiers → adapters → generated-clients}) is built from them. A compile-time dependency on the
 * engine would make the reactor a cycle. So the plugin depends only on {@code core} and {@code
 * codegen}, which keeps {@code generate} light, and the goals that need the engine fetch it when
 * they run.
 */
public final class EngineResolver {

  public static final String GROUP_ID = "dev.interlock";
  public static final String ARTIFACT_ID = "interlock-cli";

  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;

  public EngineResolver(
      RepositorySystem system,
      RepositorySystemSession session,
      List<RemoteRepository> repositories) {
    this.system = system;
    this.session = session;
    this.repositories = List.copyOf(repositories);
  }

  /** The engine's jars, the cli jar first. */
  public List<Path> resolve(String version) throws MojoExecutionException {
    String coordinates = GROUP_ID + ":" + ARTIFACT_ID + ":" + version;
    CollectRequest collect = new CollectRequest();
    collect.setRoot(new Dependency(new DefaultArtifact(coordinates), "runtime"));
    collect.setRepositories(repositories);
    try {
      List<Path> jars = new ArrayList<>();
      for (ArtifactResult r :
          system
              .resolveDependencies(session, new DependencyRequest(collect, null))
              .getArtifactResults()) {
        jars.add(r.getArtifact().getFile().toPath());
      }
      return jars;
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException(
          "interlock: cannot resolve the engine "
              + coordinates
              + " ("
              + e.getMessage()
              + "). It is published beside this plugin; in a build of Interlock itself, run"
              + " 'mvn install' once, or build the cli module in the same reactor.",
          e);
    }
  }
}
