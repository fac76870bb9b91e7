package dev.interlock.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContractLoaderTest {

  private final Path fixtures = Fixtures.resource("openapi");
  private final ContractLoader loader = new ContractLoader(LoadOptions.forRoot(fixtures));

  @Test
  void recursiveSchemasAreLegalAndDoNotLoop() {
    LoadResult result = loader.load(fixtures.resolve("3.0/recursive-schema.yaml"));

    assertThat(result.diagnostics()).isEmpty();
    OpenApiContract contract = (OpenApiContract) result.contract().orElseThrow();
    assertThat(contract.operations())
        .extracting(o -> o.signature())
        .containsExactly("GET /nodes/{id}");
  }

  @Test
  void openApi31IsRecognised() {
    OpenApiContract contract =
        (OpenApiContract) loader.load(fixtures.resolve("3.1/types.yaml")).contract().orElseThrow();

    assertThat(contract.isOpenApi31()).isTrue();
    assertThat(contract.apiVersion()).isEqualTo("2024-06-01");
  }

  @Test
  void swagger2IsConvertedOnLoadWithAnInfoDiagnostic() {
    LoadResult result = loader.load(fixtures.resolve("2.0/petstore.yaml"));

    OpenApiContract contract = (OpenApiContract) result.contract().orElseThrow();
    assertThat(contract.convertedFromSwagger2()).isTrue();
    assertThat(contract.operations()).extracting(o -> o.id()).containsExactly("listPets");
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.INFO);
              assertThat(d.code()).isEqualTo("contract.openapi.converted");
              assertThat(d.location().line()).isEqualTo(1);
            });
  }

  @Test
  void pactsOfEveryVersionLoadThroughPactJvm() {
    Path pacts = Fixtures.corpus("pacts");
    ContractLoader corpus = new ContractLoader(LoadOptions.forRoot(pacts));

    PactContract v2 =
        (PactContract) corpus.load(pacts.resolve("pact-jvm_v2-pact.json")).contract().orElseThrow();
    PactContract v3message =
        (PactContract)
            corpus.load(pacts.resolve("pact-jvm_v3-message-pact.json")).contract().orElseThrow();
    LoadResult mixed =
        corpus.load(pacts.resolve("pact-jvm_v4-combined-http-and-message-pact.json"));

    assertThat(v2.specVersion()).startsWith("2");
    assertThat(v2.httpInteractions()).isNotEmpty();
    assertThat(v3message.messageInteractions()).isNotEmpty();
    assertThat(mixed.diagnostics()).isEmpty();
    PactContract v4 = (PactContract) mixed.contract().orElseThrow();
    assertThat(v4.specVersion()).startsWith("4");
    assertThat(v4.interactions())
        .hasAtLeastOneElementOfType(PactInteraction.Http.class)
        .hasAtLeastOneElementOfType(PactInteraction.Message.class);
  }

  @Test
  void asyncApiMessagesAreListedWithTheirSchemas() {
    Path dir = Fixtures.corpus("asyncapi");
    ContractLoader corpus = new ContractLoader(LoadOptions.forRoot(dir));

    AsyncApiContract v3 =
        (AsyncApiContract)
            corpus
                .load(dir.resolve("asyncapi-3.0.0_streetlights-mqtt.yml"))
                .contract()
                .orElseThrow();
    AsyncApiContract v2 =
        (AsyncApiContract)
            corpus
                .load(dir.resolve("asyncapi-2.6.0_streetlights-kafka.yml"))
                .contract()
                .orElseThrow();

    assertThat(v3.isV3()).isTrue();
    assertThat(v3.messages())
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.payloadSchema()).isPresent());
    assertThat(v2.messages())
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.action()).isIn("send", "receive"));
  }

  @Test
  void aFolderLoadReportsStrayFilesButNotReferencedFragments() {
    Path multi = Fixtures.corpus("openapi/wiremock-admin-api/multi-file");
    ContractSet set =
        new ContractLoader(LoadOptions.forRoot(multi)).loadAll(java.util.List.of(multi));

    assertThat(set.openApi()).hasSize(1);
    // schemas/ and examples/ files reached through $ref are fragments, not stray files
    assertThat(set.diagnostics())
        .filteredOn(d -> d.code().equals("contract.kind.unknown"))
        .allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING))
        .hasSizeLessThan(5);
  }
}
