package dev.interlock.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.OpenApiContract;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A contract split across files is bundled by our own loader: the siblings' schemas, responses and
 * examples are in the model, and findings inside a sibling name the sibling's file and line.
 */
class MultiFileContractTest {

  private final Path folder = Fixtures.resource("multi-file");
  private final Path pets = folder.resolve("pets.yaml");

  private OpenApiContract load(LoadOptions options) {
    return (OpenApiContract) new ContractLoader(options).load(pets).contract().orElseThrow();
  }

  @Test
  void aSiblingFilesSchemaIsANamedComponentOfTheModel() {
    OpenApiContract contract = load(LoadOptions.forRoot(folder));

    Map<String, Schema> schemas = contract.model().getComponents().getSchemas();
    assertThat(schemas).containsKeys("Owner", "pet", "Tag", "Problem");
    Schema<?> pet = schemas.get("pet");
    assertThat(pet.getRequired()).containsExactly("id");
    assertThat(pet.getProperties().get("tag").get$ref()).isEqualTo("#/components/schemas/Tag");
    assertThat(pet.getProperties().get("owner").get$ref()).isEqualTo("#/components/schemas/Owner");
    // a schema that contains itself stays a reference, not an endless copy
    assertThat(pet.getProperties().get("parent").get$ref()).isEqualTo("#/components/schemas/pet");
    assertThat(schemas.get("Tag").getMaxLength()).isEqualTo(20);
  }

  @Test
  void aSiblingsResponseAndExampleAreCopiedInPlace() {
    OpenApiContract contract = load(LoadOptions.forRoot(folder));

    var get = contract.model().getPaths().get("/pets").getGet();
    var json = get.getResponses().get("200").getContent().get("application/json");
    assertThat(json.getSchema().getItems().get$ref()).isEqualTo("#/components/schemas/pet");
    assertThat(json.getExample()).asString().contains("\"id\":1", "\"tag\":\"cat\"");
    ApiResponse notFound = get.getResponses().get("404");
    assertThat(notFound.get$ref()).isNull();
    assertThat(notFound.getContent().get("application/json").getSchema().get$ref())
        .isEqualTo("#/components/schemas/Problem");
  }

  @Test
  void aPlaceInsideABundledSchemaIsLocatedInItsOwnFile() {
    OpenApiContract contract = load(LoadOptions.forRoot(folder));

    SourceLocation id =
        contract
            .source()
            .locate(JsonPointer.of("components", "schemas", "pet", "properties", "id"));
    SourceLocation pet = contract.source().locate(JsonPointer.of("components", "schemas", "pet"));

    assertThat(folder.relativize(id.file()) + ":" + id.line())
        .isEqualTo(Path.of("schemas", "pet.yaml") + ":4");
    assertThat(folder.relativize(pet.file()) + ":" + pet.line())
        .isEqualTo(Path.of("schemas", "pet.yaml") + ":1");
  }

  @Test
  void aDefectInASiblingIsReportedAtTheSiblingsLine() {
    LoadResult strict = new ContractLoader(LoadOptions.forRoot(folder).withStrict(true)).load(pets);

    List<Diagnostic> structure =
        strict.diagnostics().stream()
            .filter(d -> d.code().equals("contract.openapi.structure"))
            .toList();
    assertThat(structure)
        .extracting(d -> folder.relativize(d.location().file()) + ":" + d.location().line())
        .containsExactly(Path.of("responses", "not-found.yaml") + ":2");
  }
}
