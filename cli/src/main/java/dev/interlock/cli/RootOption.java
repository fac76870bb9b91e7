package dev.interlock.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --root DIR} of the commands that take contract files: the folder their {@code $ref}s may
 * reach. Without it, that is the working directory when every named file is under it (a multi-file
 * document may then reach {@code ../common/messages.yaml}), else the closest folder holding all of
 * them. A reference never leaves the root.
 */
public final class RootOption {

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "Folder that file $refs may reach (default: the working directory, when the files are"
              + " under it).")
  Path root;

  /** The root for these named files or folders; a usage error when --root does not hold them. */
  Path rootFor(List<Path> named) {
    if (root != null) {
      Path dir = root.toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new UsageException(root + ": --root must be a folder");
      }
      for (Path p : named) {
        if (!p.toAbsolutePath().normalize().startsWith(dir)) {
          throw new UsageException(p + " is not under --root " + root);
        }
      }
      return dir;
    }
    Path cwd = Path.of("").toAbsolutePath().normalize();
    if (named.stream().allMatch(p -> p.toAbsolutePath().normalize().startsWith(cwd))) {
      return cwd;
    }
    return closestCommonFolder(named);
  }

  private static Path closestCommonFolder(List<Path> named) {
    Path common = null;
    for (Path p : named) {
      Path abs = p.toAbsolutePath().normalize();
      Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
      if (common == null) {
        common = dir;
      }
      while (!dir.startsWith(common)) {
        common = common.getParent();
      }
    }
    return common;
  }
}
