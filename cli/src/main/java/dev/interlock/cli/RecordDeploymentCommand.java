package dev.interlock.cli;

import dev.interlock.broker.BrokerException;
import dev.interlock.broker.Deployment;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code interlock record-deployment}: tells the broker a version now runs in an environment. */
@Command(
    name = "record-deployment",
    description = {
      "Record in the Pact Broker that a version was deployed to an environment.",
      "Exit 0 recorded, 1 the broker refused, 2 unusable input or an unreachable broker."
    })
public final class RecordDeploymentCommand implements Callable<Integer> {

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
      description = "Where it was deployed.")
  String environment;

  @Option(
      names = "--application-instance",
      paramLabel = "NAME",
      description = "Which instance, when several run in one environment.")
  String applicationInstance;

  @Mixin BrokerCommandOptions broker;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try {
      broker
          .connect(out::println)
          .recordDeployment(
              new Deployment(
                  pacticipant, version, environment, Optional.ofNullable(applicationInstance)));
    } catch (BrokerException e) {
      // Unlike the other broker commands, a refusal here is a "no" (exit 1), not unusable input.
      if (e.status() == 0) {
        throw new UsageException("record-deployment: " + e.getMessage());
      }
      // The broker answered, and its answer is no: exit 1, as can-i-deploy's "no".
      spec.commandLine().getErr().println("interlock: record-deployment: " + e.getMessage());
      return ExitCode.FAILED;
    }
    out.println(
        "recorded deployment of "
            + pacticipant
            + " "
            + version
            + " to "
            + environment
            + (applicationInstance == null ? "" : " (" + applicationInstance + ")"));
    return ExitCode.OK;
  }
}
