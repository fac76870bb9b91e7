package dev.interlock.codegen.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.CodegenConfig;
import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;

/**
 * Runs OpenAPI Generator ({@code java}, library {@code native}: java.net.http + Jackson) for one
 * contract into a work folder and returns the operations it generated, as OpenAPI Generator itself
 * modelled them (so adapter method signatures match the client's exactly).
 */
public final class ClientGenerator {

  /**
   * The generated sources of one contract and the operations of its API classes.
   *
   * @param fixups what {@link GeneratorFixups} renamed in the contract first
   */
  public record Generated(
      Path sourceRoot,
      List<OperationModel> operations,
      Map<String, String> typeImports,
      List<String> fixups) {}

  /**
   * One generated operation.
   *
   * @param apiClass simple name of the API class that holds it ({@code ChargesApi})
   * @param method the Java method name ({@code createCharge})
   * @param params in the order of the generated method's parameters
   * @param returnType the data type returned, or null for void
   */
  public record OperationModel(
      String operationId,
      String httpMethod,
      String path,
      String apiClass,
      String method,
      List<Param> params,
      String returnType,
      String summary) {}

  /**
   * @param javaName the generated parameter name
   * @param baseName the name in the contract (header, query or path name)
   * @param location header, query, path, cookie, body or form
   */
  public record Param(
      String javaName, String baseName, String location, String dataType, boolean required) {}

  static {
    // swagger-parser refuses YAML beyond 3 MB of code points; core already bounds file size
    // (ReadLimits, 50 MB) before a contract gets here, so lift the parser's own limit to match
    if (System.getProperty("maxYamlCodePoints") == null) {
      System.setProperty("maxYamlCodePoints", String.valueOf(50 * 1024 * 1024));
    }
  }

  /**
   * Our copies of {@code native} library templates, each with a note at the top saying what changed
   * and why: the anyOf and oneOf models wrote an array or map member as {@code List<String>.class},
   * and the API class called {@code toUrlQueryString} on a deepObject map; neither compiles.
   */
  private static final List<String> TEMPLATE_OVERRIDES =
      List.of("anyof_model.mustache", "oneof_model.mustache", "api.mustache");

  public Generated generate(ContractCoordinates contract, Path workDir) {
    deleteRecursively(workDir);
    Path templates = extractTemplateOverrides();
    try {
      return generate(contract, workDir, templates);
    } finally {
      deleteRecursively(templates);
    }
  }

  private Generated generate(ContractCoordinates contract, Path workDir, Path templates) {
    String pkg = contract.javaPackage();
    CodegenConfigurator configurator =
        new CodegenConfigurator()
            .setInputSpec(contract.file().toAbsolutePath().toString())
            .setGeneratorName("java")
            .setLibrary("native")
            .setOutputDir(workDir.toAbsolutePath().toString())
            .setTemplateDir(templates.toString())
            .setApiPackage(pkg + ".api")
            .setModelPackage(pkg + ".model")
            .setInvokerPackage(pkg + ".invoker")
            .setPackageName(pkg)
            .setValidateSpec(false)
            .addAdditionalProperty("openApiNullable", false)
            .addAdditionalProperty("useJakartaEe", true)
            .addAdditionalProperty("dateLibrary", "java8")
            .addAdditionalProperty("hideGenerationTimestamp", true)
            .addAdditionalProperty("sourceFolder", "src/main/java")
            .addAdditionalProperty(CodegenConstants.SERIALIZABLE_MODEL, false)
            .addAdditionalProperty("annotationLibrary", "none")
            .addAdditionalProperty("documentationProvider", "none");
    ClientOptInput input = configurator.toClientOptInput();
    List<String> fixups =
        new GeneratorFixups((org.openapitools.codegen.DefaultCodegen) input.getConfig())
            .apply(input.getOpenAPI());
    DefaultGenerator generator = new DefaultGenerator();
    generator.setGeneratorPropertyDefault(CodegenConstants.API_TESTS, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_TESTS, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.API_DOCS, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_DOCS, "false");
    generator.opts(input);
    List<File> files = generator.generate();
    if (files.isEmpty()) {
      throw new IllegalStateException("OpenAPI Generator wrote no file for " + contract.file());
    }
    GlobalSettings.reset();
    CodegenConfig config = input.getConfig();
    List<OperationModel> ops = new ArrayList<>();
    Map<String, List<CodegenOperation>> byTag =
        generator.processPaths(input.getOpenAPI().getPaths());
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Map.Entry<String, List<CodegenOperation>> tag : byTag.entrySet()) {
      String apiClass = config.toApiName(tag.getKey());
      for (CodegenOperation co : tag.getValue()) {
        if (!seen.add(co.nickname)) {
          continue;
        }
        List<Param> params = new ArrayList<>();
        co.allParams.forEach(
            p ->
                params.add(
                    new Param(
                        p.paramName,
                        p.baseName,
                        p.isHeaderParam
                            ? "header"
                            : p.isQueryParam
                                ? "query"
                                : p.isPathParam
                                    ? "path"
                                    : p.isCookieParam ? "cookie" : p.isFormParam ? "form" : "body",
                        p.dataType,
                        p.required)));
        ops.add(
            new OperationModel(
                co.operationIdOriginal != null ? co.operationIdOriginal : co.operationId,
                co.httpMethod,
                co.path,
                apiClass,
                co.nickname,
                params,
                co.returnType,
                co.summary));
      }
    }
    return new Generated(
        workDir.resolve("src/main/java"), ops, new LinkedHashMap<>(config.importMapping()), fixups);
  }

  /** Copies the template overrides from the classpath into a temporary folder for the generator. */
  private static Path extractTemplateOverrides() {
    try {
      Path dir = Files.createTempDirectory("interlock-templates");
      for (String name : TEMPLATE_OVERRIDES) {
        try (var in =
            ClientGenerator.class.getResourceAsStream(
                "/dev/interlock/codegen/templates/java-native/" + name)) {
          if (in == null) {
            throw new IllegalStateException(
                "template override missing from the classpath: " + name);
          }
          Files.copy(in, dir.resolve(name));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
