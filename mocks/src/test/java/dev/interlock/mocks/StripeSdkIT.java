package dev.interlock.mocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentIntentCreateParams;
import dev.interlock.core.contract.OpenApiContract;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stripe's official Java SDK (stripe-java 23.x, whose pinned API version 2023-08-16 is the corpus
 * spec's) against a sandbox of the corpus Stripe spec on a loopback port: the client that will
 * later talk to the real vendor must not tell the difference. Nothing here teaches the sandbox
 * about Stripe; it serves the vendor's own contract by the general rules of issue 11.
 *
 * <p>Tagged {@code sdk-fidelity}: failsafe leaves the tag out by default
 * (interlock.failsafe.excludedGroups) until the sandbox passes it; run it with {@code mvn -B -pl
 * mocks -am verify -Dit.test=StripeSdkIT -Dinterlock.failsafe.excludedGroups=none -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("sdk-fidelity")
class StripeSdkIT {

  private static final String SPEC = "stripe/stripe_spec3_2023-09-12_api-2023-08-16.yaml";
  private static final String API_KEY = "sk_test_interlock_sdk";

  static Sandbox sandbox;
  static ManualClock clock;

  @BeforeAll
  static void startTheStripeSandbox() {
    Path spec = Fixtures.corpus().resolve(SPEC);
    OpenApiContract stripe = Fixtures.load(spec, spec.getParent());
    clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
    sandbox =
        Sandbox.start(
            stripe,
            SandboxOptions.builder().seed(11).clock(clock).apiKeys(Set.of(API_KEY)).build());
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @BeforeEach
  void freshState() {
    sandbox.setScenario(Scenario.normal());
    sandbox.reset();
    clock.advance(Duration.ofMinutes(1)); // refills every rate-limit bucket
  }

  /** The SDK as a developer configures it, pointed at the sandbox instead of api.stripe.com. */
  private static StripeClient stripe(String apiKey, int maxNetworkRetries) {
    return StripeClient.builder()
        .setApiKey(apiKey)
        .setApiBase(sandbox.baseUrl())
        .setMaxNetworkRetries(maxNetworkRetries)
        .build();
  }

  @Test
  void customersAreCreatedReadUpdatedListedAndDeletedWithTheirMetadata() throws StripeException {
    StripeClient stripe = stripe(API_KEY, 0);

    Customer created =
        stripe
            .customers()
            .create(
                CustomerCreateParams.builder()
                    .setName("Ada Lovelace")
                    .setEmail("ada@example.com")
                    .putMetadata("order", "o-1")
                    .build());
    assertThat(created.getId()).isNotBlank();
    assertThat(created.getName()).isEqualTo("Ada Lovelace");
    assertThat(created.getEmail()).isEqualTo("ada@example.com");
    assertThat(created.getMetadata()).containsEntry("order", "o-1");

    Customer read = stripe.customers().retrieve(created.getId());
    assertThat(read.getId()).isEqualTo(created.getId());
    assertThat(read.getEmail()).isEqualTo("ada@example.com");
    assertThat(read.getMetadata()).containsEntry("order", "o-1");

    Customer updated =
        stripe
            .customers()
            .update(
                created.getId(),
                CustomerUpdateParams.builder()
                    .setName("Ada King")
                    .putMetadata("order", "o-2")
                    .build());
    assertThat(updated.getName()).isEqualTo("Ada King");
    assertThat(updated.getEmail()).isEqualTo("ada@example.com");
    assertThat(updated.getMetadata()).containsEntry("order", "o-2");

    Customer other = stripe.customers().create(CustomerCreateParams.builder().setName("B").build());
    StripeCollection<Customer> page =
        stripe.customers().list(CustomerListParams.builder().setLimit(10L).build());
    assertThat(page.getData()).extracting(Customer::getId).contains(created.getId(), other.getId());
    assertThat(page.getHasMore()).isFalse();

    Customer deleted = stripe.customers().delete(created.getId());
    assertThat(deleted.getId()).isEqualTo(created.getId());
    assertThat(deleted.getDeleted()).isTrue();
    InvalidRequestException gone =
        thrown(InvalidRequestException.class, () -> stripe.customers().retrieve(created.getId()));
    assertThat(gone.getStatusCode()).isEqualTo(404);
  }

  @Test
  void aPaymentIntentCreatedTwiceWithOneIdempotencyKeyIsReplayed() throws StripeException {
    StripeClient stripe = stripe(API_KEY, 0);
    RequestOptions key = RequestOptions.builder().setIdempotencyKey("order-1042").build();

    PaymentIntent first = stripe.paymentIntents().create(payment(2000), key);
    PaymentIntent again = stripe.paymentIntents().create(payment(2000), key);

    assertThat(first.getAmount()).isEqualTo(2000L);
    assertThat(first.getCurrency()).isEqualTo("usd");
    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed"))
        .hasValue("true");
    assertThat(sandbox.ledger().count("payment_intents")).isEqualTo(1);
  }

  @Test
  void theSdksOwnRetriesUnderTheFlakyScenarioEndInOnePaymentIntentPerKey() throws StripeException {
    // 5xx only: stripe-java retries 5xx and refused connections, never a reset of a sent request
    sandbox.setScenario(Scenario.flaky(0.4, 0.0));
    StripeClient stripe = stripe(API_KEY, 6);
    Set<String> ids = new HashSet<>();
    List<String> keys = List.of("o-1", "o-2", "o-3", "o-4", "o-5", "o-6");
    for (String key : keys) {
      PaymentIntent pi =
          stripe
              .paymentIntents()
              .create(payment(1500), RequestOptions.builder().setIdempotencyKey(key).build());
      ids.add(pi.getId());
    }

    assertThat(sandbox.journal())
        .as("the flaky scenario failed some attempts, so the SDK retried")
        .anyMatch(e -> e.status() >= 500);
    assertThat(ids).hasSize(keys.size());
    assertThat(sandbox.ledger().count("payment_intents")).isEqualTo(keys.size());
  }

  @Test
  void anInvalidRequestIsTheSdksInvalidRequestExceptionNamingTheParam() {
    StripeClient stripe = stripe(API_KEY, 0);
    // amount is required by the contract
    PaymentIntentCreateParams noAmount =
        PaymentIntentCreateParams.builder().setCurrency("usd").build();

    InvalidRequestException e =
        thrown(InvalidRequestException.class, () -> stripe.paymentIntents().create(noAmount));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getParam()).isEqualTo("amount");
    assertThat(e.getStripeError().getMessage()).contains("amount");
  }

  @Test
  void aWrongApiKeyIsTheSdksAuthenticationException() {
    StripeClient stripe = stripe("sk_test_not_a_key_of_this_sandbox", 0);

    AuthenticationException e =
        thrown(AuthenticationException.class, () -> stripe.customers().retrieve("cus_1"));

    assertThat(e.getStatusCode()).isEqualTo(401);
    // the contract's error shape, its message saying what is wrong (not a synthesized string)
    assertThat(e.getStripeError().getMessage()).containsPattern("(?i)key|token|credential");
  }

  @Test
  void anIdNobodyCreatedIsTheSdksInvalidRequestExceptionWith404() {
    StripeClient stripe = stripe(API_KEY, 0);

    InvalidRequestException e =
        thrown(InvalidRequestException.class, () -> stripe.customers().retrieve("cus_nobody"));

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getStripeError().getMessage()).contains("cus_nobody");
  }

  @Test
  void aRateLimitIsTheSdksRateLimitException() throws StripeException {
    sandbox.setScenario(Scenario.rateLimited(1, Duration.ofMinutes(1)));
    StripeClient stripe = stripe(API_KEY, 0);
    stripe.customers().list();

    RateLimitException e = thrown(RateLimitException.class, () -> stripe.customers().list());

    assertThat(e.getStatusCode()).isEqualTo(429);
    assertThat(e.getStripeError().getMessage()).containsIgnoringCase("rate limit");
  }

  /** What the call threw, failing with the actual throwable when it is not of the SDK class. */
  private static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).isInstanceOf(type);
    return type.cast(t);
  }

  private static PaymentIntentCreateParams payment(long amount) {
    return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("usd").build();
  }
}
