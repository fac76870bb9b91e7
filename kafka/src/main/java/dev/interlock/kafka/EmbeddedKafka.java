package dev.interlock.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node KRaft broker in this JVM (Kafka's own server classes through its test kit), on a
 * loopback port, logging to a temporary directory that {@link #close()} deletes. Starting takes a
 * few seconds.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *   KafkaSettings settings = KafkaSettings.of(kafka.bootstrap());
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

  private final KafkaClusterTestKit cluster;
  private final Path logDir;

  private EmbeddedKafka(KafkaClusterTestKit cluster, Path logDir) {
    this.cluster = cluster;
    this.logDir = logDir;
  }

  /**
   * Formats and starts the broker, and waits until it accepts clients.
   *
   * @throws IllegalStateException when it does not start (the cause says why)
   */
  public static EmbeddedKafka start() {
    Path dir;
    try {
      dir = Files.createTempDirectory("interlock-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the embedded broker's log directory", e);
    }
    KafkaClusterTestKit cluster = null;
    try {
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .setBaseDirectory(dir)
              .build();
      cluster =
          new KafkaClusterTestKit.Builder(nodes)
              // one broker: internal topics cannot have the default 3 replicas, and without this
              // consumer groups never find a coordinator (deps.md)
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("auto.create.topics.enable", "true")
              .build();
      formatOffStdout(cluster);
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new EmbeddedKafka(cluster, dir);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      closeQuietly(cluster);
      deleteTree(dir);
      throw new IllegalStateException("the embedded Kafka broker did not start: " + e, e);
    }
  }

  /**
   * Formats the log directory. Kafka's storage formatter prints a line to {@code System.out} and
   * the test kit gives no stream of its own to print to; on stdout it would land in a command's
   * output ({@code --format json} must stay parseable), so it goes to stderr for that moment.
   */
  private static void formatOffStdout(KafkaClusterTestKit cluster) throws Exception {
    synchronized (System.class) {
      PrintStream out = System.out;
      System.setOut(System.err);
      try {
        cluster.format();
      } finally {
        System.setOut(out);
      }
    }
  }

  /** {@code host:port} of the broker's client listener (loopback). */
  public String bootstrap() {
    return cluster.bootstrapServers();
  }

  /** Where the broker writes its logs until {@link #close()} deletes it. */
  public Path logDir() {
    return logDir;
  }

  @Override
  public void close() {
    closeQuietly(cluster);
    deleteTree(logDir);
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    if (cluster == null) {
      return;
    }
    try {
      cluster.close();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // stopping is best effort; the directory is deleted either way
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is not worth failing a run for
    }
  }
}
