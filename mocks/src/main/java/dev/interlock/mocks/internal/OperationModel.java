package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.ContractExtensions;
import dev.interlock.core.contract.OpenApiOperation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One operation as the router and the responder see it. */
public final class OperationModel {

  private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

  private final ContractVersion version;
  private final OpenApiOperation operation;
  private final Pattern pattern;
  private final List<String> parameterNames = new ArrayList<>();
  private final int literalChars;
  private final int segments;
  private final ContractExtensions extensions;

  OperationModel(ContractVersion version, OpenApiOperation operation) {
    this.version = version;
    this.operation = operation;
    String template = operation.path();
    StringBuilder regex = new StringBuilder();
    Matcher m = PARAM.matcher(template);
    int last = 0;
    int literal = 0;
    while (m.find()) {
      String lit = template.substring(last, m.start());
      regex.append(Pattern.quote(lit));
      literal += lit.length();
      regex.append("([^/]+)");
      parameterNames.add(m.group(1));
      last = m.end();
    }
    String tail = template.substring(last);
    literal += tail.length();
    if (!tail.isEmpty()) {
      regex.append(Pattern.quote(tail));
    }
    this.pattern = Pattern.compile(regex.toString());
    this.literalChars = literal;
    this.segments = template.split("/", -1).length;
    this.extensions = ContractExtensions.of(operation.operation().getExtensions());
  }

  public ContractVersion version() {
    return version;
  }

  public OpenApiOperation operation() {
    return operation;
  }

  public String method() {
    return operation.method().toUpperCase(Locale.ROOT);
  }

  public String template() {
    return operation.path();
  }

  public String id() {
    return operation.id();
  }

  int literalChars() {
    return literalChars;
  }

  int segments() {
    return segments;
  }

  public ContractExtensions extensions() {
    return extensions;
  }

  public boolean deprecated() {
    return Boolean.TRUE.equals(operation.operation().getDeprecated());
  }

  /** The path parameters when the path (without base path) matches this template. */
  Optional<Map<String, String>> match(String path) {
    Matcher m = pattern.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    Map<String, String> params = new java.util.LinkedHashMap<>();
    for (int i = 0; i < parameterNames.size(); i++) {
      params.put(parameterNames.get(i), m.group(i + 1));
    }
    return Optional.of(params);
  }

  /** The operation's node in the tree. */
  public JsonPointer pointer() {
    return operation.pointer();
  }

  public JsonNode node() {
    return version.tree().at(pointer());
  }

  private volatile List<String> statuses;
  private volatile int successStatus = -1;

  /** Declared response status codes in document order ("200", "4XX", "default"). */
  public List<String> statuses() {
    List<String> s = statuses;
    if (s == null) {
      List<String> out = new ArrayList<>();
      for (Iterator<String> it = node().path("responses").fieldNames(); it.hasNext(); ) {
        out.add(it.next());
      }
      s = List.copyOf(out);
      statuses = s;
    }
    return s;
  }

  /** The lowest declared 2xx status, else the lowest declared status, else 200. */
  public int successStatus() {
    int s = successStatus;
    if (s < 0) {
      s = computeSuccessStatus();
      successStatus = s;
    }
    return s;
  }

  private int computeSuccessStatus() {
    int best = Integer.MAX_VALUE;
    int any = Integer.MAX_VALUE;
    for (String s : statuses()) {
      if (s.matches("\\d{3}")) {
        int code = Integer.parseInt(s);
        if (code >= 200 && code < 300) {
          best = Math.min(best, code);
        }
        any = Math.min(any, code);
      } else if (s.equalsIgnoreCase("2XX")) {
        best = Math.min(best, 200);
      }
    }
    if (best != Integer.MAX_VALUE) {
      return best;
    }
    return any != Integer.MAX_VALUE && any < 400 ? any : 200;
  }

  /** The response key that covers a status: exact, then {@code 4XX}, then {@code default}. */
  public Optional<String> responseKeyFor(int status) {
    List<String> statuses = statuses();
    String exact = String.valueOf(status);
    if (statuses.contains(exact)) {
      return Optional.of(exact);
    }
    String range = (status / 100) + "XX";
    for (String s : statuses) {
      if (s.equalsIgnoreCase(range)) {
        return Optional.of(s);
      }
    }
    return statuses.contains("default") ? Optional.of("default") : Optional.empty();
  }

  public boolean declares(int status) {
    return statuses().contains(String.valueOf(status));
  }

  @Override
  public String toString() {
    return method() + " " + template();
  }
}
