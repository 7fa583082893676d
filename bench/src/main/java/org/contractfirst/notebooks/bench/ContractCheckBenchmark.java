package org.contractfirst.notebooks.bench;

import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.runtime.contract.ContractCheck;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's opt-in contract check: the same call as {@code CallBenchmark.generatedClient}, with the check off
 * (the default) and on (log mode; the page conforms, so nothing is logged). Run from the repository root after a
 * build (it reads {@code specs/target/bundles/modelarts.yaml}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ContractCheckBenchmark {

    /** Notebooks per page: the big page of the other benchmarks, and a typical one. */
    @Param({"1000", "10"})
    int items;

    StaticServer server;
    ModelArtsClient off;
    ModelArtsClient on;

    @Setup
    public void setup() throws IOException {
        Path bundle = Path.of("specs/target/bundles/modelarts.yaml");
        if (!Files.isRegularFile(bundle)) {
            throw new IllegalStateException("run from the repository root after a build: " + bundle.toAbsolutePath() + " is missing");
        }
        server = new StaticServer(SeedPages.modelartsNotebooks(items));
        off = ModelArtsClient.builder().baseUrl(server.baseUrl()).token(CallBenchmark.TOKEN).build();
        System.setProperty(ContractCheck.MODE_PROPERTY, "log");
        System.setProperty(ContractCheck.SPEC_PROPERTY_PREFIX + "modelarts", bundle.toString());
        try {
            on = ModelArtsClient.builder().baseUrl(server.baseUrl()).token(CallBenchmark.TOKEN).build();
        } finally {
            System.clearProperty(ContractCheck.MODE_PROPERTY);
            System.clearProperty(ContractCheck.SPEC_PROPERTY_PREFIX + "modelarts");
        }
    }

    @TearDown
    public void tearDown() {
        server.close();
    }

    private ListNotebooksResponse call(ModelArtsClient client) throws IOException {
        return client.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder(CallBenchmark.PROJECT).limit(items).offset(0).build()).execute().body();
    }

    @Benchmark
    public ListNotebooksResponse checkOff() throws IOException {
        return call(off);
    }

    @Benchmark
    public ListNotebooksResponse checkOn() throws IOException {
        return call(on);
    }
}
