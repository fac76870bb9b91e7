package dev.interlock.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatrixTableTest {

  @Test
  void rendersOneAlignedRowPerVersionPairWithUnknownResultsAsQuestionMarks() {
    Matrix matrix =
        new Matrix(
            Optional.of(false),
            "no",
            List.of(
                new Matrix.Row(
                    "Foo", "1.2.3", "Bar", "4.5.6", Optional.of(true), "2024-01-02", false),
                new Matrix.Row(
                    "Foo", "1.2.3", "Pricing Service", "10", Optional.empty(), "", false),
                new Matrix.Row("Foo", "3.4.5", "Bar", "4.5.6", Optional.of(false), "", true)),
            List.of());

    assertThat(MatrixTable.render(matrix))
        .isEqualTo(
            """
            CONSUMER | C.VERSION | PROVIDER        | P.VERSION | SUCCESS?        | VERIFIED AT
            ---------+-----------+-----------------+-----------+-----------------+------------
            Foo      | 1.2.3     | Bar             | 4.5.6     | true            | 2024-01-02
            Foo      | 1.2.3     | Pricing Service | 10        | ???             |
            Foo      | 3.4.5     | Bar             | 4.5.6     | false [ignored] |
            """);
  }
}
