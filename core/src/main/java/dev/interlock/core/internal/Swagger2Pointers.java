package dev.interlock.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import java.util.ArrayList;
import java.util.List;

/**
 * Says where a node of a converted Swagger 2.0 document came from: maps a pointer into the OpenAPI
 * 3.0 form back to the 2.0 document the user wrote ({@code components/schemas/X} was {@code
 * definitions/X}, a request body was the {@code body} or {@code formData} parameters, a response's
 * {@code content/<type>/schema} was its {@code schema}, a parameter's {@code schema} was the
 * parameter itself). Where a 3.0 node has no 2.0 origin, the nearest one that has is used.
 */
final class Swagger2Pointers {

  private final JsonNode original;
  private final JsonNode converted;

  Swagger2Pointers(JsonNode original, JsonNode converted) {
    this.original = original;
    this.converted = converted;
  }

  JsonPointer origin(JsonPointer pointer) {
    List<String> t = pointer.tokens();
    List<String> out = new ArrayList<>();
    if (t.size() >= 2 && t.get(0).equals("components")) {
      String section = t.get(1);
      List<String> rest = t.subList(Math.min(3, t.size()), t.size());
      String name = t.size() > 2 ? t.get(2) : null;
      switch (section) {
        case "schemas" -> add(out, "definitions", name, rest);
        case "securitySchemes" -> add(out, "securityDefinitions", name, rest);
        case "parameters" -> {
          add(out, "parameters", name, List.of());
          out.addAll(parameterRest(rest));
        }
        case "requestBodies" -> {
          add(out, "parameters", name, List.of());
          out.addAll(bodyRest(rest));
        }
        case "responses" -> {
          add(out, "responses", name, List.of());
          out.addAll(responseRest(rest));
        }
        default -> out.addAll(t);
      }
      return of(out);
    }
    if (t.size() >= 1 && t.get(0).equals("servers")) {
      return JsonPointer.of(original.has("host") ? "host" : "basePath");
    }
    if (t.size() >= 3 && t.get(0).equals("paths")) {
      out.add("paths");
      out.add(t.get(1));
      JsonPointer pathItem = JsonPointer.of("paths", t.get(1));
      if (t.get(2).equals("parameters")) {
        out.addAll(parameter(pathItem, t.subList(3, t.size())));
        return of(out);
      }
      out.add(t.get(2));
      JsonPointer operation = pathItem.append(t.get(2));
      List<String> rest = t.subList(3, t.size());
      if (rest.isEmpty()) {
        return of(out);
      }
      switch (rest.get(0)) {
        case "parameters" -> out.addAll(parameter(operation, rest.subList(1, rest.size())));
        case "requestBody" -> out.addAll(requestBody(operation, rest.subList(1, rest.size())));
        case "responses" -> {
          out.add("responses");
          if (rest.size() > 1) {
            out.add(rest.get(1));
            out.addAll(responseRest(rest.subList(2, rest.size())));
          }
        }
        default -> out.addAll(rest);
      }
      return of(out);
    }
    return pointer;
  }

  /** The 2.0 parameter with the same name and place as the converted one at that index. */
  private List<String> parameter(JsonPointer owner, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add("parameters");
    if (rest.isEmpty()) {
      return out;
    }
    JsonNode param = converted.at(owner.append("parameters").append(rest.get(0)).value());
    JsonNode list = original.at(owner.append("parameters").value());
    int index = -1;
    for (int i = 0; i < list.size(); i++) {
      JsonNode candidate = list.get(i);
      if (candidate.path("name").asText().equals(param.path("name").asText("\0"))
          && candidate.path("in").asText().equals(param.path("in").asText())) {
        index = i;
      }
    }
    if (index < 0) {
      return out;
    }
    out.add(String.valueOf(index));
    out.addAll(parameterRest(rest.subList(1, rest.size())));
    return out;
  }

  /** A 2.0 parameter holds its type itself: {@code schema/items} was {@code items}. */
  private static List<String> parameterRest(List<String> rest) {
    return !rest.isEmpty() && rest.get(0).equals("schema") ? rest.subList(1, rest.size()) : rest;
  }

  /** The body parameter, or for a form the formData parameter a property stands for. */
  private List<String> requestBody(JsonPointer operation, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add("parameters");
    JsonNode list = original.at(operation.append("parameters").value());
    String property =
        rest.size() >= 5 && rest.get(2).equals("schema") && rest.get(3).equals("properties")
            ? rest.get(4)
            : null;
    for (int i = 0; i < list.size(); i++) {
      JsonNode p = list.get(i);
      String in = p.path("in").asText();
      if (in.equals("body")) {
        out.add(String.valueOf(i));
        out.addAll(bodyRest(rest));
        return out;
      }
      if (in.equals("formData") && p.path("name").asText().equals(property)) {
        out.add(String.valueOf(i));
        out.addAll(rest.subList(5, rest.size()));
        return out;
      }
    }
    return out;
  }

  /** {@code content/<type>/schema/...} of a body was the body parameter's {@code schema/...}. */
  private static List<String> bodyRest(List<String> rest) {
    if (rest.size() >= 3 && rest.get(0).equals("content") && rest.get(2).equals("schema")) {
      List<String> out = new ArrayList<>(List.of("schema"));
      out.addAll(rest.subList(3, rest.size()));
      return out;
    }
    return List.of();
  }

  /** A response's {@code content/<type>/schema} was its {@code schema}, a header its own type. */
  private static List<String> responseRest(List<String> rest) {
    if (rest.size() >= 2 && rest.get(0).equals("content")) {
      if (rest.size() >= 3 && rest.get(2).equals("schema")) {
        List<String> out = new ArrayList<>(List.of("schema"));
        out.addAll(rest.subList(3, rest.size()));
        return out;
      }
      if (rest.size() >= 3 && rest.get(2).startsWith("example")) {
        return List.of("examples", rest.get(1));
      }
      return List.of();
    }
    if (rest.size() >= 3 && rest.get(0).equals("headers") && rest.get(2).equals("schema")) {
      List<String> out = new ArrayList<>(rest.subList(0, 2));
      out.addAll(rest.subList(3, rest.size()));
      return out;
    }
    return rest;
  }

  private static void add(List<String> out, String section, String name, List<String> rest) {
    out.add(section);
    if (name != null) {
      out.add(name);
    }
    out.addAll(rest);
  }

  private static JsonPointer of(List<String> tokens) {
    return JsonPointer.of(tokens.toArray(String[]::new));
  }
}
