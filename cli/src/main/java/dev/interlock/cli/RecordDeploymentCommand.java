package dev.interlock.cli;

import dev.interlock.broker.BrokerException;
import dev.interlock.broker.Deployment;
import java.nio.file.Path;
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
      "Exit 0 recorded, 2 unusable input or the broker refused."
    })
public final class RecordDeploymentCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  // Not mixinStandardHelpOptions: its --version would clash with the pacticipant's --version.
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

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

  @Option(
      names = "--contracts",
      paramLabel = "DIR",
      description =
          "The contracts folder whose manifest may hold a broker: block (default: ${DEFAULT-VALUE}).",
      defaultValue = "contracts")
  Path contracts;

  @Mixin BrokerConnectionOptions connection;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try {
      connection
          .connect(contracts, System.getenv(), out::println)
          .recordDeployment(
              new Deployment(
                  pacticipant, version, environment, Optional.ofNullable(applicationInstance)));
    } catch (BrokerException e) {
      throw new UsageException("record-deployment: " + e.getMessage());
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
