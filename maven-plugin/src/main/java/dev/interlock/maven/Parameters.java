package dev.interlock.maven;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Checks of parameter values before the engine starts, so a typo in a pom fails at once with the
 * parameter's name and the values it takes.
 */
final class Parameters {

  private static final Pattern SHARD = Pattern.compile("[1-9][0-9]*/[1-9][0-9]*");

  private Parameters() {}

  /** {@code error} or {@code warning}, lower-cased. */
  static String failOn(String goal, String value) throws MojoFailureException {
    return oneOf(goal, "failOn", value, List.of("error", "warning"));
  }

  /** {@code K/N} with {@code 1 <= K <= N}. */
  static String shard(String goal, String value) throws MojoFailureException {
    String v = value.trim();
    if (SHARD.matcher(v).matches()) {
      String[] kn = v.split("/");
      if (Integer.parseInt(kn[0]) <= Integer.parseInt(kn[1])) {
        return v;
      }
    }
    throw new MojoFailureException(
        goal + ": parameter 'shard' is '" + value + "'; use K/N with 1 <= K <= N, e.g. 2/4");
  }

  /** The value lower-cased when it is one of {@code allowed}. */
  static String oneOf(String goal, String name, String value, List<String> allowed)
      throws MojoFailureException {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new MojoFailureException(
          goal
              + ": parameter '"
              + name
              + "' is '"
              + value
              + "'; use "
              + String.join(" or ", allowed));
    }
    return v;
  }
}
