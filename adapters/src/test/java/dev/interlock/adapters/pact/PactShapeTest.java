package dev.interlock.adapters.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift comparison itself, on tampered copies of the committed pacts. */
class PactShapeTest {

  static final String PAYMENTS = "contracts/pacts/order-sync-payments.json";
  static final String STOREFRONT = "contracts/pacts/order-sync-storefront.json";

  static JsonNode committed(String name) throws IOException {
    return new ObjectMapper().readTree(PactDrift.committedDir().resolve(name).toFile());
  }

  static ObjectNode interaction(JsonNode pact, int i) {
    return (ObjectNode) pact.get("interactions").get(i);
  }

  @Test
  void identicalPactsAgree() throws IOException {
    JsonNode p = committed("order-sync-payments.json");
    assertThat(PactShape.diff(PAYMENTS, PactShape.of(p), PactShape.of(p.deepCopy()))).isEmpty();
  }

  @Test
  void namesTheFileTheInteractionAndTheMissingPath() throws IOException {
    JsonNode generated = committed("order-sync-payments.json");
    JsonNode committed = generated.deepCopy();
    ObjectNode response = (ObjectNode) interaction(committed, 0).get("response");
    ((ObjectNode) response.get("body").get("amount")).remove("value");
    ((ObjectNode) response.get("matchingRules").get("body")).remove("$.amount.value");

    assertThat(PactShape.diff(PAYMENTS, PactShape.of(committed), PactShape.of(generated)))
        .containsExactlyInAnyOrder(
            PAYMENTS
                + ": 'a request to charge order 1042': response body path $.amount.value"
                + " missing in the committed pact",
            PAYMENTS
                + ": 'a request to charge order 1042': response matcher body $.amount.value"
                + " regex(^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,4})?$) missing in the committed pact");
  }

  @Test
  void seesStatusHeaderMatcherKindAndInteractionChanges() throws IOException {
    JsonNode committed = committed("order-sync-payments.json");
    JsonNode generated = committed.deepCopy();
    ObjectNode declined = interaction(generated, 1);
    ((ObjectNode) declined.get("response")).put("status", 400);
    ((ObjectNode) declined.get("request").get("headers")).remove("Payments-Version");
    ((ObjectNode) declined.get("request").get("matchingRules").get("header"))
        .remove("Payments-Version");
    ((ObjectNode) interaction(generated, 2)).put("description", "a request to get a charge");
    ObjectNode livemode =
        (ObjectNode)
            interaction(generated, 0)
                .get("response")
                .get("matchingRules")
                .get("body")
                .get("$.livemode")
                .get("matchers")
                .get(0);
    livemode.put("match", "boolean");

    List<String> d = PactShape.diff(PAYMENTS, PactShape.of(committed), PactShape.of(generated));
    String declinedPrefix =
        PAYMENTS + ": 'a request to charge order 1045 with a card that is declined': ";
    assertThat(d)
        .contains(
            declinedPrefix
                + "response status is [400] in the generated pact but [402] in the committed pact",
            declinedPrefix + "request header payments-version missing in the generated pact",
            PAYMENTS
                + ": 'a request to retrieve the charge of order 1042': interaction missing in the generated pact",
            PAYMENTS + ": 'a request to get a charge': interaction missing in the committed pact",
            PAYMENTS
                + ": 'a request to charge order 1042': response matcher body $.livemode boolean"
                + " missing in the committed pact");
  }

  @Test
  void seesMessageMetadataAndBodyChanges() throws IOException {
    JsonNode committed = committed("order-sync-storefront.json");
    JsonNode generated = committed.deepCopy();
    ObjectNode created = interaction(generated, 0);
    ((ObjectNode) created.get("metadata")).remove("X-Storefront-Delivery-Attempt");
    ((ObjectNode) created.get("contents").get("content")).put("channel", "web");

    assertThat(PactShape.diff(STOREFRONT, PactShape.of(committed), PactShape.of(generated)))
        .contains(
            STOREFRONT
                + ": 'an order.created webhook': message metadata key"
                + " x-storefront-delivery-attempt missing in the generated pact",
            STOREFRONT
                + ": 'an order.created webhook': message body path $.channel missing in"
                + " the committed pact");
  }
}
