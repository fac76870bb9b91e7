package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.contract.OpenApiContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractVersionTest {

  /** Pieces of an allOf that each forbid other properties: valid only once they are merged. */
  private static final String PETS =
      """
      openapi: 3.0.3
      info: {title: pets, version: "1"}
      paths:
        /pets:
          post:
            operationId: createPet
            requestBody:
              required: true
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Pet'}
            responses:
              '201': {description: created}
      components:
        schemas:
          Named:
            type: object
            required: [name]
            properties: {name: {type: string}}
            additionalProperties: false
          Pet:
            allOf:
              - $ref: '#/components/schemas/Named'
              - type: object
                properties: {tag: {type: string}}
                additionalProperties: false
      """;

  @Test
  void buildsTheRequestValidatorFromTheParsedTreeWithoutReadingTheFileAgain(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("pets.yaml");
    Files.writeString(file, PETS);
    OpenApiContract contract =
        (OpenApiContract)
            new ContractLoader(LoadOptions.forRoot(dir)).load(file).contract().orElseThrow();
    // Whatever the file says now, the validator must be the contract that was parsed.
    Files.writeString(file, "openapi: [this is no longer the contract");

    ContractVersion version = new ContractVersion(contract);
    ValidationReport valid =
        version
            .requestValidator()
            .validateRequest(
                SimpleRequest.Builder.post("/pets")
                    .withContentType("application/json")
                    .withBody("{\"name\": \"Rex\", \"tag\": \"dog\"}")
                    .build());
    ValidationReport invalid =
        version
            .requestValidator()
            .validateRequest(
                SimpleRequest.Builder.post("/pets")
                    .withContentType("application/json")
                    .withBody("{\"tag\": \"dog\"}")
                    .build());

    assertThat(valid.getMessages()).as("allOf merged").isEmpty();
    assertThat(invalid.hasErrors()).as("name is required").isTrue();
  }
}
