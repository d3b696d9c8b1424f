package dev.dreamnet.javalin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The one ObjectMapper of the server, and safe reading of request bodies. Thread-safe. */
public final class Json {

    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64).maxStringLength(1_000_000).build();

    public static final ObjectMapper MAPPER = create();

    private Json() {
    }

    private static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(LIMITS);
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        return mapper;
    }

    /**
     * The request body as a JSON tree; a 400 saying what is wrong and where when it is not JSON, not UTF-8, or
     * holds a string with half of a UTF-16 surrogate pair (which no text encoding can store).
     */
    public static JsonNode body(Context ctx) {
        // The raw bytes, not ctx.body(): decoding to a String first replaced invalid UTF-8 with U+FFFD unseen.
        byte[] body = ctx.bodyAsBytes();
        if (new String(body, StandardCharsets.US_ASCII).isBlank()) {
            throw ApiException.badRequest("request body is empty; send a JSON object");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(JsonErrors.describe(e));
        } catch (IOException e) {
            throw ApiException.badRequest("body could not be read: " + e.getMessage());
        }
        JsonText.unpairedSurrogate(tree).ifPresent(field -> {
            throw ApiException.badRequest(field + ": contains half of a UTF-16 surrogate pair (such as \\ud800 "
                    + "alone), which is not Unicode text");
        });
        return tree;
    }
}
