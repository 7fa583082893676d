package org.contractfirst.notebooks.bench;

import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What building a client costs (a derived OkHttpClient, Retrofit, the generated mapper, the API proxies):
 * the price a caller would pay per call if it built a client for each call instead of once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ClientBuildBenchmark {

    @Benchmark
    public ModelArtsClient buildModelArtsClient() {
        return ModelArtsClient.builder().baseUrl("http://127.0.0.1:4010/").token("bench-token").build();
    }
}
