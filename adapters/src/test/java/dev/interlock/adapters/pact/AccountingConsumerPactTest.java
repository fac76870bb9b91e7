package dev.interlock.adapters.pact;

import static dev.interlock.adapters.pact.OrderSyncPacts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import dev.interlock.adapters.Credentials;
import dev.interlock.adapters.Secret;
import dev.interlock.adapters.VendorCallException;
import dev.interlock.clients.accounting.v1.AccountingAdapter;
import dev.interlock.clients.accounting.v1.model.CreateJournalEntryRequest;
import dev.interlock.clients.accounting.v1.model.JournalEntry;
import dev.interlock.clients.events.storefront_webhooks.OrderCreatedPayload;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * order-sync → accounting (v1, OAuth 2 client credentials), driven through the generated {@link
 * AccountingAdapter}: the token request is the adapter's own.
 */
@ExtendWith({PactDrift.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "accounting", pactVersion = PactSpecVersion.V3)
class AccountingConsumerPactTest {

  static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvcmRlci1zeW5jIn0.c2lnbmF0dXJl";
  static final String FORM =
      "grant_type=client_credentials&client_id=order-sync&client_secret=sandbox-client-secret"
          // the adapter sends the contract's scopes in this order (the committed pact has
          // "journal:write journal:read"; the form value is not part of the compared shape)
          + "&scope=journal%3Aread+journal%3Awrite";
  static final String BEARER = "^Bearer [A-Za-z0-9._~+/-]+=*$";

  /** The key the adapter derives: {@code <integration>:<operationId>:<businessKey>}. */
  static final String IDEMPOTENCY = "^order-sync:createJournalEntry:ord_[A-Za-z0-9]{8,32}$";

  static final String ENTRY_ID = "je_7Tb2Wq8Zk4Rm";

  static AccountingAdapter accounting(MockServer server) {
    return new AccountingAdapter(
        runtime(
            "accounting",
            server.getUrl(),
            Credentials.clientCredentials(
                Secret.of("order-sync", "env:ACCOUNTING_CLIENT_ID"),
                Secret.of("sandbox-client-secret", "env:ACCOUNTING_CLIENT_SECRET"))));
  }

  /** The entry order-sync books for an order: its own code, not a copy. */
  static CreateJournalEntryRequest entryOf(OrderCreatedPayload order, String chargeId) {
    return dev.interlock.adapters.ordersync.OrderSync.journalEntryFor(order, chargeId);
  }

  static DslPart entryRequest() {
    return LambdaDsl.newJsonBody(
            o -> {
              o.stringMatcher("date", DATE, "2026-11-24");
              o.stringValue("currency", "EUR");
              o.stringMatcher("reference", ORD, ORDER_ID);
              o.stringType("memo", "Order #1042, charge ch_4RsT8uV2wX0yZ3aC");
              o.minArrayLike(
                  "lines",
                  2,
                  3,
                  l -> {
                    l.stringValue("account", "1210");
                    l.stringValue("side", "debit");
                    l.integerType("amount", 5980);
                    l.stringValue("description", "Payments provider clearing");
                  });
            })
        .build();
  }

  static PactDslRequestWithPath bookRequest(
      PactDslResponse after, String state, Map<String, ?> params, String description) {
    return after
        .given(state, params)
        .uponReceiving(description)
        .method("POST")
        .path("/v1/journal-entries")
        .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
        .headers("Content-Type", "application/json")
        .matchHeader("Idempotency-Key", IDEMPOTENCY, "order-sync:createJournalEntry:" + ORDER_ID)
        .body(entryRequest());
  }

  static PactDslResponse tokenInteraction(PactDslWithProvider p) {
    PactDslRequestWithPath rq =
        p.given(
                "client order-sync is registered with scopes journal:write and journal:read",
                Map.of("clientId", "order-sync"))
            .uponReceiving("a request for an access token")
            .method("POST")
            .path("/oauth/token")
            .headers("Content-Type", "application/x-www-form-urlencoded")
            .body(FORM, "application/x-www-form-urlencoded");
    rq.requestMatchers.addCategory("body").addRule("$.client_secret", TypeMatcher.INSTANCE);
    return rq.willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .headers(Map.of("Cache-Control", "no-store"))
        .body(
            LambdaDsl.newJsonBody(
                    o -> {
                      o.stringType("access_token", TOKEN);
                      o.stringValue("token_type", "Bearer");
                      o.integerType("expires_in", 3600);
                      o.stringValue("scope", "journal:write journal:read");
                    })
                .build());
  }

  static final Consumer<LambdaDslObject> ENTRY_RESPONSE =
      o -> {
        o.stringMatcher("id", "^je_[A-Za-z0-9]{8,32}$", ENTRY_ID);
        o.stringValue("status", "posted");
        o.stringMatcher("date", DATE, "2026-11-24");
        o.stringValue("currency", "EUR");
        o.stringMatcher("reference", ORD, ORDER_ID);
        o.stringType("memo", "Order #1042, charge ch_4RsT8uV2wX0yZ3aC");
        o.minArrayLike(
            "lines",
            2,
            3,
            l -> {
              l.stringValue("account", "1210");
              l.stringValue("side", "debit");
              l.numberValue("amount", 5980);
              l.stringValue("description", "Payments provider clearing");
            });
        o.stringMatcher("createdAt", TIMESTAMP, "2026-11-24T09:15:04Z");
        o.stringMatcher("postedAt", TIMESTAMP, "2026-11-24T09:15:04Z");
      };

  @Pact(consumer = "order-sync")
  RequestResponsePact bookOrder1042(PactDslWithProvider p) {
    return bookRequest(
            tokenInteraction(p),
            "the accounting period 2026-11 is open",
            Map.of("period", "2026-11"),
            "a request to book the journal entry for order 1042")
        .willRespondWith()
        .status(201)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .matchHeader(
            "Location",
            "^(https://[^/]+)?/v1/journal-entries/je_[A-Za-z0-9]{8,32}$",
            "/v1/journal-entries/" + ENTRY_ID)
        .body(LambdaDsl.newJsonBody(ENTRY_RESPONSE::accept).build())
        .toPact();
  }

  @Pact(consumer = "order-sync")
  RequestResponsePact bookWhileRateLimited(PactDslWithProvider p) {
    return bookRequest(
            tokenInteraction(p),
            "the rate limit of client order-sync is exhausted for the current second",
            Map.of("clientId", "order-sync"),
            "a request to book a journal entry while the rate limit is exhausted")
        .willRespondWith()
        .status(429)
        .matchHeader("Content-Type", PROBLEM_TYPE, "application/problem+json")
        .matchHeader("Retry-After", "^[0-9]+$", "1")
        .headers(Map.of("RateLimit-Limit", "5", "RateLimit-Remaining", "0"))
        .matchHeader("RateLimit-Reset", "^[0-9]+$", "1")
        .body(
            LambdaDsl.newJsonBody(
                    o -> {
                      o.stringValue(
                          "type", "https://developer.accounting.example/problems/rate-limited");
                      o.stringValue("title", "Rate limit exceeded");
                      o.numberValue("status", 429);
                      o.stringType(
                          "detail",
                          "Limit of 5 requests per second exceeded. Retry after 1 second.");
                    })
                .build())
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "bookOrder1042")
  void booksTheJournalEntryOfOrder1042(MockServer server) {
    JournalEntry e =
        accounting(server)
            .createJournalEntry(ORDER_ID, entryOf(order1042(), "ch_4RsT8uV2wX0yZ3aC"));
    assertThat(e.getId()).isEqualTo(ENTRY_ID);
  }

  @Test
  @PactTestFor(pactMethod = "bookWhileRateLimited")
  void aRateLimitIsTransient(MockServer server) {
    assertThatThrownBy(
            () ->
                accounting(server)
                    .createJournalEntry(ORDER_ID, entryOf(order1042(), "ch_4RsT8uV2wX0yZ3aC")))
        .isInstanceOfSatisfying(
            VendorCallException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.isTransient()).isTrue();
            });
  }
}
