package org.contractfirst.notebooks.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our configuration of the Java API gate (clients/pom.xml): japicmp compares each client jar with its released
 * jar and breaks the build on an incompatible change, and the build fails closed when that jar is missing (an
 * enforcer rule on the same path) unless the client's service is named in {@code contract.baseline.none} (no
 * release yet). japicmp's own verdicts are japicmp's business, not tested here.
 */
class JavaApiGateConfigTest {

    private static final String ENFORCER = "//plugin[artifactId='maven-enforcer-plugin']/executions/execution[id='java-api-baseline-exists']";
    private static final String JAPICMP = "//plugin[artifactId='japicmp-maven-plugin']";
    private static final String NONE = "//plugin[artifactId='build-helper-maven-plugin']/executions/execution[id='java-baseline-none']";

    private static Document clientsPom() throws Exception {
        Path pom = Path.of(System.getProperty("repo.root"), "clients", "pom.xml");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String text(Document pom, String xpath) throws Exception {
        return ((String) XPathFactory.newInstance().newXPath().evaluate(xpath, pom, XPathConstants.STRING)).strip();
    }

    @Test
    void missingBaselineJarFailsTheBuildUnlessTheServiceHasNoReleaseYet() throws Exception {
        Document pom = clientsPom();

        String japicmpOld = text(pom, JAPICMP + "/configuration/oldVersion/file/path");
        assertThat(japicmpOld).isEqualTo(
                "${contract.baseline.dir}/${contract.baseline.version}/java/${project.artifactId}-${contract.baseline.version}.jar");
        assertThat(text(pom, ENFORCER + "/configuration/rules/requireFilesExist/files/file"))
                .as("the enforcer rule checks the jar japicmp compares with").isEqualTo(japicmpOld);
        assertThat(text(pom, ENFORCER + "/phase")).isEqualTo("verify");
        assertThat(text(pom, ENFORCER + "/configuration/skip")).isEqualTo("${japicmp.skip}");
        assertThat(text(pom, ENFORCER + "/configuration/rules/requireFilesExist/message"))
                .contains("${project.artifactId} ${contract.baseline.version}", "-Dcontract.baseline.none=<service>");
        assertThat(text(pom, "/project/properties/contract.baseline.dir"))
                .as("no '..': requireFilesExist compares the path with its canonical form")
                .isEqualTo("${maven.multiModuleProjectDirectory}/contracts/baseline");
        assertThat(text(pom, NONE + "/configuration/name")).isEqualTo("japicmp.skip");
        assertThat(text(pom, NONE + "/configuration/value"))
                .isEqualTo("${project.packaging}:${project.artifactId}@,${contract.baseline.none},");
        assertThat(text(pom, JAPICMP + "/configuration/parameter/ignoreMissingOldVersion")).isEqualTo("false");
        assertThat(text(pom, JAPICMP + "/configuration/parameter/breakBuildOnBinaryIncompatibleModifications"))
                .isEqualTo("${japicmp.breakBuild}");
        assertThat(text(pom, JAPICMP + "/configuration/parameter/breakBuildOnSourceIncompatibleModifications"))
                .isEqualTo("${japicmp.breakBuild}");
    }

    /**
     * build-helper's regex-property sets japicmp.skip to "true" only when the value matches: a client whose service is
     * named, or the pom module clients-parent (no jar to compare).
     */
    @ParameterizedTest(name = "{0} + contract.baseline.none=[{1}] -> skip {2}")
    @CsvSource(delimiter = '|', textBlock = """
            jar:scnet-client     |                     | false
            jar:scnet-client     | scnet               | true
            jar:scnet-client     | modelarts,scnet     | true
            jar:modelarts-client | eihealth, modelarts | true
            jar:scnet-client     | scnetx              | false
            jar:scnet-client     | xscnet,modelarts    | false
            jar:scnet-client     | scnet-client        | false
            pom:clients-parent   |                     | true
            """)
    void serviceWithNoReleaseYetSkipsOnlyItsOwnClient(String module, String none, boolean skipped) throws Exception {
        String regex = text(clientsPom(), NONE + "/configuration/regex");
        String value = module + "@," + (none == null ? "" : none) + ",";

        assertThat(value.matches(regex)).isEqualTo(skipped);
    }

    @Test
    void everyClientModuleHasItsReleasedJar() throws Exception {
        NodeList modules = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("/project/modules/module", clientsPom(), XPathConstants.NODESET);
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            clients.add(modules.item(i).getTextContent().strip());
        }
        String version = System.getProperty("contract.baseline.version");
        Path java = Path.of(System.getProperty("contracts.dir"), "baseline", version, "java");

        assertThat(clients).containsExactly("modelarts-client", "eihealth-client", "scnet-client").allSatisfy(c ->
                assertThat(java.resolve(c + "-" + version + ".jar")).as("baseline jar of " + c).isRegularFile());
    }
}
