package dev.interlock.mocks.internal.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.matchers.RequestMatching;
import au.com.dius.pact.core.model.Request;
import au.com.dius.pact.core.model.generators.Category;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.generators.ProviderStateGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatePlaceholdersTest {

  static Request withPathPlaceholder(String example, String expression) {
    Request r = new Request("GET", example);
    r.setGenerators(
        new Generators().addGenerator(Category.PATH, "", new ProviderStateGenerator(expression)));
    return r;
  }

  @Test
  void aPathPlaceholderMatchesAnyOneSegmentAndIsReadBack() {
    StatePlaceholders.Prepared p =
        StatePlaceholders.prepare(
            withPathPlaceholder(
                "/pacticipants/Foo/versions/1", "/pacticipants/${name}/versions/${v}"));

    assertThat(
            RequestMatching.requestMismatches(
                    p.request(), new Request("GET", "/pacticipants/Bar/versions/2.0"))
                .matchedOk())
        .isTrue();
    assertThat(
            RequestMatching.requestMismatches(
                    p.request(), new Request("GET", "/pacticipants/Bar/x/versions/2"))
                .matchedOk())
        .isFalse();
    assertThat(p.placeholders().valuesIn("/pacticipants/Bar/versions/2.0", Map.of(), n -> null))
        .containsExactly(Map.entry("name", "Bar"), Map.entry("v", "2.0"));
  }

  @Test
  void withoutPlaceholdersThePathMustBeTheExample() {
    StatePlaceholders.Prepared p =
        StatePlaceholders.prepare(new Request("GET", "/pacticipants/Foo"));

    assertThat(p.placeholders().isEmpty()).isTrue();
    assertThat(
            RequestMatching.requestMismatches(p.request(), new Request("GET", "/pacticipants/Bar"))
                .matchedOk())
        .isFalse();
  }

  @Test
  void literalTextAroundAPlaceholderIsQuoted() {
    List<String> names = new ArrayList<>();
    assertThat(StatePlaceholders.pattern("/a.b/${x}", true, names).matcher("/aXb/1").matches())
        .isFalse();
    assertThat(names).containsExactly("x");
  }
}
