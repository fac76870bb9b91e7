package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.mocks.EventMessage;
import dev.interlock.mocks.EventSandbox;
import dev.interlock.mocks.JournalEntry;
import dev.interlock.mocks.Scenario;
import dev.interlock.mocks.WebhookDelivery;
import dev.interlock.mocks.WebhookSubscription;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The sandbox's own admin API under {@code /__interlock/}: {@code GET|POST scenario}, {@code POST
 * reset}, {@code GET journal}, {@code GET ledger}. When the sandbox has an admin token, every call
 * must carry it as {@code Authorization: Bearer TOKEN}.
 */
final class AdminApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Engine engine;

  AdminApi(Engine engine) {
    this.engine = engine;
  }

  Reply handle(HttpCall call) {
    String token = engine.options().adminToken();
    if (token != null && !authorized(call, token)) {
      return Problems.problem(
              401, "Unauthorized", "The admin API needs the sandbox's admin token.", null)
          .withHeader("WWW-Authenticate", "Bearer realm=\"interlock-admin\"");
    }
    String route = call.method() + " " + call.path().substring(Engine.ADMIN_PREFIX.length());
    try {
      return switch (route) {
        case "GET /scenario" -> json(200, scenarioJson());
        case "POST /scenario" -> {
          JsonNode body = JSON.readTree(call.body().isEmpty() ? "{}" : call.body());
          engine.setScenario(Scenario.fromJsonStrict(body));
          yield json(200, scenarioJson());
        }
        case "POST /reset" -> {
          engine.reset();
          yield json(200, JSON.createObjectNode().put("reset", true));
        }
        case "GET /journal" -> json(200, journalJson());
        case "GET /ledger" -> json(200, JSON.valueToTree(engine.ledger().collections()));
        case "GET /webhooks" -> json(200, webhooksJson(events()));
        case "POST /webhooks" -> {
          JsonNode body = JSON.readTree(call.body().isEmpty() ? "{}" : call.body());
          String url = body.path("url").asText("");
          java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
          body.path("events").forEach(e -> wanted.add(e.asText()));
          if (url.isEmpty() || wanted.isEmpty()) {
            throw new IllegalArgumentException(
                "a webhook needs {\"url\": \"http...\", \"events\": [\"order.created\"]}");
          }
          WebhookSubscription s = events().registerWebhook(java.net.URI.create(url), wanted);
          yield json(201, webhookJson(s));
        }
        case "POST /events" -> {
          JsonNode body = JSON.readTree(call.body().isEmpty() ? "{}" : call.body());
          String event = body.path("event").asText("");
          if (event.isEmpty()) {
            throw new IllegalArgumentException(
                "say which event: {\"event\": \"order.created\", \"payload\": {...}}");
          }
          EventMessage m = events().publish(event, body.get("payload"));
          ObjectNode out = JSON.createObjectNode();
          out.put("id", m.id()).put("topic", m.topic()).put("name", m.name());
          out.set("headers", JSON.valueToTree(m.headers()));
          out.set("payload", JSON.readTree(m.payload()));
          yield json(202, out);
        }
        case "GET /deliveries" -> {
          ArrayNode out = JSON.createArrayNode();
          for (WebhookDelivery d : events().deliveries()) {
            ObjectNode o = out.addObject();
            o.put("eventId", d.eventId()).put("topic", d.topic()).put("url", d.url().toString());
            o.put("attempt", d.attempt()).put("status", d.status()).put("error", d.error());
            o.put("duplicate", d.duplicate()).put("final", d.finalAttempt());
            o.put("at", d.at().toString());
          }
          yield json(200, out);
        }
        default -> {
          if (route.startsWith("DELETE /webhooks/")) {
            String id = route.substring("DELETE /webhooks/".length());
            yield events().unregisterWebhook(id)
                ? json(200, JSON.createObjectNode().put("deleted", id))
                : Problems.problem(404, "No such webhook", "No webhook '" + id + "'.", null);
          }
          yield Problems.problem(
              404,
              "No such admin operation",
              route
                  + " is not part of the admin API (GET|POST /__interlock/scenario, POST"
                  + " /__interlock/reset, GET /__interlock/journal, GET /__interlock/ledger,"
                  + " GET|POST /__interlock/webhooks, DELETE /__interlock/webhooks/ID, POST"
                  + " /__interlock/events, GET /__interlock/deliveries)",
              null);
        }
      };
    } catch (IllegalArgumentException e) {
      return Problems.problem(400, "Bad admin request", e.getMessage(), null);
    } catch (Exception e) {
      return Problems.problem(
          400, "Bad admin request", "The body is not valid JSON: " + e.getMessage(), null);
    }
  }

  private EventSandbox events() {
    EventSandbox e = engine.events();
    if (e == null) {
      throw new IllegalArgumentException(
          "this sandbox has no AsyncAPI contract, so no events or webhooks (start it with one)");
    }
    return e;
  }

  private static JsonNode webhooksJson(EventSandbox events) {
    ArrayNode out = JSON.createArrayNode();
    events.webhooks().forEach(s -> out.add(webhookJson(s)));
    return out;
  }

  private static ObjectNode webhookJson(WebhookSubscription s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", s.id()).put("url", s.url().toString());
    ArrayNode events = o.putArray("events");
    s.events().stream().sorted().forEach(events::add);
    return o;
  }

  private JsonNode journalJson() {
    ArrayNode out = JSON.createArrayNode();
    for (JournalEntry e : engine.journal().entries()) {
      ObjectNode o = out.addObject();
      o.put("at", e.at().toString());
      o.put("method", e.method());
      o.put("url", e.url());
      o.put("operationId", e.operationId());
      o.put("version", e.version());
      o.set("requestHeaders", JSON.valueToTree(e.requestHeaders()));
      o.put("requestBody", e.requestBody());
      o.put("status", e.status());
      o.set("responseHeaders", JSON.valueToTree(e.responseHeaders()));
      o.put("responseBody", e.responseBody());
      o.put("fault", e.fault());
      ArrayNode violations = o.putArray("violations");
      for (JournalEntry.Violation v : e.violations()) {
        violations
            .addObject()
            .put("pointer", v.pointer())
            .put("message", v.message())
            .put("code", v.code());
      }
      ArrayNode warnings = o.putArray("warnings");
      for (JournalEntry.Warning w : e.warnings()) {
        ObjectNode warning =
            warnings
                .addObject()
                .put("pointer", w.pointer())
                .put("message", w.message())
                .put("code", w.code())
                .put("contractPointer", w.contractPointer());
        w.matchedBranches().forEach(warning.putArray("matchedBranches")::add);
      }
    }
    return out;
  }

  private JsonNode scenarioJson() {
    Scenario s = engine.scenario();
    ObjectNode out = JSON.createObjectNode();
    out.put("name", s.name());
    if (s instanceof Scenario.Flaky f) {
      out.put("errorRate", f.errorRate()).put("resetRate", f.resetRate());
      f.statuses().forEach(out.putArray("statuses")::add);
    } else if (s instanceof Scenario.Slow sl) {
      out.put("median", sl.median().toString()).put("max", sl.max().toString());
    } else if (s instanceof Scenario.RateLimited r) {
      out.put("limit", r.limit()).put("window", r.window().toString());
      r.factor().ifPresent(factor -> out.put("rateLimitFactor", factor));
    } else if (s instanceof Scenario.Outage o) {
      out.put("duration", o.length().toString()).put("status", o.status());
      o.retryAfter().ifPresent(d -> out.put("retryAfter", d.toString()));
    } else if (s instanceof Scenario.Scripted sc) {
      out.set("steps", JSON.valueToTree(sc.steps()));
    }
    return out;
  }

  private static boolean authorized(HttpCall call, String token) {
    String auth = call.header("Authorization");
    String given =
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).trim()
            : "";
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  private static Reply json(int status, JsonNode body) {
    return Reply.of(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }
}
