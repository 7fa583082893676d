package org.contractfirst.notebooks.specvalidator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryCheckTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void theRepositoryAgreesWithItsRegistry() throws Exception {
        List<ServiceRegistry.Service> services = ServiceRegistry.read(ROOT.resolve("services.yaml"));

        assertThat(services).extracting(ServiceRegistry.Service::id).containsExactly("modelarts", "eihealth", "scnet");
        assertThat(services.get(2).client()).contains(new ServiceRegistry.Client("scnet-client", "org.contractfirst.notebooks.scnet"));
        assertThat(services.get(0).specUnderSpecs()).isEqualTo("modelarts/modelarts.yaml");
        assertThat(RegistryCheck.check(ROOT, services)).isEmpty();
    }

    @Test
    void aServiceWithAClientNobodyAddedIsReportedPlaceByPlace() throws Exception {
        List<ServiceRegistry.Service> services = new ArrayList<>(ServiceRegistry.read(ROOT.resolve("services.yaml")));
        services.add(new ServiceRegistry.Service("acme", "Acme", "specs/acme/acme.yaml", List.of("acme/**"),
                Optional.of(new ServiceRegistry.Client("acme-client", "org.contractfirst.notebooks.acme")), true, false));

        assertThat(RegistryCheck.check(ROOT, services)).containsExactly(
                "services.yaml: acme: spec specs/acme/acme.yaml does not exist",
                "clients/pom.xml <modules>: missing <module>acme-client</module> (service acme)",
                "bom/pom.xml <dependencyManagement>: missing <artifactId>acme-client</artifactId> (service acme)",
                "pom.xml <dependencyManagement>: missing <artifactId>acme-client</artifactId> (service acme)",
                "consumer/pom.xml <dependencies>: missing <artifactId>acme-client</artifactId> (service acme)",
                "tests/pom.xml <dependencies>: missing <artifactId>acme-client</artifactId> (service acme)",
                "clients/acme-client/pom.xml is missing (service acme)");
    }

    @Test
    void aClientModuleWithoutServiceIsReported() throws Exception {
        List<ServiceRegistry.Service> services = new ArrayList<>(ServiceRegistry.read(ROOT.resolve("services.yaml")));
        services.removeIf(s -> s.id().equals("scnet"));

        assertThat(RegistryCheck.check(ROOT, services)).contains(
                "clients/pom.xml: module scnet-client has no service in services.yaml (client.module)",
                "bom/pom.xml: scnet-client has no service in services.yaml (client.module)");
    }

    @Test
    void aBrokenRegistryNamesTheEntryAndTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("services.yaml");
        Files.writeString(file, "services:\n  - id: acme\n    title: Acme\n    sources: [acme/**]\n");
        assertThatThrownBy(() -> ServiceRegistry.read(file)).hasMessage(file + ": service 'acme': missing 'spec'");

        Files.writeString(file, "services:\n  - id: Acme-1\n");
        assertThatThrownBy(() -> ServiceRegistry.read(file))
                .hasMessage(file + ": service id 'Acme-1' must be lower-case letters and digits");

        Files.writeString(file, "services:\n  - {id: a, title: A, spec: x.yaml, sources: [a/**]}\n  - {id: a, title: A, spec: x.yaml, sources: [a/**]}\n");
        assertThatThrownBy(() -> ServiceRegistry.read(file)).hasMessage(file + ": service 'a' is listed twice");
    }
}
