package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folder the $refs of files named on the command line may reach. */
class RootOptionTest {

  private final Path cwd = Path.of("").toAbsolutePath().normalize();

  @Test
  void filesUnderTheWorkingDirectoryMayReachAllOfIt() {
    RootOption option = new RootOption();

    assertThat(option.rootFor(List.of(Path.of("src/test/x.yaml"), Path.of("pom.xml"))))
        .isEqualTo(cwd);
  }

  @Test
  void filesElsewhereMayReachTheClosestFolderHoldingThemAll(@TempDir Path dir) throws IOException {
    Path a = Files.createDirectories(dir.resolve("v1")).resolve("api.yaml");
    Path b = Files.createDirectories(dir.resolve("v2/beta")).resolve("api.yaml");
    RootOption option = new RootOption();

    assertThat(option.rootFor(List.of(a, b))).isEqualTo(dir.toAbsolutePath().normalize());
  }

  @Test
  void anExplicitRootMustHoldEveryNamedFile(@TempDir Path dir) throws IOException {
    Path inside = Files.createDirectories(dir.resolve("apps")).resolve("api.yaml");
    RootOption option = new RootOption();
    option.root = dir.resolve("apps");

    assertThat(option.rootFor(List.of(inside))).isEqualTo(dir.resolve("apps").normalize());
    assertThatThrownBy(() -> option.rootFor(List.of(dir.resolve("other/api.yaml"))))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("is not under --root");
  }
}
