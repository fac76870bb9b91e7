package dev.interlock.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Types plain YAML scalars by the YAML 1.2 core schema. SnakeYAML resolves by YAML 1.1, where
 * {@code no}, {@code on} or {@code 2024-06-01} change type; contracts are JSON-minded, and a
 * country code {@code NO} must stay a string.
 */
final class YamlScalars {

  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL");
  private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
  private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCT = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  private YamlScalars() {}

  static JsonNode toJson(ScalarNode node, JsonNodeFactory f) {
    String v = node.getValue();
    if (node.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
      return f.textNode(v);
    }
    if (v.isEmpty() || NULL.matcher(v).matches()) {
      return f.nullNode();
    }
    if (TRUE.matcher(v).matches()) {
      return f.booleanNode(true);
    }
    if (FALSE.matcher(v).matches()) {
      return f.booleanNode(false);
    }
    if (INT.matcher(v).matches()) {
      return integer(new BigInteger(v.startsWith("+") ? v.substring(1) : v), f);
    }
    if (OCT.matcher(v).matches()) {
      return integer(new BigInteger(v.substring(2), 8), f);
    }
    if (HEX.matcher(v).matches()) {
      return integer(new BigInteger(v.substring(2), 16), f);
    }
    if (FLOAT.matcher(v).matches()) {
      return f.numberNode(Double.parseDouble(v));
    }
    if (INF.matcher(v).matches()) {
      return f.numberNode(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (NAN.matcher(v).matches()) {
      return f.numberNode(Double.NaN);
    }
    return f.textNode(v);
  }

  private static JsonNode integer(BigInteger value, JsonNodeFactory f) {
    if (value.bitLength() < 32) {
      return f.numberNode(value.intValue());
    }
    if (value.bitLength() < 64) {
      return f.numberNode(value.longValue());
    }
    return f.numberNode(value);
  }
}
