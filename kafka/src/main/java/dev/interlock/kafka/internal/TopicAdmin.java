package dev.interlock.kafka.internal;

import dev.interlock.kafka.KafkaSettings;
import dev.interlock.kafka.TopicBinding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the contracts' topics that the cluster lacks, with the partitions their bindings ask. */
public final class TopicAdmin {

  private TopicAdmin() {}

  /**
   * @throws IllegalStateException when the cluster cannot be reached or refuses a topic
   */
  public static void ensureTopics(KafkaSettings settings, Collection<TopicBinding> topics) {
    try (Admin admin = Admin.create(settings.clientProperties())) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
      List<NewTopic> missing = new ArrayList<>();
      for (TopicBinding t : topics) {
        if (!existing.contains(t.topic())) {
          // a contract written for a 3-broker cluster still runs on a 1-broker one
          Optional<Short> replicas = t.replicas().map(r -> (short) Math.min(r, brokers));
          missing.add(new NewTopic(t.topic(), t.partitions(), replicas));
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Kafka at " + settings.bootstrap() + " cannot be used: " + reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /** Why a call failed; a timeout has no message of its own, so it is said in words. */
  public static String reason(Exception e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    if (cause.getMessage() != null) {
      return cause.getMessage();
    }
    return cause instanceof TimeoutException
            || cause instanceof org.apache.kafka.common.errors.TimeoutException
        ? "no answer within 30 s (is the bootstrap address right and reachable?)"
        : cause.getClass().getSimpleName();
  }
}
