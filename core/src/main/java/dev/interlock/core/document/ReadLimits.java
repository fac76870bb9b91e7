package dev.interlock.core.document;

/**
 * The limits that keep a hostile or broken file from hanging or exhausting the process.
 *
 * @param maxFileBytes files larger than this are refused before they are read (default 50 MB)
 * @param maxNestingDepth deeper documents are refused; real contracts stay far below it
 * @param maxAliases YAML aliases to collections allowed in one file (billion-laughs guard)
 * @param maxNodes nodes a file may expand to once aliases are followed (the second guard: a few
 *     aliases can still double their way to billions of nodes)
 */
public record ReadLimits(long maxFileBytes, int maxNestingDepth, int maxAliases, long maxNodes) {

  public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;

  public static ReadLimits defaults() {
    return new ReadLimits(DEFAULT_MAX_FILE_BYTES, 256, 200, 10_000_000);
  }

  public ReadLimits withMaxFileBytes(long bytes) {
    return new ReadLimits(bytes, maxNestingDepth, maxAliases, maxNodes);
  }

  public ReadLimits withMaxNestingDepth(int depth) {
    return new ReadLimits(maxFileBytes, depth, maxAliases, maxNodes);
  }
}
