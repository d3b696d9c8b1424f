package dev.dreamnet.spring.autoconfigure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code {"error": ..., "detail": ...}}, the body of every refusal the starter answers itself, under Spring MVC and
 * Spring WebFlux alike: this class touches no servlet type, so a WebFlux application without the servlet API can load
 * it. Stateless.
 */
final class ErrorBody {

    private ErrorBody() {
    }

    /** The JSON body saying {@code error} and why. */
    static byte[] of(String error, String detail) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.FACTORY.createGenerator(body)) {
            json.writeStartObject();
            json.writeStringField("error", error);
            json.writeStringField("detail", detail);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("two strings could not be written as JSON", e);
        }
        return body.toByteArray();
    }

    /**
     * Jackson's streaming writer, not an ObjectMapper, whose hundreds of classes would load at every start; made at the
     * first refusal, so that a start loads none of Jackson's classes for it.
     */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }
}
