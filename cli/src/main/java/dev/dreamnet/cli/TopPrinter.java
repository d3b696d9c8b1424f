package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints one frame of {@code dreamnet top}: overall golden signals, saturation, then one row per route. */
final class TopPrinter {

    private static final String CLEAR_SCREEN = "\033[H\033[2J";
    private static final String ROW = "%-36s %9s %7s %7s %8s %8s %8s %8s%n";

    private TopPrinter() {
    }

    static void print(JsonNode signals, String window, String url, PrintWriter out, boolean clear) {
        if (clear) {
            out.print(CLEAR_SCREEN);
        }
        out.printf("dreamnet top  %s  %s  window %s%n", url, signals.path("at").asText(), window);
        out.println(SummaryPrinter.traffic(window, signals.path("overall").path(window)));
        JsonNode saturation = signals.path("saturation");
        out.printf(Locale.ROOT, "in flight %d, workers %s/%s, heap %s, cpu %s%n%n", saturation.path("inFlight").asInt(),
                saturation.path("workers").path("busy").asText("?"), saturation.path("workers").path("max").asText("?"),
                SummaryPrinter.percent(saturation.path("heap").path("utilisation")),
                SummaryPrinter.percent(saturation.path("cpu").path("process")));
        out.printf(ROW, "ROUTE", "REQ/S", "5XX%", "4XX%", "P50 MS", "P95 MS", "P99 MS", "MAX MS");
        for (JsonNode route : signals.path("routes")) {
            JsonNode w = route.path("windows").path(window);
            JsonNode latency = w.path("latency").path("success");
            out.printf(ROW, route.path("route").asText(),
                    String.format(Locale.ROOT, "%.2f", w.path("traffic").path("requestsPerSecond").asDouble()),
                    String.format(Locale.ROOT, "%.1f", w.path("errors").path("serverErrorRate").asDouble() * 100),
                    String.format(Locale.ROOT, "%.1f", w.path("errors").path("clientErrorRate").asDouble() * 100),
                    SummaryPrinter.ms(latency.path("p50Ms")), SummaryPrinter.ms(latency.path("p95Ms")),
                    SummaryPrinter.ms(latency.path("p99Ms")), SummaryPrinter.ms(latency.path("maxMs")));
        }
    }
}
