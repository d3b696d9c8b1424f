package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator console as the endpoint's guards serve it, checked the same way under Spring MVC, WebFlux, the
 * management port and Spring Security: the page under the endpoint with a strict policy and the actuator's API
 * written into it, its assets versioned and cached for good, and a name that is none of its files refused naming
 * where the console is.
 */
final class ConsoleChecks {

    private ConsoleChecks() {
    }

    /** A GET of a path on the application, with whatever credentials the test's application wants. */
    @FunctionalInterface
    interface Get {
        HttpResponse<String> get(String path) throws Exception;
    }

    /**
     * @param endpoint    the endpoint's path as the browser reaches it, with the servlet's or WebFlux's base path and
     *                    the actuator's ({@code /actuator/dreamnet}, {@code /shop/actuator/dreamnet})
     * @param credentials what the page says goes with its calls: {@code omit} (DreamNet's tokens) or
     *                    {@code same-origin} (Spring Security)
     */
    static void assertServed(Get http, String endpoint, String credentials) throws Exception {
        String console = endpoint + "/console";
        HttpResponse<String> page = http.get(console);

        assertThat(page.statusCode()).as("the page holds no data: no token needed").isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains(
                "<meta name=\"dreamnet-api\" content=\"" + endpoint + "\">",
                "<meta name=\"dreamnet-api-kind\" content=\"actuator\">",
                "<meta name=\"dreamnet-credentials\" content=\"" + credentials + "\">").doesNotContain("{{");
        for (String asset : new String[] {"console.js", "console.css", "uplot.js", "uplot.css"}) {
            Matcher link = Pattern.compile("\"(" + Pattern.quote(console + "/" + asset) + "\\?v=[0-9a-f]{12})\"")
                    .matcher(page.body());
            assertThat(link.find()).as(asset + " linked under the console with its version").isTrue();
            HttpResponse<String> served = http.get(link.group(1));
            assertThat(served.statusCode()).as(asset + ": its ?v= is not a parameter the endpoint refuses")
                    .isEqualTo(200);
            assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(served.headers().firstValue("Content-Security-Policy")).isPresent();
        }
        HttpResponse<String> missing = http.get(console + "/secrets.txt");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no console file secrets.txt", "the console is at " + console);
    }
}
