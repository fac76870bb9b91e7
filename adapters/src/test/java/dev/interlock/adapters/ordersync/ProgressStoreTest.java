package dev.interlock.adapters.ordersync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapters.ordersync.ProgressStore.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {

  private static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");

  @Test
  void stepsRecordedBeforeAnUnannouncedStopAreThereAfterReopening(@TempDir Path dir) {
    ProgressStore store = ProgressStore.open(dir);
    store.record("1042", Step.CHARGED, "ch_1", AT);
    store.record("1042", Step.BOOKED, "je_1", AT);
    // no close(): a killed process does not close its files

    ProgressStore reopened = ProgressStore.open(dir);

    assertThat(reopened.get("1042").ref(Step.CHARGED)).isEqualTo("ch_1");
    assertThat(reopened.get("1042").ref(Step.BOOKED)).isEqualTo("je_1");
    assertThat(reopened.get("1042").has(Step.SHIPPED)).isFalse();
  }

  @Test
  void aLineTornByACrashIsIgnoredAndDoesNotSwallowTheNextRecord(@TempDir Path dir)
      throws Exception {
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.record("1042", Step.CHARGED, "ch_1", AT);
    }
    Files.writeString(
        dir.resolve("progress.jsonl"),
        "{\"order\":\"1042\",\"step\":\"BOO",
        StandardOpenOption.APPEND);

    try (ProgressStore afterCrash = ProgressStore.open(dir)) {
      assertThat(afterCrash.get("1042").has(Step.BOOKED)).isFalse();
      afterCrash.record("1042", Step.BOOKED, "je_2", AT);
    }
    ProgressStore later = ProgressStore.open(dir);

    assertThat(later.get("1042").ref(Step.CHARGED)).isEqualTo("ch_1");
    assertThat(later.get("1042").ref(Step.BOOKED)).isEqualTo("je_2");
    assertThat(Files.readAllLines(dir.resolve("progress.jsonl"))).hasSize(2);
  }

  @Test
  void deadLettersKeepTheirReasonAcrossRestarts(@TempDir Path dir) {
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.deadLetter("evt_9", "order.created without an order id", "{}", AT);
    }

    assertThat(ProgressStore.open(dir).deadLetters())
        .containsExactly("evt_9: order.created without an order id");
  }
}
