package org.contractfirst.notebooks.specvalidator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the lists Maven cannot read from the service registry ({@code services.yaml}) against it: the client
 * modules ({@code clients/pom.xml}), the BOM and the root {@code dependencyManagement}, the released-baseline copy
 * ({@code specs/pom.xml}, profile {@code baseline-from-repository}, for released services only), the consumer project
 * and the contract tests. Each problem names the file and what to add (or remove). The other-language checks
 * ({@code polyglot/}) read the registry themselves: nothing of theirs to check here.
 *
 * <p>Usage: {@code RegistryCheck <repository root>}; throws (exit code 1) on any problem.
 */
public final class RegistryCheck {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern CLIENT_ARTIFACT = Pattern.compile("<artifactId>([a-z0-9]+-client)</artifactId>");

    private RegistryCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RegistryCheck <repository root>");
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        List<ServiceRegistry.Service> services = ServiceRegistry.read(root.resolve("services.yaml"));
        List<String> problems = check(root, services);
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("[registry] " + p));
            throw new IllegalStateException(problems.size() + " place(s) disagree with services.yaml (CONTRIBUTING.md,"
                    + " \"Add a service\"):\n  " + String.join("\n  ", problems));
        }
        System.out.println("[registry] " + services.size() + " services (" + String.join(", ",
                services.stream().map(ServiceRegistry.Service::id).toList()) + "); the Maven lists agree with services.yaml");
    }

    /** Every disagreement between the registry and the files under {@code root}. */
    public static List<String> check(Path root, List<ServiceRegistry.Service> services) throws IOException {
        List<String> problems = new ArrayList<>();
        String clientsPom = read(root, "clients/pom.xml");
        String bom = read(root, "bom/pom.xml");
        String rootPom = read(root, "pom.xml");
        String specsPom = read(root, "specs/pom.xml");
        String consumerPom = read(root, "consumer/pom.xml");
        String testsPom = read(root, "tests/pom.xml");
        Set<String> modules = new LinkedHashSet<>();
        for (ServiceRegistry.Service s : services) {
            if (!Files.isRegularFile(root.resolve(s.spec()))) {
                problems.add("services.yaml: " + s.id() + ": spec " + s.spec() + " does not exist");
            }
            if (s.client().isPresent()) {
                String module = s.client().get().module();
                modules.add(module);
                String dependency = "<artifactId>" + module + "</artifactId>";
                expect(problems, clientsPom, "<module>" + module + "</module>", "clients/pom.xml <modules>", s);
                expect(problems, bom, dependency, "bom/pom.xml <dependencyManagement>", s);
                expect(problems, rootPom, dependency, "pom.xml <dependencyManagement>", s);
                if (released(root, rootPom, s)) {
                    expect(problems, specsPom, dependency, "specs/pom.xml profile baseline-from-repository (client jar)", s);
                }
                expect(problems, consumerPom, dependency, "consumer/pom.xml <dependencies>", s);
                expect(problems, testsPom, dependency, "tests/pom.xml <dependencies>", s);
                Path modulePom = root.resolve("clients/" + module + "/pom.xml");
                if (!Files.isRegularFile(modulePom)) {
                    problems.add("clients/" + module + "/pom.xml is missing (service " + s.id() + ")");
                } else {
                    String pom = Files.readString(modulePom);
                    String where = "clients/" + module + "/pom.xml";
                    expect(problems, pom, dependency, where, s);
                    expect(problems, pom, "<client.package>" + s.client().get().javaPackage() + "</client.package>", where, s);
                    expect(problems, pom, "java-input/" + s.id() + ".yaml</client.spec>", where, s);
                    expect(problems, pom, "<client.inputs>" + String.join(",", s.sources()) + "</client.inputs>", where, s);
                }
            }
            if (released(root, rootPom, s)) {
                expect(problems, specsPom, "<destFileName>" + s.id() + ".yaml</destFileName>",
                        "specs/pom.xml profile baseline-from-repository (bundle)", s);
            }
        }
        Matcher m = MODULE.matcher(clientsPom);
        while (m.find()) {
            if (!modules.contains(m.group(1))) {
                problems.add("clients/pom.xml: module " + m.group(1) + " has no service in services.yaml (client.module)");
            }
        }
        m = CLIENT_ARTIFACT.matcher(bom);
        while (m.find()) {
            if (!modules.contains(m.group(1))) {
                problems.add("bom/pom.xml: " + m.group(1) + " has no service in services.yaml (client.module)");
            }
        }
        return problems;
    }

    /** Whether the service is in the released contract (contracts/baseline/<contract.baseline.version>/<id>.yaml). */
    private static boolean released(Path root, String rootPom, ServiceRegistry.Service s) {
        Matcher version = Pattern.compile("<contract.baseline.version>([^<]+)</contract.baseline.version>").matcher(rootPom);
        return version.find() && Files.isRegularFile(root.resolve("contracts/baseline/" + version.group(1) + "/" + s.id() + ".yaml"));
    }

    private static void expect(List<String> problems, String text, String wanted, String where, ServiceRegistry.Service s) {
        if (!text.contains(wanted)) {
            problems.add(where + ": missing " + wanted + " (service " + s.id() + ")");
        }
    }

    private static String read(Path root, String file) throws IOException {
        Path path = root.resolve(file);
        return Files.isRegularFile(path) ? Files.readString(path) : "";
    }
}
