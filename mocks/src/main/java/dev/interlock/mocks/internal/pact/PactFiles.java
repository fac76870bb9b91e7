package dev.interlock.mocks.internal.pact;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads pact files with Pact JVM's reader ({@link DefaultPactReader}, V1 to V4) into the
 * interactions a stub serves, in the order given: files in argument order, interactions in file
 * order. Message interactions have no HTTP request to answer and are left out with a note.
 */
public final class PactFiles {

  /** What the files held: the HTTP interactions, and one note per thing left out. */
  public record Loaded(List<StubInteraction> interactions, List<String> notes) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private PactFiles() {}

  /**
   * Reads every file.
   *
   * @throws IllegalArgumentException naming the file and why, when one is missing or Pact JVM
   *     cannot read it
   */
  public static Loaded load(List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no pact file given");
    }
    List<StubInteraction> out = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Path file : files) {
      Pact pact = read(file);
      String name = file.getFileName().toString();
      int skipped = 0;
      for (Interaction i : pact.getInteractions()) {
        if (!i.isSynchronousRequestResponse()) {
          skipped++;
          continue;
        }
        out.add(interaction(name, out.size(), i));
      }
      if (skipped > 0) {
        notes.add(
            name
                + ": "
                + skipped
                + " message interaction(s) ignored: a stub answers HTTP requests only");
      }
    }
    return new Loaded(List.copyOf(out), List.copyOf(notes));
  }

  private static Pact read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such pact file");
    }
    try {
      String text = Files.readString(file);
      if (!RubyMatchers.present(text)) {
        return DefaultPactReader.INSTANCE.loadPact(file.toFile());
      }
      ObjectNode converted = RubyMatchers.convert((ObjectNode) JSON.readTree(text));
      JsonValue json = JsonParser.parseString(converted.toString());
      return DefaultPactReader.INSTANCE.pactFromJson(
          json.asObject(), new FileSource(file.toFile()));
    } catch (IOException | ClassCastException e) {
      throw new IllegalArgumentException(file + ": not a pact (" + e.getMessage() + ")", e);
    } catch (RuntimeException | LinkageError e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IllegalArgumentException(file + ": not a pact Pact JVM can read (" + why + ")", e);
    }
  }

  private static StubInteraction interaction(String pact, int index, Interaction source) {
    SynchronousRequestResponse rr = source.asSynchronousRequestResponse();
    List<String> states = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    for (ProviderState s : source.getProviderStates()) {
      states.add(s.getName());
      if (s.getParams() != null) {
        params.putAll(s.getParams());
      }
    }
    RegexDialect.normalize(rr.getRequest().getMatchingRules());
    RegexDialect.normalize(rr.getResponse().getMatchingRules());
    StatePlaceholders.Prepared prepared = StatePlaceholders.prepare(rr.getRequest());
    return new StubInteraction(
        pact,
        index,
        source.getDescription(),
        states,
        params,
        prepared.request(),
        prepared.placeholders(),
        rr.getResponse());
  }
}
