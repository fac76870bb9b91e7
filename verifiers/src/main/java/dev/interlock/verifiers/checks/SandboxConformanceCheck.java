package dev.interlock.verifiers.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.OpenApiOperation;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.schema.JsonSchemaValidator;
import dev.interlock.core.schema.SchemaDialect;
import dev.interlock.core.schema.SchemaViolation;
import dev.interlock.mocks.Sandbox;
import dev.interlock.verifiers.Check;
import dev.interlock.verifiers.CheckCase;
import dev.interlock.verifiers.Results;
import dev.interlock.verifiers.VerificationContext;
import dev.interlock.verifiers.conformance.ResponseConformance;
import dev.interlock.verifiers.conformance.ResponseViolation;
import dev.interlock.verifiers.conformance.SampleRequest;
import dev.interlock.verifiers.conformance.SampleRequests;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sandbox.conforms-to-spec}: every operation of every contract, called on the running
 * sandbox with a request the contract calls valid, answers with a response the contract allows —
 * the default answer and each named example of its success response. The mocks cannot drift.
 */
public final class SandboxConformanceCheck implements Check {

  public static final String ID = "sandbox.conforms-to-spec";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "every operation's sandbox responses (default and each named example) validate against the contract";
  }

  @Override
  public List<CheckCase> plan(VerificationContext context) {
    List<CheckCase> cases = new ArrayList<>();
    for (OpenApiContract contract : context.contracts().openApi()) {
      String vendor = context.vendorOf(contract);
      for (OpenApiOperation op : contract.operations()) {
        String name = vendor + " " + contract.apiVersion() + ": " + op.signature();
        cases.add(new CheckCase(ID, name, () -> check(context, contract, vendor, op, name)));
      }
    }
    return cases;
  }

  private CheckResult check(
      VerificationContext context,
      OpenApiContract contract,
      String vendor,
      OpenApiOperation op,
      String name) {
    Results r =
        Results.of(ID, name)
            .vendor(vendor)
            .operation(op.signature())
            .version(String.valueOf(contract.apiVersion()));
    Optional<SampleRequest> sample = SampleRequests.forOperation(contract, op.id());
    if (sample.isEmpty()) {
      return r.skipped("no sample request could be built for " + op.id());
    }
    Sandbox sandbox = SharedSandboxes.of(context, vendor);
    List<String> variants = new ArrayList<>();
    variants.add(null);
    variants.addAll(namedExamples(contract, op));
    int checked = 0;
    for (String example : variants) {
      SampleRequest request = withVersionAndExample(sample.get(), contract, example);
      SampleRequests.Exchange exchange = SampleRequests.send(sandbox, request);
      String label = example == null ? "default answer" : "example '" + example + "'";
      if (exchange.status() == 400 && example == null) {
        return r.evidence(Evidence.text("exchange", render(exchange)))
            .skipped(
                "the sandbox refused the sample request (400), so no response was checked: "
                    + abbreviate(exchange.body()));
      }
      List<ResponseViolation> violations =
          ResponseConformance.check(
              contract,
              sandbox.options().strictErrors(),
              request.method(),
              request.path(),
              exchange.status(),
              exchange.headers(),
              exchange.body());
      for (ResponseViolation v : violations) {
        r.finding(
            Diagnostic.error(v.code(), label + ": " + v.message())
                .at(v.contractLocation())
                .actual("body " + v.bodyPointer() + ": " + abbreviate(exchange.body()))
                .build());
      }
      // The Atlassian validator is lax on OpenAPI 3.1 schemas: validate the body with core's
      // JSON Schema validator (2020-12 for 3.1, translated Draft 4 for 3.0) as well.
      List<Diagnostic> schemaFindings = bodyAgainstSchema(context, contract, op, exchange, label);
      schemaFindings.forEach(r::finding);
      if (!violations.isEmpty() || !schemaFindings.isEmpty()) {
        r.evidence(Evidence.text(label, render(exchange)));
      }
      checked++;
    }
    return r.verdict(
        checked
            + " response(s) conform ("
            + String.join(", ", variants.stream().map(v -> v == null ? "default" : v).toList())
            + ")",
        "the sandbox answered " + op.signature() + " with a response the contract does not allow");
  }

  private static List<Diagnostic> bodyAgainstSchema(
      VerificationContext context,
      OpenApiContract contract,
      OpenApiOperation op,
      SampleRequests.Exchange exchange,
      String label) {
    String body = exchange.body();
    String contentType = exchange.header("Content-Type");
    if (body == null || body.isBlank() || contentType == null || !contentType.contains("json")) {
      return List.of();
    }
    var doc = contract.source();
    JsonNode responses = doc.at(op.pointer().append("responses"));
    String status = String.valueOf(exchange.status());
    String key =
        responses.has(status)
            ? status
            : responses.has(status.charAt(0) + "XX")
                ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
    if (key == null) {
      return List.of();
    }
    JsonPointer content = doc.deref(op.pointer().append("responses").append(key)).append("content");
    String media = null;
    for (Iterator<String> it = doc.at(content).fieldNames(); it.hasNext(); ) {
      String candidate = it.next();
      if (contentType.startsWith(candidate) || media == null && candidate.contains("json")) {
        media = candidate;
      }
    }
    if (media == null || doc.at(content.append(media).append("schema")).isMissingNode()) {
      return List.of();
    }
    JsonPointer schema = doc.deref(content.append(media).append("schema"));
    JsonNode instance;
    try {
      instance = JSON.readTree(body);
    } catch (java.io.IOException e) {
      return List.of(
          Diagnostic.error("verify.response.body.json", label + ": the body is not JSON")
              .at(doc.locate(schema))
              .actual(abbreviate(body))
              .build());
    }
    JsonSchemaValidator validator =
        context.shared(
            "schema-validator:" + contract.file(),
            () ->
                JsonSchemaValidator.forDocument(
                    doc,
                    contract.isOpenApi31() ? SchemaDialect.OPENAPI_31 : SchemaDialect.OPENAPI_30));
    List<Diagnostic> out = new ArrayList<>();
    for (SchemaViolation v : validator.validate(schema, instance)) {
      out.add(
          Diagnostic.error(
                  "verify.response.body.schema." + v.keyword(),
                  label
                      + ": "
                      + op.signature()
                      + " "
                      + status
                      + " body "
                      + v.instancePointer()
                      + ": "
                      + v.message())
              .at(doc.locate(schema))
              .actual(abbreviate(instance.at(v.instancePointer().value()).toString()))
              .build());
    }
    return out;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new ObjectMapper();

  /** Names of the examples of the operation's lowest success response. */
  private static List<String> namedExamples(OpenApiContract contract, OpenApiOperation op) {
    JsonNode responses = contract.source().at(op.pointer().append("responses"));
    List<String> names = new ArrayList<>();
    String success = null;
    for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
      String status = it.next();
      if (status.startsWith("2") && (success == null || status.compareTo(success) < 0)) {
        success = status;
      }
    }
    if (success == null) {
      return names;
    }
    JsonPointer response =
        contract.source().deref(op.pointer().append("responses").append(success));
    JsonNode content = contract.source().at(response.append("content"));
    content
        .fields()
        .forEachRemaining(
            media -> media.getValue().path("examples").fieldNames().forEachRemaining(names::add));
    return names;
  }

  private static SampleRequest withVersionAndExample(
      SampleRequest request, OpenApiContract contract, String example) {
    Map<String, String> headers = new LinkedHashMap<>(request.headers());
    contract
        .extensions()
        .apiVersion()
        .filter(v -> v.inHeader())
        .ifPresent(v -> headers.put(v.header(), contract.apiVersion()));
    if (example != null) {
      headers.put("Prefer", "example=" + example);
    }
    return new SampleRequest(
        request.operationId(),
        request.method(),
        request.path(),
        request.query(),
        headers,
        request.body(),
        request.contentType());
  }

  static String render(SampleRequests.Exchange e) {
    StringBuilder s = new StringBuilder();
    s.append(e.request().method()).append(' ').append(e.request().pathAndQuery()).append('\n');
    if (e.request().body() != null) {
      s.append(abbreviate(e.request().body())).append('\n');
    }
    s.append("\n→ ").append(e.status()).append('\n');
    e.headers()
        .forEach((k, v) -> s.append(k).append(": ").append(String.join(", ", v)).append('\n'));
    s.append('\n').append(e.body() == null ? "" : abbreviate(e.body()));
    return s.toString();
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 2_000 ? s.substring(0, 2_000) + "…" : s;
  }
}
