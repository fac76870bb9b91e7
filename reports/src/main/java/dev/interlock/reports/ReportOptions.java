package dev.interlock.reports;

import java.net.URI;
import java.net.URISyntaxException;
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
 * @param docsUrl absolute http(s) URL, without a fragment, of the page that documents check ids and
 *     diagnostic codes (rules link to {@code docsUrl#<id>}), or {@code null} (the default) for no
 *     links: SARIF then names the check and points to Interlock's README in words
 * @param markdownLimit hard cap of the Markdown summary in characters
 */
public record ReportOptions(
    Path sourceRoot,
    String contractsDir,
    String sourceLinkBase,
    String docsUrl,
    int markdownLimit) {

  /** GitHub refuses comments over 65,536 characters; stay well below. */
  public static final int DEFAULT_MARKDOWN_LIMIT = 60_000;

  public ReportOptions {
    Objects.requireNonNull(sourceRoot, "sourceRoot");
    Objects.requireNonNull(contractsDir, "contractsDir");
    if (docsUrl != null) {
      checkDocsUrl(docsUrl);
    }
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

  /** Working directory as repository root, {@code contracts/} folder, no links, no docs URL. */
  public static ReportOptions defaults() {
    return new ReportOptions(Path.of(""), "contracts", null, null, DEFAULT_MARKDOWN_LIMIT);
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

  /**
   * With rules linking to {@code url#<id>}, or to nothing when {@code url} is {@code null}.
   *
   * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL without a
   *     fragment
   */
  public ReportOptions withDocsUrl(String url) {
    return new ReportOptions(sourceRoot, contractsDir, sourceLinkBase, url, markdownLimit);
  }

  public ReportOptions withMarkdownLimit(int limit) {
    return new ReportOptions(sourceRoot, contractsDir, sourceLinkBase, docsUrl, limit);
  }

  private static void checkDocsUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "'" + url + "' is not an absolute http(s) URL (e.g. https://example.com/docs/checks)");
    }
    if (uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "'"
              + url
              + "' has a #fragment; rules link to URL#<check-id>, so give the URL without it");
    }
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
