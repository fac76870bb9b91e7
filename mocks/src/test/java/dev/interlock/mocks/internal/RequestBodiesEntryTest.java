package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.contract.OpenApiContract;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one entry point: the operation's declared media type and encoding decide how a body reads.
 */
class RequestBodiesEntryTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static ContractVersion version;

  @BeforeAll
  static void load() throws Exception {
    Path file =
        Paths.get(RequestBodiesEntryTest.class.getResource("/openapi/3.0/forms.yaml").toURI());
    OpenApiContract contract =
        (OpenApiContract)
            new ContractLoader(LoadOptions.forRoot(file.getParent().getParent()))
                .load(file)
                .contract()
                .orElseThrow();
    version = new ContractVersion(contract);
  }

  static OperationModel op(String id) {
    return version.operations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aFormBodyReadsWithItsOperationsEncodingAndSchema() throws Exception {
    RequestBodies bodies = new RequestBodies();
    assertThat(
            bodies.tree(
                op("createCustomer"),
                "application/x-www-form-urlencoded; charset=utf-8",
                "balance=5&phone=%2B1555&metadata[a]=1"))
        .isEqualTo(
            JSON.readTree("{\"balance\": 5, \"phone\": \"+1555\", \"metadata\": {\"a\": \"1\"}}"));
    assertThat(bodies.schema(op("createCustomer"), "application/x-www-form-urlencoded").value())
        .isEqualTo("/components/schemas/CustomerParams");
    assertThat(RequestBodies.decodesItself("Application/X-WWW-Form-Urlencoded")).isTrue();
  }

  @Test
  void jsonAndUndeclaredMediaTypesReadAsJsonOrText() throws Exception {
    RequestBodies bodies = new RequestBodies();
    assertThat(bodies.tree(op("createCustomer"), "application/json", "{\"balance\": \"5\"}"))
        .isEqualTo(JSON.readTree("{\"balance\": \"5\"}"));
    assertThat(bodies.schema(op("createCustomer"), "application/json")).isNull();
    assertThat(bodies.tree(op("createCustomer"), "text/plain", "hello").asText())
        .isEqualTo("hello");
    assertThat(RequestBodies.decodesItself("application/json")).isFalse();
  }

  @Test
  void aMultipartBodyReadsWithItsBoundary() throws Exception {
    String body = "--b\r\nContent-Disposition: form-data; name=\"size\"\r\n\r\n12\r\n--b--\r\n";
    assertThat(bodies().tree(op("uploadFile"), "multipart/form-data; boundary=b", body))
        .isEqualTo(JSON.readTree("{\"size\": 12}"));
  }

  static RequestBodies bodies() {
    return new RequestBodies();
  }
}
