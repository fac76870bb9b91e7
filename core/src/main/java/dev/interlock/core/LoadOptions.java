package dev.interlock.core;

import dev.interlock.core.document.ReadLimits;
import java.nio.file.Path;

/**
 * How contracts are loaded.
 *
 * @param root the contracts folder; a file {@code $ref} that leaves it is refused (path traversal)
 * @param limits size, depth and alias limits for every file read
 * @param allowRemoteRefs whether {@code $ref}s to http(s) URLs are accepted (they are refused by
 *     default: a contract should not make the build depend on someone else's server)
 */
public record LoadOptions(Path root, ReadLimits limits, boolean allowRemoteRefs) {

  public LoadOptions {
    root = root.toAbsolutePath().normalize();
  }

  public static LoadOptions forRoot(Path root) {
    return new LoadOptions(root, ReadLimits.defaults(), false);
  }

  public LoadOptions withLimits(ReadLimits newLimits) {
    return new LoadOptions(root, newLimits, allowRemoteRefs);
  }

  public LoadOptions withRemoteRefs(boolean allow) {
    return new LoadOptions(root, limits, allow);
  }
}
