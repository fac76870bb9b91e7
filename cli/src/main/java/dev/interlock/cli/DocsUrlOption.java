package dev.interlock.cli;

import dev.interlock.reports.ReportOptions;
import picocli.CommandLine.Option;

/** {@code --docs-url}, shared by the commands that write reports. */
public final class DocsUrlOption {

  @Option(
      names = "--docs-url",
      paramLabel = "URL",
      description =
          "Absolute http(s) URL of the page documenting the check ids; SARIF rules link to"
              + " URL#<check-id> (default: no links).")
  String docsUrl;

  /** The options with this URL, or unchanged without one; a bad URL is a usage error. */
  ReportOptions applyTo(ReportOptions options) {
    if (docsUrl == null) {
      return options;
    }
    try {
      return options.withDocsUrl(docsUrl);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--docs-url: " + e.getMessage());
    }
  }
}
