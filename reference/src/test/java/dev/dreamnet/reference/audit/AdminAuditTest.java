package dev.dreamnet.reference.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every successful admin write is on record at /api/observability/audit: who, what, before, after and why. */
class AdminAuditTest {

    private static final String ADMIN = "audit-admin-token";

    @TempDir
    Path dir;

    private DreamnetServer server;
    private Http http;
    private Http admin;

    @BeforeEach
    void start() throws Exception {
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .environment(Map.of(AccessControl.ADMIN_TOKENS, ADMIN)).build());
        http = new Http(server.port());
        admin = http.bearer(ADMIN);
        Servers.awaitReady(http);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void eachBreakerActionIsRecordedWithActorActionBeforeAfterAndReason() {
        Http alice = admin.with("X-Dreamnet-Actor", "alice@example.com");
        alice.post("/api/admin/breakers/provider/force-open", "{\"reason\": \"provider incident INC-42\"}");
        alice.post("/api/admin/breakers/provider/force-closed", "{\"reason\": \"provider back\"}");
        alice.post("/api/admin/breakers/provider/reset", "");

        List<JsonNode> entries = entries();

        assertThat(entries).hasSize(3);
        assertEntry(entries.get(2), "alice@example.com", "breaker.force-open", "provider", "CLOSED", "FORCED_OPEN",
                "provider incident INC-42");
        assertEntry(entries.get(1), "alice@example.com", "breaker.force-closed", "provider", "FORCED_OPEN",
                "FORCED_CLOSED", "provider back");
        assertEntry(entries.get(0), "alice@example.com", "breaker.reset", "provider", "FORCED_CLOSED", "CLOSED",
                "reset by operator");
        assertThat(entries.get(0).get("at").asText()).isNotBlank();
    }

    @Test
    void faultInjectionIntoTheStubProviderIsRecordedToo() {
        admin.with("X-Dreamnet-Actor", "bob").post("/api/admin/stub-provider/faults",
                "{\"failureRate\": 1.0, \"status\": 503}");

        assertEntry(entries().get(0), "bob", "stub-provider.faults", "stub-provider",
                "Faults[failureRate=0.0, status=503, delayMs=0]", "Faults[failureRate=1.0, status=503, delayMs=0]",
                "fault injection");

        admin.post("/api/admin/stub-provider/faults", "{\"failureRate\": 0, \"reason\": \"outage drill over\"}");

        assertThat(entries().get(0).get("reason").asText()).isEqualTo("outage drill over");
        assertThat(admin.post("/api/admin/stub-provider/faults", "{\"reason\": \"two\\nlines\"}").status())
                .as("a reason is one line, as for every admin write").isEqualTo(400);
    }

    @Test
    void aStubProviderFaultsBodyThatIsNotAnObjectIs400AndChangesNothing() {
        // The bug: an array was taken as an empty object, so the faults were reset to defaults and audited.
        admin.post("/api/admin/stub-provider/faults", "{\"failureRate\": 0.5, \"status\": 502}");

        for (String body : List.of("[{\"failureRate\": 1.0}]", "[]", "1", "\"failureRate\"", "")) {
            Reply refused = admin.post("/api/admin/stub-provider/faults", body);

            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.text("error")).isEqualTo("bad request");
            assertThat(refused.text("detail")).as(body).contains("JSON object", "failureRate", "status", "delayMs");
        }
        assertThat(admin.post("/api/admin/stub-provider/faults", "[]").text("detail"))
                .isEqualTo("body must be a JSON object with failureRate, status, delayMs, reason");
        JsonNode faults = http.get("/api/observability/stub-provider/faults").json();
        assertThat(faults.get("failureRate").asDouble()).isEqualTo(0.5);
        assertThat(faults.get("status").asInt()).isEqualTo(502);
        assertThat(entries()).hasSize(1);
    }

    @Test
    void aMisspeltStubProviderFaultsFieldIs400NamingItAndChangesNothing() {
        Reply refused = admin.post("/api/admin/stub-provider/faults", "{\"failurerate\": 1.0}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("detail")).isEqualTo("unknown field \"failurerate\" (known: failureRate, status, delayMs, reason)");
        assertThat(http.get("/api/observability/stub-provider/faults").json().get("failureRate").asDouble()).isZero();
        assertThat(entries()).isEmpty();
    }

    @Test
    void withoutAnActorHeaderTheActorIsOperatorAndAForgedOneIsCleaned() {
        admin.post("/api/admin/breakers/queue/force-open", "");
        admin.with("X-Dreamnet-Actor", "eve\"; DROP TABLE audit_log; --").post("/api/admin/breakers/queue/reset", "");

        List<JsonNode> entries = entries();

        assertThat(entries.get(1).get("actor").asText()).isEqualTo("operator");
        assertThat(entries.get(1).get("reason").asText()).isEqualTo("force-open by operator");
        assertThat(entries.get(0).get("actor").asText()).isEqualTo("eveDROPTABLEaudit_log--");
    }

    @Test
    void refusedAndFailedWritesLeaveNoEntry() {
        http.post("/api/admin/breakers/provider/force-open", "{\"reason\": \"no token\"}");
        http.bearer("not-the-token").post("/api/admin/breakers/provider/force-open", "{\"reason\": \"wrong token\"}");
        admin.post("/api/admin/breakers/nosuch/force-open", "{\"reason\": \"unknown breaker\"}");
        admin.post("/api/admin/breakers/provider/force-open", "{\"reason\": 42}");

        assertThat(entries()).isEmpty();
        assertThat(server.downstreams().breaker("provider").state().name()).isEqualTo("CLOSED");
    }

    @Test
    void anAdminWriteStillSucceedsWhileTheDatabaseBreakerIsForcedOpenAndTheAuditReadSays503() {
        assertThat(admin.post("/api/admin/breakers/database/force-open", "{\"reason\": \"db failover\"}").status())
                .isEqualTo(200);

        assertThat(admin.post("/api/admin/breakers/provider/force-open", "").status()).isEqualTo(200);
        assertThat(server.downstreams().breaker("provider").state().name()).isEqualTo("FORCED_OPEN");
        assertThat(http.get("/api/observability/audit").status()).isEqualTo(503);
        assertThat(http.get("/api/observability/audit").text("error")).isEqualTo("database unavailable");

        admin.post("/api/admin/breakers/database/reset", "");
        assertThat(entries()).extracting(e -> e.get("target").asText() + " " + e.get("action").asText())
                .containsExactly("database breaker.reset");
    }

    @Test
    void theAuditLogShowsTheNewestEntriesFirstUpToTheLimit() {
        for (String action : List.of("force-open", "force-closed", "reset")) {
            admin.post("/api/admin/breakers/queue/" + action, "");
        }

        JsonNode page = http.get("/api/observability/audit?limit=2").json();

        assertThat(page.get("count").asInt()).isEqualTo(2);
        assertThat(page.get("entries").get(0).get("action").asText()).isEqualTo("breaker.reset");
        assertThat(http.get("/api/observability/audit?limit=0").status()).isEqualTo(400);
    }

    private List<JsonNode> entries() {
        List<JsonNode> entries = new ArrayList<>();
        http.get("/api/observability/audit").json().get("entries").forEach(entries::add);
        return entries;
    }

    private static void assertEntry(JsonNode entry, String actor, String action, String target, String before,
                                    String after, String reason) {
        assertThat(entry.get("actor").asText()).isEqualTo(actor);
        assertThat(entry.get("action").asText()).isEqualTo(action);
        assertThat(entry.get("target").asText()).isEqualTo(target);
        assertThat(entry.get("before").asText()).isEqualTo(before);
        assertThat(entry.get("after").asText()).isEqualTo(after);
        assertThat(entry.get("reason").asText()).isEqualTo(reason);
    }
}
