package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.mocks.EventSandbox;
import dev.interlock.mocks.Ledger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The state step: a POST to a collection creates a resource (the contract's resource with the
 * request's fields laid over it and a new id), a GET of an item reads it, a GET of the collection
 * lists what is held, POST/PUT/PATCH to an item update it and DELETE removes it. An operation whose
 * path ends in a parameter addresses an item of the collection its path names without it.
 */
final class Resources {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResourceStore store;
  private final Replies replies;
  private final Problems problems;
  private final ResourceIds ids;
  private final ResourceMerge merge = new ResourceMerge();
  private final VendorWebhooks vendorWebhooks = new VendorWebhooks();
  private final Supplier<EventSandbox> events;

  Resources(
      int capacity, Replies replies, Problems problems, long seed, Supplier<EventSandbox> events) {
    this.store = new ResourceStore(capacity);
    this.replies = replies;
    this.problems = problems;
    this.ids = new ResourceIds(seed);
    this.events = events;
  }

  Reply respond(Exchange ex) {
    OperationModel op = ex.op();
    String example = Replies.preferredExample(ex.call());
    String template = op.template();
    boolean item = template.endsWith("}");
    String collection = item ? template.substring(0, template.lastIndexOf('/')) : template;
    String collectionKey = op.version().label() + "|" + collection;
    String id = item ? last(ex.match().params()) : null;
    int status = op.successStatus();
    return switch (op.method()) {
      case "POST" ->
          item
              ? update(op, ex.body(), status, example, collectionKey, id)
              : create(op, ex.body(), status, example, collectionKey, collection);
      case "GET" ->
          item
              ? read(op, status, example, collectionKey, id)
              : list(op, status, example, collectionKey);
      case "PUT", "PATCH" ->
          item
              ? update(op, ex.body(), status, example, collectionKey, id)
              : replies.declaredReply(op, status, example);
      case "DELETE" -> delete(op, status, example, item, collectionKey, id);
      default -> replies.declaredReply(op, status, example);
    };
  }

  /**
   * Stores a resource as though it had been created at {@code match}'s path, so reads find it; not
   * a side effect (the ledger is unchanged). False when the path does not end in an id.
   */
  boolean seed(Router.Match match, JsonNode resource) {
    String template = match.operation().template();
    if (!template.endsWith("}")) {
      return false;
    }
    String collection = template.substring(0, template.lastIndexOf('/'));
    store.put(
        match.operation().version().label() + "|" + collection, last(match.params()), resource);
    return true;
  }

  /** The side effects held: every creation per collection. */
  Ledger ledger() {
    return new Ledger(store.ledger(), store.totals());
  }

  /**
   * Forgets resources and ledger; the webhooks subscribed through the vendor's API go with them.
   */
  void clear() {
    vendorWebhooks.clear(events.get());
    store.clear();
  }

  private Reply read(OperationModel op, int status, String example, String key, String id) {
    Optional<String> stored = store.text(key, id);
    if (stored.isPresent()) {
      return Replies.renderText(status, replies.declared(op, status, example), stored.get());
    }
    if (Problems.declaresNotFound(op)) {
      return problems.notFound(op, id);
    }
    return replies.declaredReply(op, status, example);
  }

  private Reply delete(
      OperationModel op, int status, String example, boolean item, String key, String id) {
    if (item) {
      vendorWebhooks.deleted(events.get(), key, id);
    }
    if (item && !store.delete(key, id) && Problems.declaresNotFound(op)) {
      return problems.notFound(op, id);
    }
    return replies.declaredReply(op, status, example);
  }

  private Reply create(
      OperationModel op,
      JsonNode requestBody,
      int status,
      String example,
      String collectionKey,
      String collection) {
    Responder.Content content = replies.declared(op, status, example);
    if (!(content.body() instanceof ObjectNode resource)) {
      return Replies.render(status, content, content.body());
    }
    JsonPointer schema = replies.responseSchema(op, status, content.mediaType());
    // The request's fields laid over the contract's resource, with a new id: one validation in
    // the common case; without the merge, then without the new id, when the schema refuses it.
    ObjectNode merged = resource.deepCopy();
    Set<String> changed = new LinkedHashSet<>();
    ResourceMerge.merge(merged, requestBody, changed);
    String id = ids.assign(merged, i -> store.contains(collectionKey, i));
    changed.add("id");
    if (schema != null && !merge.validChanges(op.version(), schema, merged, changed)) {
      merged = resource.deepCopy();
      id = ids.assign(merged, i -> store.contains(collectionKey, i));
      if (!op.version().validate(schema, merged).isEmpty()) {
        // the new id broke the schema (a const or enum id): keep the contract's id
        merged = resource.deepCopy();
        id = resource.path("id").asText(id);
      }
    }
    String ledgerName = collection.substring(collection.lastIndexOf('/') + 1);
    String text = merged.toString();
    store.create(collectionKey, ledgerName, id, merged, text);
    vendorWebhooks.created(events.get(), op, collectionKey, id, requestBody);
    return Replies.renderText(status, content, text);
  }

  private Reply update(
      OperationModel op,
      JsonNode requestBody,
      int status,
      String example,
      String collectionKey,
      String id) {
    Optional<JsonNode> stored = store.get(collectionKey, id);
    if (stored.isEmpty()) {
      if (Problems.declaresNotFound(op) && !store.isEmpty(collectionKey)) {
        return problems.notFound(op, id);
      }
      return replies.declaredReply(op, status, example);
    }
    Responder.Content content = replies.declared(op, status, example);
    JsonNode updated = stored.get();
    if (updated instanceof ObjectNode o) {
      ResourceMerge.merge(o, requestBody);
    }
    JsonPointer schema = replies.responseSchema(op, status, content.mediaType());
    if (schema == null || !op.version().validate(schema, updated).isEmpty()) {
      return replies.declaredReply(op, status, example);
    }
    store.put(collectionKey, id, updated);
    return Replies.render(status, content, updated);
  }

  private Reply list(OperationModel op, int status, String example, String collectionKey) {
    Responder.Content content = replies.declared(op, status, example);
    List<JsonNode> items = store.list(collectionKey);
    if (items.isEmpty() || content.body() == null) {
      return Replies.render(status, content, content.body());
    }
    JsonNode body = content.body();
    JsonNode candidate = null;
    if (body.isArray()) {
      ArrayNode a = JSON.createArrayNode();
      items.forEach(a::add);
      candidate = a;
    } else if (body instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getValue().isArray()) {
          ObjectNode copy = o.deepCopy();
          ArrayNode a = copy.putArray(f.getKey());
          items.forEach(a::add);
          candidate = copy;
          break;
        }
      }
    }
    JsonPointer schema = replies.responseSchema(op, status, content.mediaType());
    if (candidate != null && schema != null && op.version().validate(schema, candidate).isEmpty()) {
      return Replies.render(status, content, candidate);
    }
    return Replies.render(status, content, body);
  }

  /** The last path parameter, decoded: the id of the item addressed. */
  private static String last(Map<String, String> params) {
    String v = null;
    for (String s : params.values()) {
      v = s;
    }
    return v == null ? null : URLDecoder.decode(v, StandardCharsets.UTF_8);
  }
}
