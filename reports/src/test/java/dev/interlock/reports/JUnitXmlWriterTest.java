package dev.interlock.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlWriterTest {

  @TempDir Path dir;

  private Document write(RunReport run) throws Exception {
    new JUnitXmlWriter(RunFixtures.OPTIONS).write(run, dir);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(dir.resolve("junit/TEST-interlock.xml").toFile());
  }

  @Test
  void countsMatchTheRun() throws Exception {
    RunReport run = RunFixtures.typical();
    Document doc = write(run);

    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(run.results().size()));
    assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(run.count(Outcome.FAILED)));
    assertThat(root.getAttribute("skipped")).isEqualTo(String.valueOf(run.count(Outcome.SKIPPED)));

    NodeList suites = doc.getElementsByTagName("testsuite");
    Set<String> families = new HashSet<>();
    run.results().forEach(r -> families.add("interlock." + r.family()));
    assertThat(suites.getLength()).isEqualTo(families.size());
    int tests = 0;
    int failures = 0;
    for (int i = 0; i < suites.getLength(); i++) {
      Element s = (Element) suites.item(i);
      String family = s.getAttribute("name").substring("interlock.".length());
      long expectedTests = run.results().stream().filter(r -> r.family().equals(family)).count();
      long expectedFailures =
          run.results().stream().filter(r -> r.family().equals(family) && r.failed()).count();
      assertThat(s.getElementsByTagName("testcase").getLength()).isEqualTo((int) expectedTests);
      assertThat(Integer.parseInt(s.getAttribute("tests"))).isEqualTo((int) expectedTests);
      assertThat(Integer.parseInt(s.getAttribute("failures"))).isEqualTo((int) expectedFailures);
      assertThat(s.getElementsByTagName("failure").getLength()).isEqualTo((int) expectedFailures);
      tests += Integer.parseInt(s.getAttribute("tests"));
      failures += Integer.parseInt(s.getAttribute("failures"));
    }
    assertThat(tests).isEqualTo(run.results().size());
    assertThat(failures).isEqualTo((int) run.count(Outcome.FAILED));
    assertThat(doc.getElementsByTagName("skipped").getLength())
        .isEqualTo((int) run.count(Outcome.SKIPPED));
  }

  @Test
  void aFailureCarriesItsMessageAndTheRenderedFindings() throws Exception {
    Document doc = write(RunFixtures.typical());
    NodeList failures = doc.getElementsByTagName("failure");
    Element failure = null;
    for (int i = 0; i < failures.getLength(); i++) {
      Element f = (Element) failures.item(i);
      if (((Element) f.getParentNode()).getAttribute("classname").contains("pact.")) {
        failure = f;
      }
    }
    assertThat(failure).isNotNull();
    Element testcase = (Element) failure.getParentNode();

    assertThat(testcase.getAttribute("classname")).isEqualTo("interlock.pact.request-matches-spec");
    assertThat(testcase.getAttribute("name"))
        .isEqualTo("order-sync → payments: create a charge [POST /v1/charges]");
    assertThat(failure.getAttribute("message"))
        .isEqualTo("The pact's response body does not match the spec.");
    assertThat(failure.getAttribute("type")).isEqualTo("error");
    assertThat(failure.getTextContent())
        .contains("contracts/openapi/payments/2024-06.yaml:42:17: error:")
        .contains("[verify.pact.response.body.type]")
        .contains("expected: integer");
  }

  @Test
  void runFactsAreSuiteProperties() throws Exception {
    Document doc = write(RunFixtures.typical());
    NodeList props = doc.getElementsByTagName("property");
    boolean seed = false;
    for (int i = 0; i < props.getLength(); i++) {
      Element p = (Element) props.item(i);
      seed |=
          p.getAttribute("name").equals("interlock.seed")
              && p.getAttribute("value").equals("4815162342");
    }
    assertThat(seed).isTrue();
  }

  @Test
  void controlCharactersAndMarkupStayWellFormed() throws Exception {
    CheckResult weird =
        RunFixtures.result(
            "pact.x",
            "v",
            "",
            Outcome.FAILED,
            dev.interlock.core.Severity.ERROR,
            "subject <with> & \"quotes\" \u0001 and ]]>",
            "bad \u0007 bell",
            java.util.List.of(),
            java.util.List.of(),
            java.util.Map.of());
    Document doc = write(RunFixtures.run(java.util.List.of(weird)));
    Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("name"))
        .startsWith("subject <with> & \"quotes\" \uFFFD and ]]>");
  }
}
