package dev.interlock.mocks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.interlock.core.contract.OpenApiContract;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invalid requests are answered with what is wrong and where, against a real sandbox. */
class ErrorsIT {

  static final String TOO_SMALL = "{\"name\":\"w\",\"size\":0}";
  static OpenApiContract contract;
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    contract = Fixtures.fixture("openapi/3.0/errors.yaml");
    sandbox = Sandbox.start(contract, SandboxOptions.builder().seed(3).build());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  @Test
  void anInvalidRequestIsAnsweredInTheContractsErrorShapeSayingWhatIsWrongAndWhere() {
    given()
        .baseUri(sandbox.baseUrl())
        .contentType(ContentType.JSON)
        .body(TOO_SMALL)
        .post("/v2/widgets")
        .then()
        .statusCode(400)
        .contentType(ContentType.JSON)
        .body("error.type", equalTo("invalid_request_error"))
        .body("error.message", containsString("body field 'size'"))
        .body("error.message", containsString("minimum"))
        .body("error.param", equalTo("size"))
        .body("error.code", startsWith("validation."))
        // the contract's shape, not ours laid beside it
        .body("title", nullValue())
        .body("errors", nullValue());
  }

  @Test
  void anOperationWhose400DeclaresNoBodyGetsProblemJsonWithEveryViolation() {
    given()
        .baseUri(sandbox.baseUrl())
        .contentType(ContentType.JSON)
        .body("{\"size\":0}")
        .post("/v2/gadgets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("detail", containsString("2 problems"))
        .body("errors.pointer", hasItem("/body/size"))
        .body("errors.size()", equalTo(2));
  }

  @Test
  void strictErrorsSendOnlyWhatTheContractDeclares() {
    try (Sandbox strict =
        Sandbox.start(contract, SandboxOptions.builder().strictErrors(true).build())) {
      String body =
          given()
              .baseUri(strict.baseUrl())
              .contentType(ContentType.JSON)
              .body(TOO_SMALL)
              .post("/v2/gadgets")
              .then()
              .statusCode(400)
              .extract()
              .asString();
      assertThat(body).isEmpty();
    }
  }

  @Test
  void anOperationDeclaring422AndNot400Answers422InItsShapeOneErrorPerViolation() {
    given()
        .baseUri(sandbox.baseUrl())
        .contentType(ContentType.JSON)
        .body(TOO_SMALL)
        .post("/v2/things")
        .then()
        .statusCode(422)
        .body("code", equalTo(422))
        .body("errors.size()", equalTo(1))
        .body("errors[0].field", equalTo("size"))
        .body("errors[0].message", containsString("minimum"));
  }

  @Test
  void theJournalRecordsEachViolationWithItsPointer() {
    given()
        .baseUri(sandbox.baseUrl())
        .contentType(ContentType.JSON)
        .body("{\"size\":0}")
        .post("/v2/gadgets")
        .then()
        .statusCode(400);
    List<JournalEntry> journal = sandbox.journal();
    JournalEntry last = journal.get(journal.size() - 1);
    assertThat(last.violations())
        .extracting(JournalEntry.Violation::pointer)
        .contains("/body/size");
    assertThat(last.violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    given()
        .baseUri(sandbox.baseUrl())
        .get("/__interlock/journal")
        .then()
        .body("violations.flatten().pointer", hasItem("/body/size"));
  }
}
