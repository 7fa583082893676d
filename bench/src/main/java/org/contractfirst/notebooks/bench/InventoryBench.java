package org.contractfirst.notebooks.bench;

import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.inventory.Inventory;
import org.contractfirst.notebooks.inventory.InventoryResult;
import org.contractfirst.notebooks.inventory.NotebookSource;
import org.contractfirst.notebooks.inventory.Times;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.scnet.ScnetClient;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The inventory's performance checks (issue 13, BENCHMARKS.md section 5), a plain program rather than JMH: each
 * check is a few seconds of whole listings, interleaved so that both sides of a ratio see the same load.
 * <pre>
 * java -cp bench/target/benchmarks.jar org.contractfirst.notebooks.bench.InventoryBench concurrency [rounds]
 * java -Xmx100m -cp bench/target/benchmarks.jar org.contractfirst.notebooks.bench.InventoryBench pages [rounds] [instances]
 * </pre>
 * concurrency: four sources (one per API) answering every request after 200 ms; the whole listing against the
 * slowest source listed alone. pages: N instances (default 10,000) of each paged API in pages of 100 from
 * loopback, through the inventory and through the client's own {@code all...} stream collected into a list;
 * time per instance of both, and the heap in use after the listing (after GC, with the result still held)
 * and at its peak (the heap pools' peak usage, reset before the listing).
 */
public final class InventoryBench {

    private static final ClientOptions NO_RETRY = ClientOptions.builder().retryPolicy(RetryPolicy.none()).build();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private InventoryBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "concurrency";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cpus, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, load "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        switch (mode) {
            case "concurrency" -> concurrency(rounds);
            case "pages" -> pages(rounds, args.length > 2 ? Integer.parseInt(args[2]) : 10_000);
            default -> throw new IllegalArgumentException("mode: concurrency | pages");
        }
    }

    // ---------------------------------------------------------------------------------------------- concurrency

    static void concurrency(int rounds) throws Exception {
        long delay = 200;
        try (PagedServer ma = new PagedServer(delay, (o, l) -> modelArtsPage(o, l, 3));
             PagedServer old = new PagedServer(delay, (o, l) -> devEnvPage(o, l, 2));
             PagedServer eih = new PagedServer(delay, (o, l) -> eihealthPage(o, l, 1));
             PagedServer sc = new PagedServer(delay, (o, l) -> scnetDetail())) {
            List<NotebookSource> four = List.of(
                    NotebookSource.modelArts("ma", modelArts(ma.baseUrl()), "p", DEADLINE),
                    NotebookSource.modelArtsOld("old", modelArts(old.baseUrl()), "p", DEADLINE),
                    NotebookSource.eihealth("eih", eihealth(eih.baseUrl()), "p", "e", DEADLINE),
                    NotebookSource.scnet("sc", scnet(sc.baseUrl()), List.of("4c1f43ddb030483e89b55413bee6c004"),
                            Times.DEFAULT_SCNET_ZONE, DEADLINE));
            for (int i = 0; i < 3; i++) { // warm-up: mappers, connections
                check(Inventory.list(four), 7);
            }
            double[] whole = new double[rounds], slowest = new double[rounds], ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                double slow = 0;
                for (NotebookSource s : four) {
                    long t0 = System.nanoTime();
                    Inventory.list(List.of(s));
                    slow = Math.max(slow, (System.nanoTime() - t0) / 1e6);
                }
                long t0 = System.nanoTime();
                check(Inventory.list(four), 7);
                whole[r] = (System.nanoTime() - t0) / 1e6;
                slowest[r] = slow;
                ratio[r] = whole[r] / slow;
            }
            System.out.printf(Locale.ROOT, "concurrency: 4 sources x %d ms, %d rounds%n", delay, rounds);
            System.out.printf(Locale.ROOT, "  slowest source alone: median %.1f ms [%.1f - %.1f]%n", median(slowest), min(slowest), max(slowest));
            System.out.printf(Locale.ROOT, "  all four at once:     median %.1f ms [%.1f - %.1f]%n", median(whole), min(whole), max(whole));
            System.out.printf(Locale.ROOT, "  ratio whole/slowest:  median %.3f [%.3f - %.3f] (target <= 1.3; the sum would be ~4)%n",
                    median(ratio), min(ratio), max(ratio));
        }
    }

    // ---------------------------------------------------------------------------------------------------- pages

    static void pages(int rounds, int n) throws Exception {
        try (PagedServer ma = new PagedServer(0, (o, l) -> modelArtsPage(o, l, n));
             PagedServer old = new PagedServer(0, (o, l) -> devEnvPage(o, l, n));
             PagedServer eih = new PagedServer(0, (o, l) -> eihealthPage(o, l, n))) {
            ModelArtsClient maClient = modelArts(ma.baseUrl());
            ModelArtsClient oldClient = modelArts(old.baseUrl());
            EihealthClient eihClient = eihealth(eih.baseUrl());
            List<Case> cases = List.of(
                    new Case("modelarts", () -> maClient.allNotebooks(
                            DevEnvironApi.ListNotebooksRequest.builder("p").build()).toList(),
                            () -> Inventory.list(List.of(NotebookSource.modelArts("ma", maClient, "p", DEADLINE)))),
                    new Case("modelarts-old", () -> oldClient.allDevEnvInstances(
                            DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder("p").build()).toList(),
                            () -> Inventory.list(List.of(NotebookSource.modelArtsOld("old", oldClient, "p", DEADLINE)))),
                    new Case("eihealth", () -> eihClient.allNotebooks(
                            NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).toList(),
                            () -> Inventory.list(List.of(NotebookSource.eihealth("eih", eihClient, "p", "e", DEADLINE)))));
            System.out.printf(Locale.ROOT, "pages: %,d instances per API in pages of 100, %d rounds (direct and inventory alternate)%n", n, rounds);
            for (Case c : cases) {
                for (int i = 0; i < 3; i++) { // warm-up, both sides
                    if (c.direct.get().size() != n) {
                        throw new IllegalStateException(c.name + ": direct listing is short");
                    }
                    check(c.inventory.get(), n);
                }
                double[] direct = new double[rounds], inv = new double[rounds], ratio = new double[rounds];
                double[] directCpu = new double[rounds], invCpu = new double[rounds], ratioCpu = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    boolean directFirst = r % 2 == 0;   // alternate, so that neither side always pays the other's GC
                    for (int side = 0; side < 2; side++) {
                        long t0 = System.nanoTime(), c0 = cpuNanos();
                        if ((side == 0) == directFirst) {
                            int size = c.direct.get().size();
                            direct[r] = (System.nanoTime() - t0) / 1e3 / size;
                            directCpu[r] = (cpuNanos() - c0) / 1e3 / size;
                        } else {
                            int size = c.inventory.get().instances().size();
                            inv[r] = (System.nanoTime() - t0) / 1e3 / size;
                            invCpu[r] = (cpuNanos() - c0) / 1e3 / size;
                        }
                    }
                    ratio[r] = inv[r] / direct[r];
                    ratioCpu[r] = invCpu[r] / directCpu[r];
                }
                // heap: peak during one listing, and what its result holds (in use after GC, minus before)
                System.gc();
                long before = usedHeap();
                resetPeaks();
                InventoryResult held = c.inventory.get();
                long peak = peakHeap();
                System.gc();
                long after = usedHeap();
                check(held, n);
                System.out.printf(Locale.ROOT, "  %-13s direct %.2f us/instance [%.2f - %.2f], inventory %.2f us/instance [%.2f - %.2f], "
                                + "ratio median %.3f [%.3f - %.3f] (target <= 1.2)%n", c.name, median(direct), min(direct),
                        max(direct), median(inv), min(inv), max(inv), median(ratio), min(ratio), max(ratio));
                System.out.printf(Locale.ROOT, "  %-13s CPU time of the JVM (server included): direct %.2f us/instance, inventory %.2f us/instance, "
                                + "ratio median %.3f [%.3f - %.3f]%n", c.name, median(directCpu), median(invCpu), median(ratioCpu),
                        min(ratioCpu), max(ratioCpu));
                System.out.printf(Locale.ROOT, "  %-13s heap: in use before %.1f MB, peak during the listing %.1f MB, "
                                + "after GC with the result held %.1f MB (the result: %.1f MB)%n", c.name, before / 1048576.0,
                        peak / 1048576.0, after / 1048576.0, (after - before) / 1048576.0);
                held = null;
            }
            System.out.printf(Locale.ROOT, "  requests served: modelarts %d, modelarts-old %d, eihealth %d%n",
                    ma.requests(), old.requests(), eih.requests());
        }
    }

    private record Case(String name, Supplier<List<?>> direct, Supplier<InventoryResult> inventory) {
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void check(InventoryResult result, int expected) {
        if (!result.errors().isEmpty() || result.instances().size() != expected) {
            throw new IllegalStateException("listing gave " + result.instances().size() + " instances, errors " + result.errors());
        }
    }

    private static ModelArtsClient modelArts(String url) {
        return ModelArtsClient.builder().baseUrl(url).token("bench").options(NO_RETRY).build();
    }

    private static EihealthClient eihealth(String url) {
        return EihealthClient.builder().baseUrl(url).token("bench").options(NO_RETRY).build();
    }

    private static ScnetClient scnet(String url) {
        return ScnetClient.builder().baseUrl(url).token("bench").options(NO_RETRY).build();
    }

    static byte[] modelArtsPage(int from, int limit, int total) {
        int to = Math.min(total, from + limit);
        StringBuilder sb = new StringBuilder("{\"current\":0,\"data\":[");
        for (int i = from; i < to; i++) {
            sb.append(i > from ? "," : "").append("{\"id\":\"f9937afa-ca78-45b6-bc12-").append(String.format("%012d", i))
                    .append("\",\"name\":\"notebook-").append(i).append("\",\"description\":\"api-test\",\"feature\":\"NOTEBOOK\",")
                    .append("\"status\":\"RUNNING\",\"flavor\":\"modelarts.vm.cpu.2u\",\"create_at\":").append(1638841805440L + i)
                    .append(",\"update_at\":1638841805440,\"image\":{\"id\":\"e1a07296-22a8-4f05-8bc8-e936c8e54090\",")
                    .append("\"name\":\"notebook2.0-mul-kernel-cpu-cp36\",\"swr_path\":\"swr.xxxxx.com/atelier/notebook2.0-mul-kernel-cpu-cp36:3.3.2-release_v1\",\"type\":\"BUILD_IN\"},")
                    .append("\"lease\":{\"create_at\":1638841805439,\"duration\":3600000,\"enable\":true,\"update_at\":1638841805439},")
                    .append("\"token\":\"58ba50c6-e8ff-245c-4840-49e51aa70737\",\"url\":\"https://notebook.example.com/").append(i)
                    .append("\",\"volume\":{\"category\":\"EVS\",\"ownership\":\"MANAGED\",\"mount_path\":\"/home/ma-user/work/\",\"capacity\":50},\"workspace_id\":\"0\"}");
        }
        return sb.append("],\"pages\":1,\"size\":").append(to - from).append(",\"total\":").append(total).append('}')
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] devEnvPage(int from, int limit, int total) {
        int to = Math.min(total, from + limit);
        StringBuilder sb = new StringBuilder("{\"instances\":[");
        for (int i = from; i < to; i++) {
            sb.append(i > from ? "," : "").append("{\"id\":\"DE-7d558ef8-c73d-11ea-964c-").append(String.format("%012d", i))
                    .append("\",\"name\":\"notebook-").append(i).append("\",\"description\":\"\",\"status\":\"RUNNING\",")
                    .append("\"creation_timestamp\":\"1594887749962\",\"latest_update_timestamp\":\"1594887749962\",")
                    .append("\"flavor\":\"modelarts.bm.gpu.v100NV32\",\"flavor_details\":{\"name\":\"modelarts.bm.gpu.v100NV32\",")
                    .append("\"params\":{\"CPU\":8,\"GPU\":1,\"gpu_type\":\"v100NV32\",\"memory\":\"64GiB\"},\"status\":\"onSale\",\"type\":\"GPU\"},")
                    .append("\"profile\":{\"de_type\":\"Notebook\",\"flavor_type\":\"GPU\",\"id\":\"Multi-Engine 1.0 (python3)-gpu\",")
                    .append("\"provision\":{\"spec\":{\"engine\":\"CCE\",\"params\":{\"image_name\":\"mul-kernel-gpu-cuda-cp36\",\"image_tag\":\"2.0.5-B003\",\"namespace\":\"atelier\"}},\"type\":\"Docker\"}},")
                    .append("\"spec\":{\"annotations\":{\"url\":\"https://modelarts.example.com/").append(i).append("\"}},")
                    .append("\"user\":{\"id\":\"15dda26361214ca2a5953917d2f48ffb\",\"name\":\"ops_dev_env\"},\"workspace\":{\"id\":\"0\"}}");
        }
        return sb.append("],\"total_count\":").append(total).append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] eihealthPage(int from, int limit, int total) {
        int to = Math.min(total, from + limit);
        StringBuilder sb = new StringBuilder("{\"count\":").append(total).append(",\"notebooks\":[");
        for (int i = from; i < to; i++) {
            sb.append(i > from ? "," : "").append("{\"id\":\"DE-7d558ef8-c73d-11ea-964c-").append(String.format("%012d", i))
                    .append("\",\"name\":\"notebook-").append(i).append("\",\"description\":\"notebook description in here\",")
                    .append("\"creator\":\"notebook_creator\",\"url\":\"https://eihealth.example.com/").append(i).append("\",")
                    .append("\"flavor\":{\"cpu\":1,\"gpu\":0,\"memory\":100},\"status\":\"Running\",")
                    .append("\"image\":{\"image_type\":\"SYSTEM\",\"image_info\":{\"source_project_name\":\"eihealth-project\",")
                    .append("\"image_name\":\"eihealth-notebook\",\"image_tag\":\"3.1.0-latest\",\"profile\":\"PY3\"}},")
                    .append("\"storages\":[{\"path\":\"project_name:/example\",\"mount_path\":\"/example\"}],")
                    .append("\"create_time\":\"2020-09-10T10:07:17Z\",\"update_time\":\"2020-09-10T10:07:17Z\"}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] scnetDetail() {
        return ("{\"code\":\"0\",\"msg\":\"SUCCESS\",\"data\":{\"id\":\"4c1f43ddb030483e89b55413bee6c004\","
                + "\"instanceServiceName\":\"Instances_2205113837\",\"gpuNumber\":1,\"cpuNumber\":3,\"ramSize\":15360,"
                + "\"resourceGroup\":\"TeslaM40\",\"status\":\"Waiting\",\"createTime\":\"2022-05-11 19:30:34\",\"userName\":\"magic2\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** CPU time of the whole JVM (every thread, the loopback server's too): less disturbed by other processes than wall time. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeap() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset (an upper bound: pools peak at different moments). */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
