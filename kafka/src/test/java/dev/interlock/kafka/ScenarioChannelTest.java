package dev.interlock.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.mocks.EventMessage;
import dev.interlock.mocks.InMemoryChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioChannelTest {

  @Test
  void duplicatesRepeatTheSameEventIdAndTheSameSeedGivesTheSameDeliveries() {
    List<String> first = deliveries(new DeliveryScenario(0.3, 1), 42);
    assertThat(first).hasSizeGreaterThan(100);
    assertThat(first).containsAll(ids());
    assertThat(first.stream().distinct().count()).isEqualTo(100);
    assertThat(deliveries(new DeliveryScenario(0.3, 1), 42)).isEqualTo(first);
  }

  @Test
  void reorderingShufflesWithinTheWindowAndLosesNothing() {
    List<String> got = deliveries(new DeliveryScenario(0, 8), 42);
    assertThat(got).containsExactlyInAnyOrderElementsOf(ids()).isNotEqualTo(ids());
    for (int i = 0; i < got.size(); i++) {
      int sent = Integer.parseInt(got.get(i).substring(3));
      assertThat(Math.abs(sent - i)).as("held back at most one window").isLessThan(8);
    }
  }

  @Test
  void inOrderDeliversEachEventOnceInOrder() {
    assertThat(deliveries(DeliveryScenario.named("in-order"), 42)).isEqualTo(ids());
  }

  private static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ids.add("ev-" + i);
    }
    return ids;
  }

  private static List<String> deliveries(DeliveryScenario scenario, long seed) {
    InMemoryChannel memory = new InMemoryChannel();
    List<String> got = new ArrayList<>();
    try (ScenarioChannel channel = new ScenarioChannel(memory, scenario, seed)) {
      channel.subscribe("t", m -> got.add(m.id()));
      for (String id : ids()) {
        channel.publish(new EventMessage(id, "t", "e", Map.of(), "{}", Instant.EPOCH));
      }
    }
    return got;
  }
}
