package dev.interlock.junit5.internal;

import dev.interlock.junit5.Sandbox;
import dev.interlock.junit5.SandboxClock;
import dev.interlock.junit5.Vendor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * The parameters the extension fills: a {@link Sandbox} handle, its base {@link URI} (both picked
 * by {@link Vendor} when the class runs several), the class's {@link SandboxClock} on virtual time,
 * and a generated adapter, recognised by the shape codegen gives every adapter: a public static
 * {@code SPEC} field of type {@code dev.interlock.adapters.VendorSpec} (it names the vendor) and a
 * public constructor taking an {@code AdapterRuntime}.
 */
public final class SandboxParameters {

  private static final String VENDOR_SPEC = "dev.interlock.adapters.VendorSpec";
  private static final String ADAPTER_RUNTIME = "dev.interlock.adapters.AdapterRuntime";

  private SandboxParameters() {}

  public static boolean supports(ParameterContext parameter) {
    Class<?> type = parameter.getParameter().getType();
    return type == Sandbox.class
        || type == URI.class
        || type == SandboxClock.class
        || isGeneratedAdapter(type);
  }

  public static Object resolve(ParameterContext parameter, ExtensionContext context) {
    Parameter p = parameter.getParameter();
    Class<?> type = p.getType();
    SandboxSet sandboxes = ClassSandboxes.of(context);
    if (type == SandboxClock.class) {
      return sandboxes
          .virtualClock()
          .orElseThrow(
              () ->
                  new ParameterResolutionException(
                      "parameter '"
                          + p.getName()
                          + "' of "
                          + p.getDeclaringExecutable().getName()
                          + ": the sandboxes of this class run on the real clock; set"
                          + " @InterlockSandbox(time = Time.VIRTUAL) to receive a SandboxClock"));
    }
    if (isGeneratedAdapter(type)) {
      String vendor = GeneratedAdapterFactory.vendorOf(type);
      Sandbox sandbox = named(sandboxes, vendor, p, type.getSimpleName() + " calls");
      return GeneratedAdapterFactory.create(
          type,
          sandbox.baseUri().toString(),
          ClassSandboxes.configOf(context).seed(),
          ClassSandboxes.folderOf(context).policyOf(vendor));
    }
    Sandbox sandbox = pick(sandboxes, p);
    return type == URI.class ? sandbox.baseUri() : sandbox;
  }

  private static Sandbox pick(SandboxSet sandboxes, Parameter p) {
    Optional<Vendor> vendor = Optional.ofNullable(p.getAnnotation(Vendor.class));
    if (vendor.isPresent()) {
      return named(sandboxes, vendor.get().value(), p, "@Vendor names");
    }
    if (sandboxes.vendors().size() != 1) {
      throw new ParameterResolutionException(
          "parameter '"
              + p.getName()
              + "' of "
              + p.getDeclaringExecutable().getName()
              + ": this class runs "
              + sandboxes.vendors().size()
              + " sandboxes ("
              + String.join(", ", sandboxes.vendors())
              + "); say which with @Vendor(\"...\")");
    }
    return sandboxes.all().iterator().next();
  }

  private static Sandbox named(SandboxSet sandboxes, String vendor, Parameter p, String who) {
    return sandboxes
        .get(vendor)
        .orElseThrow(
            () ->
                new ParameterResolutionException(
                    "parameter '"
                        + p.getName()
                        + "' of "
                        + p.getDeclaringExecutable().getName()
                        + ": "
                        + who
                        + " vendor '"
                        + vendor
                        + "', but this class runs only "
                        + String.join(", ", sandboxes.vendors())
                        + " (add it to @InterlockSandbox(vendors = ...))"));
  }

  /** Judged by names, so that asking never loads the adapters module. */
  static boolean isGeneratedAdapter(Class<?> type) {
    try {
      Field spec = type.getField("SPEC");
      if (!Modifier.isStatic(spec.getModifiers())
          || !spec.getType().getName().equals(VENDOR_SPEC)) {
        return false;
      }
    } catch (NoSuchFieldException | NoClassDefFoundError e) {
      return false;
    }
    for (Constructor<?> c : type.getConstructors()) {
      Class<?>[] params = c.getParameterTypes();
      if (params.length == 1 && params[0].getName().equals(ADAPTER_RUNTIME)) {
        return true;
      }
    }
    return false;
  }
}
