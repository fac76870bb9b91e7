package dev.interlock.core;

import java.nio.file.Path;
import java.util.Collection;

/**
 * Renders diagnostics compiler-style, so terminals and CI make them clickable:
 *
 * <pre>
 * contracts/openapi/payments/2024-06.yaml:42:17: error: $ref '#/components/schemas/Chrge' does not resolve [contract.ref.unresolved]
 *     at #/paths/~1charges/post/responses/200/content/application~1json/schema
 *     expected: a schema under #/components/schemas ('Charge', 'Refund', 'Error')
 *     hint: did you mean 'Charge'?
 * </pre>
 *
 * File names are shown relative to a base folder (the working directory by default) and always with
 * forward slashes, so renderings are the same on every machine.
 */
public final class DiagnosticRenderer {

  private final Path base;

  public DiagnosticRenderer(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  public static DiagnosticRenderer relativeToWorkingDirectory() {
    return new DiagnosticRenderer(Path.of(""));
  }

  public String render(Collection<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      out.append(render(d));
    }
    return out.toString();
  }

  public String render(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    SourceLocation loc = d.location();
    out.append(displayPath(loc.file()));
    if (loc.hasPosition()) {
      out.append(':').append(loc.line()).append(':').append(loc.column());
    }
    out.append(": ")
        .append(d.severity().label())
        .append(": ")
        .append(d.message())
        .append(" [")
        .append(d.code())
        .append("]\n");
    if (!loc.pointer().isRoot()) {
      out.append("    at ").append(loc.pointer()).append('\n');
    }
    if (d.expected() != null) {
      out.append("    expected: ").append(d.expected()).append('\n');
    }
    if (d.actual() != null) {
      out.append("    actual: ").append(d.actual()).append('\n');
    }
    if (d.hint() != null) {
      out.append("    hint: ").append(d.hint()).append('\n');
    }
    return out.toString();
  }

  public String displayPath(Path file) {
    if (file == null) {
      return "<input>";
    }
    Path abs = file.toAbsolutePath().normalize();
    Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }
}
