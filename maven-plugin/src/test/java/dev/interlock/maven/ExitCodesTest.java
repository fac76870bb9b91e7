package dev.interlock.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The engine's exit codes as build outcomes: the CLI's 0/1/2/3, the plugin's pass/fail/error. */
class ExitCodesTest {

  private final LintMojo mojo = new LintMojo();

  private EngineMojo.Console consoleThatPrinted(String text) {
    EngineMojo.Console console = mojo.new Console();
    console.out.println(text);
    console.close();
    return console;
  }

  @Test
  void zeroPasses() {
    assertThatCode(() -> mojo.checkExit(0, consoleThatPrinted("ok"))).doesNotThrowAnyException();
  }

  @Test
  void oneFailsTheBuildWithTheGoalsSummary() {
    assertThatThrownBy(() -> mojo.checkExit(1, consoleThatPrinted("a.yaml:1:1: error: x")))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("interlock:lint: the contracts have problems (listed above)");
  }

  @Test
  void twoFailsTheBuildRepeatingTheLocatedDiagnostics() {
    assertThatThrownBy(
            () -> mojo.checkExit(2, consoleThatPrinted("contracts/a.yaml:3:7: error: bad [c.x]")))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("interlock:lint: the input could not be used")
        .hasMessageContaining("contracts/a.yaml:3:7: error: bad [c.x]");
  }

  @Test
  void threeIsABuildErrorNotAFailure() {
    assertThatThrownBy(() -> mojo.checkExit(3, consoleThatPrinted("interlock: internal error")))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("internal error (exit 3)");
  }

  @Test
  void anEngineThatThrowsIsABuildErrorNamingTheGoal() {
    assertThatThrownBy(
            () ->
                mojo.call(
                    () -> {
                      throw new IllegalStateException("no Embedded.run");
                    }))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("interlock:lint: the engine failed")
        .hasMessageContaining("no Embedded.run");
  }
}
