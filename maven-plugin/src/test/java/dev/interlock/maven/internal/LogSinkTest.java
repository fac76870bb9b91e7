package dev.interlock.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogSinkTest {

  @Test
  void everyLineReachesTheLogOnceWholeAndInTheTranscript() {
    List<String> logged = new ArrayList<>();
    LogSink sink = new LogSink(logged::add);
    PrintStream out = sink.stream();

    out.print("contracts/a.yaml:3:1: error: ");
    out.flush();
    out.println("bad [contract.x]");
    out.println("naïve – ünïcode");
    out.print("unfinished");
    sink.close();

    assertThat(logged)
        .containsExactly(
            "contracts/a.yaml:3:1: error: bad [contract.x]", "naïve – ünïcode", "unfinished");
    assertThat(sink.transcript()).isEqualTo(String.join("\n", logged));
  }

  @Test
  void progressFramesEndingInCarriageReturnsAreNotLogged() {
    List<String> logged = new ArrayList<>();
    LogSink sink = new LogSink(logged::add);
    PrintStream out = sink.stream();

    out.print("[#   ] 1/4\r[##  ] 2/4\r[####] 4/4\r");
    out.println("total 4 passed");

    assertThat(logged).containsExactly("total 4 passed");
  }

  @Test
  void theTranscriptKeepsTheLastLinesOnly() {
    LogSink sink = new LogSink(line -> {});
    PrintStream out = sink.stream();
    for (int i = 0; i < 1000; i++) {
      out.println("line " + i);
    }

    assertThat(sink.transcript().lines().count()).isEqualTo(400);
    assertThat(sink.transcript()).endsWith("line 999").doesNotContain("line 599\n");
  }
}
