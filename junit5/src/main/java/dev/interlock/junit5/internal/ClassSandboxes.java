package dev.interlock.junit5.internal;

import dev.interlock.junit5.InterlockSandbox;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Finds, or starts, the sandboxes of the test class a context belongs to. They live in the store of
 * the class that carries {@link InterlockSandbox} (a {@code @Nested} class without its own shares
 * its enclosing class's); the parsed contracts folder lives in the root store, read-only, so
 * classes that share a folder parse it once.
 */
public final class ClassSandboxes {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ClassSandboxes.class);

  private ClassSandboxes() {}

  /**
   * The sandboxes of the context's test class, started now if they are not yet running.
   *
   * @throws ExtensionConfigurationException when the annotation's folder, vendors or scenario
   *     cannot be used, saying which class and what is wrong
   */
  public static SandboxSet of(ExtensionContext context) {
    ExtensionContext classContext = classContextOf(context);
    Class<?> annotated = annotatedClass(classContext.getRequiredTestClass());
    InterlockSandbox config =
        AnnotationSupport.findAnnotation(annotated, InterlockSandbox.class).get();
    ExtensionContext owner = contextOf(classContext, annotated);
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(annotated, k -> start(config, annotated, owner), SandboxSet.class);
  }

  /** The settings of the class a context belongs to. */
  public static InterlockSandbox configOf(ExtensionContext context) {
    Class<?> annotated = annotatedClass(classContextOf(context).getRequiredTestClass());
    return AnnotationSupport.findAnnotation(annotated, InterlockSandbox.class).get();
  }

  /** The parsed contracts folder of the context's class. */
  public static ContractsFolder folderOf(ExtensionContext context) {
    InterlockSandbox config = configOf(context);
    return folder(config.contracts(), context);
  }

  private static SandboxSet start(
      InterlockSandbox config, Class<?> annotated, ExtensionContext ctx) {
    try {
      return SandboxSet.start(config, folder(config.contracts(), ctx));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          "@InterlockSandbox on " + annotated.getName() + ": " + e.getMessage(), e);
    }
  }

  private static ContractsFolder folder(String contracts, ExtensionContext ctx) {
    Path dir = Path.of(contracts);
    String key = "contracts:" + dir.toAbsolutePath().normalize();
    return ctx.getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(key, k -> ContractsFolder.load(dir), ContractsFolder.class);
  }

  /** The class context a method, template or dynamic test context belongs to. */
  private static ExtensionContext classContextOf(ExtensionContext context) {
    ExtensionContext c = context;
    while (!(c.getElement().orElse(null) instanceof Class<?>)) {
      c = c.getParent().orElseThrow(() -> new IllegalStateException("no test class in context"));
    }
    return c;
  }

  /** The class itself or, for a {@code @Nested} class, the nearest enclosing one annotated. */
  private static Class<?> annotatedClass(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      if (AnnotationSupport.isAnnotated(c, InterlockSandbox.class)) {
        return c;
      }
    }
    throw new ExtensionConfigurationException(
        testClass.getName()
            + " uses Interlock's extension without @InterlockSandbox: annotate the class with"
            + " @InterlockSandbox(contracts = \"...\") instead of @ExtendWith");
  }

  /** The context of {@code annotated} among the class context and its ancestors. */
  private static ExtensionContext contextOf(ExtensionContext classContext, Class<?> annotated) {
    for (Optional<ExtensionContext> c = Optional.of(classContext);
        c.isPresent();
        c = c.get().getParent()) {
      AnnotatedElement element = c.get().getElement().orElse(null);
      if (element == annotated) {
        return c.get();
      }
    }
    return classContext;
  }
}
