package dev.interlock.codegen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three Stripe shapes in {@code fixups/openapi.yaml} generate a client that compiles and reads
 * JSON as the contract means it.
 */
class GeneratorFixupsTest {

  @TempDir static Path tmp;
  static ClientGenerator.Generated generated;
  static ClassLoader loader;
  static String model;
  static String api;
  static String invoker;

  @BeforeAll
  static void generateAndCompile() throws Exception {
    Path spec = Path.of(GeneratorFixupsTest.class.getResource("/fixups/openapi.yaml").toURI());
    ContractCoordinates where =
        new ContractCoordinates(spec, "fixups", "v1", "dev.interlock.test.fixups");
    model = where.javaPackage() + ".model.";
    api = where.javaPackage() + ".api.";
    invoker = where.javaPackage() + ".invoker.";
    generated = new ClientGenerator().generate(where, tmp.resolve("work"));
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d",
                Files.createDirectories(tmp.resolve("classes")).toString(),
                "-nowarn",
                "-proc:none",
                "-cp",
                System.getProperty("java.class.path")));
    try (Stream<Path> files = Files.walk(generated.sourceRoot())) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    int rc =
        ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
    assertThat(rc).as("javac exit code for the generated client").isZero();
    loader =
        new URLClassLoader(
            new URL[] {tmp.resolve("classes").toUri().toURL()},
            GeneratorFixupsTest.class.getClassLoader());
  }

  @Test
  void aSchemaNamedLikeAMappedTypeIsGeneratedUnderTheGeneratorsReservedWordName() throws Exception {
    Class<?> file = loader.loadClass(model + "ModelFile");
    assertThat(file.getMethod("getId").getReturnType()).isEqualTo(String.class);
    assertThat(generated.fixups())
        .anyMatch(f -> f.startsWith("schema 'file' renamed to 'ModelFile'"));
  }

  @Test
  void enumConstantsThatDifferOnlyInTheirSignKeepTheSign() throws Exception {
    Class<?> timezone = loader.loadClass(model + "FileLink$TimezoneEnum");
    assertThat(Arrays.stream(timezone.getEnumConstants()).map(Object::toString))
        .containsExactly("Etc/GMT+12", "Etc/GMT-12", "Etc/GMT-1", "Etc/GMT+1", "UTC");
    assertThat(Arrays.stream(timezone.getEnumConstants()).map(c -> ((Enum<?>) c).name()))
        .containsExactly(
            "ETC_GMT_PLUS_12", "ETC_GMT_MINUS_12", "ETC_GMT_MINUS_1", "ETC_GMT_PLUS_1", "UTC");
  }

  @Test
  void anyOfWithAnArrayMemberReadsTheArrayAndTheEmptyString() throws Exception {
    Object list = read("CreateFileLinkRequestTaxRates", "[\"txr_1\",\"txr_2\"]");
    assertThat(actual(list)).isEqualTo(List.of("txr_1", "txr_2"));
    assertThat(getter(list, "getListString").invoke(list)).isEqualTo(List.of("txr_1", "txr_2"));
    assertThat(
            list.getClass().getMethod("toUrlQueryString", String.class).invoke(list, "tax_rates"))
        .isEqualTo("tax_rates%5B0%5D=txr_1&tax_rates%5B1%5D=txr_2");
    Object cleared = read("CreateFileLinkRequestTaxRates", "\"\"");
    assertThat(actual(cleared)).isEqualTo("");
  }

  @Test
  void oneOfWithAMapMemberReadsTheMap() throws Exception {
    Object map = read("CreateFileLinkRequestMetadata", "{\"order\":\"1042\"}");
    assertThat(actual(map)).isEqualTo(Map.of("order", "1042"));
    assertThat(getter(map, "getMapStringString").invoke(map)).isEqualTo(Map.of("order", "1042"));
  }

  @Test
  void aDeepObjectMapQueryParameterIsSentEntryByEntry() throws Exception {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("order", "1042");
    metadata.put("channel", "web shop");
    assertThat(listFileLinks(metadata, null))
        .isEqualTo("metadata%5Border%5D=1042&metadata%5Bchannel%5D=web%20shop");
  }

  @Test
  void aDeepObjectModelQueryParameterIsSentWithEncodedBrackets() throws Exception {
    Class<?> rangeType = loader.loadClass(model + "RangeQuerySpecs");
    Object range = rangeType.getConstructor().newInstance();
    rangeType.getMethod("setGt", Integer.class).invoke(range, 5);
    Class<?> createdType = loader.loadClass(model + "ListFileLinksCreatedParameter");
    Object created = createdType.getConstructor(rangeType).newInstance(range);
    assertThat(listFileLinks(null, created)).isEqualTo("created%5Bgt%5D=5");
  }

  /** Calls GET /file_links on a loopback server and returns the raw query it received. */
  private static String listFileLinks(Map<String, String> metadata, Object created)
      throws Exception {
    AtomicReference<String> query = new AtomicReference<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          query.set(exchange.getRequestURI().getRawQuery());
          byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      Class<?> clientType = loader.loadClass(invoker + "ApiClient");
      Object client = clientType.getConstructor().newInstance();
      clientType
          .getMethod("updateBaseUri", String.class)
          .invoke(client, "http://127.0.0.1:" + server.getAddress().getPort());
      Class<?> apiType = loader.loadClass(api + "DefaultApi");
      Object defaultApi = apiType.getConstructor(clientType).newInstance(client);
      Class<?> createdType = loader.loadClass(model + "ListFileLinksCreatedParameter");
      apiType
          .getMethod("listFileLinks", Map.class, createdType)
          .invoke(defaultApi, metadata, created);
    } finally {
      server.stop(0);
    }
    return query.get();
  }

  private static Object read(String type, String json) throws Exception {
    return new ObjectMapper().readValue(json, loader.loadClass(model + type));
  }

  private static Object actual(Object wrapper) throws Exception {
    return wrapper.getClass().getMethod("getActualInstance").invoke(wrapper);
  }

  private static Method getter(Object wrapper, String name) throws NoSuchMethodException {
    return wrapper.getClass().getMethod(name);
  }
}
