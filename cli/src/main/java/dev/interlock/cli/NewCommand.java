package dev.interlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code interlock new}: scaffolds. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = "Write a new piece of an integration from the contracts.",
    subcommands = {CommandLine.HelpCommand.class})
public final class NewCommand {}
