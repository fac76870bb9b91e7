package dev.interlock.mocks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.OpenApiContract;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks and events from AsyncAPI, delivered to real HTTP receivers on loopback. */
class WebhooksIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SIGNATURE = "X-Storefront-Signature";

  /** A webhook receiver: answers with the queued statuses (then 200) and keeps what it got. */
  static final class Receiver implements AutoCloseable {
    record Received(Map<String, String> headers, byte[] body) {
      String text() {
        return new String(body, StandardCharsets.UTF_8);
      }
    }

    final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    volatile CountDownLatch latch = new CountDownLatch(1);

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hooks",
          ex -> {
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(headers, ex.getRequestBody().readAllBytes()));
            Integer status = statuses.poll();
            ex.sendResponseHeaders(status == null ? 200 : status, -1);
            ex.close();
            latch.countDown();
          });
      server.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  static AsyncApiContract webhooks() {
    Path contracts = Fixtures.contracts();
    return Fixtures.loadAsync(contracts.resolve("asyncapi/storefront-webhooks.yaml"), contracts);
  }

  ManualClock clock;
  Receiver receiver;

  @BeforeEach
  void start() throws IOException {
    clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
    receiver = new Receiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  SandboxOptions options(WebhookOptions webhooks) {
    return SandboxOptions.builder().seed(5).clock(clock).webhooks(webhooks).build();
  }

  static WebhookOptions manual() {
    return WebhookOptions.defaults().withAutoDeliver(false);
  }

  @Test
  void deliversOrderCreatedSignedWithTheHeadersTheContractDeclares() throws Exception {
    AsyncApiContract contract = webhooks();
    try (EventSandbox events = EventSandbox.start(contract, options(manual()))) {
      events.registerWebhook(receiver.url(), Set.of("order.created"));
      EventMessage sent =
          events.publish("order.created", JSON.readTree("{\"orderId\":\"ord_Order0001\"}"));
      events.publish("order.cancelled"); // nobody subscribed to it
      assertThat(events.deliverDue()).hasSize(1).allMatch(WebhookDelivery::delivered);

      assertThat(receiver.received).hasSize(1);
      Receiver.Received got = receiver.received.get(0);
      String expected =
          "sha256=" + WebhookDispatcher.sign(WebhookOptions.DEFAULT_SECRET, got.body());
      assertThat(got.headers())
          .containsEntry("x-storefront-signature", expected)
          .containsEntry("x-storefront-event-id", sent.id())
          .containsEntry("x-storefront-topic", "order.created")
          .containsEntry("x-storefront-delivery-attempt", "1")
          .containsEntry("content-type", "application/json");
      JsonNode payload = JSON.readTree(got.body());
      assertThat(payload.path("orderId").asText()).isEqualTo("ord_Order0001");
      assertThat(events.validatePayload("order.created", payload)).isEmpty();
      assertThat(events.validateHeaders("order.created", got.headers())).isEmpty();
    }
  }

  @Test
  void theSignatureOfTheContractsExampleIsTheOneTheContractShows() {
    AsyncApiContract contract = webhooks();
    JsonNode example = contract.messages().get(0).examples().get(0);
    byte[] compact = example.get("payload").toString().getBytes(StandardCharsets.UTF_8);
    assertThat("sha256=" + WebhookDispatcher.sign(WebhookOptions.DEFAULT_SECRET, compact))
        .isEqualTo(example.path("headers").path(SIGNATURE).asText());
  }

  @Test
  void synthesizedPayloadsAreValidAndDifferPerEvent() {
    try (EventSandbox events = EventSandbox.start(webhooks(), options(manual()))) {
      JsonNode a = events.synthesizePayload("order.created", 1);
      JsonNode b = events.synthesizePayload("order.created", 2);
      assertThat(events.validatePayload("order.created", a)).isEmpty();
      assertThat(events.validatePayload("order.created", b)).isEmpty();
      assertThat(a).isNotEqualTo(b);
      assertThatThrownBy(
              () -> events.publish("order.created", JSON.readTree("{\"orderId\":\"nope\"}")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("/orderId");
      assertThatThrownBy(() -> events.publish("order.exploded"))
          .hasMessageContaining("order.created");
    }
  }

  @Test
  void retriesANon2xxAnswerAfterTheBackoffOnTheClockWithTheSameEventId() {
    receiver.statuses.add(500);
    receiver.statuses.add(503);
    try (EventSandbox events = EventSandbox.start(webhooks(), options(manual()))) {
      events.registerWebhook(receiver.url(), Set.of("order.created"));
      EventMessage sent = events.publish("order.created");
      assertThat(events.deliverDue()).extracting(WebhookDelivery::status).containsExactly(500);
      assertThat(events.deliverDue()).isEmpty(); // not due yet
      clock.advance(Duration.ofSeconds(1));
      assertThat(events.deliverDue()).extracting(WebhookDelivery::status).containsExactly(503);
      clock.advance(Duration.ofSeconds(5));
      assertThat(events.deliverDue()).extracting(WebhookDelivery::status).containsExactly(200);
      assertThat(receiver.received)
          .extracting(r -> r.headers().get("x-storefront-delivery-attempt"))
          .containsExactly("1", "2", "3");
      assertThat(receiver.received)
          .extracting(r -> r.headers().get("x-storefront-event-id"))
          .containsOnly(sent.id());
      assertThat(events.deliveries())
          .extracting(WebhookDelivery::finalAttempt)
          .containsExactly(false, false, true);
    }
  }

  @Test
  void givesUpAfterTheLastAttemptAndRetriesARefusedConnection() throws IOException {
    URI nobody;
    try (Receiver gone = new Receiver()) {
      nobody = gone.url();
    }
    WebhookOptions twice = manual().withRetries(2, List.of(Duration.ofSeconds(1)));
    try (EventSandbox events = EventSandbox.start(webhooks(), options(twice))) {
      events.registerWebhook(nobody, Set.of("*"));
      events.publish("order.cancelled");
      assertThat(events.deliverDue())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.status()).isZero();
                assertThat(d.error()).isNotBlank();
              });
      clock.advance(Duration.ofSeconds(1));
      assertThat(events.deliverDue()).singleElement().matches(WebhookDelivery::finalAttempt);
      clock.advance(Duration.ofMinutes(10));
      assertThat(events.deliverDue()).isEmpty();
    }
  }

  @Test
  void duplicatesAndOutOfOrderDeliveryAreSeeded() throws Exception {
    WebhookOptions disorder = manual().withDisorder(1.0, true, Duration.ofSeconds(2));
    List<List<String>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      receiver.received.clear();
      List<String> published = new ArrayList<>();
      try (EventSandbox events = EventSandbox.start(webhooks(), options(disorder))) {
        events.registerWebhook(receiver.url(), Set.of("order.created"));
        for (int i = 0; i < 6; i++) {
          String orderId = "ord_Order000" + i;
          events.publish("order.created", JSON.readTree("{\"orderId\":\"" + orderId + "\"}"));
          published.add(orderId);
        }
        clock.advance(Duration.ofSeconds(2));
        events.deliverDue();
      }
      List<String> arrived = new ArrayList<>();
      for (Receiver.Received r : receiver.received) {
        arrived.add(JSON.readTree(r.body()).path("orderId").asText());
      }
      assertThat(arrived).hasSize(12);
      assertThat(arrived).containsOnlyElementsOf(published);
      List<String> firstArrivals = arrived.stream().distinct().toList();
      assertThat(firstArrivals).containsExactlyInAnyOrderElementsOf(published);
      assertThat(firstArrivals).isNotEqualTo(published);
      Map<String, Long> perEventId =
          receiver.received.stream()
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      r -> r.headers().get("x-storefront-event-id"),
                      java.util.stream.Collectors.counting()));
      assertThat(perEventId).hasSize(6).allSatisfy((id, n) -> assertThat(n).isEqualTo(2));
      runs.add(arrived);
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1));
  }

  @Test
  void theAdminApiRegistersWebhooksAndPublishesEvents() throws Exception {
    OpenApiContract shop = Fixtures.fixture("openapi/3.0/shop.yaml");
    SandboxOptions options = options(manual()).toBuilder().events(List.of(webhooks())).build();
    HttpClient http = HttpClient.newHttpClient();
    try (Sandbox sandbox = Sandbox.start(shop, options)) {
      String admin = sandbox.baseUrl() + "/__interlock/";
      HttpResponse<String> registered =
          http.send(
              HttpRequest.newBuilder(URI.create(admin + "webhooks"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"url\":\"" + receiver.url() + "\",\"events\":[\"order.created\"]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(registered.statusCode()).isEqualTo(201);
      assertThat(JSON.readTree(registered.body()).path("id").asText()).startsWith("wh_");
      HttpResponse<String> published =
          http.send(
              HttpRequest.newBuilder(URI.create(admin + "events"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"event\":\"order.created\",\"payload\":{\"orderId\":\"ord_Admin0001\"}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(published.statusCode()).isEqualTo(202);
      sandbox.events().orElseThrow().deliverDue();
      assertThat(receiver.received)
          .singleElement()
          .satisfies(r -> assertThat(r.text()).contains("ord_Admin0001"));
      HttpResponse<String> deliveries =
          http.send(
              HttpRequest.newBuilder(URI.create(admin + "deliveries")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(JSON.readTree(deliveries.body()).get(0).path("status").asInt()).isEqualTo(200);
    }
  }

  @Test
  void aSubscriptionMadeThroughTheVendorsOwnApiGetsSignedDeliveriesUntilItIsDeleted()
      throws Exception {
    Path contracts = Fixtures.contracts();
    OpenApiContract storefront =
        Fixtures.load(contracts.resolve("openapi/storefront/v1.yaml"), contracts);
    // The storefront only takes https addresses ('^https://'); this receiver is plain http on
    // loopback, so the request would be refused with 400 before it could subscribe anything.
    SandboxOptions options =
        options(manual()).toBuilder().events(List.of(webhooks())).validateRequests(false).build();
    try (Sandbox sandbox = Sandbox.start(storefront, options)) {
      EventSandbox events = sandbox.events().orElseThrow();
      String id =
          given()
              .baseUri(sandbox.baseUrl())
              .header("X-Storefront-Key", "shpat_test")
              .header("Idempotency-Key", "subscribe-order-created")
              .contentType(ContentType.JSON)
              .body("{\"topic\":\"order.created\",\"address\":\"" + receiver.url() + "\"}")
              .post("/webhooks/subscriptions")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      assertThat(id).matches("whs_[A-Za-z0-9]{8,32}");
      assertThat(events.webhooks())
          .singleElement()
          .satisfies(
              w -> {
                assertThat(w.url()).isEqualTo(receiver.url());
                assertThat(w.events()).containsExactly("order.created");
              });

      EventMessage sent =
          events.publish("order.created", JSON.readTree("{\"orderId\":\"ord_Vendor0001\"}"));
      events.publish("order.cancelled"); // a topic it did not subscribe to
      assertThat(events.deliverDue()).singleElement().matches(WebhookDelivery::delivered);
      Receiver.Received got = receiver.received.get(0);
      assertThat(got.headers())
          .containsEntry(
              "x-storefront-signature",
              "sha256=" + WebhookDispatcher.sign(WebhookOptions.DEFAULT_SECRET, got.body()))
          .containsEntry("x-storefront-event-id", sent.id())
          .containsEntry("x-storefront-topic", "order.created");
      assertThat(got.text()).contains("ord_Vendor0001");

      given()
          .baseUri(sandbox.baseUrl())
          .header("X-Storefront-Key", "shpat_test")
          .delete("/webhooks/subscriptions/" + id)
          .then()
          .statusCode(204);
      assertThat(events.webhooks()).isEmpty();
      events.publish("order.created");
      assertThat(events.deliverDue()).isEmpty();
      assertThat(receiver.received).hasSize(1);
    }
  }

  @Test
  void aContractNamesItsOwnSubscriptionOperationOrTurnsTheRuleOff() {
    OpenApiContract notifications = Fixtures.fixture("openapi/3.0/notifications.yaml");
    SandboxOptions options = options(manual()).toBuilder().events(List.of(webhooks())).build();
    try (Sandbox sandbox = Sandbox.start(notifications, options)) {
      EventSandbox events = sandbox.events().orElseThrow();
      String hooks = "\"" + receiver.url() + "\"";
      given()
          .baseUri(sandbox.baseUrl())
          .contentType(ContentType.JSON)
          .body("{\"url\":" + hooks + ",\"events\":[\"order.created\"]}")
          .post("/webhooks/replays")
          .then()
          .statusCode(201);
      assertThat(events.webhooks()).isEmpty(); // x-interlock-webhook-subscription: false

      given()
          .baseUri(sandbox.baseUrl())
          .contentType(ContentType.JSON)
          .body("{\"target\":" + hooks + ",\"kinds\":[\"order.created\",\"invoice.paid\"]}")
          .post("/callbacks")
          .then()
          .statusCode(201);
      // invoice.paid is no event of the AsyncAPI contracts: it could never be delivered
      assertThat(events.webhooks())
          .singleElement()
          .satisfies(w -> assertThat(w.events()).containsExactly("order.created"));
      events.publish("order.created");
      assertThat(events.deliverDue()).singleElement().matches(WebhookDelivery::delivered);

      WebhookSubscription byAdmin = events.registerWebhook(receiver.url(), Set.of("*"));
      sandbox.reset(); // forgets the resources, and with them their webhooks
      assertThat(events.webhooks()).containsExactly(byAdmin);
    }
  }

  @Test
  void theBackgroundPumpDeliversWithoutBeingDriven() throws Exception {
    SandboxOptions real = SandboxOptions.builder().seed(5).build(); // system clock, auto-deliver
    try (EventSandbox events = EventSandbox.start(webhooks(), real)) {
      events.registerWebhook(receiver.url(), Set.of("order.created"));
      events.publish("order.created");
      assertThat(receiver.latch.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(receiver.received).hasSize(1);
    }
  }

  @Test
  void internalEventsFlowOverTheInMemoryChannel() {
    Path contracts = Fixtures.contracts();
    AsyncApiContract internal =
        Fixtures.loadAsync(contracts.resolve("asyncapi/internal-events.yaml"), contracts);
    try (EventSandbox events = EventSandbox.start(internal, options(manual()))) {
      List<EventMessage> got = new ArrayList<>();
      try (EventChannel.Subscription s = events.channel().subscribe("order.synced", got::add)) {
        events.publish("order.synced");
        events.publish("payment.captured");
      }
      events.publish("order.synced"); // after the subscription closed
      assertThat(got)
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.topic()).isEqualTo("order.synced");
                assertThat(m.headers())
                    .containsEntry("eventType", "order.synced")
                    .containsEntry("producer", "order-sync")
                    .containsEntry("eventId", m.id());
              });
      assertThat(((InMemoryChannel) events.channel()).published("order.synced")).hasSize(2);
    }
  }
}
