package dev.interlock.adapters.pact;

import static dev.interlock.adapters.pact.OrderSyncPacts.*;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.matchingrules.MinTypeMatcher;
import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.adapters.Credentials;
import dev.interlock.adapters.Secret;
import dev.interlock.adapters.ordersync.internal.Shipper;
import dev.interlock.clients.fulfilment.v2.FulfilmentAdapter;
import dev.interlock.clients.fulfilment.v2.model.Shipment;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * order-sync → fulfilment (v2), driven through order-sync's own {@link Shipper} (which maps the
 * order onto the generated {@link FulfilmentAdapter}).
 */
@ExtendWith({PactDrift.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "fulfilment", pactVersion = PactSpecVersion.V3)
class FulfilmentConsumerPactTest {

  static final String KEY = "fk_test_orderSyncSandbox01";
  static final String API_KEY = "^[A-Za-z0-9_]{16,64}$";

  /** The key the adapter derives: {@code <integration>:<operationId>:<businessKey>}. */
  static final String IDEMPOTENCY = "^order-sync:createShipment:ord_[A-Za-z0-9]{8,32}$";

  static final String SHIPMENT_ID = "shp_5KdW9xPq2Lr7";
  static final String STATUS = "^(pending|label_created|in_transit|delivered|cancelled|exception)$";

  static AdapterRuntime runtime(MockServer server) {
    return OrderSyncPacts.runtime(
        "fulfilment",
        server.getUrl(),
        Credentials.apiKey("X-Api-Key", Secret.of(KEY, "env:FULFILMENT_API_KEY")));
  }

  static Consumer<LambdaDslObject> shipment(String status, String updatedAt, boolean tracked) {
    return o -> {
      o.stringMatcher("id", "^shp_[A-Za-z0-9]{8,32}$", SHIPMENT_ID);
      o.stringMatcher("status", STATUS, status);
      o.stringMatcher("orderReference", ORD, ORDER_ID);
      o.stringValue("serviceLevel", "standard");
      o.object(
          "recipient",
          r -> {
            r.stringValue("name", "Mara Okafor");
            r.stringValue("email", "mara.okafor@example.net");
          });
      o.object(
          "destination",
          d -> {
            d.array("lines", a -> a.stringValue("Invalidenstrasse 117"));
            d.stringValue("locality", "Berlin");
            d.nullValue("region");
            d.stringValue("postalCode", "10115");
            d.stringValue("countryCode", "DE");
          });
      o.minArrayLike(
          "items",
          1,
          1,
          i -> {
            i.stringValue("sku", "MUG-CER-350-BLU");
            i.numberValue("quantity", 2);
            i.stringValue("description", "Ceramic mug 350 ml, blue");
          });
      if (tracked) {
        o.object(
            "tracking",
            t -> {
              t.stringType("id", "00340434161094042557");
              t.stringValue("carrier", "dhl");
              t.stringMatcher(
                  "url",
                  "^https://\\S+$",
                  "https://track.fulfilment.example/dhl/00340434161094042557");
            });
      } else {
        o.nullValue("tracking");
      }
      o.stringMatcher("createdAt", TIMESTAMP, "2026-11-24T09:15:05Z");
      o.stringMatcher("updatedAt", TIMESTAMP, updatedAt);
    };
  }

  @Pact(consumer = "order-sync")
  RequestResponsePact createShipment(PactDslWithProvider p) {
    PactDslRequestWithPath rq =
        p.given("SKU MUG-CER-350-BLU is in stock", Map.of("sku", "MUG-CER-350-BLU", "quantity", 2))
            .uponReceiving("a request to create the shipment for order 1042")
            .method("POST")
            .path("/v2/shipments")
            .matchHeader("X-Api-Key", API_KEY, KEY)
            .headers("Content-Type", "application/json")
            .matchHeader("Idempotency-Key", IDEMPOTENCY, "order-sync:createShipment:" + ORDER_ID)
            .body(
                LambdaDsl.newJsonBody(
                        o -> {
                          o.stringMatcher("orderReference", ORD, ORDER_ID);
                          o.stringMatcher("serviceLevel", "^(standard|express)$", "standard");
                          o.object(
                              "recipient",
                              r -> {
                                r.stringType("name", "Mara Okafor");
                                r.stringValue("email", "mara.okafor@example.net");
                              });
                          o.object(
                              "destination",
                              d -> {
                                d.array("lines", a -> a.stringValue("Invalidenstrasse 117"));
                                d.stringValue("locality", "Berlin");
                                d.stringType("postalCode", "10115");
                                d.stringMatcher("countryCode", "^[A-Z]{2}$", "DE");
                              });
                          o.minArrayLike(
                              "items",
                              1,
                              1,
                              i -> {
                                i.stringValue("sku", "MUG-CER-350-BLU");
                                i.stringValue("description", "Ceramic mug 350 ml, blue");
                                i.integerType("quantity", 2);
                              });
                        })
                    .build());
    // an array of strings with a minimum length and no matcher on its elements
    rq.requestMatchers.addCategory("body").addRule("$.destination.lines", new MinTypeMatcher(1));
    return rq.willRespondWith()
        .status(201)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .matchHeader(
            "Location",
            "^(https://[^/]+)?/v2/shipments/shp_[A-Za-z0-9]{8,32}$",
            "/v2/shipments/" + SHIPMENT_ID)
        .body(
            LambdaDsl.newJsonBody(b -> shipment("pending", "2026-11-24T09:15:05Z", false).accept(b))
                .build())
        .toPact();
  }

  @Pact(consumer = "order-sync")
  RequestResponsePact retrieveShipment(PactDslWithProvider p) {
    return p.given(
            "shipment shp_5KdW9xPq2Lr7 is in transit with DHL", Map.of("shipmentId", SHIPMENT_ID))
        .uponReceiving("a request to retrieve the shipment of order 1042")
        .method("GET")
        .matchPath("^/v2/shipments/shp_[A-Za-z0-9]{8,32}$", "/v2/shipments/" + SHIPMENT_ID)
        .matchHeader("X-Api-Key", API_KEY, KEY)
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            LambdaDsl.newJsonBody(
                    b -> shipment("in_transit", "2026-11-24T16:42:10Z", true).accept(b))
                .build())
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "createShipment")
  void createsTheShipmentOfOrder1042(MockServer server) {
    String id = Shipper.of("v2", runtime(server)).ship(ORDER_ID, order1042());
    assertThat(id).isEqualTo(SHIPMENT_ID);
  }

  @Test
  @PactTestFor(pactMethod = "retrieveShipment")
  void retrievesTheShipment(MockServer server) {
    Shipment s = new FulfilmentAdapter(runtime(server)).getShipment(SHIPMENT_ID);
    assertThat(s.getTracking().getUrl().toString()).startsWith("https://");
  }
}
