package dev.interlock.cli.scaffold;

import dev.interlock.core.contract.OpenApiContract;
import io.swagger.v3.oas.models.servers.Server;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vendor and version of an OpenAPI document, by general rules: the vendor from {@code
 * info.title}, else the server's host, else the file name; the version from {@code info.version},
 * else a date-like or {@code vN} token in the file name, else one in a server's path.
 */
public final class OpenApiInference {

  /** Host labels that name an environment or a role, not the vendor. */
  private static final Set<String> GENERIC_HOST_LABELS =
      Set.of(
          "www",
          "api",
          "apis",
          "rest",
          "sandbox",
          "staging",
          "stage",
          "test",
          "dev",
          "prod",
          "production",
          "gateway",
          "developer",
          "developers",
          "app",
          "edge",
          "live",
          "v1",
          "v2");

  private static final Pattern DATE = Pattern.compile("(?<![0-9])(\\d{4}-\\d{2}-\\d{2})(?![0-9])");
  private static final Pattern V_N =
      Pattern.compile("(?i)(?<![a-z0-9])(v\\d+(?:\\.\\d+)*)(?![a-z0-9])");

  private OpenApiInference() {}

  public static Choice vendor(OpenApiContract contract) {
    String title =
        contract.model().getInfo() == null ? null : contract.model().getInfo().getTitle();
    if (title != null && !Slugs.distinctive(title).isEmpty()) {
      return new Choice("vendor", Slugs.distinctive(title), "info.title '" + title + "'");
    }
    for (String host : hosts(contract)) {
      Optional<String> label = vendorLabel(host);
      if (label.isPresent()) {
        return new Choice("vendor", label.get(), "server host '" + host + "'");
      }
    }
    String name = baseName(contract.file().getFileName().toString());
    String fromName = Slugs.distinctive(name);
    return new Choice(
        "vendor",
        fromName.isEmpty() ? "vendor" : fromName,
        fromName.isEmpty()
            ? "nothing distinctive (no title, host or file name)"
            : "file name '" + name + "'");
  }

  public static Choice version(OpenApiContract contract) {
    String info = contract.apiVersion();
    if (info != null && !info.isBlank()) {
      return new Choice("version", Slugs.fileSafe(info), "info.version '" + info + "'");
    }
    String name = contract.file().getFileName().toString();
    Optional<String> token = versionToken(name);
    if (token.isPresent()) {
      return new Choice("version", token.get(), "file name '" + name + "'");
    }
    for (Server s : servers(contract)) {
      Optional<String> inPath = pathOf(s.getUrl()).flatMap(OpenApiInference::versionToken);
      if (inPath.isPresent()) {
        return new Choice("version", inPath.get(), "server path '" + s.getUrl() + "'");
      }
    }
    return new Choice(
        "version", "v1", "nothing (no info.version, no version in the file name or server path)");
  }

  /** A date ({@code 2024-06-01}) or {@code vN} token, the date first. */
  static Optional<String> versionToken(String text) {
    Matcher date = DATE.matcher(text);
    String last = null;
    while (date.find()) {
      last = date.group(1); // a file named for a spec date and an API date: the later names the API
    }
    if (last != null) {
      return Optional.of(last);
    }
    Matcher v = V_N.matcher(text);
    return v.find() ? Optional.of(v.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /**
   * {@code api.stripe.com} → {@code stripe}: the label before the top-level domain, roles skipped.
   */
  static Optional<String> vendorLabel(String host) {
    if (host.equals("localhost") || host.matches("[0-9.:\\[\\]]+")) {
      return Optional.empty();
    }
    String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
    for (int i = labels.length - 2; i >= 0; i--) {
      String slug = Slugs.slug(labels[i]);
      if (!slug.isEmpty() && !GENERIC_HOST_LABELS.contains(slug)) {
        return Optional.of(slug);
      }
    }
    return Optional.empty();
  }

  private static List<String> hosts(OpenApiContract contract) {
    List<String> hosts = new ArrayList<>();
    for (Server s : servers(contract)) {
      try {
        String host = URI.create(s.getUrl().replaceAll("\\{[^}]*}", "x")).getHost();
        if (host != null) {
          hosts.add(host);
        }
      } catch (IllegalArgumentException e) {
        // a server URL that is no URI names no host
      }
    }
    return hosts;
  }

  private static Optional<String> pathOf(String url) {
    try {
      return Optional.ofNullable(URI.create(url.replaceAll("\\{[^}]*}", "x")).getPath());
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static List<Server> servers(OpenApiContract contract) {
    return contract.model().getServers() == null ? List.of() : contract.model().getServers();
  }

  static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
