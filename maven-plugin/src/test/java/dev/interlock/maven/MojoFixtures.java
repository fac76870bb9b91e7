package dev.interlock.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;

/** A project on a temporary folder, the bundled contracts, and a log that keeps its lines. */
final class MojoFixtures {

  private MojoFixtures() {}

  /** The repository's own contracts folder (Surefire passes the reactor root). */
  static Path bundledContracts() {
    return Path.of(System.getProperty("interlock.root", "..")).resolve("contracts");
  }

  /** Copies one bundled contract to the same relative path under {@code dir}. */
  static Path copyContract(String relative, Path dir) throws IOException {
    Path target = dir.resolve(relative);
    Files.createDirectories(target.getParent());
    return Files.copy(bundledContracts().resolve(relative), target);
  }

  static MavenProject project(Path basedir) {
    MavenProject project = new MavenProject();
    project.setFile(basedir.resolve("pom.xml").toFile());
    project.getBuild().setDirectory(basedir.resolve("target").toString());
    return project;
  }

  /** A Maven log whose info lines a test can read. */
  static final class RecordingLog extends SystemStreamLog {
    final List<String> info = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
      info.add(content.toString());
    }
  }
}
