package dev.interlock.mocks;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.mocks.internal.ContractVersion;
import dev.interlock.mocks.internal.OperationModel;
import dev.interlock.mocks.internal.Responder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a valid request for any operation from its contract, and sends it to a sandbox. */
final class ValidRequests {

  /** What was sent and what came back; {@code path} is without the servers' base path. */
  record Exchange(String method, String path, Response response) {}

  private final Sandbox sandbox;
  private final ContractVersion version;
  private final Responder responder = new Responder(99);
  private String token;

  ValidRequests(Sandbox sandbox, ContractVersion version) {
    this.sandbox = sandbox;
    this.version = version;
  }

  Exchange send(OperationModel op) {
    RequestSpecification spec =
        given()
            .baseUri(sandbox.baseUrl())
            .urlEncodingEnabled(false)
            .config(
                RestAssuredConfig.config()
                    .httpClient(
                        HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", 10_000)
                            .setParam("http.connection.timeout", 5_000)));
    String path = op.template();
    Map<String, JsonNode> params = parameters(op);
    for (Map.Entry<String, JsonNode> e : params.entrySet()) {
      JsonNode p = e.getValue();
      String in = p.path("in").asText();
      String name = p.path("name").asText();
      boolean required = p.path("required").asBoolean(false) || in.equals("path");
      if (!required
          || name.equalsIgnoreCase("Authorization")
          || name.equalsIgnoreCase("Content-Type")) {
        continue;
      }
      JsonPointer schema = version.tree().derefPointer(pointerOf(op, e.getKey())).append("schema");
      JsonNode value =
          responder.synthesize(version, version.tree().derefPointer(schema), op.id() + name, false);
      switch (in) {
        case "path" -> path = path.replace("{" + name + "}", encode(scalar(value)));
        case "query" -> {
          if (value.isArray()) {
            for (JsonNode item : value) {
              spec.queryParam(name, encode(scalar(item)));
            }
          } else {
            spec.queryParam(name, encode(scalar(value)));
          }
        }
        case "header" -> spec.header(name, scalar(value));
        case "cookie" -> spec.cookie(name, scalar(value));
        default -> {}
      }
    }
    body(op, spec);
    security(op, spec);
    String base = version.basePaths().get(0);
    Response r = spec.request(op.method(), base + path);
    return new Exchange(op.method(), path, r);
  }

  private void body(OperationModel op, RequestSpecification spec) {
    JsonPointer bodyPointer = version.resolve(op.pointer(), "requestBody");
    JsonNode body = version.tree().at(bodyPointer);
    if (body.isMissingNode()
        || !body.path("content").isObject()
        || body.path("content").size() == 0) {
      return;
    }
    String media = null;
    for (Iterator<String> it = body.path("content").fieldNames(); it.hasNext(); ) {
      String m = it.next();
      if (m.contains("json")) {
        media = m;
        break;
      }
      if (media == null && (m.contains("x-www-form-urlencoded"))) {
        media = m;
      }
    }
    if (media == null) {
      media = body.path("content").fieldNames().next();
    }
    JsonPointer schema = version.resolve(bodyPointer.append("content").append(media), "schema");
    JsonNode value =
        version.tree().at(schema).isMissingNode()
            ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
            : responder.synthesize(version, schema, op.id() + "|body", false);
    if (media.contains("x-www-form-urlencoded")) {
      StringBuilder form = new StringBuilder();
      value
          .fields()
          .forEachRemaining(
              f -> {
                if (form.length() > 0) {
                  form.append('&');
                }
                form.append(encode(f.getKey())).append('=').append(encode(scalar(f.getValue())));
              });
      spec.contentType(media).body(form.toString());
    } else if (media.contains("json")) {
      spec.contentType(media).body(value.toString());
    } else {
      spec.contentType(media).body(value.isTextual() ? value.asText() : value.toString());
    }
  }

  private void security(OperationModel op, RequestSpecification spec) {
    JsonNode security =
        op.node().has("security")
            ? op.node().get("security")
            : version.tree().root().path("security");
    if (!security.isArray() || security.size() == 0) {
      return;
    }
    JsonNode requirement = security.get(0);
    for (Iterator<String> it = requirement.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode scheme =
          version
              .tree()
              .deref(version.tree().root().path("components").path("securitySchemes").path(name));
      switch (scheme.path("type").asText()) {
        case "apiKey" -> {
          switch (scheme.path("in").asText("header")) {
            case "query" -> spec.queryParam(scheme.path("name").asText(), "test-key");
            case "cookie" -> spec.cookie(scheme.path("name").asText(), "test-key");
            default -> spec.header(scheme.path("name").asText(), "test-key");
          }
        }
        case "http" -> {
          if (scheme.path("scheme").asText("bearer").equalsIgnoreCase("basic")) {
            spec.header("Authorization", "Basic dXNlcjpwYXNz");
          } else {
            spec.header("Authorization", "Bearer test-token");
          }
        }
        case "oauth2" -> {
          String tokenUrl =
              scheme.path("flows").path("clientCredentials").path("tokenUrl").asText(null);
          spec.header(
              "Authorization", "Bearer " + (tokenUrl == null ? "test-token" : token(tokenUrl)));
        }
        default -> spec.header("Authorization", "Bearer test-token");
      }
    }
  }

  private String token(String tokenUrl) {
    if (token == null) {
      String path = tokenUrl.replaceFirst("^[a-zA-Z]+://[^/]*", "");
      token =
          given()
              .baseUri(sandbox.baseUrl())
              .contentType("application/x-www-form-urlencoded")
              .body("grant_type=client_credentials&client_id=walker&client_secret=walker-secret")
              .post(path)
              .then()
              .statusCode(200)
              .extract()
              .path("access_token");
    }
    return token;
  }

  /** Path-item and operation parameters (the operation's win), keyed by their pointer. */
  private Map<String, JsonNode> parameters(OperationModel op) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    Map<String, String> pointers = new LinkedHashMap<>();
    for (JsonPointer list :
        List.of(op.pointer().parent().append("parameters"), op.pointer().append("parameters"))) {
      JsonNode params = version.tree().at(list);
      for (int i = 0; i < params.size(); i++) {
        JsonPointer pp = version.tree().derefPointer(list.append(i));
        JsonNode p = version.tree().at(pp);
        String key = p.path("in").asText() + ":" + p.path("name").asText();
        byName.put(key, p);
        pointers.put(key, pp.value());
      }
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    byName.forEach((k, v) -> out.put(pointers.get(k), v));
    return out;
  }

  private JsonPointer pointerOf(OperationModel op, String pointer) {
    return new JsonPointer(pointer);
  }

  private static String scalar(JsonNode v) {
    if (v.isArray()) {
      return v.size() == 0 ? "" : scalar(v.get(0));
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
