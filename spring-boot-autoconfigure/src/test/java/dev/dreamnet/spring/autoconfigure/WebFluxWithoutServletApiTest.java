package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.spring.autoconfigure.reactive.ReactiveMain;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starter in a Spring WebFlux application as one is built, without the servlet API, Tomcat, Spring MVC or Spring
 * Security on its class path (this module's tests have them all, for the servlet tests): the application runs in a JVM
 * of its own, on this test's class path less those jars. Every path a request takes through DreamNet there must load no
 * servlet type: a refusal of the traffic gate once threw {@code NoClassDefFoundError: jakarta/servlet/Filter} and left
 * the request unanswered.
 */
class WebFluxWithoutServletApiTest {

    @TempDir
    Path dir;

    @Test
    void refusalsRoutingAndTheEndpointsReadsAndGuardedWritesAnswerWithoutTheServletApi() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // Surefire runs the tests from a manifest-only jar; the class path it stands for is in this property.
        List<String> testClassPath = Arrays.asList(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(File.pathSeparator));
        assertThat(testClassPath).as("the servlet API is on the tests' class path").anyMatch(e -> e.contains("servlet"));
        String classPath = testClassPath.stream()
                .filter(entry -> !entry.matches(".*(servlet|tomcat|webmvc|spring-security).*"))
                .collect(Collectors.joining(File.pathSeparator));
        Path log = dir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp", classPath,
                ReactiveMain.class.getName(), "--server.port=" + port, "--spring.main.web-application-type=reactive",
                "--dreamnet.database=jdbc:h2:mem:webflux_only;DB_CLOSE_DELAY=-1",
                "--management.endpoints.web.exposure.include=health,dreamnet", "--dreamnet.tokens.admin=admin-secret"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("WRITE_DRAIN", "on"); // a kill switch set at boot: writes are refused from the start
        Process app = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            await("the application ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().until(() -> get(http, port, "/actuator/health/readiness").statusCode() == 200);

            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(url(port, "/api/orders"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.body()).contains("\"error\":\"writes paused\"");
            assertThat(get(http, port, "/api/products/1").body()).isEqualTo("lamp 1");
            assertThat(get(http, port, "/api/checkout/user-1").body()).contains("\"served\":\"BASELINE\"");
            assertThat(get(http, port, "/actuator/dreamnet/flags").body()).contains("\"writeDrain\":true");
            assertThat(brownout(http, port, null).statusCode()).isEqualTo(401);
            HttpResponse<String> brownout = brownout(http, port, "admin-secret");
            assertThat(brownout.statusCode()).as(brownout.body()).isEqualTo(200);
            assertThat(get(http, port, "/actuator/dreamnet/flags").body()).contains("\"mode\":\"BROWNOUT\"");
        } finally {
            app.destroy();
            if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        assertThat(Files.readString(log)).as("the application's log").contains("Started ReactiveMain")
                .doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
    }

    /** The endpoint's write, through the web filter that guards it and the operation that reads the token. */
    private static HttpResponse<String> brownout(HttpClient http, int port, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(port, "/actuator/dreamnet/modes/brownout"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\": true, \"reason\": \"load\"}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(port, path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
