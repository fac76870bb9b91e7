package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplyTest {

  @Test
  void addingAHeaderMakesANewReplyAndLeavesTheOldOneAsItWas() {
    Reply stored = Reply.of(201).withBody("{}");
    Reply replayed = stored.withHeader("Idempotent-Replayed", "true");
    assertThat(stored.headers()).isEmpty();
    assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replayed.body()).isEqualTo("{}");
  }

  @Test
  void itsHeadersCannotBeChangedInPlace() {
    Reply r = Reply.of(200).withHeader("A", "1");
    assertThatThrownBy(() -> r.headers().put("B", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aHeaderAlreadySetIsKeptByWithHeaderIfAbsent() {
    Reply r =
        Reply.of(200)
            .withHeader("Ledger-Version", "2024")
            .withHeaderIfAbsent("Ledger-Version", "2025");
    assertThat(r.header("Ledger-Version")).isEqualTo("2024");
  }
}
