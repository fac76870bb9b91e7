package dev.interlock.compat.internal;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.interlock.compat.internal.RuleSet.Group;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * XML bodies compared as Pact JVM compares them: element names (namespace URI + local name),
 * attributes ({@code $.a.b['@attr']}), text ({@code $.a.b['#text']}), children grouped by name,
 * rules on an element path applying to the list of its same-named siblings.
 */
public final class XmlBodies {

  private XmlBodies() {}

  public static void compare(
      String expected, String actual, RuleSet rules, boolean allowUnexpected, List<String> out) {
    Element e;
    Element a;
    try {
      e = parse(expected);
    } catch (Exception ex) {
      out.add("$: expected body is not well-formed XML: " + ex.getMessage());
      return;
    }
    try {
      a = parse(actual);
    } catch (Exception ex) {
      out.add("$: actual body is not well-formed XML: " + ex.getMessage());
      return;
    }
    new XmlBodies.Run(rules, allowUnexpected, out).element(List.of(name(e)), e, a);
  }

  private static Element parse(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(new InputSource(new StringReader(text))).getDocumentElement();
  }

  private static String name(Node n) {
    return n.getLocalName() == null ? n.getNodeName() : n.getLocalName();
  }

  private record Run(RuleSet rules, boolean allowUnexpected, List<String> out) {

    void element(List<Object> path, Element e, Element a) {
      if (!name(e).equals(name(a)) || !Objects.equals(e.getNamespaceURI(), a.getNamespaceURI())) {
        out.add(
            RuleSet.render(path)
                + ": expected element "
                + qualified(e)
                + " but got "
                + qualified(a));
        return;
      }
      attributes(path, e, a);
      children(path, e, a);
      text(path, e, a);
    }

    private static String qualified(Element e) {
      return e.getNamespaceURI() == null ? name(e) : "{" + e.getNamespaceURI() + "}" + name(e);
    }

    void attributes(List<Object> path, Element e, Element a) {
      Map<String, String> ea = attrs(e);
      Map<String, String> aa = attrs(a);
      for (Map.Entry<String, String> entry : ea.entrySet()) {
        String av = aa.get(entry.getKey());
        List<Object> p = with(path, "@" + entry.getKey());
        if (av == null) {
          out.add(
              RuleSet.render(path)
                  + ": expected attribute '"
                  + entry.getKey()
                  + "' but was missing");
          continue;
        }
        Group g = rules.select("body", p);
        if (g != null) {
          String f =
              ValueMatchers.check(g, TextNode.valueOf(entry.getValue()), TextNode.valueOf(av));
          if (f != null) {
            out.add(RuleSet.render(p) + ": " + f);
          }
        } else if (!entry.getValue().equals(av)) {
          out.add(RuleSet.render(p) + ": expected '" + entry.getValue() + "' but got '" + av + "'");
        }
      }
      if (!allowUnexpected) {
        for (String k : aa.keySet()) {
          if (!ea.containsKey(k)) {
            out.add(RuleSet.render(path) + ": unexpected attribute '" + k + "'");
          }
        }
      }
    }

    private static Map<String, String> attrs(Element e) {
      Map<String, String> m = new LinkedHashMap<>();
      NamedNodeMap map = e.getAttributes();
      for (int i = 0; i < map.getLength(); i++) {
        Attr at = (Attr) map.item(i);
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(at.getNamespaceURI())) {
          continue;
        }
        m.put(name(at), at.getValue());
      }
      return m;
    }

    void children(List<Object> path, Element e, Element a) {
      Map<String, List<Element>> ec = byName(e);
      Map<String, List<Element>> ac = byName(a);
      if (ec.isEmpty() && !ac.isEmpty() && !allowUnexpected) {
        out.add(RuleSet.render(path) + ": expected no child elements but got " + ac.keySet());
        return;
      }
      Group parentRule = rules.select("body", path);
      boolean parentIsTyped =
          parentRule != null && parentRule.rules().stream().anyMatch(r -> isType(r.match()));
      if (parentIsTyped && !ec.isEmpty()) {
        for (String k : ac.keySet()) {
          if (!ec.containsKey(k)) {
            out.add(RuleSet.render(path) + ": unexpected element '" + k + "'");
          }
        }
      }
      for (Map.Entry<String, List<Element>> entry : ec.entrySet()) {
        String childName = entry.getKey();
        List<Element> expected = entry.getValue();
        List<Element> actual = ac.getOrDefault(childName, List.of());
        List<Object> childPath = with(path, childName);
        Group g = rules.select("body", childPath);
        boolean typed = g != null && g.rules().stream().anyMatch(r -> isType(r.match()));
        boolean parentTyped =
            parentRule != null && parentRule.rules().stream().anyMatch(r -> isType(r.match()));
        if (typed || parentTyped) {
          Group sizeRule = typed ? g : parentRule;
          for (RuleSet.Rule r : sizeRule.rules()) {
            Integer min = r.integer("min");
            Integer max = r.integer("max");
            if (min != null && actual.size() < min) {
              out.add(
                  RuleSet.render(childPath)
                      + ": expected at least "
                      + min
                      + " element(s) but got "
                      + actual.size());
            }
            if (max != null && actual.size() > max) {
              out.add(
                  RuleSet.render(childPath)
                      + ": expected at most "
                      + max
                      + " element(s) but got "
                      + actual.size());
            }
          }
          if (actual.isEmpty()
              && expected.size() > 0
              && sizeRule.rules().stream().allMatch(r -> r.integer("min") == null)) {
            out.add(
                RuleSet.render(path) + ": expected element '" + childName + "' but was missing");
          }
          for (int i = 0; i < actual.size(); i++) {
            element(
                childPath, i < expected.size() ? expected.get(i) : expected.get(0), actual.get(i));
          }
          continue;
        }
        if (actual.isEmpty()) {
          out.add(RuleSet.render(path) + ": expected element '" + childName + "' but was missing");
          continue;
        }
        if (expected.size() > actual.size()
            || (expected.size() != actual.size() && !allowUnexpected)) {
          out.add(
              RuleSet.render(childPath)
                  + ": expected "
                  + expected.size()
                  + " element(s) but got "
                  + actual.size());
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
          element(childPath, expected.get(i), actual.get(i));
        }
      }
      if (!allowUnexpected) {
        for (String k : ac.keySet()) {
          if (!ec.containsKey(k)) {
            out.add(RuleSet.render(path) + ": unexpected element '" + k + "'");
          }
        }
      }
    }

    private static boolean isType(String match) {
      return match.equals("type") || match.equals("min") || match.equals("max");
    }

    void text(List<Object> path, Element e, Element a) {
      String et = text(e);
      String at = text(a);
      List<Object> p = with(path, "#text");
      Group g = rules.select("body", p);
      if (g != null && rules.selectExact("body", p) == null) {
        // inherited from the element: a type rule on an element accepts any text
        if (g.rules().stream().allMatch(r -> isType(r.match()))) {
          return;
        }
      }
      if (g != null) {
        if (et.isEmpty() && at.isEmpty()) {
          return;
        }
        String f = ValueMatchers.check(g, TextNode.valueOf(et), TextNode.valueOf(at));
        if (f != null) {
          out.add(RuleSet.render(p) + ": " + f);
        }
      } else if (!et.equals(at)) {
        out.add(RuleSet.render(p) + ": expected '" + et + "' but got '" + at + "'");
      }
    }

    private static String text(Element e) {
      StringBuilder b = new StringBuilder();
      NodeList nodes = e.getChildNodes();
      for (int i = 0; i < nodes.getLength(); i++) {
        Node n = nodes.item(i);
        if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
          b.append(n.getNodeValue());
        }
      }
      return b.toString().trim();
    }

    private static Map<String, List<Element>> byName(Element e) {
      Map<String, List<Element>> m = new LinkedHashMap<>();
      NodeList nodes = e.getChildNodes();
      for (int i = 0; i < nodes.getLength(); i++) {
        if (nodes.item(i) instanceof Element c) {
          m.computeIfAbsent(name(c), k -> new ArrayList<>()).add(c);
        }
      }
      return m;
    }

    private static List<Object> with(List<Object> path, Object token) {
      List<Object> p = new ArrayList<>(path);
      p.add(token);
      return p;
    }
  }
}
