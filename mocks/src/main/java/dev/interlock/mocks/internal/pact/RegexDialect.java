package dev.interlock.mocks.internal.pact;

import au.com.dius.pact.core.model.matchingrules.MatchingRule;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleGroup;
import au.com.dius.pact.core.model.matchingrules.MatchingRules;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions of pacts written by Ruby tools, made readable by Java. Ruby (Onigmo) takes a
 * brace that does not open a quantifier as a literal ({@code \/pacticipants\/{pacticipant}}); Java
 * refuses the whole expression, and Pact JVM then throws instead of matching. Such braces are
 * escaped; an expression Java already accepts is left as it is.
 */
public final class RegexDialect {

  private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");

  private RegexDialect() {}

  /** The expression as Java reads it, meaning what Ruby reads. */
  public static String toJava(String regex) {
    if (compiles(regex)) {
      return regex;
    }
    StringBuilder out = new StringBuilder(regex.length() + 8);
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(c).append(regex.charAt(++i));
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      }
      if (!inClass
          && c == '{'
          && !QUANTIFIER.matcher(regex).region(i, regex.length()).lookingAt()) {
        out.append("\\{");
      } else if (!inClass && c == '}' && !closesQuantifier(regex, i)) {
        out.append("\\}");
      } else {
        out.append(c);
      }
    }
    String java = out.toString();
    return compiles(java) ? java : regex;
  }

  /** Rewrites, in place, every regex rule of the rules into Java's dialect. */
  public static void normalize(MatchingRules rules) {
    for (String name : rules.getCategories()) {
      MatchingRuleCategory category = rules.rulesForCategory(name);
      for (Map.Entry<String, MatchingRuleGroup> e :
          List.copyOf(category.getMatchingRules().entrySet())) {
        MatchingRuleGroup group = e.getValue();
        List<MatchingRule> fixed = new ArrayList<>(group.getRules().size());
        boolean changed = false;
        for (MatchingRule r : group.getRules()) {
          if (r instanceof RegexMatcher re && !re.getRegex().equals(toJava(re.getRegex()))) {
            fixed.add(new RegexMatcher(toJava(re.getRegex()), re.getExample()));
            changed = true;
          } else {
            fixed.add(r);
          }
        }
        if (changed) {
          category.setRules(
              e.getKey(), new MatchingRuleGroup(fixed, group.getRuleLogic(), group.getCascaded()));
        }
      }
    }
  }

  private static boolean closesQuantifier(String regex, int at) {
    int open = regex.lastIndexOf('{', at);
    return open >= 0
        && QUANTIFIER.matcher(regex.substring(open, at + 1)).matches()
        && (open == 0 || regex.charAt(open - 1) != '\\');
  }

  private static boolean compiles(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}
