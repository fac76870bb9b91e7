package dev.interlock.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Form and multipart bodies, as vendors' SDKs send them, against a real sandbox: validated against
 * the schema and merged into state exactly like a JSON body.
 */
class FormBodiesIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String FORM = "application/x-www-form-urlencoded";

  static Sandbox sandbox;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(
            Fixtures.fixture("openapi/3.0/forms.yaml"),
            SandboxOptions.builder()
                .seed(11)
                .clock(ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z")))
                .build());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void aFormPostWithDeepObjectMetadataCreatesTheResourceAndAGetReturnsTheSentFields()
      throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            "/v1/customers",
            FORM,
            "name=Jenny+Rosen&email=jenny%40example.com&phone=%2B15558675310&balance=300"
                + "&metadata[order]=o-1&metadata%5Bchannel%5D=web&expand[]=sources");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode customer = JSON.readTree(created.body());
    assertThat(customer.path("name").asText()).isEqualTo("Jenny Rosen");
    assertThat(customer.path("email").asText()).isEqualTo("jenny@example.com");
    assertThat(customer.path("phone").isTextual()).isTrue();
    assertThat(customer.path("phone").asText()).isEqualTo("+15558675310");
    assertThat(customer.path("balance").isIntegralNumber()).isTrue();
    assertThat(customer.path("balance").asInt()).isEqualTo(300);
    assertThat(customer.path("metadata"))
        .isEqualTo(JSON.readTree("{\"order\": \"o-1\", \"channel\": \"web\"}"));

    String id = customer.path("id").asText();
    HttpResponse<String> read = send("GET", "/v1/customers/" + id, null, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(read.body())).isEqualTo(customer);
  }

  @Test
  void aFormUpdateChangesTheHeldResource() throws Exception {
    JsonNode customer =
        JSON.readTree(send("POST", "/v1/customers", FORM, "name=A&metadata[k]=1").body());
    String id = customer.path("id").asText();
    HttpResponse<String> updated =
        send("POST", "/v1/customers/" + id, FORM, "name=B&metadata[k]=2&metadata[j]=3");
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    JsonNode read = JSON.readTree(send("GET", "/v1/customers/" + id, null, null).body());
    assertThat(read.path("name").asText()).isEqualTo("B");
    assertThat(read.path("metadata")).isEqualTo(JSON.readTree("{\"k\": \"2\", \"j\": \"3\"}"));
  }

  @Test
  void aFormValueOfTheWrongTypeIsRefusedWithItsPointer() throws Exception {
    HttpResponse<String> refused =
        send("POST", "/v1/customers", FORM, "name=A&balance=ten&metadata[order]=o-1");
    assertThat(refused.statusCode()).isEqualTo(400);
    // the contract's error shape names the field; the journal keeps the pointer
    assertThat(JSON.readTree(refused.body()).at("/error/param").asText()).isEqualTo("balance");
    assertThat(lastViolationPointers()).containsExactly("/body/balance");
  }

  @Test
  void aMultipartUploadIsValidatedAndAnsweredWithItsFields() throws Exception {
    String body =
        String.join(
            "\r\n",
            "--b0undary",
            "Content-Disposition: form-data; name=\"purpose\"",
            "",
            "dispute_evidence",
            "--b0undary",
            "Content-Disposition: form-data; name=\"size\"",
            "",
            "12",
            "--b0undary",
            "Content-Disposition: form-data; name=\"file\"; filename=\"evidence.txt\"",
            "Content-Type: text/plain",
            "",
            "hello, world",
            "--b0undary--",
            "");
    HttpResponse<String> r =
        send("POST", "/v1/files", "multipart/form-data; boundary=b0undary", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).path("purpose").asText()).isEqualTo("dispute_evidence");
    assertThat(JSON.readTree(r.body()).path("size").asInt()).isEqualTo(12);

    HttpResponse<String> refused =
        send(
            "POST",
            "/v1/files",
            "multipart/form-data; boundary=b0undary",
            body.replace("dispute_evidence", "selfie"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).at("/error/param").asText()).isEqualTo("purpose");
    assertThat(lastViolationPointers()).contains("/body/purpose");
  }

  @Test
  void aMultipartBodyWithoutABoundaryIsA400SayingSoInTheContractsErrorShape() throws Exception {
    String body =
        String.join(
            "\r\n",
            "--b0undary",
            "Content-Disposition: form-data; name=\"purpose\"",
            "",
            "dispute_evidence",
            "--b0undary--",
            "");
    HttpResponse<String> r = send("POST", "/v1/files", "multipart/form-data", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(r.body()).path("error");
    assertThat(error.path("message").asText()).contains("boundary").contains("Content-Type");
    assertThat(error.path("param").asText()).isEqualTo("Content-Type");
    assertThat(lastViolationPointers()).containsExactly("/header/Content-Type");
  }

  /** The pointers of the violations the journal recorded for the last call. */
  static List<String> lastViolationPointers() {
    List<JournalEntry> journal = sandbox.journal();
    return journal.get(journal.size() - 1).violations().stream()
        .map(JournalEntry.Violation::pointer)
        .toList();
  }

  @Test
  void aResponseHeaderNamedLikeARequestHeaderCarriesTheValueSent() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/customers"))
            .header("Content-Type", FORM)
            .header("Idempotency-Key", "key-7f3a")
            .POST(HttpRequest.BodyPublishers.ofString("name=A"))
            .build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Idempotency-Key")).contains("key-7f3a");
    // a header the client did not send is the contract's own
    assertThat(r.headers().firstValue("Request-Id")).isPresent().get().isNotEqualTo("key-7f3a");
  }

  static HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
