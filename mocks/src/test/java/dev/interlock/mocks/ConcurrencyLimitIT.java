package dev.interlock.mocks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.ContractExtensions.RateLimit;
import dev.interlock.core.contract.OpenApiContract;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional concurrency limit: how many requests one credential may have in flight at once.
 * Requests are held in flight by the {@code slow} scenario, its latency scaled down to 1 s, and
 * started together behind a latch, so they overlap without the test sleeping (1 s leaves room for a
 * loaded CI machine to start all of them).
 */
class ConcurrencyLimitIT {

  /**
   * Every answer takes 1 s of real time: a median far above the cap makes the log-normal latency
   * the cap (60 s) nearly always, scaled by 1/60.
   */
  static SandboxOptions.Builder slow() {
    return SandboxOptions.builder()
        .seed(3)
        .scenario(Scenario.slow(Duration.ofHours(1), Duration.ofSeconds(60)))
        .timeScale(1.0 / 60)
        // the token bucket of the contract's x-rate-limit (5/s) is not what is tested here
        .rateLimit(new RateLimit(1_000, Duration.ofSeconds(1), "credential"));
  }

  static Response listOrders(Sandbox sandbox, String key) {
    return given().baseUri(sandbox.baseUrl()).header("X-Api-Key", key).get("/v1/orders");
  }

  /** Sends the calls at the same moment (a latch opens the gate) and returns their responses. */
  static List<Response> together(Sandbox sandbox, List<String> keys) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(keys.size());
    try {
      CountDownLatch ready = new CountDownLatch(keys.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Response>> calls = new ArrayList<>();
      for (String key : keys) {
        calls.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return listOrders(sandbox, key);
                }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<Response> out = new ArrayList<>();
      for (Future<Response> call : calls) {
        out.add(call.get(20, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static List<Integer> statuses(List<Response> responses) {
    return responses.stream().map(Response::statusCode).toList();
  }

  @Test
  void requestsBeyondTheLimitInFlightGet429WithRetryAfterAndOtherCredentialsAreNotLimited()
      throws Exception {
    OpenApiContract shop = Fixtures.fixture("openapi/3.0/shop.yaml");
    try (Sandbox sandbox = Sandbox.start(shop, slow().maxConcurrentRequests(2).build())) {
      List<String> keys = new ArrayList<>(Collections.nCopies(6, "sk_test_a"));
      keys.addAll(List.of("sk_test_b", "sk_test_b"));
      List<Response> all = together(sandbox, keys);
      List<Response> a = all.subList(0, 6);
      List<Response> b = all.subList(6, 8);

      assertThat(statuses(a)).containsOnly(200, 429);
      assertThat(statuses(a)).filteredOn(s -> s == 200).hasSizeGreaterThanOrEqualTo(2);
      List<Response> refused = a.stream().filter(r -> r.statusCode() == 429).toList();
      assertThat(refused).isNotEmpty();
      for (Response r : refused) {
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("detail")).contains("concurrency limit 2");
      }
      assertThat(statuses(b)).containsOnly(200);

      // the permits came back when the requests finished
      assertThat(statuses(together(sandbox, List.of("sk_test_a", "sk_test_a")))).containsOnly(200);
    }
  }

  @Test
  void withoutALimitConcurrentRequestsAreAllServed() throws Exception {
    OpenApiContract shop = Fixtures.fixture("openapi/3.0/shop.yaml");
    try (Sandbox sandbox = Sandbox.start(shop, slow().build())) {
      assertThat(statuses(together(sandbox, Collections.nCopies(6, "sk_test_a"))))
          .containsOnly(200);
    }
  }

  @Test
  void theContractsRateLimitCanDeclareTheConcurrencyLimit(@TempDir Path dir) throws Exception {
    String text = Files.readString(Fixtures.resource("openapi/3.0/shop.yaml"));
    String declared = "x-rate-limit: {limit: 5, window: 1s, scope: credential}";
    assertThat(text).contains(declared);
    Path file = dir.resolve("openapi/shop.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        text.replace(
            declared,
            "x-rate-limit: {limit: 1000, window: 1s, scope: credential, concurrency: 1}"));
    OpenApiContract shop = Fixtures.load(file, dir);
    SandboxOptions options =
        slow().build().toBuilder().rateLimit(null).build(); // the contract's x-rate-limit rules
    try (Sandbox sandbox = Sandbox.start(shop, options)) {
      List<Response> responses = together(sandbox, Collections.nCopies(3, "sk_test_a"));
      assertThat(statuses(responses)).contains(200, 429).containsOnly(200, 429);
      assertThat(responses)
          .filteredOn(r -> r.statusCode() == 429)
          .allSatisfy(
              r -> assertThat(r.jsonPath().getString("detail")).contains("concurrency limit 1"));
    }
  }
}
