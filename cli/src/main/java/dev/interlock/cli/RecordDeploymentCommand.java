package dev.interlock.cli;

import dev.interlock.broker.Deployment;
import dev.interlock.broker.PactBroker;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code interlock record-deployment}: tells the broker a version now runs in an environment. */
@Command(
    name = "record-deployment",
    description = {
      "Record in the Pact Broker that a version was deployed to an environment.",
      "Exit 0 recorded, 1 the broker refused, 2 unusable input or an unreachable broker."
    })
public final class RecordDeploymentCommand extends EnvironmentRecordCommand {

  @Option(
      names = "--application-instance",
      paramLabel = "NAME",
      description = "Which instance, when several run in one environment.")
  String applicationInstance;

  @Override
  void record(PactBroker broker) {
    broker.recordDeployment(
        new Deployment(
            pacticipant, version, environment, Optional.ofNullable(applicationInstance)));
  }

  @Override
  String recorded() {
    return "recorded deployment of "
        + pacticipant
        + " "
        + version
        + " to "
        + environment
        + (applicationInstance == null ? "" : " (" + applicationInstance + ")");
  }
}
