package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.mocks.EventSandbox;
import dev.interlock.mocks.Ledger;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The state step: a POST to a collection creates a resource (the contract's resource with the
 * request's fields laid over it and a new id), a GET of an item reads it, a GET of the collection
 * lists what is held, POST/PUT/PATCH to an item update it and DELETE removes it ({@link
 * ResourceAddress} says what a path addresses). An id nobody created is the contract's 404 where
 * the sandbox knows every id of the collection (as problem+json where the contract declares no 404,
 * unless errors are strict).
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

  /** The resources the contracts' examples describe: there from the start and after a reset. */
  private final List<ExampleResources.Seed> examples;

  /** The collections clients created into, or set up for a provider state. */
  private final Set<String> touched = ConcurrentHashMap.newKeySet();

  /** Whether clients create into a collection, by version and collection template. */
  private final Map<String, Boolean> creatable = new ConcurrentHashMap<>();

  /** The path parameter naming an item, by version and collection template. */
  private final Map<String, Optional<String>> itemParameters = new ConcurrentHashMap<>();

  Resources(
      List<ContractVersion> versions,
      int capacity,
      Replies replies,
      Problems problems,
      long seed,
      Supplier<EventSandbox> events) {
    this.store = new ResourceStore(capacity);
    this.examples = versions.stream().flatMap(v -> ExampleResources.of(v).stream()).toList();
    seedExamples();
    this.replies = replies;
    this.problems = problems;
    this.ids = new ResourceIds(seed);
    this.events = events;
  }

  Reply respond(Exchange ex) {
    OperationModel op = ex.op();
    String example = Replies.preferredExample(ex.call());
    ResourceAddress at = ResourceAddress.of(op, ex.match().operationPath(), ex.match().params());
    int status = op.successStatus();
    return switch (op.method()) {
      case "POST" ->
          at.item()
              ? update(op, ex.body(), status, example, at)
              : create(op, ex.body(), status, example, at);
      case "GET" ->
          at.item() ? read(op, status, example, at) : list(op, status, example, at, ex.call());
      case "PUT", "PATCH" ->
          at.item()
              ? update(op, ex.body(), status, example, at)
              : replies.declaredReply(op, status, example);
      case "DELETE" -> delete(op, status, example, at);
      default -> replies.declaredReply(op, status, example);
    };
  }

  /**
   * Stores a resource as though it had been created at {@code match}'s path, so reads find it; not
   * a side effect (the ledger is unchanged). False when the path does not address an item.
   */
  boolean seed(Router.Match match, JsonNode resource) {
    ResourceAddress at =
        ResourceAddress.of(match.operation(), match.operationPath(), match.params());
    if (!at.item()) {
      return false;
    }
    store.put(at.collectionKey(), at.id(), resource);
    touched.add(at.collectionKey());
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
    touched.clear();
    seedExamples();
  }

  private void seedExamples() {
    for (ExampleResources.Seed e : examples) {
      store.put(e.collectionKey(), e.id(), e.resource());
    }
  }

  /**
   * Whether an id nobody created is unknown here: in a collection clients create into (a POST on
   * its path) or that holds something, the sandbox knows every id, so any other is a 404; a
   * read-only collection's items are the contract's examples or synthesized.
   */
  private boolean knowsEveryId(OperationModel op, ResourceAddress at) {
    return !store.isEmpty(at.collectionKey())
        || creatable.computeIfAbsent(
            op.version().label() + "|" + at.template(),
            k ->
                op.version().operations().stream()
                    .anyMatch(
                        o ->
                            o.method().equals("POST")
                                && !ResourceAddress.isItem(o.template())
                                && ResourceAddress.collectionTemplate(o.template())
                                    .equals(at.template())));
  }

  /**
   * Whether an unknown id may be answered 404: where the contract lets the operation answer it
   * ({@code 404}, {@code 4XX} or {@code default}), and elsewhere as problem+json, the documented
   * deviation (a made-up answer for an id nobody created misleads a client). Under strict errors an
   * undeclared 404 would break the contract, so the declared answer is served.
   */
  private boolean answersNotFound(OperationModel op) {
    return op.responseKeyFor(404).isPresent() || problems.answersUndeclared();
  }

  private String itemParameter(OperationModel op, ResourceAddress at) {
    return itemParameters
        .computeIfAbsent(
            op.version().label() + "|" + at.template(),
            k -> Optional.ofNullable(ResourceAddress.itemParameter(op.version(), at.template())))
        .orElse(null);
  }

  private Reply read(OperationModel op, int status, String example, ResourceAddress at) {
    Optional<String> stored = store.text(at.collectionKey(), at.id());
    if (stored.isPresent()) {
      return Replies.renderText(status, replies.declared(op, status, example), stored.get());
    }
    // a named example asked for with Prefer is served as written, wherever state stands
    if (example == null && knowsEveryId(op, at) && answersNotFound(op)) {
      return problems.notFound(op, at.id());
    }
    return replies.declaredReply(op, status, example);
  }

  private Reply delete(OperationModel op, int status, String example, ResourceAddress at) {
    if (!at.item()) {
      return replies.declaredReply(op, status, example);
    }
    vendorWebhooks.deleted(events.get(), at.collectionKey(), at.id());
    boolean known = knowsEveryId(op, at) && answersNotFound(op);
    if (!store.delete(at.collectionKey(), at.id()) && known) {
      return problems.notFound(op, at.id());
    }
    // a deletion confirmation names what was deleted: the id in the path is the id in the body
    Responder.Content content = replies.declared(op, status, example);
    if (!(content.body() instanceof ObjectNode confirmation)) {
      return Replies.render(status, content, content.body());
    }
    String idField = ResourceAddress.idField(confirmation, itemParameter(op, at));
    JsonNode old = confirmation.get(idField);
    if (old == null || !old.isValueNode()) {
      return Replies.render(status, content, confirmation);
    }
    ObjectNode named = confirmation.deepCopy();
    if (old.isIntegralNumber() && at.id().matches("-?\\d{1,18}")) {
      named.put(idField, Long.parseLong(at.id()));
    } else {
      named.put(idField, at.id());
    }
    return Replies.render(status, content, named);
  }

  private Reply create(
      OperationModel op, JsonNode requestBody, int status, String example, ResourceAddress at) {
    String collectionKey = at.collectionKey();
    Responder.Content content = replies.declared(op, status, example);
    if (!(content.body() instanceof ObjectNode resource)) {
      return Replies.render(status, content, content.body());
    }
    JsonPointer schema = replies.responseSchema(op, status, content.mediaType());
    // The request's fields laid over the contract's resource, with a new id: one validation in
    // the common case; without the merge, then without the new id, when the schema refuses it.
    ObjectNode merged = resource.deepCopy();
    Set<String> changed = new LinkedHashSet<>();
    EchoFields.merge(merged, requestBody, changed);
    String idField = ResourceAddress.idField(resource, itemParameter(op, at));
    String id = ids.assign(merged, idField, i -> store.contains(collectionKey, i));
    changed.add(idField);
    if (schema != null && !merge.validChanges(op.version(), schema, merged, changed)) {
      merged = resource.deepCopy();
      id = ids.assign(merged, idField, i -> store.contains(collectionKey, i));
      if (!op.version().validate(schema, merged).isEmpty()) {
        // the new id broke the schema (a const or enum id): keep the contract's id
        merged = resource.deepCopy();
        id = resource.path(idField).asText(id);
      }
    }
    String text = merged.toString();
    store.create(collectionKey, at.name(), id, merged, text);
    touched.add(collectionKey);
    vendorWebhooks.created(events.get(), op, collectionKey, id, requestBody);
    return Replies.renderText(status, content, text);
  }

  private Reply update(
      OperationModel op, JsonNode requestBody, int status, String example, ResourceAddress at) {
    String collectionKey = at.collectionKey();
    String id = at.id();
    Optional<JsonNode> stored = store.get(collectionKey, id);
    if (stored.isEmpty()) {
      // a client that created into the collection learns of an id it got wrong; the contract's
      // examples alone do not make an update of another id fail
      if (Problems.declaresNotFound(op) && touched.contains(collectionKey)) {
        return problems.notFound(op, id);
      }
      return replies.declaredReply(op, status, example);
    }
    Responder.Content content = replies.declared(op, status, example);
    JsonNode updated = stored.get();
    if (updated instanceof ObjectNode o) {
      EchoFields.merge(o, requestBody, new LinkedHashSet<>());
    }
    JsonPointer schema = replies.responseSchema(op, status, content.mediaType());
    if (schema == null || !op.version().validate(schema, updated).isEmpty()) {
      return replies.declaredReply(op, status, example);
    }
    store.put(collectionKey, id, updated);
    return Replies.render(status, content, updated);
  }

  private Reply list(
      OperationModel op, int status, String example, ResourceAddress at, HttpCall call) {
    Responder.Content content = replies.declared(op, status, example);
    List<JsonNode> held = store.list(at.collectionKey());
    if (held.isEmpty() || content.body() == null || example != null) {
      return Replies.render(status, content, content.body());
    }
    ListPage page = ListPage.of(held, call.query());
    JsonNode body = content.body();
    JsonNode candidate = null;
    if (body.isArray()) {
      ArrayNode a = JSON.createArrayNode();
      page.items().forEach(a::add);
      candidate = a;
    } else if (body instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getValue().isArray()) {
          ObjectNode copy = o.deepCopy();
          ArrayNode a = copy.putArray(f.getKey());
          page.items().forEach(a::add);
          page.describe(copy);
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
}
