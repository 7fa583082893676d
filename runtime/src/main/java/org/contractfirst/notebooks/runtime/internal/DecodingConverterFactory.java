package org.contractfirst.notebooks.runtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Retrofit's Jackson converter, with the generated client's own {@code ObjectMapper}, whose decoding
 * failures become an {@link ApiException} naming the target type, the HTTP status and the body's first bytes.
 */
public final class DecodingConverterFactory extends Converter.Factory {

    private final JacksonConverterFactory jackson;

    private DecodingConverterFactory(ObjectMapper mapper) {
        this.jackson = JacksonConverterFactory.create(mapper);
    }

    public static DecodingConverterFactory create(ObjectMapper mapper) {
        return new DecodingConverterFactory(mapper);
    }

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
        Converter<ResponseBody, ?> delegate = jackson.responseBodyConverter(type, annotations, retrofit);
        return body -> {
            BufferedSource peek = body.source().peek();
            peek.request(Exceptions.BODY_EXCERPT);
            byte[] head = peek.readByteArray(Math.min(peek.getBuffer().size(), Exceptions.BODY_EXCERPT));
            try {
                return delegate.convert(body);
            } catch (JsonProcessingException e) {
                ResponseContext r = ResponseContext.current();
                throw Exceptions.api("body does not decode as " + type.getTypeName() + ": " + e.getOriginalMessage()
                        + "; body starts with " + Exceptions.excerpt(head),
                        r.status(), null, null, r.requestId(), head, r.method(), r.path(), e);
            }
        };
    }

    @Override
    public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
                                                          Annotation[] methodAnnotations, Retrofit retrofit) {
        return jackson.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
    }
}
