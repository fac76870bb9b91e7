package dev.interlock.cli.scaffold;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds one entry under the manifest's {@code adapters:} as text, so the team's comments and layout
 * stay as they wrote them; the result is read back through core's manifest reader and the file is
 * restored when that reader refuses it.
 */
public final class ManifestEdit {

  private static final Pattern ADAPTERS =
      Pattern.compile("(?m)^adapters:[ \\t]*(\\{[ \\t]*})?[ \\t]*(#.*)?$");

  private ManifestEdit() {}

  /**
   * @param entry the rendered entry, starting with a line break, indented by two
   */
  public static void addAdapter(Path manifest, String entry) {
    try {
      String before = Files.readString(manifest, StandardCharsets.UTF_8);
      Matcher m = ADAPTERS.matcher(before);
      String after;
      if (m.find()) {
        String comment = m.group(2) == null ? "" : " " + m.group(2);
        after =
            before.substring(0, m.start())
                + "adapters:"
                + comment
                + entry
                + before.substring(m.end());
      } else {
        after = before + (before.endsWith("\n") ? "" : "\n") + "\nadapters:" + entry + "\n";
      }
      Files.writeString(manifest, after, StandardCharsets.UTF_8);
      List<Diagnostic> problems = ContractsWriter.validate(manifest);
      if (!problems.isEmpty()) {
        Files.writeString(manifest, before, StandardCharsets.UTF_8);
        throw new ScaffoldException(
            "the manifest would not validate with the new adapter entry (left unchanged):\n"
                + DiagnosticRenderer.relativeToWorkingDirectory().render(problems));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
