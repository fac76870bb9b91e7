package dev.interlock.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.Fixtures;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.LoadResult;
import dev.interlock.core.contract.AsyncApiContract;
import java.nio.file.Path;

/** The AsyncAPI contracts the tests run on Kafka: the bundled internal events and a 3.0 fixture. */
final class KafkaContracts {

  private KafkaContracts() {}

  static AsyncApiContract internalEvents() {
    Path contracts = Fixtures.bundledContracts();
    return load(contracts.resolve("asyncapi/internal-events.yaml"), contracts);
  }

  static AsyncApiContract warehouse() {
    Path file = Fixtures.resource("asyncapi/3.0/warehouse.yaml");
    return load(file, file.getParent());
  }

  private static AsyncApiContract load(Path file, Path root) {
    LoadResult result = new ContractLoader(LoadOptions.forRoot(root)).load(file);
    assertThat(result.contract()).as(result.diagnostics().toString()).isPresent();
    return (AsyncApiContract) result.contract().get();
  }
}
