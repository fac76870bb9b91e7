package dev.interlock.cli;

import dev.interlock.broker.CanIDeployQuery;
import dev.interlock.broker.Matrix;
import dev.interlock.broker.MatrixTable;
import dev.interlock.broker.PacticipantVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code interlock can-i-deploy}: asks the broker whether versions can be deployed; exit 0 when it
 * says yes, 1 when it says no (or gives no verdict), the matrix shown as a table.
 */
@Command(
    name = "can-i-deploy",
    description = {
      "Ask the Pact Broker whether a version can be deployed.",
      "Exit 0 deployable, 1 not deployable, 2 unusable input or the broker refused the question."
    })
public final class CanIDeployCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin HelpOption help;

  @Option(
      names = "--pacticipant",
      required = true,
      paramLabel = "P",
      description = "The application (repeatable, paired with --version).")
  List<String> pacticipants = new ArrayList<>();

  @Option(
      names = "--version",
      required = true,
      paramLabel = "V",
      description = "Its version (repeatable, in the order of --pacticipant).")
  List<String> versions = new ArrayList<>();

  @Option(
      names = "--to-environment",
      paramLabel = "E",
      description = "The environment to deploy to.")
  String environment;

  @Option(
      names = "--to",
      paramLabel = "TAG",
      description = "The tag of the versions it would run with (older brokers).")
  String toTag;

  @Mixin BrokerCommandOptions broker;

  @Override
  public Integer call() {
    if (pacticipants.size() != versions.size()) {
      throw new UsageException(
          "give one --version per --pacticipant ("
              + pacticipants.size()
              + " pacticipants, "
              + versions.size()
              + " versions)");
    }
    List<PacticipantVersion> asked = new ArrayList<>();
    for (int i = 0; i < pacticipants.size(); i++) {
      asked.add(new PacticipantVersion(pacticipants.get(i), versions.get(i)));
    }
    CanIDeployQuery query;
    try {
      query =
          new CanIDeployQuery(asked, Optional.ofNullable(environment), Optional.ofNullable(toTag));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    var out = spec.commandLine().getOut();
    Matrix matrix = broker.ask("can-i-deploy", out::println, b -> b.canIDeploy(query));
    out.print(MatrixTable.render(matrix));
    out.println();
    matrix.notices().forEach(n -> out.println("  " + n));
    String verdict =
        matrix.deployable().isEmpty()
            ? "Computer says no: the broker gave no verdict"
            : matrix.canDeploy() ? "Computer says yes \\o/" : "Computer says no ¯\\_(ツ)_/¯";
    out.println(verdict + (matrix.reason().isEmpty() ? "" : " — " + matrix.reason()));
    return matrix.canDeploy() ? ExitCode.OK : ExitCode.FAILED;
  }
}
