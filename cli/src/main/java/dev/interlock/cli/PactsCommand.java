package dev.interlock.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code interlock pacts}: sharing pacts through a Pact Broker. */
@Command(
    name = "pacts",
    mixinStandardHelpOptions = true,
    description = "Share pacts through a Pact Broker.",
    subcommands = {PactsPublishCommand.class})
public final class PactsCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.UNUSABLE_INPUT;
  }
}
