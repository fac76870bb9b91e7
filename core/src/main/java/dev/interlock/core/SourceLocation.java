package dev.interlock.core;

import java.nio.file.Path;

/**
 * Where something is: a file, a 1-based line and column (0 when unknown) and a JSON pointer into
 * the parsed document.
 */
public record SourceLocation(Path file, int line, int column, JsonPointer pointer) {

  public SourceLocation {
    if (pointer == null) {
      pointer = JsonPointer.ROOT;
    }
  }

  public static SourceLocation of(Path file) {
    return new SourceLocation(file, 0, 0, JsonPointer.ROOT);
  }

  public static SourceLocation of(Path file, int line, int column) {
    return new SourceLocation(file, line, column, JsonPointer.ROOT);
  }

  public boolean hasPosition() {
    return line > 0;
  }
}
