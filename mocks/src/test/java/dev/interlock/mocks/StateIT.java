package dev.interlock.mocks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** State that starts where the contract's examples are, against a real sandbox. */
class StateIT {

  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(
            Fixtures.fixture("openapi/3.0/state.yaml"), SandboxOptions.builder().seed(11).build());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  static RequestSpecification api() {
    return given().baseUri(sandbox.baseUrl()).contentType(ContentType.JSON);
  }

  @Test
  void theContractsExampleExistsFromTheStart() {
    api()
        .get("/pets/42")
        .then()
        .statusCode(200)
        .body("id", equalTo(42))
        .body("name", equalTo("Rex"));
  }

  @Test
  void anIdNobodyCreatedIsA404SayingSoEvenWhereThe404DeclaresNoBody() {
    api()
        .get("/pets/7")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("No resource with id '7' exists in this sandbox."));
  }

  @Test
  void deletingAnIdNobodyCreatedIsA404ProblemWhereTheContractDeclaresNo404() {
    // DELETE /pets/{petId} declares 204 only
    api()
        .delete("/pets/7")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("No resource with id '7' exists in this sandbox."));
  }

  @Test
  void withStrictErrorsAnIdNobodyCreatedGetsTheDeclaredAnswerWhereTheContractDeclaresNo404() {
    try (Sandbox strict =
        Sandbox.start(
            Fixtures.fixture("openapi/3.0/state.yaml"),
            SandboxOptions.builder().seed(11).strictErrors(true).build())) {
      given().baseUri(strict.baseUrl()).delete("/pets/7").then().statusCode(204);
    }
  }

  @Test
  void aListHoldingAllItsItemsSaysNoMoreAndCountsThem() {
    api().body("{\"name\":\"Tom\"}").post("/pets").then().statusCode(201);
    api()
        .get("/pets")
        .then()
        .statusCode(200)
        .body("data", hasSize(2))
        .body("data[0].id", equalTo(42))
        .body("has_more", equalTo(false))
        .body("total_count", equalTo(2));
    api().get("/pets?limit=1").then().body("data.id", contains(42)).body("has_more", equalTo(true));
    api()
        .get("/pets?limit=1&starting_after=42")
        .then()
        .body("data.name", contains("Tom"))
        .body("has_more", equalTo(false));
  }

  @Test
  void deleteThenGetIs404() {
    int id = api().body("{\"name\":\"Tom\"}").post("/pets").path("id");
    api().get("/pets/" + id).then().statusCode(200).body("name", equalTo("Tom"));
    api().delete("/pets/" + id).then().statusCode(204);
    api().get("/pets/" + id).then().statusCode(404);
    api().delete("/pets/42").then().statusCode(204);
    api().get("/pets/42").then().statusCode(404);
  }

  @Test
  void collectionsSpelledWithAnExtensionAndAnIdNamedAfterTheParameterAreOneCollection() {
    api()
        .get("/things/TH0123456789abcdef.json")
        .then()
        .statusCode(200)
        .body("label", equalTo("first"));
    Response created = api().body("{\"label\":\"second\"}").post("/things.json");
    created.then().statusCode(201).body("label", equalTo("second"));
    String sid = created.path("sid");
    assertThat(sid).hasSize("TH0123456789abcdef".length()).isNotEqualTo("TH0123456789abcdef");
    api().get("/things/" + sid + ".json").then().statusCode(200).body("sid", equalTo(sid));
    api().get("/things.json").then().body("things.label", contains("first", "second"));
    api()
        .get("/things/TH_nobody.json")
        .then()
        .statusCode(404)
        .body("code", equalTo(404))
        .body("message", equalTo("No resource with id 'TH_nobody' exists in this sandbox."));
  }

  @Test
  void aCollectionNestedUnderAParentIsThatParentsOwn() {
    api().body("{\"name\":\"Tom\"}").post("/owners/o1/pets").then().statusCode(201);
    api().get("/owners/o1/pets").then().body("name", contains("Tom"));
    assertThat(api().get("/owners/o2/pets").<List<Object>>path("name")).doesNotContain("Tom");
  }
}
