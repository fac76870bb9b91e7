package dev.interlock.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.AsyncApiMessage;
import dev.interlock.core.document.SourceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads AsyncAPI 2.0 to 2.6, 3.0 and 3.1 documents as a Jackson tree, validates them against the
 * official AsyncAPI JSON Schemas (kept in this module's resources, from {@code @asyncapi/specs})
 * and lists their messages with {@code $ref}s followed.
 */
public final class AsyncApiReader {

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+");

  private static final Set<String> PUBLISHED =
      Set.of("2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.0", "3.1");

  public Optional<AsyncApiContract> read(SourceDocument doc, List<Diagnostic> out) {
    String version = doc.root().path("asyncapi").asText("");
    String schemaName = schemaFor(version);
    if (schemaName == null) {
      out.add(
          Diagnostic.error(
                  "contract.version.unsupported", "unsupported AsyncAPI version '" + version + "'")
              .at(doc.locate(JsonPointer.of("asyncapi")))
              .expected("2.0.0 to 2.6.0, 3.0.0 or 3.1.0")
              .actual(version)
              .hint("convert 1.x documents with the AsyncAPI CLI ('asyncapi convert')")
              .build());
      return Optional.empty();
    }
    int before = out.size();
    for (Error e : schema(schemaName).validate(doc.root().toString(), InputFormat.JSON)) {
      JsonPointer at = pointer(e.getInstanceLocation());
      if (isAmbiguousReference(e, doc.at(at))) {
        continue;
      }
      out.add(
          Diagnostic.error("contract.asyncapi.schema", "AsyncAPI " + version + ": " + message(e))
              .at(doc.locate(at))
              .build());
      if (out.size() - before >= 50) {
        break; // one broken construct can fan out through oneOf; fifty say enough
      }
    }
    return Optional.of(new AsyncApiContract(doc, version, messages(doc, version.startsWith("3."))));
  }

  /**
   * The 2.0 and 2.1 schemas offer a parameter as {@code oneOf: [Reference, Parameter]}, and a
   * Parameter has no required field, so a plain {@code {$ref: ...}} matches both and fails "exactly
   * one". A lone {@code $ref} is always a valid Reference; that finding is the schema's defect, not
   * the document's.
   */
  private static boolean isAmbiguousReference(Error e, JsonNode instance) {
    return "oneOf".equals(e.getKeyword())
        && instance.isObject()
        && instance.size() == 1
        && instance.path("$ref").isTextual();
  }

  /**
   * The official schema of a version: each 2.x minor and 3.0/3.1 has its own (patch releases only
   * fixed the prose), {@code null} for a version AsyncAPI never published.
   */
  static String schemaFor(String version) {
    Matcher m = VERSION.matcher(version);
    if (!m.matches()) {
      return null;
    }
    String minor = m.group(1) + "." + m.group(2);
    return PUBLISHED.contains(minor) ? minor + ".0.json" : null;
  }

  private static Schema schema(String name) {
    return SCHEMAS.computeIfAbsent(
        name,
        n -> {
          SchemaRegistry registry =
              SchemaRegistry.withDefaultDialect(
                  SpecificationVersion.DRAFT_7,
                  b ->
                      b.schemaRegistryConfig(
                          // Structure, not formats: the official schema's 'format: email' would
                          // otherwise reject reserved domains such as 'team@shop.example'.
                          SchemaRegistryConfig.builder()
                              .pathType(PathType.JSON_POINTER)
                              .formatAssertionsEnabled(false)
                              .build()));
          try (InputStream in =
              AsyncApiReader.class.getResourceAsStream("/dev/interlock/core/asyncapi/" + n)) {
            return registry.getSchema(in, InputFormat.JSON);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static String message(Error e) {
    String m = e.getMessage();
    int colon = m.indexOf(": ");
    return colon > 0 && (m.startsWith("/") || m.startsWith("$")) ? m.substring(colon + 2) : m;
  }

  static JsonPointer pointer(NodePath path) {
    JsonPointer p = JsonPointer.ROOT;
    if (path == null) {
      return p;
    }
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      p = element instanceof Integer index ? p.append(index) : p.append(String.valueOf(element));
    }
    return p;
  }

  // ---------------------------------------------------------------- messages

  private static List<AsyncApiMessage> messages(SourceDocument doc, boolean v3) {
    return v3 ? messagesV3(doc) : messagesV2(doc);
  }

  private static List<AsyncApiMessage> messagesV2(SourceDocument doc) {
    List<AsyncApiMessage> out = new ArrayList<>();
    JsonNode channels = doc.root().path("channels");
    for (Iterator<String> names = channels.fieldNames(); names.hasNext(); ) {
      String channel = names.next();
      // 2.3 added reusable channels: 'channels.x' may be a $ref to components.channels.
      JsonPointer channelPointer = follow(doc, JsonPointer.of("channels", channel)).pointer;
      for (String verb : List.of("publish", "subscribe")) {
        JsonNode op = doc.at(channelPointer).path(verb);
        if (op.isMissingNode()) {
          continue;
        }
        // 2.x: 'publish' means others send to the application, so the application receives.
        String action = verb.equals("publish") ? "receive" : "send";
        String operationId = op.path("operationId").asText(null);
        JsonPointer messagePointer = channelPointer.append(verb).append("message");
        Resolved message = follow(doc, messagePointer);
        JsonNode oneOf = message.node.path("oneOf");
        if (oneOf.isArray()) {
          for (int i = 0; i < oneOf.size(); i++) {
            out.add(
                describe(
                    doc,
                    channel,
                    action,
                    operationId,
                    message.pointer.append("oneOf").append(i),
                    null));
          }
        } else if (!message.node.isMissingNode()) {
          out.add(describe(doc, channel, action, operationId, messagePointer, null));
        }
      }
    }
    return out;
  }

  private static List<AsyncApiMessage> messagesV3(SourceDocument doc) {
    // Which operation sends or receives each channel message.
    Map<String, String[]> operationOf = new LinkedHashMap<>();
    JsonNode operations = doc.root().path("operations");
    for (Iterator<String> ids = operations.fieldNames(); ids.hasNext(); ) {
      String id = ids.next();
      JsonNode op = follow(doc, JsonPointer.of("operations", id)).node;
      String action = op.path("action").asText("");
      String channelRef = op.path("channel").path("$ref").asText("");
      JsonNode listed = op.path("messages");
      if (listed.isArray() && !listed.isEmpty()) {
        for (JsonNode ref : listed) {
          operationOf.put(ref.path("$ref").asText(""), new String[] {id, action});
        }
      } else if (!channelRef.isEmpty()) {
        operationOf.put(channelRef + "/messages/*", new String[] {id, action});
      }
    }
    List<AsyncApiMessage> out = new ArrayList<>();
    JsonNode channels = doc.root().path("channels");
    for (Iterator<String> keys = channels.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      Resolved channel = follow(doc, JsonPointer.of("channels", key));
      String address = channel.node.path("address").asText(key);
      JsonNode messages = channel.node.path("messages");
      for (Iterator<String> names = messages.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        JsonPointer messagePointer = channel.pointer.append("messages").append(name);
        String[] op = operationOf.get("#" + messagePointer.value());
        if (op == null) {
          op = operationOf.get("#" + channel.pointer.value() + "/messages/*");
        }
        out.add(
            describe(
                doc,
                address,
                op == null ? "" : op[1],
                op == null ? null : op[0],
                messagePointer,
                name));
      }
    }
    return out;
  }

  private static AsyncApiMessage describe(
      SourceDocument doc,
      String channel,
      String action,
      String operationId,
      JsonPointer pointer,
      String key) {
    Resolved message = follow(doc, pointer);
    JsonNode m = message.node;
    String name = m.path("name").asText(null);
    if (name == null) {
      name = key != null ? key : message.pointer.lastToken();
    }
    Optional<String> contentType =
        Optional.ofNullable(m.path("contentType").asText(null))
            .or(() -> Optional.ofNullable(doc.root().path("defaultContentType").asText(null)));
    List<JsonNode> examples = new ArrayList<>();
    m.path("examples").forEach(examples::add);
    return new AsyncApiMessage(
        channel,
        name,
        action,
        operationId,
        contentType,
        schemaPointer(doc, message.pointer.append("payload")),
        schemaPointer(doc, message.pointer.append("headers")),
        examples,
        message.pointer);
  }

  private static Optional<JsonPointer> schemaPointer(SourceDocument doc, JsonPointer at) {
    Resolved r = follow(doc, at);
    if (r.node.isMissingNode()) {
      return Optional.empty();
    }
    // AsyncAPI 3 multi-format schema: {schemaFormat, schema}.
    if (r.node.has("schemaFormat") && r.node.has("schema")) {
      return Optional.of(follow(doc, r.pointer.append("schema")).pointer);
    }
    return Optional.of(r.pointer);
  }

  private record Resolved(JsonNode node, JsonPointer pointer) {}

  /** Follows local {@code $ref}s from a pointer to the node they end at. */
  private static Resolved follow(SourceDocument doc, JsonPointer start) {
    JsonPointer at = doc.deref(start);
    return new Resolved(doc.at(at), at);
  }
}
