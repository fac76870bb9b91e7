package dev.interlock.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.document.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Swagger 2.0 is read as the OpenAPI 3.0 it means, and the converted tree is what diff, compat and
 * the sandbox read, with lines of the file the user wrote.
 */
class Swagger2LoadingTest {

  private final Path fixtures = Fixtures.resource("openapi");
  private final OpenApiContract pets = load(fixtures.resolve("2.0/as-written.yaml"));
  private final JsonNode tree = pets.source().root();

  private OpenApiContract load(Path file) {
    LoadResult result = new ContractLoader(LoadOptions.forRoot(file.getParent())).load(file);
    assertThat(result.diagnostics()).as("diagnostics of " + file).noneMatch(Diagnostic::isError);
    return (OpenApiContract) result.contract().orElseThrow();
  }

  private JsonNode at(String pointer) {
    return tree.at(pointer);
  }

  @Test
  void bodiesWithoutConsumesOrProducesAreJson() {
    assertThat(fieldNames(at("/paths/~1pets/get/responses/200/content")))
        .containsExactly("application/json");
    assertThat(
            at("/paths/~1pets/get/responses/200/content/application~1json/schema/items/$ref")
                .asText())
        .isEqualTo("#/components/schemas/Pet");
    assertThat(at("/paths/~1pets/get/responses/200/content/application~1json/example").isArray())
        .isTrue();
    assertThat(fieldNames(at("/paths/~1pets/post/requestBody/content")))
        .containsExactly("application/json");
    assertThat(at("/paths/~1pets/post/requestBody/required").asBoolean()).isTrue();
    assertThat(fieldNames(at("/paths/~1pets/post/responses/201/content")))
        .containsExactly("application/json");
  }

  @Test
  void anOperationsOwnConsumesAndProducesWin() {
    assertThat(fieldNames(at("/paths/~1pets~1{id}~1photo/post/requestBody/content")))
        .containsExactly("multipart/form-data");
    assertThat(fieldNames(at("/paths/~1pets~1{id}~1photo/post/responses/200/content")))
        .containsExactly("application/xml");
  }

  @Test
  void formDataParametersBecomeAFormBody() {
    JsonNode upload =
        at("/paths/~1pets~1{id}~1photo/post/requestBody/content/multipart~1form-data/schema");
    assertThat(upload.at("/properties/photo/format").asText()).isEqualTo("binary");
    assertThat(upload.at("/required").toString()).isEqualTo("[\"photo\"]");
    // no consumes and no file: a form is URL-encoded, never JSON
    assertThat(fieldNames(at("/paths/~1pets~1{id}~1notes/post/requestBody/content")))
        .containsExactly("application/x-www-form-urlencoded");
    assertThat(at("/paths/~1pets~1{id}~1notes/post/responses/204").has("content")).isFalse();
  }

  @Test
  void collectionFormatBecomesStyleAndExplode() {
    assertThat(at("/paths/~1pets/get/parameters/0/style").asText()).isEqualTo("form");
    assertThat(at("/paths/~1pets/get/parameters/0/explode").asBoolean()).isFalse();
    assertThat(at("/paths/~1pets/get/parameters/1/explode").asBoolean()).isTrue();
  }

  @Test
  void xNullableAndAStringDiscriminatorAreKept() {
    JsonNode pet = at("/components/schemas/Pet");
    assertThat(pet.at("/discriminator/propertyName").asText()).isEqualTo("kind");
    assertThat(pet.at("/properties/name/nullable").asBoolean()).isTrue();
    assertThat(pet.at("/properties/owner/nullable").asBoolean()).isTrue();
    assertThat(pet.at("/properties/owner/allOf/0/$ref").asText())
        .isEqualTo("#/components/schemas/Owner");
  }

  @Test
  void convertedNodesAreLocatedOnTheLinesOfTheSwaggerFile() {
    SourceDocument doc = pets.source();

    assertThat(doc.file()).hasFileName("as-written.yaml");
    assertThat(line(doc, "/components/schemas/Pet")).isEqualTo(56);
    assertThat(line(doc, "/components/schemas/Pet/properties/name")).isEqualTo(62);
    assertThat(line(doc, "/paths/~1pets/get/responses/200/content/application~1json/schema"))
        .isEqualTo(18);
    assertThat(line(doc, "/paths/~1pets/post/requestBody/content/application~1json/schema"))
        .isEqualTo(29);
    assertThat(line(doc, "/paths/~1pets/get/parameters/1/schema/items")).isEqualTo(14);
    assertThat(
            line(
                doc,
                "/paths/~1pets~1{id}~1photo/post/requestBody/content/multipart~1form-data"
                    + "/schema/properties/caption"))
        .isEqualTo(42);
  }

  @Test
  void aDefinitionInASiblingFileIsResolvedFromTheDocumentsOwnFolder() {
    OpenApiContract multi = load(fixtures.resolve("2.0/multi-file/api.yaml"));
    JsonNode converted = multi.source().root();

    assertThat(
            converted
                .at("/paths/~1pets/get/responses/200/content/application~1json/schema/$ref")
                .asText())
        .isEqualTo("#/components/schemas/Pet");
    assertThat(converted.at("/components/schemas/Pet/properties/name/type").asText())
        .isEqualTo("string");
  }

  static Stream<Path> oracleSwagger2Documents() throws IOException {
    try (Stream<Path> files = Files.walk(Fixtures.diffOracle("pairs"))) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("(old|new)\\.(json|ya?ml)"))
          .filter(Swagger2LoadingTest::isSwagger2)
          .sorted()
          .toList()
          .stream();
    }
  }

  private static boolean isSwagger2(Path file) {
    try {
      return Files.readString(file).matches("(?s).*\"?swagger\"?\\s*:\\s*\"?2\\.0.*");
    } catch (IOException e) {
      return false;
    }
  }

  /** Real 2.0 documents from other tools' suites: no response schema is lost on the way. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("oracleSwagger2Documents")
  void everyResponseSchemaOfARealSwaggerDocumentSurvives(Path file) {
    LoadResult result = new ContractLoader(LoadOptions.forRoot(file.getParent())).load(file);
    if (Diagnostics.anyUnusableInput(result.diagnostics())) {
      return; // a $ref that resolves nowhere: refused, and said so, as it should be
    }
    JsonNode converted = ((OpenApiContract) result.contract().orElseThrow()).source().root();
    JsonNode original = new DocumentReader().read(file).document().orElseThrow().root();
    List<String> lost = new ArrayList<>();
    for (Iterator<String> paths = original.path("paths").fieldNames(); paths.hasNext(); ) {
      String path = paths.next();
      for (Iterator<String> ops = original.path("paths").path(path).fieldNames(); ops.hasNext(); ) {
        String op = ops.next();
        JsonNode responses = original.path("paths").path(path).path(op).path("responses");
        for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
          String code = codes.next();
          if (!responses.path(code).has("schema")) {
            continue;
          }
          JsonNode content =
              converted
                  .path("paths")
                  .path(path)
                  .path(op)
                  .path("responses")
                  .path(code)
                  .path("content");
          boolean typed = !content.isEmpty() && content.elements().next().has("schema");
          if (!typed) {
            lost.add(op + " " + path + " " + code);
          }
        }
      }
    }
    assertThat(lost).isEmpty();
  }

  private static int line(SourceDocument doc, String pointer) {
    return doc.locate(JsonPointer.parse(pointer)).line();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
