package dev.interlock.verifiers.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.SandboxContract;
import dev.interlock.mocks.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks every operation of every fixture, corpus and bundled spec: a valid request must not be
 * refused, and every response (example or synthesized) must validate against the contract.
 */
class ContractWalkIT {

  private static final Map<OpenApiContract, SandboxContract> ROUTES =
      Collections.synchronizedMap(new IdentityHashMap<>());

  @TestFactory
  Stream<DynamicTest> everyFixtureOperationAnswersWithAValidResponse() {
    return Stream.of(
            "openapi/3.0/shop.yaml", "openapi/3.1/ledger-2024.yaml", "openapi/3.1/ledger-2025.yaml")
        .map(f -> DynamicTest.dynamicTest(f, () -> walk(Contracts.fixture(f), List.of())));
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusOperationAnswersWithAValidResponse() throws IOException {
    Path corpus = Contracts.corpus();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(corpus.resolve("openapi-directory"))) {
      s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
          .sorted()
          .forEach(files::add);
    }
    // WireMock's admin API in both published forms: core bundles the multi-file one itself (its
    // bundled tree equals the twin's but for the order of components/schemas), and both forms get
    // the same answers: the judge keeps oneOf branches apart (jsonBody's oneOf [object, array])
    files.add(corpus.resolve("wiremock-admin-api/bundled/wiremock-admin-api.json"));
    files.add(corpus.resolve("wiremock-admin-api/multi-file/wiremock-admin-api.yaml"));
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    corpus.relativize(f).toString(),
                    () -> {
                      OpenApiContract c = Contracts.load(f, f.getParent());
                      walk(c, List.of());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyBundledOperationAnswersWithAValidResponse() throws IOException {
    Path contracts = Contracts.contracts();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(contracts.resolve("openapi"))) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    contracts.relativize(f).toString(),
                    () -> walk(Contracts.load(f, contracts), List.of())));
  }

  @Test
  void stripeServesWithinTenSecondsAndItsGetResponsesValidate() {
    Path stripe = Contracts.corpus().resolve("stripe/stripe_spec3_2023-09-12_api-2023-08-16.yaml");
    long t0 = System.nanoTime();
    OpenApiContract contract = Contracts.load(stripe, stripe.getParent());
    long loaded = System.nanoTime();
    List<SampleRequest> gets =
        SampleRequests.forContract(contract, 3).stream()
            .filter(r -> r.method().equals("GET"))
            .limit(50)
            .toList();
    long built = System.nanoTime();
    try (Sandbox sandbox = Sandbox.start(contract, SandboxOptions.builder().seed(3).build())) {
      SampleRequests.Exchange first = SampleRequests.send(sandbox, gets.get(0));
      long served = System.nanoTime();
      Duration startToFirstResponse = Duration.ofNanos(served - built);
      Duration loadStartAndFirstResponse = Duration.ofNanos(loaded - t0).plus(startToFirstResponse);
      System.out.printf(
          "stripe: %d operations, load %d ms, sample requests %d ms, sandbox start %d ms, start to"
              + " first response %d ms, load + start + first response %d ms%n",
          contract.operations().size(),
          (loaded - t0) / 1_000_000,
          (built - loaded) / 1_000_000,
          sandbox.startupTime().toMillis(),
          startToFirstResponse.toMillis(),
          loadStartAndFirstResponse.toMillis());
      assertThat(contract.operations()).hasSizeGreaterThan(400);
      // Target: serving within 10 s, the contract's loading included; measured on a quiet 2-core
      // machine at 6-7 s (load ~1.4 s; the first request waits for the request validator, which
      // re-parses the spec in the background). Speed is measured by bench/, not asserted tightly
      // here: this bound only catches a sandbox that never comes up on a loaded CI machine.
      assertThat(loadStartAndFirstResponse).isLessThan(Duration.ofSeconds(60));
      assertThat(first.status()).isLessThan(300);
      List<String> failures = new ArrayList<>();
      for (SampleRequest request : gets) {
        check(contract, SampleRequests.send(sandbox, request), failures);
      }
      long done = System.nanoTime();
      System.out.printf("stripe: %d GETs in %d ms%n", gets.size(), (done - served) / 1_000_000);
      assertThat(failures).isEmpty();
    }
  }

  @Test
  void stripePostAndDeleteResponsesValidate() {
    Path stripe = Contracts.corpus().resolve("stripe/stripe_spec3_2023-09-12_api-2023-08-16.yaml");
    OpenApiContract contract = Contracts.load(stripe, stripe.getParent());
    List<SampleRequest> writes =
        SampleRequests.forContract(contract, 3).stream()
            .filter(r -> r.method().equals("POST") || r.method().equals("DELETE"))
            .toList();
    try (Sandbox sandbox = Sandbox.start(contract, SandboxOptions.builder().seed(3).build())) {
      long t0 = System.nanoTime();
      List<String> failures = new ArrayList<>();
      for (SampleRequest request : writes) {
        check(contract, SampleRequests.send(sandbox, request), failures);
      }
      System.out.printf(
          "stripe: %d POST/DELETE in %d ms, %d failures%n",
          writes.size(), (System.nanoTime() - t0) / 1_000_000, failures.size());
      assertThat(writes).hasSizeGreaterThan(100);
      assertThat(failures).isEmpty();
    }
  }

  private static void walk(OpenApiContract contract, List<String> skip) {
    List<SampleRequest> requests = SampleRequests.forContract(contract, 11);
    try (Sandbox sandbox = Sandbox.start(contract, SandboxOptions.builder().seed(11).build())) {
      List<String> failures = new ArrayList<>();
      for (SampleRequest request : requests) {
        if (skip.contains(request.operationId())) {
          continue;
        }
        check(contract, SampleRequests.send(sandbox, request), failures);
      }
      assertThat(failures).as(contract.file().toString()).isEmpty();
    }
  }

  private static void check(
      OpenApiContract contract, SampleRequests.Exchange ex, List<String> failures) {
    SampleRequest request = ex.request();
    String op = request.method() + " " + request.path() + " (" + request.operationId() + ")";
    int status = ex.status();
    // a sample request addresses ids nobody created: 404 is the sandbox's one answer to those
    boolean addressesAnId =
        ROUTES
            .computeIfAbsent(contract, SandboxContract::of)
            .route(request.method(), request.path())
            .map(r -> r.operation().template().contains("{"))
            .orElse(false);
    if (status >= 500 || status == 400 || status == 401 || status == 404 && !addressesAnId) {
      failures.add(op + " -> " + status + " " + ex.body());
      return;
    }
    List<ResponseViolation> violations =
        ResponseConformance.check(
            contract, request.method(), request.path(), status, ex.headers(), ex.body());
    if (!violations.isEmpty()) {
      failures.add(op + " -> " + status + " " + violations + " body=" + abbreviate(ex.body()));
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "..." : s;
  }
}
