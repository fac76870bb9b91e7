package dev.interlock.cli;

import dev.interlock.broker.PactBroker;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags every broker command ({@code pacts publish}, {@code can-i-deploy}, {@code
 * record-deployment}) shares: the contracts folder whose manifest may hold a {@code broker:} block,
 * and the connection. {@code verify} has a {@code --contracts} of its own, so its {@link
 * BrokerOptions} extends {@link BrokerConnectionOptions} instead.
 */
final class BrokerCommandOptions {

  @Option(
      names = "--contracts",
      paramLabel = "DIR",
      description =
          "The contracts folder whose manifest may hold a broker: block (default: ${DEFAULT-VALUE}).",
      defaultValue = "contracts")
  Path contracts;

  @Mixin BrokerConnectionOptions connection;

  /** The broker, from the flags, the manifest and the environment; {@code say} gets its notices. */
  PactBroker connect(Consumer<String> say) {
    return connection.connect(contracts, System.getenv(), say);
  }

  /**
   * Connects and asks one question.
   *
   * @throws UsageException when the broker cannot be reached or refuses, saying {@code asking}
   *     first
   */
  <T> T ask(String asking, Consumer<String> say, Function<PactBroker, T> question) {
    PactBroker broker = connect(say);
    return BrokerConnectionOptions.answer(asking, () -> question.apply(broker));
  }
}
