package dev.interlock.verifiers.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.contract.OpenApiContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A required array, however deep, is synthesized with at least one item (or minItems), in every
 * body media type: a form body cannot carry an empty array, so the server would read it missing.
 */
class RequiredArraysTest {

  /** phases[].items and flow.confirm.items sit deeper than the synthesizer fills arrays. */
  private static final String SCHEMA =
      """
      type: object
      required: [phases, flow]
      properties:
        phases:
          type: array
          items:
            type: object
            required: [items]
            properties:
              items:
                type: array
                items:
                  type: object
                  required: [price]
                  properties:
                    price: {type: string, maxLength: 10}
        flow:
          type: object
          required: [confirm]
          properties:
            confirm:
              allOf:
                - type: object
                  required: [items]
                - type: object
                  properties:
                    items:
                      type: array
                      items: {type: string, maxLength: 10}
                    codes:
                      type: array
                      minItems: 2
                      items: {type: integer}
      """;

  @TempDir Path dir;

  @Test
  void aDeepRequiredArrayGetsAnItemInAFormBody() throws IOException {
    SampleRequest request = single("application/x-www-form-urlencoded");
    assertThat(request.body())
        .contains("phases%5B0%5D%5Bitems%5D%5B0%5D%5Bprice%5D=")
        .contains("flow%5Bconfirm%5D%5Bitems%5D%5B0%5D=");
  }

  @Test
  void aDeepRequiredArrayGetsAnItemInAMultipartBody() throws IOException {
    SampleRequest request = single("multipart/form-data");
    assertThat(request.body())
        .contains("name=\"phases[0][items][0][price]\"")
        .contains("name=\"flow[confirm][items][0]\"");
  }

  @Test
  void aDeepRequiredArrayGetsAnItemInAJsonBodyAndMinItemsIsKept() throws IOException {
    JsonNode body = new ObjectMapper().readTree(single("application/json").body());
    assertThat(body.at("/phases/0/items")).hasSize(1);
    assertThat(body.at("/phases/0/items/0/price").isTextual()).isTrue();
    assertThat(body.at("/flow/confirm/items")).hasSize(1);
    if (body.at("/flow/confirm").has("codes")) {
      assertThat(body.at("/flow/confirm/codes").size()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void anOptionalArrayIsLeftAsSynthesized() throws IOException {
    String optional = SCHEMA.replaceFirst(" *required: \\[items\\]\n", "");
    JsonNode body = new ObjectMapper().readTree(single("application/json", optional).body());
    assertThat(body.at("/phases/0/items").size()).isZero();
  }

  private SampleRequest single(String media) throws IOException {
    return single(media, SCHEMA);
  }

  private SampleRequest single(String media, String schema) throws IOException {
    String indented = schema.indent(14).stripTrailing();
    String spec =
        """
        openapi: 3.0.3
        info: {title: Required arrays, version: '1.0'}
        paths:
          /schedules:
            post:
              operationId: createSchedule
              requestBody:
                required: true
                content:
                  %s:
                    schema:
        %s
              responses:
                '200': {description: ok}
        """
            .formatted(media, indented);
    Path file = dir.resolve("spec.yaml");
    Files.writeString(file, spec);
    OpenApiContract contract = Contracts.load(file, dir);
    return SampleRequests.forContract(contract, 5).get(0);
  }
}
