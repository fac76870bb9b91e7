package dev.interlock.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.maven.MojoFixtures.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMojoTest {

  @TempDir Path basedir;

  private GenerateMojo mojo(List<String> targets) {
    GenerateMojo mojo = new GenerateMojo();
    mojo.project = MojoFixtures.project(basedir);
    mojo.scope = "main";
    mojo.targets = targets;
    mojo.outputDirectory = basedir.resolve("target/generated-sources/interlock").toFile();
    mojo.workDirectory = basedir.resolve("target/interlock-codegen").toFile();
    mojo.setLog(new RecordingLog());
    return mojo;
  }

  @Test
  void writesTheClientOfEachContractAndAddsItToTheCompileRootsThenSkipsItWhenUnchanged()
      throws Exception {
    MojoFixtures.copyContract("openapi/fulfilment/v1.yaml", basedir.resolve("src/main/contracts"));
    GenerateMojo first = mojo(List.of("clients"));

    first.execute();

    Path out = basedir.resolve("target/generated-sources/interlock");
    List<Path> sources = javaFiles(out);
    assertThat(sources).isNotEmpty();
    assertThat(sources).anyMatch(p -> p.toString().contains("/api/"));
    assertThat(first.project.getCompileSourceRoots()).contains(out.toAbsolutePath().toString());
    assertThat(first.project.getTestCompileSourceRoots()).doesNotContain(out.toString());

    Path one = sources.get(0);
    FileTime written = Files.getLastModifiedTime(one);
    GenerateMojo second = mojo(List.of("clients"));
    second.execute();

    assertThat(((RecordingLog) second.getLog()).info)
        .anyMatch(line -> line.contains("fulfilment") && line.contains("unchanged, skipped"));
    assertThat(Files.getLastModifiedTime(one)).isEqualTo(written);
    assertThat(second.project.getCompileSourceRoots()).contains(out.toAbsolutePath().toString());
  }

  @Test
  void testScopeReadsSrcTestContractsAndAddsATestCompileRoot() throws Exception {
    MojoFixtures.copyContract(
        "asyncapi/storefront-webhooks.yaml", basedir.resolve("src/test/contracts"));
    GenerateMojo mojo = mojo(List.of("payloads"));
    mojo.scope = "test";

    mojo.execute();

    Path out = basedir.resolve("target/generated-sources/interlock");
    assertThat(javaFiles(out)).isNotEmpty();
    assertThat(mojo.project.getTestCompileSourceRoots()).contains(out.toAbsolutePath().toString());
    assertThat(mojo.project.getCompileSourceRoots())
        .doesNotContain(out.toAbsolutePath().toString());
  }

  @Test
  void aBrokenContractFailsTheBuildNamingItsFileLineAndPointer() throws IOException {
    Path broken = basedir.resolve("src/main/contracts/openapi/broken/v1.yaml");
    Files.createDirectories(broken.getParent());
    Files.writeString(
        broken,
        """
        openapi: 3.0.3
        info: {title: Broken, version: "1"}
        paths:
          /things:
            get:
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Thnig'
        components:
          schemas:
            Thing: {type: object}
        """);
    GenerateMojo mojo = mojo(List.of("clients"));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("1 contract could not be generated")
        .hasMessageContaining("src/main/contracts/openapi/broken/v1.yaml:12:")
        .hasMessageContaining("[contract.ref.unresolved]")
        .hasMessageContaining("at #/paths/~1things/get/responses/200");
  }

  @Test
  void anAbsentDefaultFolderGeneratesNothingAndAddsNoRoot() throws Exception {
    GenerateMojo mojo = mojo(List.of("clients"));

    mojo.execute();

    assertThat(basedir.resolve("target")).doesNotExist();
    assertThat(mojo.project.getCompileSourceRoots()).isEmpty();
    assertThat(((RecordingLog) mojo.getLog()).info)
        .anyMatch(line -> line.contains("nothing to generate"));
  }

  @Test
  void aConfiguredFolderThatIsMissingFailsNamingTheParameter() {
    GenerateMojo mojo = mojo(List.of("clients"));
    mojo.contracts = basedir.resolve("nowhere").toFile();

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("parameter 'contracts'")
        .hasMessageContaining("nowhere");
  }

  @Test
  void anUnknownTargetOrScopeFailsNamingTheParameterAndItsValues() throws IOException {
    Files.createDirectories(basedir.resolve("src/main/contracts"));
    GenerateMojo target = mojo(List.of("clients,servers"));
    GenerateMojo scope = mojo(List.of("clients"));
    scope.scope = "it";

    assertThatThrownBy(target::execute)
        .hasMessageContaining("parameter 'targets' has 'servers'")
        .hasMessageContaining("clients, payloads or adapters");
    assertThatThrownBy(scope::execute)
        .hasMessageContaining("parameter 'scope' is 'it'")
        .hasMessageContaining("'main' or 'test'");
  }

  @Test
  void skipDoesNothing() throws Exception {
    MojoFixtures.copyContract("openapi/fulfilment/v1.yaml", basedir.resolve("src/main/contracts"));
    GenerateMojo mojo = mojo(List.of("clients"));
    mojo.skip = true;

    mojo.execute();

    assertThat(basedir.resolve("target")).doesNotExist();
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
