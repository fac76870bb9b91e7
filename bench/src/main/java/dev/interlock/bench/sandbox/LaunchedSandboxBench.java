package dev.interlock.bench.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.interlock.bench.startup.ProbeRequest;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.verifiers.conformance.SampleRequest;
import dev.interlock.verifiers.conformance.SampleRequests;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox's throughput as users run it: {@code ./interlock sandbox --spec SPEC} started by the
 * launcher twice, once with the launcher's flags (C1 only, for start-up) and once with the full JIT
 * ({@code INTERLOCK_JAVA_OPTS}), each its own process, against raw WireMock serving the same
 * answers, in interleaved rounds of the same run. It answers what the launcher's choice of C1 for
 * the sandbox costs under load; {@code bench/run sandbox} measures the engine in-process.
 *
 * <p>Run it with {@code bench/run sandbox-jit [SPEC] [SECONDS-PER-PHASE]} (default: the corpus
 * Stripe spec, 5 s). The GET is the start-up bench's probe (the first GET without parameters), the
 * POST the contract's first sample POST with a body, each with a fresh idempotency key.
 */
public final class LaunchedSandboxBench {

  private static final String HOST = "127.0.0.1";
  private static final String STRIPE =
      "../shared/corpus/openapi/stripe/stripe_spec3_2023-09-12_api-2023-08-16.yaml";
  private static final String FULL_JIT = "-Xmx1g -XX:+UseSerialGC";
  private static final int ROUNDS = 3;

  /**
   * One sandbox process.
   *
   * @param jit its compilers, as the table prints them
   */
  private record Target(String label, String jit, Process process, int port) {}

  public static void main(String[] args) throws Exception {
    Path spec = Path.of(args.length > 0 && !args[0].isBlank() ? args[0] : STRIPE);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    OpenApiContract contract = SandboxBench.load(spec);
    ProbeRequest probe = ProbeRequest.of(contract);
    SampleRequest postSample = SandboxBench.pick(SampleRequests.forContract(contract, 1), "POST");
    LoadClient.Request get = new LoadClient.Request("GET", probe.path(), probe.headers(), null);
    LoadClient.Request post = SandboxBench.request(postSample, "bench-token");
    System.out.printf(
        "launched sandbox bench: %s, GET %s, POST %s (%s)%n",
        spec.getFileName(), probe.path(), postSample.path(), postSample.operationId());

    List<Target> targets = new ArrayList<>();
    try {
      targets.add(launch("launcher's flags", "C1", spec, null));
      targets.add(launch("full JIT", "C1+C2", spec, FULL_JIT));
      Target first = targets.get(0);
      RawWireMock.Answer getAnswer = send(first.port(), get);
      RawWireMock.Answer postAnswer = send(first.port(), post);
      System.out.printf(
          "  sandbox answers: GET %d, POST %d%n", getAnswer.status(), postAnswer.status());
      if (getAnswer.status() >= 300 || postAnswer.status() >= 300) {
        throw new IllegalStateException(
            "the sandbox refused a request: " + getAnswer.body() + " " + postAnswer.body());
      }
      WireMockServer raw =
          RawWireMock.serving(
              HOST,
              urlEqualTo(probe.path()),
              getAnswer,
              urlEqualTo(postSample.pathAndQuery()),
              postAnswer);
      try {
        measure(raw.port(), targets, get, post, seconds);
      } finally {
        raw.stop();
      }
    } finally {
      for (Target t : targets) {
        t.process().destroy();
        t.process().waitFor();
      }
    }
  }

  private static void measure(
      int rawPort,
      List<Target> targets,
      LoadClient.Request get,
      LoadClient.Request post,
      double seconds)
      throws InterruptedException {
    System.out.println("  warming up ...");
    for (int round = 0; round < 2; round++) {
      LoadClient.run(HOST, rawPort, get, 16, seconds / 2, Long.MAX_VALUE);
      for (Target t : targets) {
        LoadClient.run(HOST, t.port(), get, 16, seconds / 2, Long.MAX_VALUE);
        LoadClient.run(HOST, t.port(), post, 16, seconds / 2, Long.MAX_VALUE);
      }
    }
    System.out.printf(
        "%n  %-8s %-12s %10s %9s %9s %7s%n",
        "clients", "target", "req/s", "p50 µs", "p99 µs", "errors");
    for (int clients : new int[] {16, 64}) {
      // per target: GET / raw GET and POST / raw GET of each round
      Map<String, List<double[]>> ratios = new LinkedHashMap<>();
      for (int round = 1; round <= ROUNDS; round++) {
        double rawGet = SandboxBench.run(clients, "raw GET", rawPort, get, seconds).perSecond();
        for (Target t : targets) {
          double g =
              SandboxBench.run(clients, t.jit() + " GET", t.port(), get, seconds).perSecond();
          double p =
              SandboxBench.run(clients, t.jit() + " POST", t.port(), post, seconds).perSecond();
          ratios
              .computeIfAbsent(t.label() + " (" + t.jit() + ")", k -> new ArrayList<>())
              .add(new double[] {g / rawGet, p / rawGet});
        }
      }
      for (Map.Entry<String, List<double[]>> e : ratios.entrySet()) {
        System.out.printf(
            Locale.ROOT,
            "  %d clients, %s, median of %d rounds: GET / raw GET = %s; POST / raw GET = %s%n",
            clients,
            e.getKey(),
            ROUNDS,
            median(e.getValue(), 0),
            median(e.getValue(), 1));
      }
    }
  }

  private static String median(List<double[]> rounds, int i) {
    double[] v = rounds.stream().mapToDouble(r -> r[i]).sorted().toArray();
    return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", v[v.length / 2], v[0], v[v.length - 1]);
  }

  /**
   * {@code ./interlock sandbox} as a user starts it; {@code javaOpts} null: the launcher's flags.
   */
  private static Target launch(String label, String jit, Path spec, String javaOpts)
      throws IOException, InterruptedException {
    int port = freePort();
    ProcessBuilder pb =
        new ProcessBuilder(
                "./interlock", "sandbox", "--spec", spec.toString(), "--port", String.valueOf(port))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    // no class-data-sharing archive is written at exit: it changes start-up only, not throughput
    pb.environment().put("INTERLOCK_CDS", "off");
    if (javaOpts != null) {
      pb.environment().put("INTERLOCK_JAVA_OPTS", javaOpts);
    }
    Target t = new Target(label, jit, pb.start(), port);
    awaitListening(t);
    return t;
  }

  private static void awaitListening(Target t) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!t.process().isAlive()) {
        throw new IllegalStateException(
            t.label() + ": the sandbox exited with " + t.process().exitValue());
      }
      try (Socket s = new Socket(HOST, t.port())) {
        return;
      } catch (IOException notYet) {
        // polled, not awaited: the server is another process
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException(t.label() + ": the sandbox did not listen within 3 minutes");
  }

  private static RawWireMock.Answer send(int port, LoadClient.Request r)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + r.pathAndQuery()))
            .timeout(Duration.ofMinutes(2))
            .method(
                r.method(),
                r.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(r.body()));
    r.headers().forEach((k, v) -> b.header(k, v.replace("{n}", "probe")));
    HttpResponse<String> answer =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new RawWireMock.Answer(
        answer.statusCode(),
        answer.headers().firstValue("Content-Type").orElse("application/json"),
        answer.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
