package dev.interlock.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.AsyncApiMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** AsyncAPI 2.0 to 3.1, each validated against its own official schema. */
class AsyncApiVersionsTest {

  private final Path fixtures = Fixtures.resource("asyncapi");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2.0/chat-events.yaml,          2.0.0, 3",
    "2.1/sensor-readings.yaml,      2.1.0, 1",
    "2.2/order-events.yaml,         2.2.0, 1",
    "2.3/payments.yaml,             2.3.0, 1",
    "2.4/shipments.yaml,            2.4.0, 1",
    "2.5/inventory.yaml,            2.5.0, 1"
  })
  void olderTwoPointXDocumentsLoadCleanWithTheirMessages(String file, String version, int count) {
    LoadResult result =
        new ContractLoader(LoadOptions.forRoot(fixtures)).load(fixtures.resolve(file));

    assertThat(result.diagnostics()).isEmpty();
    AsyncApiContract contract = (AsyncApiContract) result.contract().orElseThrow();
    assertThat(contract.specVersion()).isEqualTo(version);
    assertThat(contract.messages())
        .hasSize(count)
        .allSatisfy(m -> assertThat(m.action()).isIn("send", "receive"));
  }

  @Test
  void aTwoPointZeroDocumentIsCheckedAgainstTheTwoPointZeroSchema(@TempDir Path dir)
      throws IOException {
    // 2.0.0 has no 'servers[].tags' (added in 2.5.0): the 2.0 schema must refuse it.
    Path file = dir.resolve("tags.yaml");
    Files.writeString(
        file, Files.readString(fixtures.resolve("2.5/inventory.yaml")).replace("2.5.0", "2.0.0"));

    LoadResult result = new ContractLoader(LoadOptions.forRoot(dir)).load(file);

    assertThat(result.diagnostics())
        .filteredOn(d -> d.code().equals("contract.asyncapi.schema"))
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.message()).startsWith("AsyncAPI 2.0.0: "))
        .anySatisfy(
            d -> assertThat(d.location().pointer().toString()).startsWith("#/servers/production"));
  }

  @Test
  void aVersionAsyncApiNeverPublishedIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("future.yaml");
    Files.writeString(file, "asyncapi: 2.7.0\ninfo: {title: t, version: '1'}\nchannels: {}\n");

    LoadResult result = new ContractLoader(LoadOptions.forRoot(dir)).load(file);

    assertThat(result.contract()).isEmpty();
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("contract.version.unsupported"));
  }

  @Test
  void aMultiFileDocumentReachesItsSiblingFolderWhenTheRootHoldsBoth() {
    Path multi = fixtures.resolve("multi-file");
    Path api = multi.resolve("orders/asyncapi.yaml");

    LoadResult underRoot = new ContractLoader(LoadOptions.forRoot(multi)).load(api);
    LoadResult ownFolder = new ContractLoader(LoadOptions.forRoot(api.getParent())).load(api);

    assertThat(underRoot.diagnostics()).isEmpty();
    assertThat(underRoot.referencedFiles()).contains(multi.resolve("common/messages.yaml"));
    assertThat(ownFolder.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("contract.ref.outside-root"));
  }

  static Stream<Path> corpusExamples() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.corpus("asyncapi"))) {
      return files.sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusExamples")
  void everyCorpusExampleLoadsWithoutAnError(Path file) {
    LoadResult result =
        new ContractLoader(LoadOptions.forRoot(file.getParent()).withStrict(true)).load(file);

    assertThat(result.diagnostics()).noneMatch(Diagnostic::isError);
    assertThat(((AsyncApiContract) result.contract().orElseThrow()).messages())
        .extracting(AsyncApiMessage::name)
        .isNotEmpty();
  }
}
