package io.jvq.core;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What docs/ARCHITECTURE.md ("Contributing a module") asks of every module, checked on the poms of
 * the reactor: a published module names its JPMS module and is listed in jvq-bom; the BOM lists
 * published jvq modules and nothing else.
 */
class PublishedModulesTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theBomListsExactlyThePublishedModules() throws Exception {
        Map<String, Element> modules = modules();
        List<String> published = new ArrayList<>();
        modules.forEach((artifactId, pom) -> {
            if (!"true".equals(property(pom, "jvq.unpublished")) && !"pom".equals(child(pom, "packaging"))) {
                published.add(artifactId);
            }
        });

        List<String> inBom = new ArrayList<>();
        Element bom = read(ROOT.resolve("jvq-bom/pom.xml"));
        NodeList managed = ((Element) bom.getElementsByTagName("dependencyManagement").item(0))
                .getElementsByTagName("dependency");
        for (int i = 0; i < managed.getLength(); i++) {
            Element dependency = (Element) managed.item(i);
            assertThat(child(dependency, "groupId")).as("the BOM lists jvq artifacts only").isEqualTo("io.jvq");
            assertThat(child(dependency, "version")).isEqualTo("${project.version}");
            inBom.add(child(dependency, "artifactId"));
        }

        assertThat(published).contains("jvq-core", "jvq-capture", "jvq-sim", "jvq-testkit");
        assertThat(inBom).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void everyModuleNamesItsJpmsModule() throws Exception {
        modules().forEach((artifactId, pom) -> {
            if (!"pom".equals(child(pom, "packaging"))) {
                assertThat(property(pom, "jvq.module.name")).as(artifactId + "'s jvq.module.name")
                        .isNotNull()
                        .matches("io\\.jvq(\\.[a-z][a-z0-9]*)+");
            }
        });
    }

    private static Map<String, Element> modules() throws Exception {
        Element parent = read(ROOT.resolve("pom.xml"));
        NodeList names = ((Element) parent.getElementsByTagName("modules").item(0)).getElementsByTagName("module");
        Map<String, Element> modules = new TreeMap<>();
        for (int i = 0; i < names.getLength(); i++) {
            Element pom = read(ROOT.resolve(names.item(i).getTextContent().strip()).resolve("pom.xml"));
            modules.put(child(pom, "artifactId"), pom);
        }
        return modules;
    }

    private static Element read(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        return document.getDocumentElement();
    }

    /** The text of a direct child element, or null. */
    private static String child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static String property(Element pom, String name) {
        for (Node node = pom.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals("properties")) {
                return child(e, name);
            }
        }
        return null;
    }
}
