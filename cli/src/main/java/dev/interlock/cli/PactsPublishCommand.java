package dev.interlock.cli;

import dev.interlock.broker.PactBroker;
import dev.interlock.broker.PactFile;
import dev.interlock.broker.PublishRequest;
import dev.interlock.broker.PublishResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code interlock pacts publish [DIR]}: publishes a consumer version's pacts to the broker, one
 * request per consumer (the broker's {@code pb:publish-contracts}), with branch, tags and build.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish pacts to a Pact Broker: one request per consumer version, with its branch.",
      "Exit 0 published, 2 unusable input or the broker refused."
    })
public final class PactsPublishCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "A folder of pact files, or one file (default: ${DEFAULT-VALUE}).",
      defaultValue = "contracts/pacts")
  Path pacts;

  @Option(
      names = "--consumer-version",
      required = true,
      paramLabel = "V",
      description = "The consumer version (a git sha).")
  String consumerVersion;

  @Option(
      names = "--branch",
      required = true,
      paramLabel = "B",
      description = "The consumer's branch.")
  String branch;

  @Option(names = "--tag", paramLabel = "T", description = "Tag the version (repeatable).")
  List<String> tags = new ArrayList<>();

  @Option(names = "--build-url", paramLabel = "URL", description = "The CI build that published.")
  String buildUrl;

  @Mixin BrokerCommandOptions broker;

  @Override
  public Integer call() {
    List<PactFile> files;
    try {
      if (!Files.exists(pacts)) {
        throw new UsageException(pacts + ": no such folder or file of pacts");
      }
      files = PactFile.read(pacts);
    } catch (IOException e) {
      throw new UsageException(pacts + ": cannot be read (" + e.getMessage() + ")");
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (files.isEmpty()) {
      throw new UsageException(pacts + ": no pact files (*.json) to publish");
    }
    Map<String, List<PactFile>> byConsumer = new LinkedHashMap<>();
    files.forEach(f -> byConsumer.computeIfAbsent(f.consumer(), k -> new ArrayList<>()).add(f));
    var out = spec.commandLine().getOut();
    PactBroker client = broker.connect(line -> out.println("  " + line));
    for (Map.Entry<String, List<PactFile>> e : byConsumer.entrySet()) {
      PublishRequest request =
          new PublishRequest(
              consumerVersion, branch, tags, Optional.ofNullable(buildUrl), e.getValue());
      PublishResult result =
          BrokerConnectionOptions.answer(
              "publishing the pacts of " + e.getKey(), () -> client.publish(request));
      out.println(
          "published "
              + e.getValue().size()
              + " pact(s) of "
              + result.consumer()
              + " "
              + result.consumerVersion()
              + " (branch "
              + branch
              + ") to the broker");
    }
    return ExitCode.OK;
  }
}
