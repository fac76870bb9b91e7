package dev.interlock.codegen.internal;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.codemodel.JCodeModel;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.AsyncApiMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsonschema2pojo.AnnotationStyle;
import org.jsonschema2pojo.ContentResolver;
import org.jsonschema2pojo.DefaultGenerationConfig;
import org.jsonschema2pojo.GenerationConfig;
import org.jsonschema2pojo.Jackson2Annotator;
import org.jsonschema2pojo.NoopRuleLogger;
import org.jsonschema2pojo.SchemaGenerator;
import org.jsonschema2pojo.SchemaMapper;
import org.jsonschema2pojo.SchemaStore;
import org.jsonschema2pojo.SourceType;
import org.jsonschema2pojo.rules.RuleFactory;

/**
 * Java payload types for every message of an AsyncAPI contract, with jsonschema2pojo used as a
 * library: each message's payload schema is reached through a one-line {@code $ref} wrapper into
 * the AsyncAPI document itself, so nested {@code $ref}s resolve against the document.
 */
public final class PayloadGenerator {

  private static final GenerationConfig CONFIG =
      new DefaultGenerationConfig() {
        @Override
        public SourceType getSourceType() {
          return SourceType.YAMLSCHEMA;
        }

        @Override
        public AnnotationStyle getAnnotationStyle() {
          return AnnotationStyle.JACKSON2;
        }

        @Override
        public boolean isIncludeGeneratedAnnotation() {
          return false;
        }

        @Override
        public boolean isIncludeAdditionalProperties() {
          return false;
        }

        @Override
        public boolean isFormatDateTimes() {
          return false; // a fixed pattern would refuse valid RFC 3339 times such as ...T09:00:00Z
        }

        @Override
        public String getDateTimeType() {
          return "java.time.OffsetDateTime";
        }
      };

  /** Generates into {@code outputRoot}; returns the simple names of the message classes. */
  public List<String> generate(
      AsyncApiContract contract, ContractCoordinates where, Path outputRoot, Path workDir) {
    List<String> classes = new ArrayList<>();
    try {
      Files.createDirectories(workDir);
      JCodeModel model = new JCodeModel();
      SchemaMapper mapper =
          new SchemaMapper(
              new RuleFactory(
                  CONFIG,
                  new Jackson2Annotator(CONFIG),
                  new SchemaStore(new ContentResolver(new YAMLFactory()), new NoopRuleLogger())),
              new SchemaGenerator());
      Set<String> done = new LinkedHashSet<>();
      String docUri = contract.file().toAbsolutePath().toUri().toString();
      for (AsyncApiMessage message : contract.messages()) {
        if (message.payloadSchema().isEmpty()) {
          continue;
        }
        String className = ContractCoordinates.typeName(message.name());
        if (!done.add(className)) {
          continue;
        }
        Path wrapper = workDir.resolve(className + ".yaml");
        Files.writeString(
            wrapper, "$ref: \"" + docUri + "#" + message.payloadSchema().get().value() + "\"\n");
        mapper.generate(model, className, where.javaPackage(), wrapper.toUri().toURL());
        classes.add(className);
      }
      Files.createDirectories(outputRoot);
      model.build(
          outputRoot.toFile(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classes;
  }
}
