package dev.interlock.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Copies a Jackson 2 tree (what the rest of Interlock holds) into a Jackson 3 tree (what
 * networknt's validator reads). Writing the instance out as text and parsing it back costs several
 * times as much, and validation runs on every request the sandbox serves.
 */
final class Jackson3Trees {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Jackson3Trees() {}

  static tools.jackson.databind.JsonNode copyOf(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          object.set(field.getKey(), copyOf(field.getValue()));
        }
        yield object;
      }
      case ARRAY -> {
        ArrayNode array = NODES.arrayNode(node.size());
        for (JsonNode item : node) {
          array.add(copyOf(item));
        }
        yield array;
      }
      case STRING -> NODES.stringNode(node.textValue());
      case BOOLEAN -> NODES.booleanNode(node.booleanValue());
      case NULL, MISSING -> NODES.nullNode();
      case NUMBER -> number(node);
      case BINARY, POJO -> NODES.stringNode(node.asText());
    };
  }

  /** Keeps the number's own type: the validator tells 1 from 1.0 for {@code type: integer}. */
  private static tools.jackson.databind.JsonNode number(JsonNode node) {
    return switch (node.numberType()) {
      case INT -> NODES.numberNode(node.intValue());
      case LONG -> NODES.numberNode(node.longValue());
      case BIG_INTEGER -> NODES.numberNode(node.bigIntegerValue());
      case FLOAT -> NODES.numberNode(node.floatValue());
      case DOUBLE -> NODES.numberNode(node.doubleValue());
      case BIG_DECIMAL -> NODES.numberNode(node.decimalValue());
    };
  }
}
