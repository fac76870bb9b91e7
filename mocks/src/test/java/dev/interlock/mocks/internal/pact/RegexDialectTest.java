package dev.interlock.mocks.internal.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexDialectTest {

  @Test
  void aLiteralBraceRubyAcceptsIsEscapedForJava() {
    String ruby = ".*(\\/pacticipants\\/{pacticipant})$";
    String java = RegexDialect.toJava(ruby);
    assertThat(Pattern.matches(java, "http://x/pacticipants/{pacticipant}")).isTrue();
    assertThat(Pattern.matches(java, "http://x/pacticipants/Foo")).isFalse();
  }

  @Test
  void quantifiersAndExpressionsJavaAcceptsStayAsTheyAre() {
    assertThat(RegexDialect.toJava("\\d{4}-\\d{2,}")).isEqualTo("\\d{4}-\\d{2,}");
    assertThat(RegexDialect.toJava("(?-mix:application\\/hal\\+json.*)"))
        .isEqualTo("(?-mix:application\\/hal\\+json.*)");
  }

  @Test
  void aBraceInsideACharacterClassIsLeftAlone() {
    String java = RegexDialect.toJava("[{}]+/{id}");
    assertThat(Pattern.matches(java, "{}/{id}")).isTrue();
  }
}
