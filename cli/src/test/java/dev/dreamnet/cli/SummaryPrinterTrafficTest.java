package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SummaryPrinterTrafficTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void clientAbortsAreShownApartFromTheErrorSharesOnlyWhenThereAreSome() throws Exception {
        JsonNode aborted = JSON.readTree("{\"traffic\":{\"requestsPerSecond\":1.5},\"errors\":{\"serverErrorRate\":0,"
                + "\"clientErrorRate\":0,\"clientAborts\":2},\"latency\":{\"success\":{\"count\":0}}}");
        JsonNode none = JSON.readTree("{\"traffic\":{\"requestsPerSecond\":1.5},\"errors\":{\"serverErrorRate\":0,"
                + "\"clientErrorRate\":0,\"clientAborts\":0},\"latency\":{\"success\":{\"count\":0}}}");

        assertThat(SummaryPrinter.traffic("1m", aborted))
                .isEqualTo("Traffic 1m: 1.50 req/s, 5xx 0.00%, 4xx 0.00%, 2 client abort(s), latency no requests");
        assertThat(SummaryPrinter.traffic("1m", none)).doesNotContain("abort");
    }

    @Test
    void onlyRolloutsStillRunningOrPausedAreActive() throws Exception {
        JsonNode rollouts = JSON.readTree("[{\"status\":\"ROLLED_BACK\"},{\"status\":\"RUNNING\"},"
                + "{\"status\":\"PROMOTED\"},{\"status\":\"PAUSED\"}]");

        assertThat(SummaryPrinter.rollouts(rollouts)).isEqualTo("2 active, 2 finished");
        assertThat(SummaryPrinter.rollouts(JSON.readTree("[{\"status\":\"ROLLED_BACK\"}]")))
                .isEqualTo("0 active, 1 finished");
        assertThat(SummaryPrinter.rollouts(JSON.readTree("[]"))).isEqualTo("none");
    }

    @Test
    void aConnectedSharedStateThatCannotBeWrittenSaysUntilWhenOrThatTheBreakerIsForcedOpen() throws Exception {
        JsonNode open = JSON.readTree("{\"live\":2,\"converged\":true,\"sharedState\":{\"stale\":false,"
                + "\"writable\":false,\"writesRefusedUntil\":\"2026-12-06T01:00:10Z\",\"version\":7}}");
        JsonNode forced = JSON.readTree("{\"live\":2,\"converged\":true,\"sharedState\":{\"stale\":false,"
                + "\"writable\":false,\"writesRefusedUntil\":null,\"version\":7}}");
        JsonNode writable = JSON.readTree("{\"live\":2,\"converged\":true,\"sharedState\":{\"stale\":false,"
                + "\"writable\":true,\"version\":7}}");

        assertThat(SummaryPrinter.fleet(open)).isEqualTo("2 live, converged, shared state version 7, but operator "
                + "changes are refused until 2026-12-06T01:00:10Z (the database's circuit breaker is open)");
        assertThat(SummaryPrinter.fleet(forced)).endsWith("the database's circuit breaker is forced open (reset it "
                + "with dreamnet breaker reset database)");
        assertThat(SummaryPrinter.fleet(writable)).isEqualTo("2 live, converged, shared state version 7");
    }
}
