package dev.interlock.mocks;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.interlock.core.contract.OpenApiContract;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a sandbox response against its contract with the Atlassian validator (response side).
 */
final class ResponseCheck {

  private static final Map<OpenApiContract, OpenApiInteractionValidator> VALIDATORS =
      new ConcurrentHashMap<>();

  private static final LevelResolver LEVELS =
      LevelResolver.create()
          .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
          .build();

  private ResponseCheck() {}

  static OpenApiInteractionValidator validator(OpenApiContract contract) {
    return VALIDATORS.computeIfAbsent(
        contract,
        c -> {
          try {
            return OpenApiInteractionValidator.createForSpecificationUrl(
                    c.file().toUri().toString())
                .withBasePathOverride("/")
                .withResolveCombinators(true)
                .withLevelResolver(LEVELS)
                .build();
          } catch (RuntimeException e) {
            return OpenApiInteractionValidator.createFor(c.model())
                .withBasePathOverride("/")
                .withLevelResolver(LEVELS)
                .build();
          }
        });
  }

  /** Error messages; {@code path} is the operation path without the servers' base path. */
  static List<String> errors(
      OpenApiContract contract, String method, String path, Response response) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(response.statusCode());
    String body = response.asString();
    if (!body.isEmpty()) {
      b.withBody(body);
    }
    for (Header h : response.getHeaders()) {
      b.withHeader(h.getName(), h.getValue());
    }
    ValidationReport report =
        validator(contract)
            .validateResponse(
                path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), b.build());
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getKey() + ": " + m.getMessage())
        .toList();
  }
}
