package dev.interlock.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's class loader and calls, with a stand-in for cli's {@code Embedded} compiled at test
 * time (the real cli is built after this module: that is the point of loading it at run time).
 */
class EngineTest {

  @TempDir static Path classes;

  @BeforeAll
  static void compileAStandInEngine() throws IOException {
    Path source = classes.resolve("src/dev/interlock/cli/Embedded.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        """
        package dev.interlock.cli;
        import java.io.PrintStream;
        import java.util.Map;
        import java.util.function.Supplier;
        public final class Embedded {
          public static int run(String[] args, PrintStream out, PrintStream err) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            out.println("context " + (context == Embedded.class.getClassLoader()));
            out.println("sees maven " + visible("org.apache.maven.project.MavenProject"));
            out.println("args " + String.join(" ", args));
            return args.length > 0 && args[0].equals("fail") ? 1 : 0;
          }
          public static int diff(String c, String b, String[] o, PrintStream out, PrintStream err) {
            out.println("diff " + b + " " + c + " " + String.join(" ", o));
            return 0;
          }
          public static Object startSandboxes(String[] args, PrintStream out, PrintStream err) {
            if (args.length == 0) {
              throw new IllegalArgumentException("interlock sandbox: nothing to serve");
            }
            class Started implements AutoCloseable, Supplier<Map<String, String>> {
              public Map<String, String> get() { return Map.of("payments", "http://127.0.0.1:1234"); }
              public void close() { out.println("sandboxes stopped"); }
            }
            return new Started();
          }
          private static boolean visible(String name) {
            try { Class.forName(name); return true; } catch (ClassNotFoundException e) { return false; }
          }
        }
        """);
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.resolve("out").toString(), source.toString());
    assertThat(status).isZero();
  }

  @Test
  void runsTheEntryPointIsolatedFromMavenWithItsOwnContextLoaderThenRestoresTheCallers()
      throws Exception {
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Engine engine = Engine.load(List.of(classes.resolve("out")))) {
      int exit = engine.run(new String[] {"fail", "--seed", "7"}, print(out), print(out));

      assertThat(exit).isEqualTo(1);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("context true", "sees maven false", "args fail --seed 7");
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
  }

  @Test
  void diffPassesTheBaseAndOptions() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Engine engine = Engine.load(List.of(classes.resolve("out")))) {
      engine.diff(
          "/c", "origin/main", new String[] {"--fail-on", "breaking"}, print(out), print(out));
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("diff origin/main /c --fail-on breaking");
  }

  @Test
  void startedSandboxesGiveTheirUrlsAndCloseThroughTheHandle() throws Exception {
    Engine engine = Engine.load(List.of(classes.resolve("out")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunningSandboxes.Handle handle =
        engine.startSandboxes(new String[] {"--contracts", "x"}, print(out), print(out));

    assertThat(handle.baseUrls()).containsEntry("payments", "http://127.0.0.1:1234");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("sandboxes stopped");
    handle.close();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("sandboxes stopped");
  }

  @Test
  void unusableInputComesBackAsIllegalArgumentWithTheEnginesMessage() {
    try (Engine engine = Engine.load(List.of(classes.resolve("out")))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThatThrownBy(() -> engine.startSandboxes(new String[0], print(out), print(out)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("interlock sandbox: nothing to serve");
    }
  }

  @Test
  void anEngineWithoutTheEntryPointSaysSo(@TempDir Path empty) {
    try (Engine engine = Engine.load(List.of(empty))) {
      assertThatThrownBy(() -> engine.run(new String[0], System.out, System.err))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("has no dev.interlock.cli.Embedded.run");
    }
  }

  private static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
