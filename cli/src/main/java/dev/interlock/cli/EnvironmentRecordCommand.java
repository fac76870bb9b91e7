package dev.interlock.cli;

import dev.interlock.broker.BrokerException;
import dev.interlock.broker.PactBroker;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code record-deployment} and {@code record-release} share: a version of a pacticipant, an
 * environment, the broker, and their exit codes (0 recorded, 1 the broker said no, 2 unusable input
 * or an unreachable broker).
 */
abstract class EnvironmentRecordCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin HelpOption help;

  @Option(
      names = "--pacticipant",
      required = true,
      paramLabel = "P",
      description = "The application.")
  String pacticipant;

  @Option(names = "--version", required = true, paramLabel = "V", description = "Its version.")
  String version;

  @Option(
      names = "--environment",
      required = true,
      paramLabel = "E",
      description = "The environment.")
  String environment;

  @Mixin BrokerCommandOptions broker;

  /** Records it; throws what the broker said. */
  abstract void record(PactBroker broker);

  /** What was recorded, for the line printed once it is. */
  abstract String recorded();

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    String command = spec.name();
    try {
      record(broker.connect(out::println));
    } catch (BrokerException e) {
      // Unlike the other broker commands, a refusal here is a "no" (exit 1), not unusable input.
      if (e.status() == 0) {
        throw new UsageException(command + ": " + e.getMessage());
      }
      // The broker answered, and its answer is no: exit 1, as can-i-deploy's "no".
      spec.commandLine().getErr().println("interlock: " + command + ": " + e.getMessage());
      return ExitCode.FAILED;
    }
    out.println(recorded());
    return ExitCode.OK;
  }
}
