package org.contractfirst.notebooks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Summarizes one or more JMH JSON result files ({@code -rf json}), each a "round" of the same benchmarks run one
 * after the other: per benchmark the median over the rounds (and the min-max), the JMH error of the rounds, the
 * bytes allocated per operation ({@code -prof gc}); then the ratios the targets are about, computed within each
 * round (the two sides ran minutes apart on the same machine) and summarized as median [min-max].
 *
 * <pre>java -cp bench/target/benchmarks.jar org.contractfirst.notebooks.bench.Report round-*.json</pre>
 */
public final class Report {

    /** Ratio name, numerator, denominator, which score, target: "higher is better" for throughput, lower for time. */
    private record Ratio(String name, String numerator, String denominator, String metric, String target) {
    }

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("EIHealth (vendor example): converter / plain Jackson", "DecodeBenchmark.eihealth_converter", "DecodeBenchmark.eihealth_jackson", "score", ">= 0.95"),
            new Ratio("EIHealth (numeric): converter / plain Jackson", "DecodeBenchmark.eihealthNumeric_converter", "DecodeBenchmark.eihealthNumeric_jackson", "score", ">= 0.95"),
            new Ratio("ModelArts notebooks: converter / plain Jackson", "DecodeBenchmark.modelartsNotebooks_converter", "DecodeBenchmark.modelartsNotebooks_jackson", "score", ">= 0.95"),
            new Ratio("demanager instances: converter / plain Jackson", "DecodeBenchmark.devEnvInstances_converter", "DecodeBenchmark.devEnvInstances_jackson", "score", ">= 0.95"),
            new Ratio("EIHealth (numeric): converter / official SDK", "DecodeBenchmark.eihealthNumeric_converter", "DecodeBenchmark.eihealthNumeric_officialSdk", "score", ">= 1.5"),
            new Ratio("EIHealth (numeric): plain Jackson / official SDK", "DecodeBenchmark.eihealthNumeric_jackson", "DecodeBenchmark.eihealthNumeric_officialSdk", "score", "(ceiling)"),
            new Ratio("EIHealth (vendor example): keeping unknown fields, converter / without", "DecodeBenchmark.eihealth_converter", "DecodeBenchmark.eihealth_converterNoAny", "score", ">= 0.952"),
            new Ratio("EIHealth (numeric): keeping unknown fields, converter / without", "DecodeBenchmark.eihealthNumeric_converter", "DecodeBenchmark.eihealthNumeric_converterNoAny", "score", ">= 0.952"),
            new Ratio("ModelArts notebooks: keeping unknown fields, converter / without", "DecodeBenchmark.modelartsNotebooks_converter", "DecodeBenchmark.modelartsNotebooks_converterNoAny", "score", ">= 0.952"),
            new Ratio("demanager instances: keeping unknown fields, converter / without", "DecodeBenchmark.devEnvInstances_converter", "DecodeBenchmark.devEnvInstances_converterNoAny", "score", ">= 0.952"),
            new Ratio("ModelArts WITH 3 unknown fields per item: kept / skipped", "DecodeBenchmark.modelartsUnknown_converter", "DecodeBenchmark.modelartsUnknown_converterNoAny", "score", ""),
            new Ratio("call p50: generated client / hand-written (streamed)", "CallBenchmark.generatedClient", "CallBenchmark.handWritten", "50.0", "<= 1.1"),
            new Ratio("call p90: generated client / hand-written (streamed)", "CallBenchmark.generatedClient", "CallBenchmark.handWritten", "90.0", ""),
            new Ratio("call p99: generated client / hand-written (streamed)", "CallBenchmark.generatedClient", "CallBenchmark.handWritten", "99.0", ""),
            new Ratio("call p50: generated client / hand-written (buffered)", "CallBenchmark.generatedClient", "CallBenchmark.handWrittenBuffered", "50.0", "<= 1.1"),
            new Ratio("call p90: generated client / hand-written (buffered)", "CallBenchmark.generatedClient", "CallBenchmark.handWrittenBuffered", "90.0", ""),
            new Ratio("call p99: generated client / hand-written (buffered)", "CallBenchmark.generatedClient", "CallBenchmark.handWrittenBuffered", "99.0", ""),
            new Ratio("call p50: telemetry on / off", "CallBenchmark.generatedClientTelemetry", "CallBenchmark.generatedClient", "50.0", ""),
            new Ratio("call p90: telemetry on / off", "CallBenchmark.generatedClientTelemetry", "CallBenchmark.generatedClient", "90.0", ""),
            new Ratio("call p50, 10-notebook page: telemetry on / off", "CallBenchmark.smallPageTelemetry", "CallBenchmark.smallPage", "50.0", ""),
            new Ratio("call p90, 10-notebook page: telemetry on / off", "CallBenchmark.smallPageTelemetry", "CallBenchmark.smallPage", "90.0", ""),
            new Ratio("call p50: client built per call / built once", "CallBenchmark.generatedClientBuiltPerCall", "CallBenchmark.generatedClient", "50.0", ""),
            new Ratio("ModelArts: converter without its peek / plain Jackson", "ConverterCostBenchmark.generatedReaderBodyStream", "DecodeBenchmark.modelartsNotebooks_jackson", "score", ""),
            new Ratio("ModelArts: generated mapper / plain mapper (both from bytes)", "ConverterCostBenchmark.generatedMapperBytes", "DecodeBenchmark.modelartsNotebooks_jackson", "score", ""),
            new Ratio("ModelArts: plain mapper from a stream / from bytes", "ConverterCostBenchmark.plainMapperStream", "DecodeBenchmark.modelartsNotebooks_jackson", "score", ""));

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Report <jmh-result.json>...");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        // round -> benchmark -> result
        List<Map<String, JsonNode>> rounds = new ArrayList<>();
        for (String file : args) {
            Map<String, JsonNode> round = new LinkedHashMap<>();
            for (JsonNode result : json.readTree(new File(file))) {
                String name = result.get("benchmark").asText();
                round.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), result);
            }
            rounds.add(round);
        }
        Map<String, List<JsonNode>> byBenchmark = new TreeMap<>();
        rounds.forEach(r -> r.forEach((name, result) -> byBenchmark.computeIfAbsent(name, k -> new ArrayList<>()).add(result)));

        System.out.printf("%d round(s): %s%n%n", rounds.size(), String.join(" ", args));
        System.out.printf("%-52s %-6s %10s %21s %12s %6s %12s %12s%n", "benchmark", "mode", "median", "[min - max] of rounds",
                "JMH error", "unit", "alloc B/op", "CPU ns/op");
        byBenchmark.forEach((name, results) -> {
            JsonNode first = results.get(0);
            String mode = first.get("mode").asText();
            List<String> metrics = "sample".equals(mode) ? List.of("50.0", "90.0", "99.0") : List.of("score");
            for (String metric : metrics) {
                List<Double> values = values(results, r -> metric(r, metric));
                List<Double> errors = values(results, r -> r.get("primaryMetric").get("scoreError").asDouble());
                List<Double> alloc = values(results, Report::allocPerOp);
                List<Double> cpu = values(results, Report::cpuPerOp);
                System.out.printf("%-52s %-6s %10s %21s %12s %6s %12s %12s%n",
                        name, "score".equals(metric) ? mode : "p" + metric.replace(".0", ""),
                        fmt(median(values)), "[" + fmt(Collections.min(values)) + " - " + fmt(Collections.max(values)) + "]",
                        "score".equals(metric) ? "± " + fmt(median(errors)) : "",
                        first.get("primaryMetric").get("scoreUnit").asText(),
                        alloc.stream().allMatch(a -> a.isNaN()) ? "" : String.format("%,.0f", median(alloc)),
                        metric.equals(metrics.get(0)) && !cpu.stream().allMatch(c -> c.isNaN()) ? String.format("%,.0f", median(cpu)) : "");
            }
        });

        System.out.printf("%nratios, computed within each round: median [min - max] over the rounds%n");
        for (Ratio ratio : RATIOS) {
            List<Double> values = new ArrayList<>();
            for (Map<String, JsonNode> round : rounds) {
                JsonNode a = round.get(ratio.numerator());
                JsonNode b = round.get(ratio.denominator());
                if (a != null && b != null) {
                    values.add(metric(a, ratio.metric()) / metric(b, ratio.metric()));
                }
            }
            if (!values.isEmpty()) {
                System.out.printf("%-72s %6.3f  [%.3f - %.3f]  n=%d  target %s%n", ratio.name(), median(values),
                        Collections.min(values), Collections.max(values), values.size(), ratio.target());
            }
        }

        System.out.printf("%nthe same pairs in CPU time per operation (-prof %s), oriented as above"
                + " (decoders: throughput, higher is better; calls: time, lower is better): median [min - max]%n",
                CpuTimeProfiler.class.getName());
        for (Ratio ratio : RATIOS) {
            if (!"score".equals(ratio.metric()) && !"50.0".equals(ratio.metric())) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (Map<String, JsonNode> round : rounds) {
                JsonNode a = round.get(ratio.numerator());
                JsonNode b = round.get(ratio.denominator());
                if (a != null && b != null && !Double.isNaN(cpuPerOp(a)) && !Double.isNaN(cpuPerOp(b))) {
                    double r = cpuPerOp(b) / cpuPerOp(a);
                    values.add("score".equals(ratio.metric()) ? r : 1 / r);
                }
            }
            if (!values.isEmpty()) {
                System.out.printf("%-72s %6.3f  [%.3f - %.3f]  n=%d%n", ratio.name().replace("call p50", "call CPU").replace(" p50", " CPU"),
                        median(values), Collections.min(values), Collections.max(values), values.size());
            }
        }
    }

    /** "score": the median of the round's iterations (JMH's score is their mean, which one noisy second skews); else a percentile. */
    private static double metric(JsonNode result, String metric) {
        JsonNode primary = result.get("primaryMetric");
        if (!"score".equals(metric)) {
            return primary.get("scorePercentiles").get(metric).asDouble();
        }
        List<Double> iterations = new ArrayList<>();
        primary.get("rawData").forEach(fork -> fork.forEach(v -> iterations.add(v.asDouble())));
        return iterations.isEmpty() ? primary.get("score").asDouble() : median(iterations);
    }

    private static double cpuPerOp(JsonNode result) {
        JsonNode secondary = result.get("secondaryMetrics");
        JsonNode cpu = secondary == null ? null : secondary.get("cpu.time.norm");
        if (cpu == null) {
            return Double.NaN;
        }
        List<Double> iterations = new ArrayList<>();
        cpu.get("rawData").forEach(fork -> fork.forEach(v -> iterations.add(v.asDouble())));
        return iterations.isEmpty() ? cpu.get("score").asDouble() : median(iterations);
    }

    private static double allocPerOp(JsonNode result) {
        JsonNode secondary = result.get("secondaryMetrics");
        JsonNode norm = secondary == null ? null : secondary.get("gc.alloc.rate.norm");
        return norm == null ? Double.NaN : norm.get("score").asDouble();
    }

    private static List<Double> values(List<JsonNode> results, ToDoubleFunction<JsonNode> f) {
        List<Double> values = new ArrayList<>();
        results.forEach(r -> values.add(f.applyAsDouble(r)));
        return values;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : v >= 100 ? String.format("%,.0f", v) : String.format("%.3g", v);
    }
}
