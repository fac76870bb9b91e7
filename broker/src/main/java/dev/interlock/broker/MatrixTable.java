package dev.interlock.broker;

import java.util.ArrayList;
import java.util.List;

/** The can-i-deploy matrix as a plain-text table, the way the broker's own client prints it. */
public final class MatrixTable {

  private static final String[] HEADER = {
    "CONSUMER", "C.VERSION", "PROVIDER", "P.VERSION", "SUCCESS?", "VERIFIED AT"
  };

  private MatrixTable() {}

  public static String render(Matrix matrix) {
    List<String[]> lines = new ArrayList<>();
    lines.add(HEADER);
    for (Matrix.Row r : matrix.rows()) {
      lines.add(
          new String[] {
            r.consumer(),
            r.consumerVersion(),
            r.provider(),
            r.providerVersion(),
            r.success().map(s -> s ? "true" : "false").orElse("???")
                + (r.ignored() ? " [ignored]" : ""),
            r.verifiedAt()
          });
    }
    int[] widths = new int[HEADER.length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < lines.size(); n++) {
      out.append(row(lines.get(n), widths));
      if (n == 0) {
        String[] rule = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
          rule[i] = "-".repeat(widths[i]);
        }
        out.append(row(rule, widths).replace(' ', '-').replace("-|-", "-+-"));
      }
    }
    if (matrix.rows().isEmpty()) {
      out.append("(no rows)\n");
    }
    return out.toString();
  }

  private static String row(String[] cells, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(" | ");
      }
      out.append(cells[i]).append(" ".repeat(widths[i] - cells[i].length()));
    }
    return out.toString().stripTrailing() + "\n";
  }
}
