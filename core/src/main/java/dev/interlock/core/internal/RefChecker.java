package dev.interlock.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.Suggestions;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.document.ReadResult;
import dev.interlock.core.document.SourceDocument;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every {@code $ref} of a contract and of the files it reaches, without inlining anything:
 * remote references are refused unless allowed, file references must stay under the contracts root,
 * every target must exist, and a chain of references that only point at each other is an error.
 * Schemas that recurse through properties are legal and never followed, so nothing loops.
 */
public final class RefChecker {

  private final LoadOptions options;
  private final DocumentReader reader;
  private final Map<Path, Optional<SourceDocument>> documents = new LinkedHashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public RefChecker(LoadOptions options, DocumentReader reader) {
    this.options = options;
    this.reader = reader;
  }

  /** Checks the document and everything it references; returns the problems found. */
  public List<Diagnostic> check(SourceDocument root) {
    documents.put(root.file().toAbsolutePath().normalize(), Optional.of(root));
    Deque<SourceDocument> pending = new ArrayDeque<>();
    pending.add(root);
    Set<Path> scanned = new HashSet<>();
    while (!pending.isEmpty()) {
      SourceDocument doc = pending.poll();
      if (scanned.add(doc.file().toAbsolutePath().normalize())) {
        scan(doc, pending);
      }
    }
    return List.copyOf(diagnostics);
  }

  /** A file the check read, by absolute normalized path; empty if it was not or could not be. */
  public Optional<SourceDocument> document(Path file) {
    return documents.getOrDefault(file, Optional.empty());
  }

  /** Every file reached through {@code $ref}s, the root included. */
  public Set<Path> filesReached() {
    return documents.keySet();
  }

  private void scan(SourceDocument doc, Deque<SourceDocument> pending) {
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {doc.root(), JsonPointer.ROOT});
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      JsonNode node = (JsonNode) top[0];
      JsonPointer at = (JsonPointer) top[1];
      if (node.isObject()) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
          checkRef(doc, at.append("$ref"), ref.asText(), pending);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (isLiteralValue(at, e.getKey())) {
            // Some vendors (WireMock among them) write 'example: {$ref: file}'; follow just that.
            JsonNode literal = e.getValue();
            if (literal.isObject() && literal.size() == 1 && literal.path("$ref").isTextual()) {
              checkRef(
                  doc, at.append(e.getKey()).append("$ref"), literal.get("$ref").asText(), pending);
            }
            continue;
          }
          stack.push(new Object[] {e.getValue(), at.append(e.getKey())});
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          stack.push(new Object[] {node.get(i), at.append(i)});
        }
      }
    }
  }

  /** Examples are data: a "$ref" key inside one is not a reference. */
  private static boolean isLiteralValue(JsonPointer parent, String key) {
    if (key.equals("example")) {
      return true;
    }
    return key.equals("value") && parent.parent().lastToken().equals("examples");
  }

  private void checkRef(
      SourceDocument doc, JsonPointer at, String ref, Deque<SourceDocument> pending) {
    if (ref.contains("://") || ref.startsWith("//")) {
      if (!options.allowRemoteRefs()) {
        diagnostics.add(
            Diagnostic.error("contract.ref.remote", "$ref to a remote URL is refused")
                .at(doc.locate(at))
                .actual(ref)
                .hint(
                    "vendor the referenced file into the contracts folder, or pass"
                        + " --allow-remote-refs")
                .build());
      }
      return;
    }
    int hash = ref.indexOf('#');
    String filePart = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    SourceDocument target = doc;
    if (!filePart.isEmpty()) {
      Path resolved = doc.file().toAbsolutePath().getParent().resolve(decode(filePart)).normalize();
      if (!resolved.startsWith(options.root())) {
        diagnostics.add(
            Diagnostic.error(
                    "contract.ref.outside-root", "$ref points outside the contracts folder")
                .at(doc.locate(at))
                .actual(ref)
                .expected("a file under " + options.root().getFileName())
                .hint(
                    "references may not leave the root folder (path traversal); lint, diff and"
                        + " compat take --root DIR to name a wider one")
                .build());
        return;
      }
      Optional<SourceDocument> loaded = documents.get(resolved);
      if (loaded == null) {
        ReadResult result = reader.read(resolved);
        loaded = result.document();
        documents.put(resolved, loaded);
        if (loaded.isPresent()) {
          pending.add(loaded.get());
        } else {
          diagnostics.add(
              Diagnostic.error("contract.ref.unresolved", "$ref names a file that cannot be read")
                  .at(doc.locate(at))
                  .actual(ref)
                  .hint(
                      result.diagnostics().isEmpty() ? null : result.diagnostics().get(0).message())
                  .build());
          diagnostics.addAll(
              result.diagnostics().stream()
                  .filter(d -> !d.code().equals("contract.file.missing"))
                  .toList());
          return;
        }
      }
      if (loaded.isEmpty()) {
        return;
      }
      target = loaded.get();
    }
    if (fragment.isEmpty()) {
      return;
    }
    JsonPointer pointer;
    try {
      pointer = JsonPointer.parse(decode(fragment));
    } catch (IllegalArgumentException e) {
      diagnostics.add(malformedFragment(doc, at, ref, filePart, fragment, target));
      return;
    }
    JsonNode node = target.at(pointer);
    if (node.isMissingNode()) {
      diagnostics.add(unresolved(doc, at, ref, target, pointer));
      return;
    }
    checkChain(doc, at, ref, target, node);
  }

  /** A $ref whose target is itself only a $ref, round and round, never reaches a value. */
  private void checkChain(
      SourceDocument doc, JsonPointer at, String ref, SourceDocument target, JsonNode node) {
    Set<String> seen = new HashSet<>();
    seen.add(target.file() + "#" + ref);
    JsonNode current = node;
    SourceDocument where = target;
    for (int hops = 0; hops < 64; hops++) {
      if (!(current.isObject() && current.size() == 1 && current.path("$ref").isTextual())) {
        return;
      }
      String next = current.get("$ref").asText();
      if (!next.startsWith("#")) {
        return; // another file: checked when that file is scanned
      }
      if (!seen.add(where.file() + next)) {
        diagnostics.add(
            Diagnostic.error("contract.ref.cycle", "$ref chain loops without reaching a value")
                .at(doc.locate(at))
                .actual(ref)
                .hint("each reference in the chain only points at another reference")
                .build());
        return;
      }
      current = where.at(JsonPointer.parse(next));
    }
  }

  /** {@code #components/schemas/Pet} lacks the slash of a JSON pointer; say what was meant. */
  private static Diagnostic malformedFragment(
      SourceDocument doc,
      JsonPointer at,
      String ref,
      String filePart,
      String fragment,
      SourceDocument target) {
    Diagnostic.Builder d =
        Diagnostic.error("contract.ref.unresolved", "$ref fragment is not a JSON pointer")
            .at(doc.locate(at))
            .actual(ref)
            .expected("a fragment such as #/components/schemas/Name");
    JsonPointer meant = JsonPointer.parse("/" + decode(fragment));
    if (!target.at(meant).isMissingNode()) {
      d.hint("did you mean '" + filePart + meant + "'?");
    }
    return d.build();
  }

  private static Diagnostic unresolved(
      SourceDocument doc, JsonPointer at, String ref, SourceDocument target, JsonPointer pointer) {
    // Find the deepest existing parent to suggest siblings from.
    JsonPointer parent = pointer.parent();
    while (!parent.isRoot() && target.at(parent).isMissingNode()) {
      parent = parent.parent();
    }
    JsonNode container = target.at(parent);
    List<String> names = new ArrayList<>();
    container.fieldNames().forEachRemaining(names::add);
    Diagnostic.Builder d =
        Diagnostic.error("contract.ref.unresolved", "$ref '" + ref + "' does not resolve")
            .at(doc.locate(at));
    if (!names.isEmpty()) {
      List<String> shown = names.size() > 6 ? names.subList(0, 6) : names;
      d.expected(
          "a name under "
              + parent
              + " ("
              + String.join(", ", shown.stream().map(n -> "'" + n + "'").toList())
              + (names.size() > 6 ? ", …" : "")
              + ")");
      Suggestions.closest(pointer.lastToken(), names)
          .ifPresent(s -> d.hint("did you mean '" + s + "'?"));
    }
    return d.build();
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
