package dev.interlock.cli;

import dev.interlock.core.LoadOptions;
import dev.interlock.core.document.ReadLimits;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that loads contracts shares. */
public final class LoadingOptions {

  @Option(
      names = "--allow-remote-refs",
      description = "Accept $refs to http(s) URLs (refused by default).")
  boolean allowRemoteRefs;

  @Option(
      names = "--max-file-size",
      paramLabel = "BYTES",
      description = "Refuse contract files larger than this (default: ${DEFAULT-VALUE}).",
      defaultValue = "52428800")
  long maxFileBytes;

  LoadOptions forRoot(Path root) {
    return LoadOptions.forRoot(root)
        .withLimits(ReadLimits.defaults().withMaxFileBytes(maxFileBytes))
        .withRemoteRefs(allowRemoteRefs);
  }
}
