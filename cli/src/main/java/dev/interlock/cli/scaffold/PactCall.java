package dev.interlock.cli.scaffold;

import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.OpenApiOperation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The call a scaffolded consumer pact test starts with: the contract's first {@code GET} that needs
 * nothing but what the adapter fills in itself (no path parameter, no required parameter other than
 * the pinned version header), so the test can call the generated adapter with {@code null} for
 * every optional parameter and the sandbox can answer it without set-up.
 *
 * @param operationId the contract's operation id
 * @param javaMethod the generated adapter's method (OpenAPI Generator's camel-casing of the id)
 * @param path the request path
 * @param arguments how many parameters the adapter method takes (each passed as {@code null})
 */
public record PactCall(String operationId, String javaMethod, String path, int arguments) {

  /** The first such operation, if the contract has one. */
  public static Optional<PactCall> in(OpenApiContract contract, String versionHeader) {
    for (OpenApiOperation op : contract.operations()) {
      if (!op.method().equalsIgnoreCase("GET")
          || op.path().contains("{")
          || op.operation().getOperationId() == null) {
        continue;
      }
      List<Parameter> params = parameters(contract, op);
      boolean callable = true;
      int arguments = 0;
      for (Parameter p : params) {
        boolean pinned =
            "header".equals(p.getIn())
                && p.getName() != null
                && p.getName().equalsIgnoreCase(versionHeader);
        if (pinned) {
          continue;
        }
        if (Boolean.TRUE.equals(p.getRequired()) || p.getName() == null) {
          callable = false;
        }
        arguments++;
      }
      if (callable) {
        String id = op.operation().getOperationId();
        return Optional.of(new PactCall(id, javaMethod(id), op.path(), arguments));
      }
    }
    return Optional.empty();
  }

  /** The path item's parameters, overridden by the operation's of the same name and location. */
  private static List<Parameter> parameters(OpenApiContract contract, OpenApiOperation op) {
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    var item = contract.model().getPaths().get(op.path());
    for (List<Parameter> list :
        List.of(
            item.getParameters() == null ? List.<Parameter>of() : item.getParameters(),
            op.operation().getParameters() == null
                ? List.<Parameter>of()
                : op.operation().getParameters())) {
      for (Parameter listed : list) {
        Parameter p = resolve(contract, listed);
        byKey.put(p.getIn() + ":" + p.getName(), p);
      }
    }
    return new ArrayList<>(byKey.values());
  }

  /** A {@code $ref} to {@code #/components/parameters/X} as the parameter it names. */
  private static Parameter resolve(OpenApiContract contract, Parameter p) {
    String ref = p.get$ref();
    if (ref == null
        || contract.model().getComponents() == null
        || contract.model().getComponents().getParameters() == null) {
      return p;
    }
    Parameter target =
        contract
            .model()
            .getComponents()
            .getParameters()
            .get(ref.substring(ref.lastIndexOf('/') + 1));
    return target == null ? p : resolve(contract, target);
  }

  /** {@code listCharges} → {@code listCharges}; {@code List-Charges} → {@code listCharges}. */
  static String javaMethod(String operationId) {
    String type = dev.interlock.core.contract.JavaNames.typeName(operationId);
    return Character.toLowerCase(type.charAt(0)) + type.substring(1);
  }
}
