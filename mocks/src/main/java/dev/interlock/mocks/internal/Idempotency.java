package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.contract.ContractExtensions;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The idempotency step, as the IETF httpapi draft ({@code
 * draft-ietf-httpapi-idempotency-key-header}) and vendors implement it: a request that carries the
 * operation's idempotency key is answered once; the same key with the same body again gets the
 * stored reply with {@code Idempotent-Replayed: true}; the same key with another body is refused
 * with 422 (or the 409 or 400 the contract declares), a key whose first request is still being
 * answered with 409. The key is the header the operation's {@code x-idempotency} names, else a
 * declared header parameter named like one, else {@code Idempotency-Key} on POST and PATCH: vendors
 * honour it whether or not their contract declares it. Keys are scoped to the credential, the
 * version and the operation, and remembered for {@code ttl} on the clock, at most {@code capacity}.
 */
final class Idempotency {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> UNSAFE = Set.of("POST", "PATCH", "PUT", "DELETE");

  /**
   * Methods that are not idempotent by HTTP's semantics (RFC 9110), so a key is honoured unasked.
   */
  private static final Set<String> NOT_IDEMPOTENT = Set.of("POST", "PATCH");

  static final String DRAFT_HEADER = "Idempotency-Key";

  private record Call(JsonNode request, Reply reply, Instant at) {}

  private final Clock clock;
  private final Duration ttl;
  private final Problems problems;
  private final Map<String, Call> calls;

  Idempotency(Clock clock, Duration ttl, int capacity, Problems problems) {
    this.clock = clock;
    this.ttl = ttl;
    this.problems = problems;
    this.calls =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Call> eldest) {
                return size() > capacity;
              }
            });
  }

  /** Answers the exchange through {@code respond} once per key, replaying afterwards. */
  Reply apply(Exchange ex, Function<Exchange, Reply> respond) {
    OperationModel op = ex.op();
    String header = header(op);
    String key = header == null ? null : ex.call().header(header);
    if (key == null) {
      return respond.apply(ex);
    }
    String scopeKey = ex.credential() + "|" + op.version().label() + "|" + op.id() + "|" + key;
    Instant now = clock.instant();
    Call pending = new Call(ex.body(), null, now);
    Call previous = calls.putIfAbsent(scopeKey, pending);
    if (previous != null && previous.at().plus(ttl).isBefore(now)) {
      // the key expired: the request is a new one
      calls.put(scopeKey, pending);
      previous = null;
    }
    if (previous != null) {
      if (!previous.request().equals(ex.body())) {
        return refusal(
            op,
            reusedStatus(op),
            "idempotency-key-reused",
            "The " + header + " '" + key + "' was used with a different request body.");
      }
      if (previous.reply() == null) {
        return refusal(
            op,
            409,
            "idempotency-key-in-use",
            "A request with the " + header + " '" + key + "' is still being processed.");
      }
      return previous.reply().withHeader("Idempotent-Replayed", "true");
    }
    Reply reply;
    try {
      reply = respond.apply(ex);
    } catch (RuntimeException e) {
      calls.remove(scopeKey);
      throw e;
    }
    if (reply.status() >= 500 || reply.status() == 429 || reply.reset()) {
      calls.remove(scopeKey);
    } else {
      calls.put(scopeKey, new Call(ex.body(), reply, now));
    }
    return reply;
  }

  void clear() {
    calls.clear();
  }

  /** The header that carries the operation's idempotency key, or null when it takes none. */
  static String header(OperationModel op) {
    if (!UNSAFE.contains(op.method())) {
      return null;
    }
    Optional<ContractExtensions.Idempotency> i = op.extensions().idempotency();
    if (i.isEmpty()) {
      i = op.version().extensions().idempotency();
    }
    if (i.isPresent()) {
      return i.get().header();
    }
    List<Parameter> params = op.operation().operation().getParameters();
    if (params != null) {
      for (Parameter p : params) {
        Parameter resolved = resolveParameter(op, p);
        if (resolved != null
            && "header".equalsIgnoreCase(resolved.getIn())
            && resolved.getName() != null
            && resolved.getName().toLowerCase(Locale.ROOT).contains("idempotency")) {
          return resolved.getName();
        }
      }
    }
    return NOT_IDEMPOTENT.contains(op.method()) ? DRAFT_HEADER : null;
  }

  private static Parameter resolveParameter(OperationModel op, Parameter p) {
    if (p.get$ref() == null) {
      return p;
    }
    var components = op.version().contract().model().getComponents();
    if (components == null || components.getParameters() == null) {
      return null;
    }
    String ref = p.get$ref();
    return components.getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /** 422 as the draft says, unless the contract declares 409 or 400 (and not 422) for it. */
  private static int reusedStatus(OperationModel op) {
    if (op.declares(422)) {
      return 422;
    }
    if (op.declares(409)) {
      return 409;
    }
    return op.declares(400) ? 400 : 422;
  }

  private Reply refusal(OperationModel op, int status, String code, String detail) {
    ObjectNode extra = JSON.createObjectNode();
    extra.put("code", code);
    return problems.error(op, status, "Idempotency key conflict", detail, extra, code);
  }
}
