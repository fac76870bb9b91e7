package dev.interlock.bench.startup;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.LoadResult;
import dev.interlock.core.contract.OpenApiContract;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Start-up in the time of one parse: the wall time from launching {@code interlock sandbox --spec
 * SPEC} to its first validated answer (a 2xx to {@link ProbeRequest}), against the wall time of
 * {@code interlock lint SPEC}, both as fresh JVMs of the same jar with the launcher's flags,
 * alternated in the same run so that the machine's load falls on both. Each command maps its own
 * class-data-sharing archive, as the launcher keeps them, written by one untimed first run of each
 * ({@code INTERLOCK_CDS=off} measures without). Target: ratio ≤ 1.3.
 *
 * <p>Run it with {@code bench/run startup [SPEC] [RUNS]} (default: the corpus Stripe spec, 3 runs);
 * {@code java -cp … StartupBench JAR [SPEC] [RUNS]} measures another build of the CLI.
 */
public final class StartupBench {

  private static final String STRIPE =
      "../shared/corpus/openapi/stripe/stripe_spec3_2023-09-12_api-2023-08-16.yaml";
  private static final Duration GIVE_UP = Duration.ofMinutes(2);
  private static final Duration POLL = Duration.ofMillis(10);

  /** The class-data-sharing archives, one per command, as the launcher keeps them; null: off. */
  private static Path archives;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path spec = Path.of(args.length > 1 && !args[1].isBlank() ? args[1] : STRIPE);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    ProbeRequest probe = ProbeRequest.of(load(spec));
    System.out.printf(
        "startup bench: %s, probe GET %s, %s, %d cores%n",
        spec.getFileName(),
        probe.path(),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    if (!"off".equals(System.getenv("INTERLOCK_CDS"))) {
      archives = Files.createTempDirectory("interlock-startup-cds");
      train(jar, spec, probe);
    }
    System.out.printf(
        "class data sharing: %s%n",
        archives == null ? "off (INTERLOCK_CDS=off)" : "on, one archive per command");
    List<Double> ratios = new ArrayList<>();
    List<Double> withFullJit = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      long lint = lintMillis(jar, spec, false);
      FirstAnswer first = firstAnswer(jar, spec, probe, false, false);
      FirstAnswer fullJit = firstAnswer(jar, spec, probe, false, true);
      double ratio = (double) first.answered() / lint;
      ratios.add(ratio);
      withFullJit.add((double) fullJit.answered() / lint);
      System.out.printf(
          "run %d: sandbox first validated answer %d ms (listening at %d ms), lint %d ms,"
              + " ratio %.2f; sandbox with the full JIT (C2) %d ms, ratio %.2f; load %s%n",
          i,
          first.answered(),
          first.listening(),
          lint,
          ratio,
          fullJit.answered(),
          withFullJit.get(withFullJit.size() - 1),
          loadAverage());
    }
    Collections.sort(ratios);
    Collections.sort(withFullJit);
    System.out.printf(
        "median ratio %.2f with the launcher's flags (target <= 1.30), %.2f with the full JIT"
            + " for the sandbox%n",
        ratios.get(ratios.size() / 2), withFullJit.get(withFullJit.size() / 2));
    if (archives != null) {
      for (String command : List.of("lint", "sandbox")) {
        Files.deleteIfExists(archives.resolve(command + ".jsa"));
      }
      Files.deleteIfExists(archives);
    }
  }

  /** The one-minute load average, where the system tells it: the machine is shared. */
  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format("%.1f", load);
  }

  private static OpenApiContract load(Path spec) {
    LoadResult result =
        new ContractLoader(LoadOptions.forRoot(spec.toAbsolutePath().getParent())).load(spec);
    return result
        .contract()
        .filter(OpenApiContract.class::isInstance)
        .map(OpenApiContract.class::cast)
        .orElseThrow(() -> new IllegalArgumentException(spec + ": not a usable OpenAPI contract"));
  }

  /**
   * The first run of each command as the launcher makes it after a build: untimed, writing the
   * command's class-data-sharing archive when it ends (the sandbox's once it has answered).
   */
  private static void train(Path jar, Path spec, ProbeRequest probe)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    lintMillis(jar, spec, true);
    firstAnswer(jar, spec, probe, true, false);
    System.out.printf(
        "trained the archives (untimed): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * The JVM as the {@code ./interlock} launcher starts each command: lint and the sandbox with C1
   * only (or, {@code fullJit}, the sandbox with C2 as well, for comparison); both with a 1 GB
   * serial-GC heap, and each with its command's class-data-sharing archive (written by its first
   * run when {@code training}).
   */
  private static List<String> java(Path jar, boolean training, boolean fullJit, String... args) {
    List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-XX:+UseSerialGC"));
    if (!fullJit) {
      command.add("-XX:TieredStopAtLevel=1");
    }
    if (archives != null) {
      Path archive = archives.resolve(args[0] + ".jsa");
      command.add((training ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=") + archive);
      command.add("-Xlog:cds*=off");
    }
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    return command;
  }

  private static long lintMillis(Path jar, Path spec, boolean training)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(java(jar, training, false, "lint", spec.toString()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.waitFor();
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** Milliseconds from launch until the server listened, and until it answered the probe. */
  private record FirstAnswer(long listening, long answered) {}

  private static FirstAnswer firstAnswer(
      Path jar, Path spec, ProbeRequest probe, boolean training, boolean fullJit)
      throws IOException, InterruptedException {
    int port = freePort();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.path()))
            .timeout(GIVE_UP);
    probe.headers().forEach(request::header);
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(
                java(
                    jar,
                    training,
                    fullJit,
                    "sandbox",
                    "--spec",
                    spec.toString(),
                    "--port",
                    String.valueOf(port)))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      long listening = untilListening(p, port, t0);
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      long answered = (System.nanoTime() - t0) / 1_000_000;
      if (answer.statusCode() >= 300) {
        throw new IllegalStateException(
            "the probe was refused: " + answer.statusCode() + " " + answer.body());
      }
      return new FirstAnswer(listening, answered);
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  private static long untilListening(Process p, int port, long t0)
      throws IOException, InterruptedException {
    while (System.nanoTime() - t0 < GIVE_UP.toNanos()) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the sandbox exited with " + p.exitValue());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return (System.nanoTime() - t0) / 1_000_000;
      } catch (ConnectException notYetListening) {
        // polled, not awaited: the server is another process
        Thread.sleep(POLL.toMillis());
      }
    }
    throw new IllegalStateException("the sandbox did not listen within " + GIVE_UP);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
