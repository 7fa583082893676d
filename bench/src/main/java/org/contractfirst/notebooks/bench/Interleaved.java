package org.contractfirst.notebooks.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * A cross-check of DecodeBenchmark's ratios that the machine's noise cannot skew: all decoders run in one JVM,
 * alternating every ~100 ms in a shuffled order, so that both sides of each ratio see the same load; each
 * ratio is computed per round and summarized as median and interquartile range. JMH runs each benchmark in its
 * own JVM minutes apart, and on a shared 2-core machine a fork's luck (load, JIT) moves a score by 10-15 %.
 * It reports wall time (GC pauses included) and the benchmark thread's CPU time per operation.
 *
 * <pre>java -Xms1g -Xmx1g -cp bench/target/benchmarks.jar org.contractfirst.notebooks.bench.Interleaved [rounds, default 60]</pre>
 * With {@code calls} first, it does the same for CallBenchmark's calls (every 200 ms; CPU time of the whole
 * process, in-process server included): {@code ... Interleaved calls [rounds]}.
 */
public final class Interleaved {

    private record Pair(String name, String numerator, String denominator, String target) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("EIHealth (vendor example): converter / plain Jackson", "eihealth_converter", "eihealth_jackson", ">= 0.95"),
            new Pair("EIHealth (numeric): converter / plain Jackson", "eihealthNumeric_converter", "eihealthNumeric_jackson", ">= 0.95"),
            new Pair("ModelArts notebooks: converter / plain Jackson", "modelartsNotebooks_converter", "modelartsNotebooks_jackson", ">= 0.95"),
            new Pair("demanager instances: converter / plain Jackson", "devEnvInstances_converter", "devEnvInstances_jackson", ">= 0.95"),
            new Pair("EIHealth (numeric): converter / official SDK", "eihealthNumeric_converter", "eihealthNumeric_officialSdk", ">= 1.5"),
            new Pair("EIHealth (numeric): plain Jackson / official SDK", "eihealthNumeric_jackson", "eihealthNumeric_officialSdk", "(ceiling)"),
            new Pair("EIHealth (vendor example): keeping unknown fields, converter / converter without", "eihealth_converter", "eihealth_converterNoAny", ">= 0.952 (cost <= 5 %)"),
            new Pair("EIHealth (numeric): keeping unknown fields, converter / converter without", "eihealthNumeric_converter", "eihealthNumeric_converterNoAny", ">= 0.952 (cost <= 5 %)"),
            new Pair("ModelArts notebooks: keeping unknown fields, converter / converter without", "modelartsNotebooks_converter", "modelartsNotebooks_converterNoAny", ">= 0.952 (cost <= 5 %)"),
            new Pair("demanager instances: keeping unknown fields, converter / converter without", "devEnvInstances_converter", "devEnvInstances_converterNoAny", ">= 0.952 (cost <= 5 %)"),
            new Pair("ModelArts WITH 3 unknown fields per item: kept / skipped", "modelartsUnknown_converter", "modelartsUnknown_converterNoAny", "(no target)"),
            new Pair("ModelArts: converter without its peek / plain Jackson", "noPeek", "modelartsNotebooks_jackson", ""),
            new Pair("ModelArts: plain mapper from a stream / from bytes", "plainMapperStream", "modelartsNotebooks_jackson", ""));

    private Interleaved() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "calls".equals(args[0])) {
            calls(args.length > 1 ? Integer.parseInt(args[1]) : 60);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        DecodeBenchmark d = new DecodeBenchmark();
        d.setup();
        ConverterCostBenchmark c = new ConverterCostBenchmark();
        c.setup();
        Map<String, Callable<Object>> variants = new LinkedHashMap<>();
        variants.put("eihealth_converter", d::eihealth_converter);
        variants.put("eihealth_jackson", d::eihealth_jackson);
        variants.put("eihealth_converterNoAny", d::eihealth_converterNoAny);
        variants.put("eihealthNumeric_converter", d::eihealthNumeric_converter);
        variants.put("eihealthNumeric_jackson", d::eihealthNumeric_jackson);
        variants.put("eihealthNumeric_converterNoAny", d::eihealthNumeric_converterNoAny);
        variants.put("eihealthNumeric_officialSdk", d::eihealthNumeric_officialSdk);
        variants.put("modelartsNotebooks_converter", d::modelartsNotebooks_converter);
        variants.put("modelartsNotebooks_jackson", d::modelartsNotebooks_jackson);
        variants.put("modelartsNotebooks_converterNoAny", d::modelartsNotebooks_converterNoAny);
        variants.put("modelartsUnknown_converter", d::modelartsUnknown_converter);
        variants.put("modelartsUnknown_converterNoAny", d::modelartsUnknown_converterNoAny);
        variants.put("devEnvInstances_converter", d::devEnvInstances_converter);
        variants.put("devEnvInstances_jackson", d::devEnvInstances_jackson);
        variants.put("devEnvInstances_converterNoAny", d::devEnvInstances_converterNoAny);
        variants.put("noPeek", c::generatedReaderBodyStream);
        variants.put("plainMapperStream", c::plainMapperStream);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Times times = measure(variants, rounds, 100_000_000L, threads::getCurrentThreadCpuTime);
        Map<String, List<Double>> wall = times.wall();
        Map<String, List<Double>> cpu = times.cpu();

        System.out.printf("%n%-40s %12s %12s%n", "decoder", "wall us/op", "cpu us/op");
        variants.keySet().forEach(k -> System.out.printf("%-40s %12.0f %12.0f%n", k, median(wall.get(k)) / 1e3, median(cpu.get(k)) / 1e3));
        System.out.printf("%nthroughput ratios, per round (same ~100 ms window): median [interquartile range], %d rounds%n", rounds);
        for (Pair pair : PAIRS) {
            System.out.printf("%-82s wall %s   cpu %s   target %s%n", pair.name(),
                    ratios(wall.get(pair.denominator()), wall.get(pair.numerator())),
                    ratios(cpu.get(pair.denominator()), cpu.get(pair.numerator())), pair.target());
        }
    }

    private static void calls(int rounds) throws Exception {
        CallBenchmark c = new CallBenchmark();
        c.setup();
        try {
            Map<String, Callable<Object>> variants = new LinkedHashMap<>();
            variants.put("generatedClient", c::generatedClient);
            variants.put("generatedClientTelemetry", c::generatedClientTelemetry);
            variants.put("smallPage", c::smallPage);
            variants.put("smallPageTelemetry", c::smallPageTelemetry);
            variants.put("handWritten", c::handWritten);
            variants.put("handWrittenBuffered", c::handWrittenBuffered);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Times times = measure(variants, rounds, 200_000_000L, os::getProcessCpuTime);
            Map<String, List<Double>> wall = times.wall();
            Map<String, List<Double>> cpu = times.cpu();
            System.out.printf("%-26s %12s %18s%n", "call", "wall us/op", "process cpu us/op");
            variants.keySet().forEach(k -> System.out.printf("%-26s %12.0f %18.0f%n", k, median(wall.get(k)) / 1e3, median(cpu.get(k)) / 1e3));
            System.out.printf("%ntime ratios, per round: median [interquartile range], %d rounds (target for the mean call time <= 1.1)%n", rounds);
            for (String other : List.of("handWritten", "handWrittenBuffered")) {
                System.out.printf("generatedClient / %-20s wall %s   cpu %s%n", other,
                        ratios(wall.get("generatedClient"), wall.get(other)), ratios(cpu.get("generatedClient"), cpu.get(other)));
            }
            for (String off : List.of("generatedClient", "smallPage")) {
                String on = off + "Telemetry";
                System.out.printf("telemetry on / off: %-38s wall %s   cpu %s%n", on + " / " + off,
                        ratios(wall.get(on), wall.get(off)), ratios(cpu.get(on), cpu.get(off)));
            }
        } finally {
            c.tearDown();
        }
    }

    /** Wall and CPU nanoseconds per operation of each variant, one entry per measured round. */
    private record Times(Map<String, List<Double>> wall, Map<String, List<Double>> cpu) {
    }

    /**
     * Runs every variant for {@code windowNanos} per round, in a shuffled order each round, after {@code rounds / 4}
     * (at least 5) warm-up rounds; {@code cpuClock} is the CPU time that counts (the thread's, or the process's).
     */
    private static Times measure(Map<String, Callable<Object>> variants, int rounds, long windowNanos,
                                 LongSupplier cpuClock) throws Exception {
        Times times = new Times(new LinkedHashMap<>(), new LinkedHashMap<>());
        variants.keySet().forEach(k -> {
            times.wall().put(k, new ArrayList<>());
            times.cpu().put(k, new ArrayList<>());
        });
        List<String> order = new ArrayList<>(variants.keySet());
        Random random = new Random(42);
        int warmupRounds = Math.max(5, rounds / 4);
        long blackhole = 0;
        for (int round = 0; round < warmupRounds + rounds; round++) {
            Collections.shuffle(order, random);
            for (String name : order) {
                Callable<Object> variant = variants.get(name);
                long cpu0 = cpuClock.getAsLong();
                long wall0 = System.nanoTime();
                int ops = 0;
                do {
                    blackhole += System.identityHashCode(variant.call());
                    ops++;
                } while (System.nanoTime() - wall0 < windowNanos);
                if (round >= warmupRounds) {
                    times.wall().get(name).add((System.nanoTime() - wall0) / (double) ops);
                    times.cpu().get(name).add((cpuClock.getAsLong() - cpu0) / (double) ops);
                }
            }
            if (round == warmupRounds - 1) {
                System.out.printf("warmed up (%d rounds); measuring %d rounds%n", warmupRounds, rounds);
            }
        }
        if (blackhole == 42) {
            System.out.println();
        }
        return times;
    }

    /** Per round: time of the denominator / time of the numerator, i.e. throughput numerator / denominator. */
    private static String ratios(List<Double> denominatorTimes, List<Double> numeratorTimes) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < denominatorTimes.size(); i++) {
            r.add(denominatorTimes.get(i) / numeratorTimes.get(i));
        }
        Collections.sort(r);
        return String.format("%.3f [%.3f - %.3f]", median(r), r.get(r.size() / 4), r.get(r.size() * 3 / 4));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
