package dev.interlock.core;

import dev.interlock.core.document.ReadLimits;
import java.nio.file.Path;

/**
 * How contracts are loaded.
 *
 * @param root the folder file {@code $ref}s may reach; one that leaves it is refused (path
 *     traversal)
 * @param limits size, depth and alias limits for every file read
 * @param allowRemoteRefs whether {@code $ref}s to http(s) URLs are accepted (they are refused by
 *     default: a contract should not make the build depend on someone else's server)
 * @param strict whether structural defects that do not stop a document from being understood (a
 *     response without {@code description}, an undeclared path parameter, ...) are errors; lint
 *     loads strictly so it gates on them, everyone else reads such documents with warnings
 */
public record LoadOptions(Path root, ReadLimits limits, boolean allowRemoteRefs, boolean strict) {

  public LoadOptions {
    root = root.toAbsolutePath().normalize();
  }

  public static LoadOptions forRoot(Path root) {
    return new LoadOptions(root, ReadLimits.defaults(), false, false);
  }

  public LoadOptions withLimits(ReadLimits newLimits) {
    return new LoadOptions(root, newLimits, allowRemoteRefs, strict);
  }

  public LoadOptions withRemoteRefs(boolean allow) {
    return new LoadOptions(root, limits, allow, strict);
  }

  public LoadOptions withStrict(boolean newStrict) {
    return new LoadOptions(root, limits, allowRemoteRefs, newStrict);
  }
}
