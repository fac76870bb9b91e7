package dev.interlock.verifiers.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.adapters.AdapterEvent;
import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.adapters.Credentials;
import dev.interlock.adapters.PolicyOverrides;
import dev.interlock.adapters.Secret;
import dev.interlock.adapters.VendorSession;
import dev.interlock.adapters.VendorSpec;
import dev.interlock.adapters.VirtualTime;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.mocks.JournalEntry;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.mocks.Scenario;
import dev.interlock.verifiers.conformance.SampleRequest;
import dev.interlock.verifiers.conformance.SampleRequests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One vendor's generated-adapter policy ({@link VendorSession}, exactly what the generated adapter
 * calls) against its own sandbox, both on virtual time: every attempt, wait and decision recorded
 * as events, every request in the sandbox journal. Requests are the contract's own valid samples.
 */
final class AdapterHarness implements AutoCloseable {

  /** A credential only this harness and its sandbox know; redacted everywhere it could appear. */
  private static final String SECRET = "sk_test_interlock_harness_7Hq2Lw9Xk3";

  private static final String CLIENT_ID = "interlock-harness-client";

  static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

  final String vendor;
  final OpenApiContract contract;
  final VendorSpec spec;
  final VirtualTime time = VirtualTime.startingAt(ORIGIN);
  final List<AdapterEvent> events = new CopyOnWriteArrayList<>();
  final Sandbox sandbox;
  final VendorSession session;
  private final HttpClient http;

  AdapterHarness(
      String vendor,
      OpenApiContract contract,
      VendorSpec spec,
      long seed,
      Scenario scenario,
      PolicyOverrides overrides,
      AdapterRuntime.CircuitSettings circuit) {
    this.vendor = vendor;
    this.contract = contract;
    this.spec = spec;
    this.sandbox =
        Sandbox.start(
            contract,
            SandboxOptions.builder()
                .seed(seed)
                .clock(time.clock())
                .timeScale(0)
                .scenario(scenario)
                .apiKeys(Set.of(SECRET))
                .clients(Map.of(CLIENT_ID, SECRET))
                .build());
    AdapterRuntime runtime =
        AdapterRuntime.builder("order-sync")
            .virtualTime(time)
            .seed(seed)
            .endpoint(vendor, sandbox.baseUrl())
            .credentials(vendor, credentials(spec))
            .overrides(vendor, overrides)
            .circuit(circuit)
            .listener(events::add)
            .build();
    this.session = runtime.open(spec);
    this.http = session.httpClientBuilder().build();
  }

  private static Credentials credentials(VendorSpec spec) {
    Secret secret = Secret.of(SECRET, "sandbox");
    return switch (spec.auth().type()) {
      case "bearer" -> Credentials.bearer(secret);
      case "api-key" -> Credentials.apiKey(spec.auth().header(), secret);
      case "oauth2-client-credentials" ->
          Credentials.clientCredentials(Secret.of(CLIENT_ID, "sandbox"), secret);
      default -> Credentials.none();
    };
  }

  /**
   * Calls an operation through the session; returns the status it ended with (or the failure's).
   */
  int call(String operationId, String businessKey) {
    SampleRequest sample = SampleRequests.forOperation(contract, operationId).orElseThrow();
    try {
      return session.call(
          operationId,
          businessKey,
          key -> send(sample),
          r -> {
            if (r.statusCode() >= 400) {
              throw new HttpFailure(r);
            }
            return new VendorSession.Answer<>(
                r.statusCode(), r.headers().map(), (Integer) r.statusCode());
          },
          e -> {
            if (e instanceof HttpFailure f) {
              return VendorSession.Failure.of(
                  f.response.statusCode(), f.response.headers().map(), f.response.body(), e);
            }
            return VendorSession.Failure.of(0, Map.of(), null, e);
          });
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private HttpResponse<String> send(SampleRequest sample) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + sample.pathAndQuery()));
    sample
        .headers()
        .forEach(
            (k, v) -> {
              String lower = k.toLowerCase(Locale.ROOT);
              if (!v.contains(SampleRequest.API_KEY)
                  && !v.contains(SampleRequest.ACCESS_TOKEN)
                  && !lower.equals("host")
                  && !lower.equals("content-length")
                  && !lower.equals("connection")) {
                b.header(k, v);
              }
            });
    if (sample.contentType() != null) {
      b.header("Content-Type", sample.contentType());
    }
    b.method(
        sample.method(),
        sample.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(sample.body()));
    session.decorate(b);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A response status, carried through the session's failure mapping. */
  private static final class HttpFailure extends RuntimeException {
    private final transient HttpResponse<String> response;

    HttpFailure(HttpResponse<String> response) {
      super("HTTP " + response.statusCode(), null, false, false);
      this.response = response;
    }
  }

  <T extends AdapterEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<JournalEntry> journal() {
    return sandbox.journal();
  }

  /** The attempts and waits as the reports' timeline JSON. */
  String timeline(String scenario) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode().put("scenario", scenario).put("vendor", vendor);
    ArrayNode list = root.putArray("events");
    for (AdapterEvent e : events) {
      long t = Duration.between(ORIGIN, e.at()).toMillis();
      if (e instanceof AdapterEvent.AttemptFailed f) {
        ObjectNode n =
            list.addObject()
                .put("t", t)
                .put("kind", "attempt")
                .put("operation", f.operationId())
                .put("attempt", f.attempt())
                .put("status", f.status());
        if (f.status() == 0) {
          n.put("error", String.valueOf(f.error()));
        }
      } else if (e instanceof AdapterEvent.Succeeded s) {
        list.addObject()
            .put("t", t)
            .put("kind", "attempt")
            .put("operation", s.operationId())
            .put("attempt", s.attempt())
            .put("status", s.status());
      } else if (e instanceof AdapterEvent.WaitScheduled w) {
        list.addObject()
            .put("t", t)
            .put("kind", "wait")
            .put("ms", w.duration().toMillis())
            .put("reason", w.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      } else if (e instanceof AdapterEvent.CircuitOpened) {
        list.addObject().put("t", t).put("kind", "note").put("text", "circuit opened");
      } else if (e instanceof AdapterEvent.CircuitClosed) {
        list.addObject().put("t", t).put("kind", "note").put("text", "circuit closed");
      } else if (e instanceof AdapterEvent.GaveUp g) {
        list.addObject().put("t", t).put("kind", "note").put("text", "gave up: " + g.reason());
      }
    }
    return root.toString();
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
