package org.contractfirst.notebooks.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.contractfirst.notebooks.modelarts.model.DeInstanceList;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Where the generated converter's time goes, on the ModelArts notebooks page (DecodeBenchmark's
 * {@code modelartsNotebooks_converter} against {@code modelartsNotebooks_jackson}), one difference at a time:
 * the mapper's configuration, parsing a stream instead of an array, the okio body, and the 200-byte peek
 * DecodingConverterFactory takes of every body (Retrofit's own Jackson converter is the converter without it).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ConverterCostBenchmark {

    byte[] page;
    Buffer pageBody;
    byte[] devEnvPage;
    Buffer devEnvBody;
    ObjectMapper plain;
    ObjectMapper generated;
    ObjectReader generatedReader;
    final byte[] sink = new byte[8192];

    @Setup
    public void setup() {
        page = SeedPages.modelartsNotebooks(SeedPages.ITEMS);
        pageBody = new Buffer().write(page);
        devEnvPage = SeedPages.devEnvInstances(SeedPages.ITEMS);
        devEnvBody = new Buffer().write(devEnvPage);
        plain = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        generated = new org.contractfirst.notebooks.modelarts.invoker.JSON().getMapper();
        generatedReader = generated.readerFor(ListNotebooksResponse.class);
    }

    /** The generated client's mapper, from the byte array: its configuration's cost (vs DecodeBenchmark's _jackson). */
    @Benchmark
    public ListNotebooksResponse generatedMapperBytes() throws IOException {
        return generated.readValue(page, ListNotebooksResponse.class);
    }

    /** Plain mapper from an InputStream over the same bytes: the cost of parsing a stream, not an array. */
    @Benchmark
    public ListNotebooksResponse plainMapperStream() throws IOException {
        return plain.readValue(new ByteArrayInputStream(page), ListNotebooksResponse.class);
    }

    /**
     * A ResponseBody created from the page's byte array and drained through its byteStream: the copy into okio
     * segments that a decode benchmark would time if it built its bodies from a byte array (DecodeBenchmark
     * does not: the network read makes that copy in a call), plus the copy out of them.
     */
    @Benchmark
    public int responseBodyOnly() throws IOException {
        int total = 0;
        try (ResponseBody body = ResponseBody.create(page, DecodeBenchmark.JSON); InputStream in = body.byteStream()) {
            for (int n; (n = in.read(sink)) != -1; ) {
                total += n;
            }
        }
        return total;
    }

    /** Only the copy out of okio: a buffered body (as DecodeBenchmark makes them) drained through its byteStream. */
    @Benchmark
    public int bufferedBodyOnly() throws IOException {
        int total = 0;
        try (ResponseBody body = DecodeBenchmark.body(pageBody); InputStream in = body.byteStream()) {
            for (int n; (n = in.read(sink)) != -1; ) {
                total += n;
            }
        }
        return total;
    }

    /** The generated mapper reading the ResponseBody's byteStream: Retrofit's own Jackson converter, i.e. the converter without its peek. */
    @Benchmark
    public ListNotebooksResponse generatedReaderBodyStream() throws IOException {
        try (ResponseBody body = DecodeBenchmark.body(pageBody)) {
            return generatedReader.readValue(body.byteStream());
        }
    }

    /** The generated mapper reading the ResponseBody's bytes (one array copy of the buffered body). */
    @Benchmark
    public ListNotebooksResponse generatedReaderBodyBytes() throws IOException {
        try (ResponseBody body = DecodeBenchmark.body(pageBody)) {
            return generatedReader.readValue(body.bytes());
        }
    }

    // The demanager page (DecodeBenchmark.devEnvInstances_*), where the converter's gap is the largest in JMH:
    // the same two differences, the mapper and the stream, one at a time.

    /** The generated mapper from the byte array (vs DecodeBenchmark.devEnvInstances_jackson: the mapper's cost). */
    @Benchmark
    public DeInstanceList devEnvGeneratedMapperBytes() throws IOException {
        return generated.readValue(devEnvPage, DeInstanceList.class);
    }

    /** The plain mapper from a buffered body's stream (vs devEnvInstances_jackson: the stream's cost). */
    @Benchmark
    public DeInstanceList devEnvPlainMapperBodyStream() throws IOException {
        try (ResponseBody body = DecodeBenchmark.body(devEnvBody)) {
            return plain.readValue(body.byteStream(), DeInstanceList.class);
        }
    }
}
