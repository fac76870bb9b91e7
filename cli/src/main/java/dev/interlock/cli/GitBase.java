package dev.interlock.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads the contracts folder as it was at a git ref, with {@code git archive} into a temporary
 * folder: the user's work tree is never touched.
 */
final class GitBase {

  private GitBase() {}

  static Path export(Path contracts, String ref) {
    Path dir = contracts.toAbsolutePath().normalize();
    String top = git(dir, List.of("rev-parse", "--show-toplevel")).trim();
    Path repo = Path.of(top);
    String relative = repo.relativize(dir).toString().replace('\\', '/');
    try {
      Path target = Files.createTempDirectory("interlock-base-");
      Path tar = target.resolve("base.tar");
      run(
          repo,
          List.of(
              "git",
              "archive",
              "--format=tar",
              "-o",
              tar.toString(),
              ref,
              "--",
              relative.isEmpty() ? "." : relative));
      run(target, List.of("tar", "-xf", tar.toString()));
      Files.delete(tar);
      return relative.isEmpty() ? target : target.resolve(relative);
    } catch (IOException e) {
      throw new UsageException("cannot read " + ref + " with git: " + e.getMessage());
    }
  }

  private static String git(Path dir, List<String> args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(args);
    return run(dir, command);
  }

  private static String run(Path dir, List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new UsageException("'" + String.join(" ", command) + "' failed: " + out.trim());
      }
      return out;
    } catch (IOException e) {
      throw new UsageException("cannot run git (needed for --base REF): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageException("interrupted while reading the base with git");
    }
  }
}
