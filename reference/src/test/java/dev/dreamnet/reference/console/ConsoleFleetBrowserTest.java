package dev.dreamnet.reference.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.testing.Browser;
import dev.dreamnet.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's fleet panel in a real browser against a server in fleet mode on a real PostgreSQL database: it says
 * the shared state is followed and that this instance judges rollouts, and, while the database's breaker is forced
 * open, that operator changes are refused, until the breaker is reset.
 */
class ConsoleFleetBrowserTest {

    private static final String ADMIN = "console-fleet-token";
    private static final String SHARED = "#fleet [data-role='shared-state']";

    @TempDir
    Path dir;

    private PostgresTestDatabase database;
    private DreamnetServer server;
    private Browser browser;

    @BeforeEach
    void startAFleetOfOne() throws Exception {
        browser = Browser.start();
        database = PostgresTestDatabase.create("dreamnet_console_fleet");
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .jdbcUrl(database.jdbcUrl()).environment(Map.of(AccessControl.ADMIN_TOKENS, ADMIN)).build());
        Servers.awaitReady(new Http(server.port()));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
            if (server != null) {
                server.shutdown();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void theFleetPanelSaysWhetherOperatorChangesCanBeWrittenNow() throws Exception {
        Http admin = new Http(server.port()).bearer(ADMIN).with("X-Dreamnet-Actor", "console-fleet-test");
        browser.driver.get("http://127.0.0.1:" + server.port() + "/console");
        browser.await("the fleet panel follows PostgreSQL and judges",
                d -> browser.text(SHARED).startsWith("Shared state: following PostgreSQL at version ")
                        && browser.text(SHARED).endsWith(" · this instance judges rollouts"));

        assertThat(admin.post("/api/admin/breakers/database/force-open", "{\"reason\": \"console test\"}").status())
                .isEqualTo(200);
        browser.await("the fleet panel says operator changes are refused", d -> browser.text(SHARED).contains(
                "; operator changes are refused: the database's circuit breaker is forced open (reset it to write)"));
        assertThat(browser.driver.executeScript("return document.querySelector(arguments[0]).className", SHARED))
                .isEqualTo("error");
        browser.screenshot("fleet-refusing");

        assertThat(admin.post("/api/admin/breakers/database/reset", "{\"reason\": \"console test\"}").status())
                .isEqualTo(200);
        browser.await("the fleet panel takes changes again",
                d -> !browser.text(SHARED).contains("refused") && !browser.text(SHARED).isEmpty());
        // While the breaker was forced open, reads that need the database (the queues' depths) answered 503, as they
        // should; the page itself must not have failed.
        assertThat(browser.severe()).as("SEVERE entries in the browser log other than those 503s")
                .filteredOn(entry -> !entry.getMessage().contains("status of 503")).isEmpty();
    }
}
