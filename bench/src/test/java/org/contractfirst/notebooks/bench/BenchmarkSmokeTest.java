package org.contractfirst.notebooks.bench;

import com.huaweicloud.sdk.eihealth.v1.model.ListNotebookResponse;
import org.contractfirst.notebooks.eihealth.model.NotebookEntity;
import org.contractfirst.notebooks.modelarts.model.DeInstance;
import org.contractfirst.notebooks.modelarts.model.DeInstanceList;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark smoke of the normal build: each benchmark method runs (once directly, with its result checked,
 * then in a one-iteration in-process JMH run, about 5 s), so that a benchmark that no longer compiles, decodes
 * or answers fails the build. It measures nothing: see BENCHMARKS.md for the real runs.
 */
class BenchmarkSmokeTest {

    @Test
    void everyDecoderDecodesTheWholePageToTheSameValues() throws Exception {
        DecodeBenchmark b = new DecodeBenchmark();
        b.setup();

        var eihealth = b.eihealth_converter();
        assertThat(eihealth.getCount()).isEqualTo(SeedPages.ITEMS);
        assertThat(eihealth.getNotebooks()).hasSize(SeedPages.ITEMS);
        assertThat(eihealth.getNotebooks().get(999).getId()).isEqualTo("DE-7d558ef8-c73d-11ea-964c-0000000003e7");
        assertThat(eihealth.getNotebooks().get(3).getFlavor().getCpu()).isEqualTo(8.0f); // "8" coerced
        assertThat(eihealth.getNotebooks()).allSatisfy(n -> assertThat(n.getStatus().isKnown()).isTrue());
        assertThat(b.eihealth_jackson()).isEqualTo(eihealth);

        var numeric = b.eihealthNumeric_converter();
        assertThat(b.eihealthNumeric_jackson()).isEqualTo(numeric);
        assertThat(numeric.getNotebooks()).extracting(NotebookEntity::getFlavor)
                .containsExactlyElementsOf(eihealth.getNotebooks().stream().map(NotebookEntity::getFlavor).toList());
        ListNotebookResponse sdk = b.eihealthNumeric_officialSdk();
        assertThat(sdk.getCount()).isEqualTo(SeedPages.ITEMS);
        assertThat(sdk.getNotebooks()).hasSize(SeedPages.ITEMS);
        for (int i = 0; i < SeedPages.ITEMS; i++) {
            NotebookEntity ours = numeric.getNotebooks().get(i);
            var theirs = sdk.getNotebooks().get(i);
            assertThat(theirs.getId()).isEqualTo(ours.getId());
            assertThat(theirs.getStatus().getValue()).isEqualTo(ours.getStatus().getValue());
            assertThat(theirs.getFlavor().getMemory()).isEqualTo(ours.getFlavor().getMemory());
            assertThat(theirs.getImage().getImageInfo().getImageTag()).isEqualTo(ours.getImage().getImageInfo().getImageTag());
        }

        ListNotebooksResponse notebooks = b.modelartsNotebooks_converter();
        assertThat(notebooks.getTotal()).isEqualTo((long) SeedPages.ITEMS);
        assertThat(notebooks.getData()).hasSize(SeedPages.ITEMS).extracting(NotebookResp::getId).doesNotHaveDuplicates();
        assertThat(b.modelartsNotebooks_jackson()).isEqualTo(notebooks);

        DeInstanceList instances = b.devEnvInstances_converter();
        assertThat(instances.getTotalCount()).isEqualTo(SeedPages.ITEMS);
        assertThat(instances.getInstances()).hasSize(SeedPages.ITEMS).extracting(DeInstance::getId).doesNotHaveDuplicates();
        assertThat(instances.getInstances().get(0).getSpec().getAutoStop().getStopTimestamp()).isEqualTo(1594891408723L);
        assertThat(b.devEnvInstances_jackson()).isEqualTo(instances);
    }

    @Test
    void theMapperWithoutTheAnySetterDecodesTheSameKnownFieldsAndDropsTheUnknownOnes() throws Exception {
        DecodeBenchmark b = new DecodeBenchmark();
        b.setup();
        // pages without unknown fields: the same values either way (equals includes getAdditionalProperties())
        assertThat(b.eihealth_converterNoAny()).isEqualTo(b.eihealth_converter());
        assertThat(b.eihealthNumeric_converterNoAny()).isEqualTo(b.eihealthNumeric_converter());
        ListNotebooksResponse notebooks = b.modelartsNotebooks_converter();
        assertThat(b.modelartsNotebooks_converterNoAny()).isEqualTo(notebooks);
        assertThat(b.devEnvInstances_converterNoAny()).isEqualTo(b.devEnvInstances_converter());

        // the page with three undeclared properties per item (undeclared today: a spec that declares one fails here) ...
        var mapper = new org.contractfirst.notebooks.modelarts.invoker.JSON().getMapper();
        var declared = mapper.getSerializationConfig().introspect(mapper.constructType(NotebookResp.class))
                .findProperties().stream().map(BeanPropertyDefinition::getName).toList();
        assertThat(declared).as("properties NotebookResp declares").contains("id", "status").doesNotContainAnyElementsOf(SeedPages.UNKNOWN_FIELDS);
        // ... kept by the generated mapper ...
        ListNotebooksResponse kept = b.modelartsUnknown_converter();
        assertThat(kept.getData()).hasSize(SeedPages.ITEMS);
        NotebookResp item = kept.getData().get(7);
        assertThat(item.getAdditionalProperties()).containsOnlyKeys(SeedPages.UNKNOWN_FIELDS);
        assertThat(item.getAdditionalProperty("requester").get("name").asText()).isEqualTo("user_7");
        assertThat(item.getAdditionalProperty("affinity_type").asText()).isEqualTo("NONE");
        assertThat(item.getAdditionalProperty("quota_items").get(1).asText()).isEqualTo("STORAGE");
        assertThat(kept.getData()).allSatisfy(n -> assertThat(n.getAdditionalProperties()).hasSize(3));
        assertThat(kept.getAdditionalProperties()).isEmpty();
        assertThat(kept).isNotEqualTo(notebooks);
        // ... skipped by the one whose mix-ins disable the any-setter: then equal to the page without them
        ListNotebooksResponse skipped = b.modelartsUnknown_converterNoAny();
        assertThat(skipped.getData()).allSatisfy(n -> assertThat(n.getAdditionalProperties()).isEmpty());
        assertThat(skipped).isEqualTo(notebooks);
    }

    @Test
    void aBodyPerOperationLeavesThePageWholeForTheNext() throws Exception {
        DecodeBenchmark b = new DecodeBenchmark();
        b.setup();
        long size = b.modelartsNotebooksBody.size();
        assertThat(size).isEqualTo(b.modelartsNotebooks.length);
        ListNotebooksResponse first = b.modelartsNotebooks_converter();
        ListNotebooksResponse second = b.modelartsNotebooks_converter();
        assertThat(second).isEqualTo(first);
        assertThat(b.modelartsNotebooksBody.size()).isEqualTo(size);
        assertThat(b.modelartsNotebooksBody.readByteArray()).isEqualTo(b.modelartsNotebooks);
        assertThat(new ConverterCostBenchmark()).satisfies(c -> {
            c.setup();
            assertThat(c.bufferedBodyOnly()).isEqualTo(c.page.length);
            assertThat(c.bufferedBodyOnly()).isEqualTo(c.page.length);
            assertThat(c.devEnvGeneratedMapperBytes()).isEqualTo(b.devEnvInstances_jackson());
            assertThat(c.devEnvPlainMapperBodyStream()).isEqualTo(b.devEnvInstances_jackson());
        });
    }

    @Test
    void bothCallsGetTheSamePage() throws Exception {
        CallBenchmark b = new CallBenchmark();
        b.setup();
        try {
            ListNotebooksResponse generated = b.generatedClient();
            assertThat(generated.getData()).hasSize(SeedPages.ITEMS);
            assertThat(b.handWritten()).isEqualTo(generated);
            assertThat(b.handWrittenBuffered()).isEqualTo(generated);
            assertThat(b.generatedClientBuiltPerCall()).isEqualTo(generated);
            assertThat(b.telemetry.flushedSpans()).as("spans with telemetry off").isZero();
            assertThat(b.generatedClientTelemetry()).isEqualTo(generated);
            assertThat(b.telemetry.flushedSpans()).as("one span per call with telemetry on").isEqualTo(1);
            ListNotebooksResponse small = b.smallPage();
            assertThat(small.getData()).hasSize(CallBenchmark.SMALL_PAGE);
            assertThat(b.smallPageTelemetry()).isEqualTo(small);
            assertThat(b.telemetry.flushedSpans()).isEqualTo(2);
        } finally {
            b.tearDown();
        }
        assertThat(new ClientBuildBenchmark().buildModelArtsClient().devEnviron()).isNotNull();
    }

    @Test
    void jmhRunsEveryBenchmarkOnce() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(getClass().getPackageName() + ".")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .verbosity(VerboseMode.SILENT)
                .build()).run();
        long benchmarks = java.util.stream.Stream.of(DecodeBenchmark.class, CallBenchmark.class, ClientBuildBenchmark.class,
                        ConverterCostBenchmark.class)
                .flatMap(c -> java.util.Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class))
                .count();
        assertThat(results).hasSize((int) benchmarks)
                .allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }
}
