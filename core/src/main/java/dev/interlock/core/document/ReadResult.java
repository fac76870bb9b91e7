package dev.interlock.core.document;

import dev.interlock.core.Diagnostic;
import java.util.List;
import java.util.Optional;

/** A parsed document, or the reasons it could not be parsed. */
public record ReadResult(Optional<SourceDocument> document, List<Diagnostic> diagnostics) {

  public ReadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  static ReadResult of(SourceDocument document) {
    return new ReadResult(Optional.of(document), List.of());
  }

  static ReadResult failed(Diagnostic diagnostic) {
    return new ReadResult(Optional.empty(), List.of(diagnostic));
  }
}
