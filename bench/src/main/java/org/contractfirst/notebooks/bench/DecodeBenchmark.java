package org.contractfirst.notebooks.bench;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.ClassIntrospector;
import com.huaweicloud.sdk.core.utils.JsonUtils;
import com.huaweicloud.sdk.eihealth.v1.model.ListNotebookResponse;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.contractfirst.notebooks.modelarts.model.DeInstanceList;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.internal.HeaderAuth;
import org.contractfirst.notebooks.runtime.internal.HuaweiErrorDecoder;
import org.contractfirst.notebooks.runtime.internal.Origin;
import org.contractfirst.notebooks.runtime.internal.ServiceClients;
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
import retrofit2.Converter;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Decoding one 1,000-item page held in memory, per list operation:
 * <ul>
 * <li>{@code *_converter}: the generated client's converter, obtained exactly as the client does
 *     ({@code ServiceClients.retrofit(baseUrl, client, new JSON().getMapper()).responseBodyConverter(type, ...)}),
 *     converting a fresh {@code ResponseBody} of the page as Retrofit hands it over in a call: over an okio
 *     {@link Buffer} that already holds the page (in a call the network and {@code ErrorMappingInterceptor} put it
 *     there). Each operation gets {@link Buffer#copy()} of a buffer filled once in {@code @Setup}: okio shares the
 *     segments, so no byte is copied outside the converter (see {@link #body});</li>
 * <li>{@code *_jackson}: plain Jackson databind ({@code new ObjectMapper()}, unknown properties ignored) from
 *     the byte array into the same generated classes: the ceiling;</li>
 * <li>{@code eihealthNumeric_officialSdk}: Huawei Cloud's official SDK (huaweicloud-sdk-eihealth 3.1.130,
 *     core 3.1.130), decoding the way its {@code HcClient} does: the body as a String
 *     ({@code DefaultHttpResponse} reads {@code ResponseBody.string()}), then
 *     {@code JsonUtils.toObjectIgnoreUnknown(body, ListNotebookResponse.class)} with the SDK's own mapper,
 *     then the status code set on the response; from the same kind of body as the converter.</li>
 * <li>{@code *_converterNoAny}: the same converter over a second generated mapper (a fresh {@code new JSON().getMapper()})
 *     whose mix-ins disable every model's {@code @JsonAnySetter}/{@code @JsonAnyGetter} ({@link #withoutUnknownFieldKeeping}):
 *     the generated converter as it was before the models kept unknown properties; their ratio is what keeping them
 *     costs.</li>
 * </ul>
 * {@code modelartsUnknown_*} decode the ModelArts page with three undeclared properties in every item
 * ({@link SeedPages#modelartsNotebooksWithUnknownFields}): kept, or skipped by the mapper without the any-setter.
 * {@code eihealth} is the vendor's example ({@code flavor.cpu/gpu/memory} as strings, which the SDK rejects);
 * {@code eihealthNumeric} the same page with numbers, which all three decode.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class DecodeBenchmark {

    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    byte[] eihealth;
    byte[] eihealthNumeric;
    byte[] modelartsNotebooks;
    byte[] devEnvInstances;
    byte[] modelartsUnknown;

    /** The same pages, held in okio segments as a call's buffered body holds them. */
    Buffer eihealthBody;
    Buffer eihealthNumericBody;
    Buffer modelartsNotebooksBody;
    Buffer devEnvInstancesBody;
    Buffer modelartsUnknownBody;

    Converter<ResponseBody, org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse> eihealthConverter;
    Converter<ResponseBody, org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse> modelartsConverter;
    Converter<ResponseBody, DeInstanceList> devEnvConverter;
    Converter<ResponseBody, org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse> eihealthConverterNoAny;
    Converter<ResponseBody, org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse> modelartsConverterNoAny;
    Converter<ResponseBody, DeInstanceList> devEnvConverterNoAny;

    ObjectMapper plain;

    @Setup
    public void setup() {
        eihealth = SeedPages.eihealthNotebooks(SeedPages.ITEMS, false);
        eihealthNumeric = SeedPages.eihealthNotebooks(SeedPages.ITEMS, true);
        modelartsNotebooks = SeedPages.modelartsNotebooks(SeedPages.ITEMS);
        devEnvInstances = SeedPages.devEnvInstances(SeedPages.ITEMS);
        eihealthBody = new Buffer().write(eihealth);
        eihealthNumericBody = new Buffer().write(eihealthNumeric);
        modelartsNotebooksBody = new Buffer().write(modelartsNotebooks);
        devEnvInstancesBody = new Buffer().write(devEnvInstances);
        modelartsUnknown = SeedPages.modelartsNotebooksWithUnknownFields(SeedPages.ITEMS);
        modelartsUnknownBody = new Buffer().write(modelartsUnknown);

        eihealthConverter = converter(new org.contractfirst.notebooks.eihealth.invoker.JSON().getMapper(),
                org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse.class);
        ObjectMapper modelartsMapper = new org.contractfirst.notebooks.modelarts.invoker.JSON().getMapper();
        modelartsConverter = converter(modelartsMapper, org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse.class);
        devEnvConverter = converter(modelartsMapper, DeInstanceList.class);

        eihealthConverterNoAny = converter(withoutUnknownFieldKeeping(new org.contractfirst.notebooks.eihealth.invoker.JSON().getMapper()),
                org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse.class);
        ObjectMapper modelartsMapperNoAny = withoutUnknownFieldKeeping(new org.contractfirst.notebooks.modelarts.invoker.JSON().getMapper());
        modelartsConverterNoAny = converter(modelartsMapperNoAny, org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse.class);
        devEnvConverterNoAny = converter(modelartsMapperNoAny, DeInstanceList.class);

        plain = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * A fresh response body of {@code page}: {@link Buffer#copy()} shares the page's segments (okio's
     * copy-on-write), so creating it costs a few hundred nanoseconds and copies no byte, and reading it leaves
     * {@code page} whole for the next operation. Creating the body from the {@code byte[]} instead would time the
     * copy of the page into okio segments, which in a call the network read does before any converter runs.
     */
    static ResponseBody body(Buffer page) {
        return ResponseBody.create(page.copy(), JSON, page.size());
    }

    /**
     * {@code mapper} (a generated one, not yet used) with every generated model's unknown-property handling switched
     * off by a mix-in: {@code putAdditionalProperty} is no longer the any-setter, {@code getAdditionalProperties} no
     * longer the any-getter (nor a property), so unknown properties are skipped ({@code FAIL_ON_UNKNOWN_PROPERTIES}
     * is off in the generated mapper), as before the models kept them. The mix-in applies to every class that
     * declares {@code putAdditionalProperty(String, JsonNode)}, i.e. every generated model.
     */
    static ObjectMapper withoutUnknownFieldKeeping(ObjectMapper mapper) {
        mapper.setMixInResolver(new ClassIntrospector.MixInResolver() {
            @Override
            public Class<?> findMixInClassFor(Class<?> cls) {
                return keepsUnknownProperties(cls) ? NoUnknownProperties.class : null;
            }

            @Override
            public ClassIntrospector.MixInResolver copy() {
                return this;
            }
        });
        return mapper;
    }

    static boolean keepsUnknownProperties(Class<?> cls) {
        try {
            cls.getDeclaredMethod("putAdditionalProperty", String.class, JsonNode.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Mix-in: the generated models' any-setter and any-getter disabled (methods matched by name and parameters). */
    abstract static class NoUnknownProperties {
        @JsonAnySetter(enabled = false)
        abstract Object putAdditionalProperty(String name, JsonNode value);

        @JsonAnyGetter(enabled = false)
        @JsonIgnore
        abstract Map<String, JsonNode> getAdditionalProperties();
    }

    /** The converter Retrofit picks for {@code type} in the client's stack (same factories, same order). */
    @SuppressWarnings("unchecked")
    static <T> Converter<ResponseBody, T> converter(ObjectMapper mapper, Type type) {
        OkHttpClient client = ServiceClients.httpClient(ClientOptions.defaults(), HeaderAuth.xAuthToken("bench"),
                new HuaweiErrorDecoder(), Origin.of(okhttp3.HttpUrl.get("http://127.0.0.1/")));
        return (Converter<ResponseBody, T>) ServiceClients.retrofit("http://127.0.0.1/", client, mapper)
                .responseBodyConverter(type, new Annotation[0]);
    }

    // ---- EIHealth, the vendor's example (cpu/gpu/memory as strings) ----

    @Benchmark
    public org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse eihealth_converter() throws IOException {
        return eihealthConverter.convert(body(eihealthBody));
    }

    @Benchmark
    public org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse eihealth_jackson() throws IOException {
        return plain.readValue(eihealth, org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse.class);
    }

    @Benchmark
    public org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse eihealth_converterNoAny() throws IOException {
        return eihealthConverterNoAny.convert(body(eihealthBody));
    }

    // ---- EIHealth, numbers for cpu/gpu/memory (the form the official SDK accepts) ----

    @Benchmark
    public org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse eihealthNumeric_converter() throws IOException {
        return eihealthConverter.convert(body(eihealthNumericBody));
    }

    @Benchmark
    public org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse eihealthNumeric_jackson() throws IOException {
        return plain.readValue(eihealthNumeric, org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse.class);
    }

    @Benchmark
    public org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse eihealthNumeric_converterNoAny() throws IOException {
        return eihealthConverterNoAny.convert(body(eihealthNumericBody));
    }

    @Benchmark
    public ListNotebookResponse eihealthNumeric_officialSdk() throws IOException {
        String body = body(eihealthNumericBody).string();
        ListNotebookResponse response = JsonUtils.toObjectIgnoreUnknown(body, ListNotebookResponse.class);
        response.setHttpStatusCode(200);
        return response;
    }

    // ---- ModelArts notebooks ----

    @Benchmark
    public org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse modelartsNotebooks_converter() throws IOException {
        return modelartsConverter.convert(body(modelartsNotebooksBody));
    }

    @Benchmark
    public org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse modelartsNotebooks_jackson() throws IOException {
        return plain.readValue(modelartsNotebooks, org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse.class);
    }

    @Benchmark
    public org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse modelartsNotebooks_converterNoAny() throws IOException {
        return modelartsConverterNoAny.convert(body(modelartsNotebooksBody));
    }

    // ---- ModelArts notebooks with three undeclared properties per item ----

    @Benchmark
    public org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse modelartsUnknown_converter() throws IOException {
        return modelartsConverter.convert(body(modelartsUnknownBody));
    }

    @Benchmark
    public org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse modelartsUnknown_converterNoAny() throws IOException {
        return modelartsConverterNoAny.convert(body(modelartsUnknownBody));
    }

    // ---- ModelArts (old version) demanager instances ----

    @Benchmark
    public DeInstanceList devEnvInstances_converter() throws IOException {
        return devEnvConverter.convert(body(devEnvInstancesBody));
    }

    @Benchmark
    public DeInstanceList devEnvInstances_jackson() throws IOException {
        return plain.readValue(devEnvInstances, DeInstanceList.class);
    }

    @Benchmark
    public DeInstanceList devEnvInstances_converterNoAny() throws IOException {
        return devEnvConverterNoAny.convert(body(devEnvInstancesBody));
    }
}
