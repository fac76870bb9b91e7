package dev.interlock.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} alone, for commands that cannot mix in picocli's standard help options: their
 * {@code --version} would clash with a pacticipant's {@code --version}.
 */
final class HelpOption {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
