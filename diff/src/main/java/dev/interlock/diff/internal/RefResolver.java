package dev.interlock.diff.internal;

import dev.interlock.core.JsonPointer;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.document.SourceDocument;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Follows {@code $ref}s: local ({@code #/components/schemas/Charge}) and relative files ({@code
 * common.yaml#/Money}), which the loader has already checked stay inside the contracts folder.
 * Remote references are not followed. Chains are followed to their end, cycles stop.
 */
public final class RefResolver {

  private static final int MAX_CHAIN = 64;

  private final DocumentReader reader = new DocumentReader();
  private final Map<Path, Optional<SourceDocument>> files = new HashMap<>();

  /** The node itself when it is no reference, else what its reference chain ends at. */
  public Node resolve(Node node) {
    Node current = node;
    for (int i = 0; i < MAX_CHAIN && isRef(current); i++) {
      Optional<Node> target = target(current, current.json().get("$ref").asText());
      if (target.isEmpty()) {
        return current;
      }
      current = target.get();
    }
    return current;
  }

  public static boolean isRef(Node node) {
    return node.isObject() && node.json().has("$ref") && node.json().get("$ref").isTextual();
  }

  /** The name a reference points at ({@code Charge} for {@code #/components/schemas/Charge}). */
  public static Optional<String> refName(Node node) {
    if (!isRef(node)) {
      return Optional.empty();
    }
    String ref = node.json().get("$ref").asText();
    int slash = ref.lastIndexOf('/');
    return Optional.of(JsonPointer.unescape(slash < 0 ? ref : ref.substring(slash + 1)));
  }

  private Optional<Node> target(Node from, String ref) {
    int hash = ref.indexOf('#');
    String file = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    SourceDocument doc = from.doc();
    if (!file.isEmpty()) {
      if (file.contains("://")) {
        return Optional.empty();
      }
      Path base = from.doc().file().toAbsolutePath().getParent();
      Path target = base.resolve(file).normalize();
      Optional<SourceDocument> read = files.computeIfAbsent(target, p -> reader.read(p).document());
      if (read.isEmpty()) {
        return Optional.empty();
      }
      doc = read.get();
    }
    if (fragment.indexOf('%') >= 0) {
      fragment = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
    if (!fragment.isEmpty() && !fragment.startsWith("/")) {
      return Optional.empty();
    }
    JsonPointer pointer = new JsonPointer(fragment);
    Node target = new Node(doc, pointer, doc.at(pointer));
    return target.exists() ? Optional.of(target) : Optional.empty();
  }
}
