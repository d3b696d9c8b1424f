package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The refusal bodies the filter and the overload interceptor write themselves stay JSON whatever the detail holds. */
class ErrorBodyTest {

    @Test
    void aDetailWithQuotesControlCharactersAndUnicodeReadsBackUnchanged() throws Exception {
        String detail = "gate \"db\" failed:\n\ttimeout \\ after 2 s \u0001 \u00e9\u2028";

        JsonNode body = new ObjectMapper().readTree(ErrorBody.of("not ready", detail));

        assertThat(body.get("error").asText()).isEqualTo("not ready");
        assertThat(body.get("detail").asText()).isEqualTo(detail);
        assertThat(body.size()).isEqualTo(2);
    }
}
