package dev.interlock.cli;

import dev.interlock.broker.PactBroker;
import dev.interlock.broker.Release;
import picocli.CommandLine.Command;

/**
 * {@code interlock record-release}: tells the broker a version was released to an environment,
 * where, unlike a deployment, it joins the versions already in use there (mobile apps, libraries).
 */
@Command(
    name = "record-release",
    description = {
      "Record in the Pact Broker that a version was released to an environment.",
      "Exit 0 recorded, 1 the broker refused, 2 unusable input or an unreachable broker."
    })
public final class RecordReleaseCommand extends EnvironmentRecordCommand {

  @Override
  void record(PactBroker broker) {
    broker.recordRelease(new Release(pacticipant, version, environment));
  }

  @Override
  String recorded() {
    return "recorded release of " + pacticipant + " " + version + " to " + environment;
  }
}
