package dev.interlock.maven.internal;

import java.util.List;

/**
 * Keeps the generators' own logging out of the build log. Codegen runs in Maven's JVM, so OpenAPI
 * Generator, swagger-parser, jsonschema2pojo and the schema validator log through Maven's SLF4J
 * binding: hundreds of "writing file" lines per contract, where one line per contract says it all.
 * Maven's binding (SLF4J's simple logger) reads a logger's level from the system property {@code
 * org.slf4j.simpleLogger.log.<name>} when the logger is first created, so setting it before codegen
 * runs is enough. A level the user set ({@code -Dorg.slf4j.simpleLogger.log.org.openapitools=info})
 * is left alone.
 */
public final class GeneratorChatter {

  static final String PREFIX = "org.slf4j.simpleLogger.log.";
  static final List<String> LOGGERS =
      List.of("org.openapitools", "io.swagger", "org.jsonschema2pojo", "com.networknt");

  private GeneratorChatter() {}

  /** Errors only from the generators' loggers, unless the user chose otherwise. */
  public static void quiet() {
    for (String logger : LOGGERS) {
      if (System.getProperty(PREFIX + logger) == null) {
        System.setProperty(PREFIX + logger, "error");
      }
    }
  }
}
