package org.contractfirst.notebooks.evolution;

import org.contractfirst.notebooks.specvalidator.JavaInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates a client from a spec with exactly the options the build uses: the {@code generate-client}
 * execution of the OpenAPI Generator plugin in {@code clients/pom.xml}, overlaid with the client module's
 * own configuration, its {@code client.*} properties interpolated. Options are read from the POMs, never
 * repeated here; an option this class does not know fails, so that the matrix cannot silently diverge from
 * the build.
 */
final class ClientGeneration {

    private static final String PLUGIN = "openapi-generator-maven-plugin";
    private static final String EXECUTION = "generate-client";
    /** Maven parameters that only steer the build (where and whether to write), not what is generated. */
    private static final java.util.Set<String> BUILD_ONLY = java.util.Set.of(
            "inputSpec", "output", "cleanupOutput", "skip", "skipIfSpecIsUnchanged");

    final String module;
    final Path moduleDir;
    final String clientPackage;
    private final Map<String, String> configuration;
    private final Map<String, String> configOptions;

    private ClientGeneration(String module, Path moduleDir, String clientPackage,
                             Map<String, String> configuration, Map<String, String> configOptions) {
        this.module = module;
        this.moduleDir = moduleDir;
        this.clientPackage = clientPackage;
        this.configuration = configuration;
        this.configOptions = configOptions;
    }

    /** The settings of {@code clients/<module>}, e.g. {@code modelarts-client}. */
    static ClientGeneration of(Path repoRoot, String module) throws Exception {
        Path clientsDir = repoRoot.resolve("clients");
        Path moduleDir = clientsDir.resolve(module);
        Document parent = parse(clientsDir.resolve("pom.xml"));
        Document child = parse(moduleDir.resolve("pom.xml"));

        Map<String, String> properties = new LinkedHashMap<>(properties(parent));
        properties.putAll(properties(child));
        properties.put("project.basedir", moduleDir.toString());

        Map<String, String> configuration = new LinkedHashMap<>();
        Map<String, String> configOptions = new LinkedHashMap<>();
        for (Document pom : new Document[] {parent, child}) {
            Element config = executionConfiguration(pom);
            if (config == null) {
                continue;
            }
            for (Element e : children(config)) {
                if (e.getTagName().equals("configOptions")) {
                    for (Element option : children(e)) {
                        configOptions.put(option.getTagName(), interpolate(option.getTextContent().trim(), properties));
                    }
                } else {
                    configuration.put(e.getTagName(), interpolate(e.getTextContent().trim(), properties));
                }
            }
        }
        String clientPackage = properties.get("client.package");
        return new ClientGeneration(module, moduleDir, clientPackage, configuration, configOptions);
    }

    /** Hand-written sources of the module (its entry point), compiled together with the generated ones. */
    Path handWrittenSources() {
        return moduleDir.resolve("src/main/java");
    }

    /**
     * Generates the client of {@code spec} (a published bundle) into {@code outputDir}; the Java sources land in
     * {@code outputDir/java}. Like the build, the generator reads the Java input derived from the bundle
     * ({@link JavaInput}: x-extensible-enum -> enum, scalar anyOf collapsed), written beside {@code outputDir}.
     */
    void generate(Path spec, Path outputDir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(outputDir.toAbsolutePath().getParent());
        Path javaInput = outputDir.toAbsolutePath().resolveSibling("java-input.yaml");
        JavaInput.write(spec, javaInput);
        CodegenConfigurator c = new CodegenConfigurator();
        c.setInputSpec(javaInput.toString());
        c.setOutputDir(outputDir.toString());
        configuration.forEach((key, value) -> {
            switch (key) {
                case "generatorName" -> c.setGeneratorName(value);
                case "library" -> c.setLibrary(value);
                case "ignoreFileOverride" -> c.setIgnoreFileOverride(value);
                case "templateDirectory" -> c.setTemplateDir(value);
                case "apiPackage" -> c.setApiPackage(value);
                case "modelPackage" -> c.setModelPackage(value);
                case "invokerPackage" -> c.setInvokerPackage(value);
                case "generateApiTests" -> c.addGlobalProperty("apiTests", value);
                case "generateModelTests" -> c.addGlobalProperty("modelTests", value);
                case "generateApiDocumentation" -> c.addGlobalProperty("apiDocs", value);
                case "generateModelDocumentation" -> c.addGlobalProperty("modelDocs", value);
                case "parameterNameMappings" -> pairs(value).forEach(c::addParameterNameMapping);
                case "modelNameMappings" -> pairs(value).forEach(c::addModelNameMapping);
                case "schemaMappings" -> pairs(value).forEach(c::addSchemaMapping);
                case "importMappings" -> pairs(value).forEach(c::addImportMapping);
                default -> {
                    if (!BUILD_ONLY.contains(key)) {
                        throw new IllegalStateException("clients/" + module + ": generator option <" + key
                                + "> of the " + EXECUTION + " execution is not known to " + ClientGeneration.class.getSimpleName()
                                + "; map it there so that the evolution matrix generates what the build generates");
                    }
                }
            }
        });
        configOptions.forEach(c::addAdditionalProperty);
        new DefaultGenerator().opts(c.toClientOptInput()).generate();
    }

    private static Map<String, String> pairs(String value) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            String[] kv = pair.trim().split("=", 2);
            pairs.put(kv[0].trim(), kv[1].trim());
        }
        return pairs;
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setIgnoringComments(true);
        return f.newDocumentBuilder().parse(pom.toFile());
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element props : children(pom.getDocumentElement(), "properties")) {
            for (Element p : children(props)) {
                properties.put(p.getTagName(), p.getTextContent().trim());
            }
        }
        return properties;
    }

    /** {@code <configuration>} of the generate-client execution of the generator plugin, wherever it is declared. */
    private static Element executionConfiguration(Document pom) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (!children(plugin, "artifactId").stream().anyMatch(a -> a.getTextContent().trim().equals(PLUGIN))) {
                continue;
            }
            for (Element executions : children(plugin, "executions")) {
                for (Element execution : children(executions, "execution")) {
                    boolean ours = children(execution, "id").stream().anyMatch(id -> id.getTextContent().trim().equals(EXECUTION));
                    if (ours) {
                        return children(execution, "configuration").stream().findFirst().orElse(null);
                    }
                }
            }
        }
        return null;
    }

    private static java.util.List<Element> children(Element parent) {
        return children(parent, null);
    }

    private static java.util.List<Element> children(Element parent, String name) {
        java.util.List<Element> result = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                result.add(e);
            }
        }
        return result;
    }

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private static String interpolate(String value, Map<String, String> properties) {
        for (int round = 0; round < 5 && value.contains("${"); round++) {
            Matcher m = PROPERTY.matcher(value);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String replacement = properties.get(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
            }
            m.appendTail(sb);
            value = sb.toString();
        }
        return value;
    }
}
