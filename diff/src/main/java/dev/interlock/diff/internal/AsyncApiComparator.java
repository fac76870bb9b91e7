package dev.interlock.diff.internal;

import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.AsyncApiMessage;
import dev.interlock.core.document.SourceDocument;
import dev.interlock.diff.Change;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two AsyncAPI documents (2.6 or 3.x): channels by address, operations by id (3.x) or by
 * channel and verb (2.x), messages by channel, action and name, payloads in both directions (a
 * message binds its producers and its consumers alike).
 */
public final class AsyncApiComparator {

  private static final List<String> VERBS_2X = List.of("publish", "subscribe");

  private final RefResolver resolver = new RefResolver();
  private final SchemaComparator schemas = new SchemaComparator(resolver);
  private final ChangeSink sink = new ChangeSink();

  public List<Change> compare(AsyncApiContract oldContract, AsyncApiContract newContract) {
    Node oldRoot = Node.root(oldContract.source());
    Node newRoot = Node.root(newContract.source());
    Map<String, Node> oldChannels = channels(oldRoot);
    Map<String, Node> newChannels = channels(newRoot);
    for (Map.Entry<String, Node> e : oldChannels.entrySet()) {
      if (!newChannels.containsKey(e.getKey())) {
        sink.add(
            Rules.CHANNEL_REMOVED,
            "channel '" + e.getKey() + "' removed",
            e.getValue(),
            newRoot.get("channels"),
            e.getKey(),
            null);
      }
    }
    for (Map.Entry<String, Node> e : newChannels.entrySet()) {
      if (!oldChannels.containsKey(e.getKey())) {
        sink.add(
            Rules.CHANNEL_ADDED,
            "channel '" + e.getKey() + "' added",
            oldRoot.get("channels"),
            e.getValue(),
            e.getKey(),
            null);
      }
    }
    operations(oldRoot, newRoot, oldChannels, newChannels);
    messages(oldContract, newContract, newChannels);
    String oldVersion = oldRoot.get("info").text("version");
    String newVersion = newRoot.get("info").text("version");
    if (sink.hasBreaking() && oldVersion != null && oldVersion.equals(newVersion)) {
      sink.add(
          Rules.ASYNC_VERSION_NOT_BUMPED,
          "info.version is still '" + newVersion + "' although there are breaking changes",
          oldRoot.get("info").get("version"),
          newRoot.get("info").get("version"),
          null,
          null);
    }
    return sink.changes();
  }

  private Map<String, Node> channels(Node root) {
    Map<String, Node> out = new LinkedHashMap<>();
    Node channels = root.get("channels");
    if (!channels.isObject()) {
      return out;
    }
    for (var it = channels.json().fieldNames(); it.hasNext(); ) {
      String key = it.next();
      Node channel = channels.get(key);
      String address = resolver.resolve(channel).text("address");
      out.putIfAbsent(address == null ? key : address, channel);
    }
    return out;
  }

  /** Operation id → (channel address, action, node). */
  private record Operation(String channel, String action, Node node) {}

  private Map<String, Operation> operations(Node root, Map<String, Node> channels) {
    Map<String, Operation> out = new LinkedHashMap<>();
    Node ops = root.get("operations");
    if (ops.isObject()) {
      for (var it = ops.json().fieldNames(); it.hasNext(); ) {
        String id = it.next();
        Node op = resolver.resolve(ops.get(id));
        Node channel = resolver.resolve(op.get("channel"));
        String address = channel.text("address");
        if (address == null) {
          address = channel.pointer().lastToken();
        }
        out.put(id, new Operation(address, op.text("action"), op));
      }
      return out;
    }
    for (Map.Entry<String, Node> c : channels.entrySet()) {
      Node channel = resolver.resolve(c.getValue());
      for (String verb : VERBS_2X) {
        Node op = channel.get(verb);
        if (op.isObject()) {
          out.put(c.getKey() + " " + verb, new Operation(c.getKey(), verb, op));
        }
      }
    }
    return out;
  }

  private void operations(
      Node oldRoot, Node newRoot, Map<String, Node> oldChannels, Map<String, Node> newChannels) {
    Map<String, Operation> oldOps = operations(oldRoot, oldChannels);
    Map<String, Operation> newOps = operations(newRoot, newChannels);
    for (Map.Entry<String, Operation> e : oldOps.entrySet()) {
      Operation o = e.getValue();
      Operation n = newOps.get(e.getKey());
      if (n == null) {
        if (newChannels.containsKey(o.channel())) {
          Node anchor =
              newRoot.get("operations").exists()
                  ? newRoot.get("operations")
                  : newChannels.get(o.channel());
          sink.add(
              Rules.ASYNC_OPERATION_REMOVED,
              "operation '" + e.getKey() + "' removed",
              o.node(),
              anchor,
              o.channel(),
              null);
        }
      } else if (!Objects.equals(o.action(), n.action())) {
        sink.add(
            Rules.ASYNC_OPERATION_ACTION_CHANGED,
            "operation '" + e.getKey() + "' changed from " + o.action() + " to " + n.action(),
            o.node().get("action").exists() ? o.node().get("action") : o.node(),
            n.node().get("action").exists() ? n.node().get("action") : n.node(),
            o.channel(),
            null);
      }
    }
    for (Map.Entry<String, Operation> e : newOps.entrySet()) {
      if (!oldOps.containsKey(e.getKey()) && oldChannels.containsKey(e.getValue().channel())) {
        Node anchor =
            oldRoot.get("operations").exists()
                ? oldRoot.get("operations")
                : oldChannels.get(e.getValue().channel());
        sink.add(
            Rules.ASYNC_OPERATION_ADDED,
            "operation '" + e.getKey() + "' added",
            anchor,
            e.getValue().node(),
            e.getValue().channel(),
            null);
      }
    }
  }

  private static String key(AsyncApiMessage m) {
    return m.channel() + "|" + m.action() + "|" + m.name();
  }

  private void messages(
      AsyncApiContract oldContract, AsyncApiContract newContract, Map<String, Node> newChannels) {
    SourceDocument od = oldContract.source();
    SourceDocument nd = newContract.source();
    Map<String, AsyncApiMessage> oldMessages = new LinkedHashMap<>();
    oldContract.messages().forEach(m -> oldMessages.putIfAbsent(key(m), m));
    Map<String, AsyncApiMessage> newMessages = new LinkedHashMap<>();
    newContract.messages().forEach(m -> newMessages.putIfAbsent(key(m), m));
    for (Map.Entry<String, AsyncApiMessage> e : oldMessages.entrySet()) {
      AsyncApiMessage o = e.getValue();
      AsyncApiMessage n = newMessages.get(e.getKey());
      String part = "message." + o.name();
      if (n == null) {
        Node channel = newChannels.get(o.channel());
        if (channel != null) {
          sink.add(
              Rules.MESSAGE_REMOVED,
              "message '" + o.name() + "' (" + o.action() + ") removed from '" + o.channel() + "'",
              node(od, o.pointer()),
              channel,
              o.channel(),
              part);
        }
        continue;
      }
      String oct = o.contentType().orElse(oldContract.defaultContentType());
      String nct = n.contentType().orElse(newContract.defaultContentType());
      if (oct != null && nct != null && !oct.equalsIgnoreCase(nct)) {
        sink.add(
            Rules.MESSAGE_CONTENT_TYPE_CHANGED,
            "message '" + o.name() + "': content type changed from " + oct + " to " + nct,
            node(od, o.pointer()),
            node(nd, n.pointer()),
            o.channel(),
            part);
      }
      String subject = "message '" + o.name() + "' on '" + o.channel() + "'";
      if (o.payloadSchema().isPresent() && n.payloadSchema().isPresent()) {
        sink.addSchemaFindings(
            schemas.compare(
                node(od, o.payloadSchema().get()),
                node(nd, n.payloadSchema().get()),
                Direction.BOTH),
            Rules.MESSAGE_PAYLOAD,
            subject + " payload",
            o.channel(),
            part + ".payload");
      }
      if (o.headersSchema().isPresent() && n.headersSchema().isPresent()) {
        sink.addSchemaFindings(
            schemas.compare(
                node(od, o.headersSchema().get()),
                node(nd, n.headersSchema().get()),
                Direction.BOTH),
            Rules.MESSAGE_HEADERS,
            subject + " headers",
            o.channel(),
            part + ".headers");
      }
    }
    for (Map.Entry<String, AsyncApiMessage> e : newMessages.entrySet()) {
      AsyncApiMessage n = e.getValue();
      if (!oldMessages.containsKey(e.getKey()) && channelsOf(oldMessages).contains(n.channel())) {
        sink.add(
            Rules.MESSAGE_ADDED,
            "message '" + n.name() + "' (" + n.action() + ") added to '" + n.channel() + "'",
            null,
            node(nd, n.pointer()),
            n.channel(),
            "message." + n.name());
      }
    }
  }

  private static java.util.Set<String> channelsOf(Map<String, AsyncApiMessage> messages) {
    java.util.Set<String> out = new java.util.HashSet<>();
    messages.values().forEach(m -> out.add(m.channel()));
    return out;
  }

  private static Node node(SourceDocument doc, JsonPointer pointer) {
    return new Node(doc, pointer, doc.at(pointer));
  }
}
