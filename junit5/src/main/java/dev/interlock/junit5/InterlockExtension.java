package dev.interlock.junit5;

import dev.interlock.junit5.internal.ClassSandboxes;
import dev.interlock.junit5.internal.SandboxParameters;
import dev.interlock.junit5.internal.SandboxSet;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link InterlockSandbox}; registered by the annotation, never by hand. It
 * starts the class's sandboxes before all its tests (JUnit stops them after), cleans them before
 * each test and applies the test's {@link Scenario}, puts the class's scenario back after it, and
 * fills {@link Sandbox}, {@link java.net.URI} and generated-adapter parameters.
 */
public final class InterlockExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    ClassSandboxes.of(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    SandboxSet sandboxes = ClassSandboxes.of(context);
    sandboxes.beginTest();
    AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), Scenario.class)
        .ifPresent(
            scenario -> {
              try {
                sandboxes.switchScenario(scenario.value(), List.of(scenario.vendors()));
              } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(
                    "@Scenario(\"%s\") on %s.%s: %s"
                        .formatted(
                            scenario.value(),
                            context.getRequiredTestClass().getSimpleName(),
                            context.getRequiredTestMethod().getName(),
                            e.getMessage()),
                    e);
              }
            });
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClassSandboxes.of(context).endTest();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return SandboxParameters.supports(parameter);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return SandboxParameters.resolve(parameter, context);
  }
}
