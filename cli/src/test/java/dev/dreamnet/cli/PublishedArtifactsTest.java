package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What {@code mvn install} publishes stays consistent with the build: the BOM lists every library
 * module at the build's version, and every jar names its root package as its module name.
 */
class PublishedArtifactsTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void bomListsEveryPublishedModuleAndNothingElse() throws Exception {
        List<String> published = new ArrayList<>();
        for (String module : texts(pom("pom.xml"), "module")) {
            Element pom = pom(module + "/pom.xml");
            if (!"pom".equals(child(pom, "packaging")) && !"true".equals(text(pom, "maven.source.skip"))) {
                published.add(child(pom, "artifactId"));
            }
        }

        assertThat(texts(pom("bom/pom.xml"), "artifactId")).containsExactlyInAnyOrderElementsOf(
                concat("dreamnet-bom", published));
    }

    @Test
    void bomHasTheBuildsVersionAndNoParentSoImportingItPinsOnlyDreamNet() throws Exception {
        Element bom = pom("bom/pom.xml");

        assertThat(bom.getElementsByTagName("parent").getLength()).isZero();
        assertThat(child(bom, "version")).isEqualTo(child(pom("pom.xml"), "version"));
        List<String> versions = texts(bom, "version");
        assertThat(versions.subList(1, versions.size())).containsOnly("${project.version}");
    }

    @Test
    void everyJarModuleNamesItsRootPackageAsAutomaticModuleName() throws Exception {
        for (String module : texts(pom("pom.xml"), "module")) {
            Element pom = pom(module + "/pom.xml");
            if (!"pom".equals(child(pom, "packaging"))) {
                String name = text(pom, "automatic.module.name");
                // spring-boot-autoconfigure is dev.dreamnet.spring.autoconfigure: a module name has no dashes.
                assertThat(name).as(module).isEqualTo("dev.dreamnet." + module.replace("spring-boot-", "spring."));
                if (ROOT.resolve(module + "/src/main/java").toFile().exists()) { // a starter has dependencies only
                    assertThat(ROOT.resolve(module + "/src/main/java/" + name.replace('.', '/'))).as(module)
                            .isDirectory();
                }
            }
        }
    }

    private static Element pom(String file) throws Exception {
        Path path = ROOT.resolve(file);
        assertThat(path).exists();
        try (var in = Files.newInputStream(path)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    /** The text of the project's own element (not its parent's), null if the pom has none. */
    private static String child(Element pom, String tag) {
        for (var node = pom.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element.getTextContent().strip();
            }
        }
        return null;
    }

    /** The first element with that tag name anywhere in the pom, null if there is none. */
    private static String text(Element pom, String tag) {
        List<String> all = texts(pom, tag);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<String> texts(Element pom, String tag) {
        NodeList nodes = pom.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
