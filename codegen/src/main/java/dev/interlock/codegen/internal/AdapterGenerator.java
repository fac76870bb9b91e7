package dev.interlock.codegen.internal;

import dev.interlock.codegen.internal.ClientGenerator.OperationModel;
import dev.interlock.codegen.internal.ClientGenerator.Param;
import dev.interlock.core.contract.ContractExtensions;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.OpenApiOperation;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the resilient adapter that sits next to a generated client ({@code PaymentsAdapter} in
 * {@code dev.interlock.clients.payments.v2025_01_15}): one method per operation, mirroring the
 * client's method minus what the policy fills in (the version, the idempotency key), every call
 * going through {@code dev.interlock.adapters.VendorSession}. The contract's facts (idempotency
 * header, retry statuses, rate limit, version, security) are written as a {@code VendorSpec}
 * literal; the policy itself is derived from them at run time by the adapters module.
 */
public final class AdapterGenerator {

  private static final Set<String> JAVA_LANG =
      Set.of(
          "String",
          "Integer",
          "Long",
          "Boolean",
          "Float",
          "Double",
          "Object",
          "Void",
          "Byte",
          "Short",
          "Character",
          "byte",
          "int",
          "long",
          "boolean",
          "float",
          "double",
          "void");
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final String RT = "dev.interlock.adapters.";

  /** The adapter's simple class name: {@code payments} → {@code PaymentsAdapter}. */
  public static String adapterName(ContractCoordinates where) {
    return ContractCoordinates.typeName(where.vendor()) + "Adapter";
  }

  public String generate(
      OpenApiContract contract,
      ContractCoordinates where,
      List<OperationModel> operations,
      Map<String, String> importMapping) {
    String pkg = where.javaPackage();
    String name = adapterName(where);
    ContractExtensions root = contract.extensions();
    String apiVersion = contract.apiVersion() == null ? where.version() : contract.apiVersion();
    String versionHeader =
        root.apiVersion().map(ContractExtensions.ApiVersion::header).orElse(null);
    String versionPath = root.apiVersion().map(ContractExtensions.ApiVersion::path).orElse(null);

    StringBuilder b = new StringBuilder();
    b.append("package ").append(pkg).append(";\n\n");
    b.append("/**\n * Resilient adapter for ")
        .append(javadoc(contract.title()))
        .append(" version {@code ")
        .append(javadoc(apiVersion))
        .append("}, generated from {@code ")
        .append(javadoc(where.file().getFileName().toString()))
        .append("}.\n *\n")
        .append(" * <p>Every method calls the generated client through a {@link ")
        .append(RT)
        .append(
            "VendorSession}: retries where the\n * contract makes them safe, backoff, Retry-After, rate limit,")
        .append(
            " circuit breaker, timeout, credentials and\n * the pinned API version. Operations that")
        .append(
            " take an idempotency key take the business key instead\n * and send the same derived key")
        .append(" on every attempt. Generated: do not edit.\n */\n");
    b.append("public final class ").append(name).append(" {\n\n");
    b.append(
        "  /** The version this adapter is pinned to ({@code info.version}; sent where the contract says). */\n");
    b.append("  public static final String API_VERSION = ").append(lit(apiVersion)).append(";\n\n");
    b.append(
        "  /** What the contract says; the policy is derived from it (and the manifest). */\n");
    b.append("  public static final ").append(RT).append("VendorSpec SPEC =\n");
    b.append("      ")
        .append(RT)
        .append("VendorSpec.builder(")
        .append(lit(where.vendor()))
        .append(", ")
        .append(lit(where.version()))
        .append(")\n");
    if (versionHeader != null) {
      b.append("          .versionHeader(").append(lit(versionHeader)).append(", API_VERSION)\n");
    }
    if (versionPath != null) {
      b.append("          .versionPath(").append(lit(versionPath)).append(")\n");
    }
    b.append("          .auth(").append(auth(contract)).append(")\n");
    root.rateLimit()
        .ifPresent(
            r ->
                b.append("          .rateLimit(")
                    .append(r.limit())
                    .append(", java.time.Duration.ofMillis(")
                    .append(r.window().toMillis())
                    .append("L))\n"));
    root.retry()
        .ifPresent(
            r ->
                b.append("          .retry(")
                    .append(ints(r.statuses()))
                    .append(", ")
                    .append(r.maxAttempts())
                    .append(")\n"));

    List<Method> methods = new ArrayList<>();
    for (OperationModel op : operations) {
      OpenApiOperation source = find(contract, op);
      Operation operation = source == null ? null : source.operation();
      ContractExtensions ext =
          operation == null
              ? ContractExtensions.none()
              : ContractExtensions.of(operation.getExtensions());
      String idemHeader =
          ext.idempotency().map(ContractExtensions.Idempotency::header).orElse(null);
      if (idemHeader == null) {
        for (Param p : op.params()) {
          if (p.location().equals("header") && p.baseName().equalsIgnoreCase("Idempotency-Key")) {
            idemHeader = p.baseName();
          }
        }
      }
      boolean declaredIdempotent =
          operation != null
              && operation.getExtensions() != null
              && Boolean.TRUE.equals(operation.getExtensions().get("x-idempotent"));
      boolean authenticated = authenticated(contract, operation);
      String retry =
          ext.retry()
              .map(r -> ints(r.statuses()) + ", " + r.maxAttempts())
              .orElse("java.util.List.of(), 0");
      b.append("          .operation(")
          .append(lit(op.operationId()))
          .append(", ")
          .append(lit(op.httpMethod().toUpperCase(Locale.ROOT)))
          .append(", ")
          .append(lit(op.path()))
          .append(", ")
          .append(idemHeader == null ? "null" : lit(idemHeader))
          .append(", ")
          .append(declaredIdempotent)
          .append(", ")
          .append(authenticated)
          .append(", ")
          .append(retry)
          .append(")\n");
      methods.add(new Method(op, idemHeader, versionHeader));
    }
    b.append("          .build();\n\n");

    b.append("  private final ").append(RT).append("VendorSession session;\n");
    Set<String> apis = new TreeSet<>();
    operations.forEach(o -> apis.add(o.apiClass()));
    for (String api : apis) {
      b.append("  private final ")
          .append(pkg)
          .append(".api.")
          .append(api)
          .append(" ")
          .append(field(api))
          .append(";\n");
    }
    b.append(
        "\n  /** Opens this vendor's session on the runtime (policies, credentials, endpoint). */\n");
    b.append("  public ").append(name).append("(").append(RT).append("AdapterRuntime runtime) {\n");
    b.append("    this.session = runtime.open(SPEC);\n");
    b.append("    ").append(pkg).append(".invoker.ApiClient client =\n");
    b.append("        new ").append(pkg).append(".invoker.ApiClient(\n");
    b.append("            session.httpClientBuilder(),\n");
    b.append("            ")
        .append(pkg)
        .append(".invoker.ApiClient.createDefaultObjectMapper(),\n");
    b.append("            session.baseUri());\n");
    b.append("    client.setRequestInterceptor(session::decorate);\n");
    for (String api : apis) {
      b.append("    this.")
          .append(field(api))
          .append(" = new ")
          .append(pkg)
          .append(".api.")
          .append(api)
          .append("(client);\n");
    }
    b.append("  }\n\n");
    b.append("  /** The session: its policies, and the events of every call. */\n");
    b.append("  public ")
        .append(RT)
        .append("VendorSession session() {\n    return session;\n  }\n");

    for (Method m : methods) {
      b.append(method(m, pkg, name, importMapping));
    }

    b.append("\n  private static ")
        .append(RT)
        .append("VendorSession.Failure failure(Exception e) {\n");
    b.append("    if (e instanceof ").append(pkg).append(".invoker.ApiException a) {\n");
    b.append("      return ").append(RT).append("VendorSession.Failure.of(\n");
    b.append("          a.getCode(),\n");
    b.append(
        "          a.getResponseHeaders() == null ? java.util.Map.of() : a.getResponseHeaders().map(),\n");
    b.append("          a.getResponseBody(),\n");
    b.append("          a.getCause() != null ? a.getCause() : a);\n");
    b.append("    }\n");
    b.append("    return ")
        .append(RT)
        .append("VendorSession.Failure.of(0, java.util.Map.of(), null, e);\n");
    b.append("  }\n}\n");
    return b.toString();
  }

  private record Method(OperationModel op, String idemHeader, String versionHeader) {}

  private String method(Method m, String pkg, String adapter, Map<String, String> imports) {
    OperationModel op = m.op();
    String ret = op.returnType() == null ? null : qualify(op.returnType(), pkg, imports);
    List<String> signature = new ArrayList<>();
    List<String> args = new ArrayList<>();
    boolean keyed = m.idemHeader() != null;
    if (keyed) {
      signature.add("String businessKey");
    }
    for (Param p : op.params()) {
      if (p.location().equals("header")
          && m.versionHeader() != null
          && p.baseName().equalsIgnoreCase(m.versionHeader())) {
        args.add("API_VERSION");
      } else if (keyed
          && p.location().equals("header")
          && p.baseName().equalsIgnoreCase(m.idemHeader())) {
        args.add("interlockKey");
      } else {
        signature.add(qualify(p.dataType(), pkg, imports) + " " + p.javaName());
        args.add(p.javaName());
      }
    }
    StringBuilder b = new StringBuilder("\n  /**\n   * ");
    b.append(javadoc(op.summary() == null ? op.operationId() : op.summary()))
        .append(" — {@code ")
        .append(javadoc(op.httpMethod().toUpperCase(Locale.ROOT) + " " + op.path()))
        .append("}.\n");
    if (keyed) {
      b.append("   *\n   * @param businessKey the business key (e.g. the order id) the ")
          .append(javadoc(m.idemHeader()))
          .append(" is derived from;\n   *     identical on every attempt\n");
    }
    b.append("   * @throws ")
        .append(RT)
        .append("VendorCallException when the call fails for good\n   */\n");
    b.append("  public ")
        .append(ret == null ? "void" : ret)
        .append(" ")
        .append(op.method())
        .append("(")
        .append(String.join(", ", signature))
        .append(") {\n");
    b.append("    ").append(ret == null ? "" : "return ").append("session.call(\n");
    b.append("        ").append(lit(op.operationId())).append(",\n");
    b.append("        ").append(keyed ? "businessKey" : "null").append(",\n");
    b.append("        interlockKey -> ")
        .append(field(op.apiClass()))
        .append(".")
        .append(op.method())
        .append("WithHttpInfo(")
        .append(String.join(", ", args))
        .append("),\n");
    b.append("        r -> new ")
        .append(RT)
        .append("VendorSession.Answer<>(r.getStatusCode(), r.getHeaders(), r.getData()),\n");
    b.append("        ").append(adapter).append("::failure);\n");
    b.append("  }\n");
    return b.toString();
  }

  private static String auth(OpenApiContract contract) {
    List<SecurityRequirement> reqs = contract.model().getSecurity();
    Map<String, SecurityScheme> schemes =
        contract.model().getComponents() == null
            ? null
            : contract.model().getComponents().getSecuritySchemes();
    if (schemes == null || schemes.isEmpty()) {
      return RT + "AuthSpec.none()";
    }
    String chosen = null;
    if (reqs != null && !reqs.isEmpty() && !reqs.get(0).isEmpty()) {
      chosen = reqs.get(0).keySet().iterator().next();
    }
    if (chosen == null) {
      // operations name their own requirements; take the first one any operation names
      for (OpenApiOperation op : contract.operations()) {
        List<SecurityRequirement> own = op.operation().getSecurity();
        if (own != null && !own.isEmpty() && !own.get(0).isEmpty()) {
          chosen = own.get(0).keySet().iterator().next();
          break;
        }
      }
    }
    SecurityScheme s = chosen == null ? null : schemes.get(chosen);
    if (s == null || s.getType() == null) {
      return RT + "AuthSpec.none()";
    }
    switch (s.getType()) {
      case APIKEY:
        return s.getIn() == SecurityScheme.In.HEADER
            ? RT + "AuthSpec.apiKey(" + lit(s.getName()) + ")"
            : RT + "AuthSpec.none()";
      case HTTP:
        return "basic".equalsIgnoreCase(s.getScheme())
            ? RT + "AuthSpec.basic()"
            : RT + "AuthSpec.bearer()";
      case OAUTH2:
        if (s.getFlows() != null && s.getFlows().getClientCredentials() != null) {
          var flow = s.getFlows().getClientCredentials();
          String path = flow.getTokenUrl();
          try {
            path = URI.create(flow.getTokenUrl()).getPath();
          } catch (RuntimeException e) {
            // keep as given
          }
          Set<String> scopes = new LinkedHashSet<>();
          if (flow.getScopes() != null) {
            scopes.addAll(flow.getScopes().keySet());
          }
          return RT
              + "AuthSpec.oauth2ClientCredentials("
              + lit(path)
              + ", "
              + lit(String.join(" ", scopes))
              + ")";
        }
        return RT + "AuthSpec.bearer()";
      default:
        return RT + "AuthSpec.none()";
    }
  }

  private static boolean authenticated(OpenApiContract contract, Operation operation) {
    if (operation != null && operation.getSecurity() != null) {
      return !operation.getSecurity().isEmpty()
          && operation.getSecurity().stream().noneMatch(SecurityRequirement::isEmpty);
    }
    List<SecurityRequirement> root = contract.model().getSecurity();
    if (root == null) {
      // no root requirement: an operation without its own requirement is public, unless the
      // document declares schemes at all (then treat it as authenticated: safer for a client)
      return contract.model().getComponents() != null
          && contract.model().getComponents().getSecuritySchemes() != null
          && !contract.model().getComponents().getSecuritySchemes().isEmpty();
    }
    return !root.isEmpty() && root.stream().noneMatch(SecurityRequirement::isEmpty);
  }

  private static OpenApiOperation find(OpenApiContract contract, OperationModel op) {
    for (OpenApiOperation o : contract.operations()) {
      if (o.method().equalsIgnoreCase(op.httpMethod()) && o.path().equals(op.path())) {
        return o;
      }
    }
    return null;
  }

  /** Qualifies every simple type name in a data type such as {@code Map<String, List<Foo>>}. */
  static String qualify(String dataType, String pkg, Map<String, String> imports) {
    Matcher m = IDENT.matcher(dataType);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String id = m.group();
      String q;
      if (JAVA_LANG.contains(id) || id.contains(".")) {
        q = id;
      } else if (imports.containsKey(id) && imports.get(id).contains(".")) {
        q = imports.get(id);
      } else {
        q = pkg + ".model." + id;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(q));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String field(String apiClass) {
    return Character.toLowerCase(apiClass.charAt(0)) + apiClass.substring(1);
  }

  private static String ints(List<Integer> values) {
    StringBuilder b = new StringBuilder("java.util.List.of(");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(values.get(i));
    }
    return b.append(")").toString();
  }

  static String lit(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static String javadoc(String s) {
    return s == null ? "" : s.replace("*/", "*&#47;").replace("\n", " ").replace("@", "&#64;");
  }
}
