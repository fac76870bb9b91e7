package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Synthesized values shaped like a vendor's, learned from the contract and never vendor-coded. */
class VendorValuesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-11-24T09:30:00Z");

  static final String DOCUMENT =
      """
      {"paths": {"/v1/customers": {"post": {"responses": {"200": {"content": {"application/json": {
         "schema": {"$ref": "#/components/schemas/customer"},
         "example": {"id": "cus_9s6XKzkNRiz8i3", "object": "customer", "currency": "usd"}}}}}}},
        "/orders": {"get": {"responses": {"200": {"content": {"application/json": {
         "schema": {"$ref": "#/components/schemas/Order"},
         "examples": {"one": {"value": {"id": "ord_AbCd1234", "total": 1}}}}}}}}}},
       "components": {"schemas": {
         "customer": {"type": "object", "required": ["id", "object"], "properties": {
           "id": {"type": "string", "maxLength": 5000},
           "object": {"type": "string", "enum": ["customer"]}}},
         "Order": {"type": "object", "required": ["id", "customer"], "properties": {
           "id": {"type": "string"},
           "customer": {"type": "string"},
           "status": {"type": "string", "enum": ["paid"]},
           "kind": {"const": "order"}}},
         "Unknown": {"type": "object", "required": ["id"], "properties": {
           "id": {"type": "string"}}},
         "Vendorish": {"type": "object", "properties": {
           "email": {"type": "string"},
           "name": {"type": "string"},
           "phone": {"type": "string", "maxLength": 20},
           "website_url": {"type": "string"},
           "currency": {"type": "string"},
           "country": {"type": "string"},
           "created": {"type": "integer", "format": "unix-time"},
           "updated_at": {"type": "integer"},
           "expires_at": {"type": "integer", "format": "unix-time"},
           "contact": {"type": "string", "format": "email"},
           "ref": {"type": "string", "format": "uuid"},
           "homepage": {"type": "string", "format": "uri"},
           "day": {"type": "string", "format": "date"},
           "at": {"type": "string", "format": "date-time"},
           "ip": {"type": "string", "format": "ipv4"}}},
         "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
           "discriminator": {"propertyName": "petType"}},
         "Cat": {"type": "object", "required": ["petType"], "properties": {"petType": {"type": "string"}}},
         "Dog": {"type": "object", "required": ["petType"], "properties": {"petType": {"type": "string"}}}
       }}}""";

  static JsonNode synthesize(String schema, long seed) throws Exception {
    SpecTree tree = SpecTree.ofRoot(JSON.readTree(DOCUMENT));
    return new SchemaSynthesizer(tree, true, NOW)
        .generate(
            JSON.readTree("{\"$ref\": \"#/components/schemas/" + schema + "\"}"),
            new SplittableRandom(seed));
  }

  @Test
  void idsTakeThePrefixTheContractsExamplesUseForThatKindOfObject() throws Exception {
    for (long seed = 1; seed <= 5; seed++) {
      assertThat(synthesize("customer", seed).path("id").asText()).matches("cus_[A-Za-z0-9]{14}");
      JsonNode order = synthesize("Order", seed);
      assertThat(order.path("id").asText()).matches("ord_[A-Za-z0-9]{14}");
      // a field named after a kind of object holds that object's id
      assertThat(order.path("customer").asText()).startsWith("cus_");
    }
  }

  @Test
  void anIdWithoutALearnedPrefixIsAUuidNotAFieldName() throws Exception {
    String id = synthesize("Unknown", 3).path("id").asText();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
  }

  @Test
  void enumsConstsAndObjectTagsAreTheirDeclaredValues() throws Exception {
    assertThat(synthesize("customer", 1).path("object").asText()).isEqualTo("customer");
    JsonNode order = synthesize("Order", 1);
    assertThat(order.path("status").asText()).isEqualTo("paid");
    assertThat(order.path("kind").asText()).isEqualTo("order");
  }

  @Test
  void aDiscriminatorNamesTheBranchChosen() throws Exception {
    for (long seed = 1; seed <= 6; seed++) {
      assertThat(synthesize("Pet", seed).path("petType").asText()).isIn("Cat", "Dog");
    }
  }

  @Test
  void valuesFollowWhatThePropertysNameSaysItHolds() throws Exception {
    JsonNode v = synthesize("Vendorish", 4);
    assertThat(v.path("email").asText()).matches("[a-z]+\\.[a-z]+\\d+@example\\.com");
    assertThat(v.path("name").asText()).matches("[A-Z][a-z]+ [A-Z][a-z]+");
    assertThat(v.path("phone").asText()).matches("\\+1[2-9]\\d{9}");
    assertThat(URI.create(v.path("website_url").asText()).getScheme()).isEqualTo("https");
    // the contract's own example writes currencies in lower case
    assertThat(v.path("currency").asText())
        .isIn("usd", "eur", "gbp", "jpy", "cad", "aud", "chf", "sek");
    assertThat(v.path("country").asText()).matches("[a-z]{2}");
  }

  @Test
  void codesAreUpperCaseUnlessTheContractOrTheFieldSaysLower() {
    ContractVocabulary none = ContractVocabulary.learn(JSON.createObjectNode());
    VendorValues values = new VendorValues(none, NOW);
    SplittableRandom r = new SplittableRandom(1);
    assertThat(values.byName("currency", JSON.createObjectNode(), r)).matches("[A-Z]{3}");
    assertThat(values.byName("country", JSON.createObjectNode(), r)).matches("[A-Z]{2}");
    JsonNode lower =
        JSON.createObjectNode().put("description", "Three-letter ISO code, in lowercase.");
    assertThat(values.byName("default_currency", lower, r)).matches("[a-z]{3}");
  }

  @Test
  void formatsAreWhatAParserOfThatFormatAccepts() throws Exception {
    JsonNode v = synthesize("Vendorish", 9);
    assertThat(v.path("contact").asText()).contains("@");
    assertThat(UUID.fromString(v.path("ref").asText())).isNotNull();
    assertThat(URI.create(v.path("homepage").asText()).isAbsolute()).isTrue();
    assertThat(v.path("ip").asText()).matches("192\\.0\\.2\\.\\d{1,3}");
    LocalDate day = LocalDate.parse(v.path("day").asText());
    assertThat(day)
        .isBetween(
            LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(31),
            LocalDate.ofInstant(NOW, ZoneOffset.UTC));
    assertThat(Instant.parse(v.path("at").asText())).isBetween(NOW.minus(Duration.ofDays(31)), NOW);
  }

  @Test
  void timestampsLieNearTheSandboxClockBehindItOrAheadForExpiries() throws Exception {
    for (long seed = 1; seed <= 5; seed++) {
      JsonNode v = synthesize("Vendorish", seed);
      long now = NOW.getEpochSecond();
      assertThat(v.path("created").asLong()).isBetween(now - 31 * 86400L, now);
      assertThat(v.path("updated_at").asLong()).isBetween(now - 31 * 86400L, now);
      assertThat(v.path("expires_at").asLong()).isBetween(now - 86400L, now + 31 * 86400L);
      assertThat(v.path("expires_at").asLong()).isGreaterThan(v.path("created").asLong());
    }
  }

  @Test
  void theSameSeedGivesTheSameValuesAndAnotherSeedOthers() throws Exception {
    assertThat(synthesize("Vendorish", 7)).isEqualTo(synthesize("Vendorish", 7));
    assertThat(synthesize("Vendorish", 7)).isNotEqualTo(synthesize("Vendorish", 8));
  }

  @Test
  void learnsPrefixesOnlyFromOpaqueIds() {
    assertThat(ContractVocabulary.prefix("cus_9s6XKzkNRiz8i3")).contains("cus_");
    assertThat(ContractVocabulary.prefix("ord-AbCd1234")).contains("ord-");
    assertThat(ContractVocabulary.prefix("42")).isEmpty();
    assertThat(ContractVocabulary.prefix("hello")).isEmpty();
  }
}
