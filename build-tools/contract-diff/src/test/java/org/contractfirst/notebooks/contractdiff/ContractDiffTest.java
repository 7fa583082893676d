package org.contractfirst.notebooks.contractdiff;

import org.contractfirst.notebooks.contractdiff.ContractDiff.Finding;
import org.contractfirst.notebooks.contractdiff.ContractDiff.Kind;
import org.contractfirst.notebooks.contractdiff.ContractDiff.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each fixture in src/test/resources/fixtures/ changes one thing of base.yaml (its first line says what);
 * the gate must find exactly that change, breaking or compatible.
 */
class ContractDiffTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TempDir
    Path tmp;

    /** A baseline folder contracts/baseline/0.1.0/things.yaml = base.yaml and a bundles folder with the fixture. */
    private Result gate(String fixture, String projectVersion) throws IOException {
        Path run = tmp.resolve(fixture + "-" + projectVersion);
        Path baseline = Files.createDirectories(run.resolve("baseline/0.1.0"));
        Path bundles = Files.createDirectories(run.resolve("bundles"));
        Files.copy(FIXTURES.resolve("base.yaml"), baseline.resolve("things.yaml"));
        Files.copy(FIXTURES.resolve(fixture + ".yaml"), bundles.resolve("things.yaml"));
        return ContractDiff.gate(baseline, bundles, projectVersion);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            removed-operation               | OPERATION_REMOVED            | GET /others (listOthers)
            renamed-parameter               | PARAMETER_REMOVED            | GET /things/{id} (getThing) parameter 'limit' (query)
            removed-response-field          | RESPONSE_FIELD_REMOVED       | GET /things/{id} (getThing) response 200 application/json: name
            removed-nested-response-field   | RESPONSE_FIELD_REMOVED       | GET /things/{id} (getThing) response 200 application/json: tags[].value
            narrowed-type                   | TYPE_CHANGED                 | POST /things (createThing) request body application/json: weight
            changed-response-type           | TYPE_CHANGED                 | GET /things/{id} (getThing) response 200 application/json: count
            changed-format                  | FORMAT_CHANGED               | GET /things/{id} (getThing) parameter 'limit' (query)
            narrowed-parameter-enum         | ENUM_NARROWED                | GET /things/{id} (getThing) parameter 'status' (query)
            narrowed-request-enum           | ENUM_NARROWED                | POST /things (createThing) request body application/json: color
            new-required-request-field      | REQUIRED_REQUEST_FIELD_ADDED | POST /things (createThing) request body application/json: owner
            request-field-made-required     | REQUEST_FIELD_MADE_REQUIRED  | POST /things (createThing) request body application/json: weight
            changed-operation-id            | OPERATION_ID_CHANGED         | GET /things/{id} (getThing)
            removed-response                | RESPONSE_REMOVED             | GET /things/{id} (getThing) response 404
            extended-response-enum          | ENUM_EXTENDED                | GET /things/{id} (getThing) response 200 application/json: kind
            closed-open-response-enum       | ENUM_EXTENDED                | GET /things/{id} (getThing) response 200 application/json: mood
            restricted-parameter            | ENUM_NARROWED                | GET /things/{id} (getThing) parameter 'limit' (query)
            """)
    void breakingChangeIsCaughtAndFailsTheGate(String fixture, Kind kind, String where) throws IOException {
        Result result = gate(fixture, "0.1.0-SNAPSHOT");

        assertThat(result.breaking()).as(result.findings().toString())
                .anySatisfy(f -> {
                    assertThat(f.kind()).isEqualTo(kind);
                    assertThat(f.where()).isEqualTo(where);
                    assertThat(f.service()).isEqualTo("things");
                })
                .allSatisfy(f -> assertThat(f.kind()).isIn(kind, Kind.PARAMETER_REMOVED));
        assertThat(result.unacknowledged()).isNotEmpty();
    }

    @Test
    void renamedParameterNamesTheNewName() throws IOException {
        Finding f = gate("renamed-parameter", "0.1.0-SNAPSHOT").breaking().get(0);

        assertThat(f.message()).isEqualTo("parameter removed or renamed (new query parameter 'page_size')");
    }

    @Test
    void changedOperationIdNamesBothIds() throws IOException {
        Finding f = gate("changed-operation-id", "0.1.0-SNAPSHOT").breaking().get(0);

        assertThat(f.message()).startsWith("operationId changed from getThing to fetchThing");
    }

    @ParameterizedTest(name = "{0} is compatible")
    @CsvSource(delimiter = '|', textBlock = """
            new-optional-field     | COMPATIBLE_CHANGE
            new-operation          | OPERATION_ADDED
            narrowed-response-enum      | COMPATIBLE_CHANGE
            extended-open-response-enum | ENUM_EXTENDED
            opened-response-enum        | COMPATIBLE_CHANGE
            marked-secret-field         | COMPATIBLE_CHANGE
            declared-open-response-object |
            base                   |
            """)
    void compatibleChangePassesTheGate(String fixture, Kind kind) throws IOException {
        Result result = gate(fixture, "0.1.0-SNAPSHOT");

        assertThat(result.breaking()).isEmpty();
        assertThat(result.unacknowledged()).isEmpty();
        if (kind == Kind.OPERATION_ADDED) {
            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.OPERATION_ADDED);
                assertThat(f.where()).isEqualTo("GET /things/{id}/history (getThingHistory)");
            });
        } else if (kind == Kind.ENUM_EXTENDED) {
            // openapi-diff compares no x- extensions: a value added to an x-extensible-enum is compatible and silent
            // (reported only when the same schema changes otherwise).
            assertThat(result.findings()).noneMatch(Finding::breaking);
        } else if (fixture.equals("declared-open-response-object")) {
            // additionalProperties absent -> true on response objects states what OpenAPI 3.0 implies: no change.
            assertThat(result.findings()).isEmpty();
        } else if (fixture.equals("opened-response-enum")) {
            assertThat(result.findings()).extracting(Finding::toString).contains(
                    "ok       COMPATIBLE_CHANGE  GET /things/{id} (getThing) response 200 application/json: kind: response enum"
                            + " opened (enum -> x-extensible-enum [small, large]): every value valid before stays valid");
        } else if (fixture.equals("marked-secret-field")) {
            assertThat(result.findings()).extracting(Finding::toString).containsExactlyInAnyOrder(
                    "ok       COMPATIBLE_CHANGE  GET /things/{id} (getThing) response 200 application/json: name: format changed"
                            + " from none to password (marks a secret; same wire value and Java type; Python pydantic-v1 types it SecretStr)",
                    "ok       COMPATIBLE_CHANGE  POST /things (createThing) response 201 application/json: name: format changed"
                            + " from none to password (marks a secret; same wire value and Java type; Python pydantic-v1 types it SecretStr)");
        } else if (kind == Kind.COMPATIBLE_CHANGE && fixture.equals("new-optional-field")) {
            assertThat(result.findings()).extracting(Finding::where).containsExactlyInAnyOrder(
                    "GET /things/{id} (getThing) parameter 'offset' (query)",
                    "GET /things/{id} (getThing) response 200 application/json: label",
                    "POST /things (createThing) request body application/json: note",
                    "POST /things (createThing) response 201 application/json: label");
        }
    }

    @Test
    void majorBumpOfTheServiceVersionAcknowledgesABreakingChange() throws IOException {
        Result result = gate("removed-operation-major-bump", "0.1.0-SNAPSHOT");

        assertThat(result.breaking()).extracting(Finding::kind).containsExactly(Kind.OPERATION_REMOVED);
        assertThat(result.unacknowledged()).isEmpty();
    }

    @Test
    void majorBumpOfTheProjectVersionAcknowledgesABreakingChange() throws IOException {
        assertThat(gate("removed-operation", "1.0.0-SNAPSHOT").unacknowledged()).isEmpty();
        assertThat(gate("removed-operation", "0.2.0-SNAPSHOT").unacknowledged()).isNotEmpty();
    }

    @Test
    void removedServiceIsBreaking() throws IOException {
        Path baseline = Files.createDirectories(tmp.resolve("baseline/0.1.0"));
        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        Files.copy(FIXTURES.resolve("base.yaml"), baseline.resolve("things.yaml"));

        Result result = ContractDiff.gate(baseline, bundles, "0.1.0");

        assertThat(result.unacknowledged()).extracting(Finding::kind).containsExactly(Kind.SERVICE_REMOVED);
    }

    @Test
    void buildFailsWithAReportNamingServiceSourceAndChange() throws IOException {
        Path root = tmp.resolve("baseline");
        Path old = Files.createDirectories(root.resolve("0.1.0"));
        Files.createDirectories(root.resolve("0.0.9"));
        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        Files.copy(FIXTURES.resolve("base.yaml"), old.resolve("things.yaml"));
        Files.copy(FIXTURES.resolve("narrowed-parameter-enum.yaml"), bundles.resolve("things.yaml"));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            assertThatThrownBy(() -> ContractDiff.main(new String[] {root.toString(), bundles.toString(),
                    "0.1.0-SNAPSHOT", "things=things/things.yaml"}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("1 breaking change(s) against contract 0.1.0");
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString()).contains(
                "[contract] things (edit things/things.yaml): 1 breaking, 0 compatible - NOT acknowledged: the build fails",
                "[contract]   BREAKING ENUM_NARROWED  GET /things/{id} (getThing) parameter 'status' (query):"
                        + " enum values removed from a request: [FAILED]");
    }

    @Test
    void reportOptionWritesTheReportAlsoWhenTheGateFails() throws IOException {
        Path root = tmp.resolve("baseline");
        Path old = Files.createDirectories(root.resolve("0.1.0"));
        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        Files.copy(FIXTURES.resolve("base.yaml"), old.resolve("things.yaml"));
        Files.copy(FIXTURES.resolve("narrowed-parameter-enum.yaml"), bundles.resolve("things.yaml"));
        Path reportFile = tmp.resolve("out/contract-diff.txt");
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true));
        try {
            assertThatThrownBy(() -> ContractDiff.main(new String[] {root.toString(), bundles.toString(),
                    "0.1.0-SNAPSHOT", "things=things/things.yaml", "--report=" + reportFile}))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            System.setErr(err);
        }
        assertThat(Files.readString(reportFile)).contains(
                "[contract] things (edit things/things.yaml): 1 breaking, 0 compatible - NOT acknowledged: the build fails\n",
                "[contract]   BREAKING ENUM_NARROWED  GET /things/{id} (getThing) parameter 'status' (query):"
                        + " enum values removed from a request: [FAILED]\n");
    }

    @Test
    void recursiveSchemaIsWalkedOnce() throws IOException {
        String tree = """
                openapi: 3.0.3
                info: {title: Tree, version: 1.0.0}
                paths:
                  /tree:
                    get:
                      operationId: getTree
                      responses:
                        '200':
                          description: OK
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Node'}
                components:
                  schemas:
                    Node:
                      type: object
                      properties:
                        name: {type: string}
                        size: {type: integer}
                        children:
                          type: array
                          items: {$ref: '#/components/schemas/Node'}
                """;
        Path baseline = Files.createDirectories(tmp.resolve("tree/baseline/0.1.0"));
        Path bundles = Files.createDirectories(tmp.resolve("tree/bundles"));
        Files.writeString(baseline.resolve("tree.yaml"), tree);
        Files.writeString(bundles.resolve("tree.yaml"), tree.replace("        size: {type: integer}\n", ""));

        Result result = ContractDiff.gate(baseline, bundles, "0.1.0");

        assertThat(result.breaking()).extracting(Finding::where)
                .containsExactly("GET /tree (getTree) response 200 application/json: size");
    }

    @Test
    void baselineVersionPropertyMustMatchTheLatestBaseline() throws IOException {
        Path root = tmp.resolve("baseline");
        Path old = Files.createDirectories(root.resolve("0.1.0"));
        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        Files.copy(FIXTURES.resolve("base.yaml"), old.resolve("things.yaml"));
        Files.copy(FIXTURES.resolve("base.yaml"), bundles.resolve("things.yaml"));

        assertThatThrownBy(() -> ContractDiff.main(new String[] {root.toString(), bundles.toString(), "0.2.0-SNAPSHOT",
                "--baseline-version=0.0.9"}))
                .hasMessageStartingWith("contract.baseline.version is 0.0.9 but the latest baseline is");
        ContractDiff.main(new String[] {root.toString(), bundles.toString(), "0.2.0-SNAPSHOT", "--baseline-version=0.1.0"});
    }

    @Test
    void missingBaselineJarFailsNamingTheJarAndTheSwitch() throws IOException {
        Path java = Files.createDirectories(tmp.resolve("baseline/0.1.0/java"));
        Path jar = java.resolve("a-client-0.1.0.jar");
        Files.writeString(jar, "jar");

        assertThatThrownBy(() -> ContractDiff.javaBaselineNotice(java, new String[] {"a-client", "b-client"}, "0.1.0", Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no released client jar " + java.resolve("b-client-0.1.0.jar") + ": the Java API gate")
                .hasMessageContaining("-Dcontract.baseline.none=<service>");
    }

    @Test
    void clientOfAServiceWithNoReleaseYetIsNamedNotFailed() throws IOException {
        Path java = Files.createDirectories(tmp.resolve("baseline/0.1.0/java"));
        Path jar = java.resolve("a-client-0.1.0.jar");
        Files.writeString(jar, "jar");

        assertThat(ContractDiff.javaBaselineNotice(java, new String[] {"a-client", "b-client"}, "0.1.0", Set.of("b")))
                .containsExactly(
                        "[contract] Java API: a-client is compared with its baseline jar " + jar + " (japicmp)",
                        "[contract] Java API: b-client has no baseline jar (contract.baseline.none: no release yet)");
    }

    @Test
    void serviceWithoutReleasedBundleFailsNamingTheFile() throws IOException {
        Path baseline = Files.createDirectories(tmp.resolve("baseline/0.1.0"));
        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        Files.copy(FIXTURES.resolve("base.yaml"), baseline.resolve("things.yaml"));
        Files.copy(FIXTURES.resolve("base.yaml"), bundles.resolve("things.yaml"));
        Files.copy(FIXTURES.resolve("base.yaml"), bundles.resolve("others.yaml"));

        assertThatThrownBy(() -> ContractDiff.gate(baseline, bundles, "0.1.0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no released contract " + baseline.resolve("others.yaml") + ": the breaking-change gate")
                .hasMessageContaining("-Dcontract.baseline.none=<service>");
    }

    @Test
    void serviceWithNoReleaseYetIsANewServiceWhenNamed() throws IOException {
        Path baseline = Files.createDirectories(tmp.resolve("baseline/0.1.0"));
        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        Files.copy(FIXTURES.resolve("base.yaml"), baseline.resolve("things.yaml"));
        Files.copy(FIXTURES.resolve("base.yaml"), bundles.resolve("things.yaml"));
        Files.copy(FIXTURES.resolve("base.yaml"), bundles.resolve("others.yaml"));

        Result result = ContractDiff.gate(baseline, bundles, "0.1.0", Set.of("others"));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.service()).isEqualTo("others");
            assertThat(f.kind()).isEqualTo(Kind.SERVICE_ADDED);
            assertThat(f.breaking()).isFalse();
        });
    }

    @Test
    void switchNamingAReleasedServiceFails() throws IOException {
        Path baseline = Files.createDirectories(tmp.resolve("baseline/0.1.0"));
        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        Files.copy(FIXTURES.resolve("base.yaml"), baseline.resolve("things.yaml"));
        Files.copy(FIXTURES.resolve("base.yaml"), bundles.resolve("things.yaml"));

        assertThatThrownBy(() -> ContractDiff.gate(baseline, bundles, "0.1.0", Set.of("things")))
                .hasMessage("contract.baseline.none names things, released in " + baseline
                        + ": remove it from contract.baseline.none so that the gate compares it");
    }

    @Test
    void switchNamingNoServiceOfTheBuildFails() throws IOException {
        Path baseline = Files.createDirectories(tmp.resolve("baseline/0.1.0"));
        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        Files.copy(FIXTURES.resolve("base.yaml"), baseline.resolve("things.yaml"));
        Files.copy(FIXTURES.resolve("base.yaml"), bundles.resolve("things.yaml"));

        assertThatThrownBy(() -> ContractDiff.gate(baseline, bundles, "0.1.0", Set.of("thngs")))
                .hasMessage("contract.baseline.none names thngs, which this build has no bundle for (services: things)");
    }

    @Test
    void noBaselineFolderFailsUnlessEveryServiceIsNamed() throws IOException {
        Path root = tmp.resolve("baseline");
        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        Files.copy(FIXTURES.resolve("base.yaml"), bundles.resolve("things.yaml"));
        Files.copy(FIXTURES.resolve("base.yaml"), bundles.resolve("others.yaml"));

        assertThatThrownBy(() -> ContractDiff.main(new String[] {root.toString(), bundles.toString(), "0.1.0-SNAPSHOT",
                "--baseline-version=0.1.0", "--no-baseline=things"}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no released contract under " + root + " (expected "
                        + root.resolve("0.1.0").resolve("<service>.yaml") + ")")
                .hasMessageEndingWith("-Dcontract.baseline.none=others,things (contracts/README.md)");
        ContractDiff.main(new String[] {root.toString(), bundles.toString(), "0.1.0-SNAPSHOT",
                "--baseline-version=0.1.0", "--no-baseline=things, others"});
    }

    @Test
    void latestBaselineIsTheHighestVersion() throws IOException {
        Path root = tmp.resolve("baseline");
        for (String v : List.of("0.9.0", "0.10.0", "0.2.1")) {
            Files.createDirectories(root.resolve(v));
        }
        assertThat(ContractDiff.latestBaseline(root)).hasValueSatisfying(
                p -> assertThat(p.getFileName().toString()).isEqualTo("0.10.0"));
        assertThat(ContractDiff.latestBaseline(tmp.resolve("none"))).isEmpty();
    }

    @Test
    void reportListsEveryServiceEvenWithoutChanges() throws IOException {
        Result result = gate("base", "0.1.0-SNAPSHOT");

        Path run = tmp.resolve("base-0.1.0-SNAPSHOT");
        assertThat(ContractDiff.report(result, run.resolve("baseline/0.1.0"), run.resolve("bundles"), "0.1.0-SNAPSHOT", Map.of()))
                .endsWith("[contract] things: no change");
    }
}
