package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code interlock lint} on a contract split across files names the file a defect is in. */
class MultiFileLintTest {

  @Test
  void aDefectInASiblingFileIsReportedAtThatFilesLine() {
    Path pets = Fixtures.resource("multi-file/pets.yaml");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        InterlockCommand.run(
            new String[] {"lint", pets.toString()},
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertThat(exit).as(out + "" + err).isEqualTo(ExitCode.FAILED);
    assertThat(out.toString())
        .containsPattern(
            "responses[/\\\\]not-found\\.yaml:2:\\d+: error: OpenAPI structure: .*description"
                + " is missing \\[contract.openapi.structure]")
        .doesNotContainPattern("pets\\.yaml:\\d+:\\d+: error");
  }
}
