package dev.interlock.cli;

import dev.interlock.core.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the CLI's tests share: a copy of the bundled contracts, and the command of a fresh JVM. */
final class CliFixtures {

  private CliFixtures() {}

  /** A copy of the bundled contracts folder, for tests that change a contract. */
  static Path copyContracts(Path to) throws IOException {
    try (Stream<Path> files = Files.walk(Fixtures.bundledContracts())) {
      for (Path p : files.sorted().toList()) {
        Path target = to.resolve(Fixtures.bundledContracts().relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  /**
   * The command line of {@code interlock ARGS} in a JVM of its own, on this test's class path, as a
   * user's shell would start it.
   */
  static List<String> interlockInANewJvm(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(InterlockCommand.class.getName());
    command.addAll(args);
    return command;
  }
}
