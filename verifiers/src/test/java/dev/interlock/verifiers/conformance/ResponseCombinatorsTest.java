package dev.interlock.verifiers.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.OpenApiContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The response judge applies oneOf as it is written: a value one branch accepts passes, even where
 * the branches have different types and sit, as in WireMock's multi-file admin API, inside an allOf
 * in another file.
 */
class ResponseCombinatorsTest {

  @TempDir Path dir;

  @Test
  void aOneOfOfObjectOrArrayAcceptsEitherAndRefusesAString() throws IOException {
    OpenApiContract contract = multiFile();
    assertThat(violations(contract, "[\"thing1\", \"thing2\"]")).isEmpty();
    assertThat(violations(contract, "{\"thing\": 1}")).isEmpty();
    assertThat(violations(contract, "\"thing\"")).isNotEmpty();
  }

  private List<ResponseViolation> violations(OpenApiContract contract, String jsonBody) {
    return ResponseConformance.check(
        contract,
        "GET",
        "/mappings",
        200,
        Map.of("Content-Type", List.of("application/json")),
        "{\"mappings\": [{\"response\": {\"status\": 200, \"jsonBody\": " + jsonBody + "}}]}");
  }

  private OpenApiContract multiFile() throws IOException {
    Files.createDirectories(dir.resolve("schemas"));
    Files.writeString(
        dir.resolve("api.yaml"),
        """
        openapi: 3.0.3
        info: {title: Mappings, version: '1.0'}
        paths:
          /mappings:
            get:
              operationId: listMappings
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: 'schemas/mappings.yaml'
        """);
    Files.writeString(
        dir.resolve("schemas/mappings.yaml"),
        """
        type: object
        properties:
          mappings:
            type: array
            items:
              $ref: 'mapping.yaml'
        additionalProperties: false
        """);
    Files.writeString(
        dir.resolve("schemas/mapping.yaml"),
        """
        type: object
        properties:
          response:
            $ref: 'definition.yaml'
        """);
    Files.writeString(
        dir.resolve("schemas/definition.yaml"),
        """
        allOf:
          - type: object
            properties:
              status:
                type: integer
              jsonBody:
                oneOf:
                  - type: object
                  - type: array
          - type: object
            properties:
              fixedDelayMilliseconds:
                type: integer
        """);
    return Contracts.load(dir.resolve("api.yaml"), dir);
  }
}
