package dev.interlock.core.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.SourceLocation;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a YAML or JSON file into a Jackson tree and a {@link PositionIndex}, within {@link
 * ReadLimits}. Every failure is a {@link Diagnostic} with a position; nothing here throws for bad
 * input.
 *
 * <p>YAML goes through SnakeYAML's composer (node graph with marks) with its alias, depth and
 * code-point limits set deliberately: the code-point limit is raised to the file-size limit so a 4
 * MB vendor spec loads, while aliases and depth stay bounded. Converting the graph counts the nodes
 * it expands to, which stops alias bombs that stay under the alias count. Plain scalars are typed
 * by the YAML 1.2 core schema (so {@code NO} and {@code on} stay strings, as in JSON-minded
 * tooling). JSON goes through Jackson's streaming parser with a nesting limit.
 */
public final class DocumentReader {

  private final ReadLimits limits;

  public DocumentReader(ReadLimits limits) {
    this.limits = limits;
  }

  public DocumentReader() {
    this(ReadLimits.defaults());
  }

  public ReadLimits limits() {
    return limits;
  }

  public ReadResult read(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      return ReadResult.failed(
          Diagnostic.error("contract.file.missing", "file does not exist")
              .at(SourceLocation.of(file))
              .build());
    } catch (IOException e) {
      return unreadable(file, e);
    }
    if (size > limits.maxFileBytes()) {
      return ReadResult.failed(
          Diagnostic.error("contract.file.too-large", "file is larger than the size limit")
              .at(SourceLocation.of(file))
              .expected("at most " + limits.maxFileBytes() + " bytes")
              .actual(size + " bytes")
              .hint("raise the limit with --max-file-size if this file is trusted")
              .build());
    }
    String content;
    try {
      content = decodeUtf8(Files.readAllBytes(file));
    } catch (CharacterCodingException e) {
      return ReadResult.failed(
          Diagnostic.error("contract.file.encoding", "file is not valid UTF-8")
              .at(SourceLocation.of(file))
              .hint("save the file as UTF-8")
              .build());
    } catch (IOException e) {
      return unreadable(file, e);
    }
    return read(file, content);
  }

  /** Parses content that did not come from disk as-is (a git blob, a test string). */
  public ReadResult read(Path file, String content) {
    if (content.length() > limits.maxFileBytes()) {
      return ReadResult.failed(
          Diagnostic.error("contract.file.too-large", "content is larger than the size limit")
              .at(SourceLocation.of(file))
              .expected("at most " + limits.maxFileBytes() + " bytes")
              .actual(content.length() + " characters")
              .build());
    }
    if (content.isBlank()) {
      return ReadResult.failed(
          Diagnostic.error("contract.file.empty", "file is empty")
              .at(SourceLocation.of(file))
              .build());
    }
    SourceFormat format = SourceFormat.detect(file, content);
    return format == SourceFormat.JSON ? readJson(file, content) : readYaml(file, content);
  }

  // ---------------------------------------------------------------- JSON

  private ReadResult readJson(Path file, String content) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxNestingDepth())
                    .maxDocumentLength(limits.maxFileBytes())
                    .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    try (JsonParser parser = factory.createParser(content)) {
      JsonToken first = parser.nextToken();
      JsonLocation rootLoc = parser.currentTokenLocation();
      Position rootPos = position(rootLoc);
      PositionIndex index = new PositionIndex(rootPos);
      // Explicit stack: containers under construction and their child positions.
      Deque<JsonNode> containers = new ArrayDeque<>();
      Deque<LongList> positions = new ArrayDeque<>();
      Deque<String> pendingNames = new ArrayDeque<>();
      JsonNode root = null;
      String fieldName = null;
      long fieldPos = 0;
      for (JsonToken t = first; t != null; t = parser.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          fieldName = parser.currentName();
          fieldPos = position(parser.currentTokenLocation()).packed();
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          JsonNode done = containers.pop();
          index.record(done, positions.pop().toArray());
          if (containers.isEmpty()) {
            root = done;
          } else {
            attach(containers.peek(), pendingNames.pop(), done);
          }
          continue;
        }
        JsonNode parent = containers.peek();
        long childPos =
            parent != null && parent.isObject()
                ? fieldPos
                : position(parser.currentTokenLocation()).packed();
        if (parent != null) {
          positions.peek().add(childPos);
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          containers.push(t == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode());
          positions.push(new LongList());
          pendingNames.push(parent != null && parent.isObject() ? fieldName : "");
          continue;
        }
        JsonNode value = scalar(parser, t, nodes);
        if (parent == null) {
          root = value;
        } else {
          attach(parent, fieldName, value);
        }
      }
      if (root == null) {
        return ReadResult.failed(
            Diagnostic.error("contract.syntax.json", "file holds no JSON value")
                .at(SourceLocation.of(file))
                .build());
      }
      return ReadResult.of(new SourceDocument(file, SourceFormat.JSON, root, index));
    } catch (StreamConstraintsException e) {
      return ReadResult.failed(tooDeepOrLarge(file, e.getLocation(), e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      return ReadResult.failed(
          syntax(
              file,
              "contract.syntax.json",
              "invalid JSON",
              e.getLocation(),
              e.getOriginalMessage()));
    } catch (IOException e) {
      return unreadable(file, e);
    }
  }

  private static JsonNode scalar(JsonParser parser, JsonToken t, JsonNodeFactory nodes)
      throws IOException {
    return switch (t) {
      case VALUE_STRING -> nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> nodes.numberNode(parser.getIntValue());
            case LONG -> nodes.numberNode(parser.getLongValue());
            default -> nodes.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      default -> nodes.nullNode();
    };
  }

  private static void attach(JsonNode parent, String name, JsonNode child) {
    if (parent instanceof ObjectNode object) {
      object.set(name, child);
    } else {
      ((ArrayNode) parent).add(child);
    }
  }

  private static Position position(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return Position.START;
    }
    return new Position(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  // ---------------------------------------------------------------- YAML

  private ReadResult readYaml(Path file, String content) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(false);
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
    options.setProcessComments(false);
    Node yaml;
    try {
      Composer composer =
          new Composer(new ParserImpl(new StreamReader(content), options), new Resolver(), options);
      yaml = composer.getSingleNode();
    } catch (MarkedYAMLException e) {
      return ReadResult.failed(yamlProblem(file, e));
    } catch (YAMLException e) {
      return ReadResult.failed(yamlLimit(file, e.getMessage()));
    } catch (StackOverflowError e) {
      return ReadResult.failed(yamlLimit(file, "Nesting Depth exceeded"));
    }
    if (yaml == null) {
      return ReadResult.failed(
          Diagnostic.error("contract.file.empty", "file holds no YAML document")
              .at(SourceLocation.of(file))
              .build());
    }
    YamlConverter converter = new YamlConverter(file, limits);
    try {
      JsonNode root = converter.convert(yaml, 0);
      return ReadResult.of(new SourceDocument(file, SourceFormat.YAML, root, converter.index));
    } catch (YamlConverter.LimitExceeded e) {
      return ReadResult.failed(e.diagnostic);
    }
  }

  private static Diagnostic yamlProblem(Path file, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    SourceLocation at =
        mark == null
            ? SourceLocation.of(file)
            : SourceLocation.of(file, mark.getLine() + 1, mark.getColumn() + 1);
    if (problem != null && problem.contains("found duplicate key")) {
      return Diagnostic.error("contract.syntax.duplicate-key", "duplicate key in a mapping")
          .at(at)
          .actual(problem.replace("found duplicate key", "key").trim())
          .hint("YAML mappings may not repeat a key; the second value would silently win")
          .build();
    }
    String context = e.getContext();
    return Diagnostic.error("contract.syntax.yaml", "invalid YAML: " + firstLine(problem))
        .at(at)
        .hint(context == null ? null : "while " + context.replaceFirst("^while ", ""))
        .build();
  }

  private Diagnostic yamlLimit(Path file, String message) {
    String m = message == null ? "" : message;
    if (m.contains("aliases")) {
      return aliasBomb(file, null, "more than " + limits.maxAliases() + " aliases to collections");
    }
    if (m.contains("Nesting Depth") || m.contains("nesting")) {
      return tooDeep(file, null);
    }
    if (m.contains("code points")) {
      return Diagnostic.error("contract.file.too-large", "document is larger than the size limit")
          .at(SourceLocation.of(file))
          .expected("at most " + limits.maxFileBytes() + " code points")
          .build();
    }
    if (m.contains("Recursive key")) {
      return Diagnostic.error("contract.syntax.recursive-alias", "a YAML alias refers to itself")
          .at(SourceLocation.of(file))
          .build();
    }
    return Diagnostic.error("contract.syntax.yaml", "invalid YAML: " + firstLine(m))
        .at(SourceLocation.of(file))
        .build();
  }

  private Diagnostic aliasBomb(Path file, SourceLocation at, String actual) {
    return Diagnostic.error(
            "contract.syntax.alias-bomb", "YAML aliases expand beyond the allowed size")
        .at(at == null ? SourceLocation.of(file) : at)
        .expected(
            "at most "
                + limits.maxAliases()
                + " aliases to collections and "
                + limits.maxNodes()
                + " nodes once expanded")
        .actual(actual)
        .hint("this looks like a 'billion laughs' document; contracts never need this")
        .build();
  }

  private Diagnostic tooDeep(Path file, SourceLocation at) {
    return Diagnostic.error("contract.syntax.too-deep", "document is nested too deeply")
        .at(at == null ? SourceLocation.of(file) : at)
        .expected("at most " + limits.maxNestingDepth() + " levels")
        .build();
  }

  private Diagnostic tooDeepOrLarge(Path file, JsonLocation loc, String message) {
    Position p = position(loc);
    SourceLocation at = SourceLocation.of(file, p.line(), p.column());
    if (message != null && message.contains("Document nesting depth")) {
      return tooDeep(file, at);
    }
    return Diagnostic.error("contract.file.too-large", "document exceeds a size limit")
        .at(at)
        .actual(firstLine(message))
        .build();
  }

  private static Diagnostic syntax(
      Path file, String code, String what, JsonLocation loc, String message) {
    Position p = position(loc);
    return Diagnostic.error(code, what + ": " + firstLine(message))
        .at(SourceLocation.of(file, p.line(), p.column()))
        .build();
  }

  private static ReadResult unreadable(Path file, IOException e) {
    return ReadResult.failed(
        Diagnostic.error("contract.file.unreadable", "file cannot be read")
            .at(SourceLocation.of(file))
            .actual(e.getClass().getSimpleName() + ": " + e.getMessage())
            .build());
  }

  private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes))
        .toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  /** Converts SnakeYAML's node graph to a Jackson tree, recording positions and counting nodes. */
  private final class YamlConverter {
    private final Path file;
    private final ReadLimits limits;
    private final PositionIndex index;
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
    private long nodeCount;

    YamlConverter(Path file, ReadLimits limits) {
      this.file = file;
      this.limits = limits;
      this.index = new PositionIndex(mark(null));
    }

    JsonNode convert(Node node, int depth) {
      if (++nodeCount > limits.maxNodes()) {
        throw new LimitExceeded(
            aliasBomb(file, at(node), "more than " + limits.maxNodes() + " nodes"));
      }
      if (depth > limits.maxNestingDepth()) {
        throw new LimitExceeded(tooDeep(file, at(node)));
      }
      JsonNodeFactory f = JsonNodeFactory.instance;
      if (node instanceof ScalarNode scalar) {
        return YamlScalars.toJson(scalar, f);
      }
      if (inProgress.put(node, Boolean.TRUE) != null) {
        throw new LimitExceeded(
            Diagnostic.error(
                    "contract.syntax.recursive-alias", "a YAML alias refers to an enclosing node")
                .at(at(node))
                .hint("recursive structures cannot be represented as JSON")
                .build());
      }
      try {
        if (node instanceof SequenceNode seq) {
          ArrayNode array = f.arrayNode(seq.getValue().size());
          long[] positions = new long[seq.getValue().size()];
          int i = 0;
          for (Node item : seq.getValue()) {
            positions[i++] = mark(item.getStartMark()).packed();
            array.add(convert(item, depth + 1));
          }
          index.record(array, positions);
          return array;
        }
        MappingNode map = (MappingNode) node;
        ObjectNode object = f.objectNode();
        long[] positions = new long[map.getValue().size()];
        int i = 0;
        for (NodeTuple tuple : map.getValue()) {
          Node key = tuple.getKeyNode();
          String name =
              key instanceof ScalarNode k ? k.getValue() : String.valueOf(convert(key, depth + 1));
          if (object.has(name)) {
            throw new LimitExceeded(
                Diagnostic.error("contract.syntax.duplicate-key", "duplicate key in a mapping")
                    .at(at(key))
                    .actual("key '" + name + "'")
                    .build());
          }
          positions[i++] = mark(key.getStartMark()).packed();
          object.set(name, convert(tuple.getValueNode(), depth + 1));
        }
        index.record(
            object, positions.length == i ? positions : java.util.Arrays.copyOf(positions, i));
        return object;
      } finally {
        inProgress.remove(node);
      }
    }

    private SourceLocation at(Node node) {
      Position p = mark(node.getStartMark());
      return SourceLocation.of(file, p.line(), p.column());
    }

    private Position mark(Mark mark) {
      return mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static final class LimitExceeded extends RuntimeException {
      private final transient Diagnostic diagnostic;

      LimitExceeded(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
      }
    }
  }

  /** A growable list of primitive longs; the JSON reader's child positions. */
  private static final class LongList {
    private long[] values = new long[8];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    long[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
