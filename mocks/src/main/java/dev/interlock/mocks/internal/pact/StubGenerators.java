package dev.interlock.mocks.internal.pact;

import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.generators.Category;
import au.com.dius.pact.core.model.generators.DateGenerator;
import au.com.dius.pact.core.model.generators.DateTimeGenerator;
import au.com.dius.pact.core.model.generators.Generator;
import au.com.dius.pact.core.model.generators.GeneratorTestMode;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.generators.MockServerURLGenerator;
import au.com.dius.pact.core.model.generators.ProviderStateGenerator;
import au.com.dius.pact.core.model.generators.TimeGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generators a stub applies to a response, chosen from the pact's: {@code MockServerURL} (links
 * to the stub itself) and the date and time generators as Pact JVM applies them for a consumer;
 * {@code ProviderState} ones, which Pact JVM applies only on the provider side, from the values the
 * request carried or the provider state's parameters; the random ones from the stub's seed ({@link
 * SeededValues}), so the same seed gives the same answers.
 */
final class StubGenerators {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

  private StubGenerators() {}

  static Generators forStub(Generators pact, SplittableRandom random) {
    Map<Category, Map<String, Generator>> out = new LinkedHashMap<>();
    for (Map.Entry<Category, Map<String, Generator>> c : pact.getCategories().entrySet()) {
      Map<String, Generator> kept = new LinkedHashMap<>();
      for (Map.Entry<String, Generator> g : c.getValue().entrySet()) {
        Generator stub = forStub(g.getValue(), random);
        if (stub != null) {
          kept.put(g.getKey(), stub);
        }
      }
      if (!kept.isEmpty()) {
        out.put(c.getKey(), kept);
      }
    }
    return new Generators(out);
  }

  private static Generator forStub(Generator g, SplittableRandom random) {
    if (g instanceof MockServerURLGenerator
        || g instanceof DateGenerator
        || g instanceof TimeGenerator
        || g instanceof DateTimeGenerator) {
      return g;
    }
    if (g instanceof ProviderStateGenerator state) {
      return new StateValue(state);
    }
    return SeededValues.generatorFor(g, random);
  }

  /**
   * A {@code ProviderState} generator applied on the stub's side: the expression filled from the
   * context's {@code providerState} values when all its names are known, else the pact's example.
   */
  private record StateValue(ProviderStateGenerator delegate) implements Generator {

    @Override
    public String getType() {
      return delegate.getType();
    }

    @Override
    public Object generate(Map<String, Object> context, Object exampleValue) {
      Object values = context.get("providerState");
      if (!(values instanceof Map<?, ?> known) || !allKnown(delegate.getExpression(), known)) {
        return exampleValue;
      }
      Object v = delegate.generate(context, exampleValue);
      return v == null ? exampleValue : v;
    }

    @Override
    public Map<String, Object> toMap(PactSpecVersion version) {
      return delegate.toMap(version);
    }

    @Override
    public boolean correspondsToMode(GeneratorTestMode mode) {
      return true;
    }

    private static boolean allKnown(String expression, Map<?, ?> known) {
      Matcher m = EXPRESSION.matcher(expression);
      boolean any = false;
      while (m.find()) {
        any = true;
        if (known.get(m.group(1).trim()) == null) {
          return false;
        }
      }
      return any || known.get(expression) != null;
    }
  }
}
