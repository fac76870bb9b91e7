package dev.interlock.reports;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How reports refer to things outside the run: where the repository root is (SARIF and links need
 * paths relative to it), where the contracts folder sits in it, how to link a file and line, where
 * the check documentation lives, and how long a pull-request summary may be.
 *
 * @param sourceRoot the repository root; finding paths are shown relative to it
 * @param contractsDir the contracts folder relative to {@code sourceRoot}, forward slashes ({@code
 *     contracts}); {@code ContractInfo.path} is relative to it
 * @param sourceLinkBase prefix that turns a repository path into a browsable URL ({@code
 *     https://github.com/o/r/blob/SHA/}), or {@code null} for plain {@code file:line} text
 * @param docsUrl absolute URL of the README that documents check ids and diagnostic codes; rules
 *     link to {@code docsUrl#<id>}
 * @param markdownLimit hard cap of the Markdown summary in characters
 */
public record ReportOptions(
    Path sourceRoot,
    String contractsDir,
    String sourceLinkBase,
    String docsUrl,
    int markdownLimit) {

  /** The README that documents check ids and diagnostic codes (anchor per id). */
  public static final String DEFAULT_DOCS_URL =
      "https://github.com/interlock-dev/interlock/blob/main/README.md";

  /** GitHub refuses comments over 65,536 characters; stay well below. */
  public static final int DEFAULT_MARKDOWN_LIMIT = 60_000;

  public ReportOptions {
    Objects.requireNonNull(sourceRoot, "sourceRoot");
    Objects.requireNonNull(contractsDir, "contractsDir");
    Objects.requireNonNull(docsUrl, "docsUrl");
    sourceRoot = sourceRoot.toAbsolutePath().normalize();
    contractsDir = trimSlashes(contractsDir.replace('\\', '/'));
    if (sourceLinkBase != null && !sourceLinkBase.isEmpty() && !sourceLinkBase.endsWith("/")) {
      sourceLinkBase = sourceLinkBase + "/";
    }
    if (sourceLinkBase != null && sourceLinkBase.isEmpty()) {
      sourceLinkBase = null;
    }
    if (markdownLimit < 2_000) {
      throw new IllegalArgumentException("markdownLimit must be at least 2000: " + markdownLimit);
    }
  }

  /** Working directory as repository root, {@code contracts/} folder, no links. */
  public static ReportOptions defaults() {
    return new ReportOptions(
        Path.of(""), "contracts", null, DEFAULT_DOCS_URL, DEFAULT_MARKDOWN_LIMIT);
  }

  /**
   * The defaults, with source links derived from the CI environment when there is one: GitHub
   * Actions ({@code GITHUB_SERVER_URL}, {@code GITHUB_REPOSITORY}, {@code GITHUB_SHA}) or GitLab CI
   * ({@code CI_PROJECT_URL}, {@code CI_COMMIT_SHA}).
   */
  public static ReportOptions fromEnvironment(Map<String, String> env) {
    ReportOptions o = defaults();
    String server = env.get("GITHUB_SERVER_URL");
    String repo = env.get("GITHUB_REPOSITORY");
    String sha = env.get("GITHUB_SHA");
    if (notBlank(server) && notBlank(repo) && notBlank(sha)) {
      return o.withSourceLinkBase(server + "/" + repo + "/blob/" + sha + "/");
    }
    String project = env.get("CI_PROJECT_URL");
    String commit = env.get("CI_COMMIT_SHA");
    if (notBlank(project) && notBlank(commit)) {
      return o.withSourceLinkBase(project + "/-/blob/" + commit + "/");
    }
    return o;
  }

  public ReportOptions withSourceRoot(Path root) {
    return new ReportOptions(root, contractsDir, sourceLinkBase, docsUrl, markdownLimit);
  }

  public ReportOptions withContractsDir(String dir) {
    return new ReportOptions(sourceRoot, dir, sourceLinkBase, docsUrl, markdownLimit);
  }

  public ReportOptions withSourceLinkBase(String base) {
    return new ReportOptions(sourceRoot, contractsDir, base, docsUrl, markdownLimit);
  }

  public ReportOptions withDocsUrl(String url) {
    return new ReportOptions(sourceRoot, contractsDir, sourceLinkBase, url, markdownLimit);
  }

  public ReportOptions withMarkdownLimit(int limit) {
    return new ReportOptions(sourceRoot, contractsDir, sourceLinkBase, docsUrl, limit);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String trimSlashes(String s) {
    String out = s;
    while (out.startsWith("./")) {
      out = out.substring(2);
    }
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }
}
