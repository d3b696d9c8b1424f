package dev.dreamnet.runtime.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.config.slo.SlosConfig;
import dev.dreamnet.core.slo.MinuteCounts;
import dev.dreamnet.core.slo.Slo;
import dev.dreamnet.core.slo.SloEvaluator;
import dev.dreamnet.core.slo.SloState;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated rules pass {@code promtool check rules}, and {@code promtool test rules} on synthetic series (a full
 * outage, a slow burn, a healthy week) fires exactly what DreamNet judges in process on the same minutes. CI sets
 * {@code DREAMNET_REQUIRE_PROMTOOL=1}, so there these checks cannot be skipped.
 */
class PrometheusRulesTest {

    private static final Slo READS = new Slo("reads", Slo.Kind.AVAILABILITY,
            List.of("GET /api/dreams/{id}", "GET /api/dreams"), 0.999, null, Slo.DEFAULT_WINDOW);
    private static final Slo FAST = Slo.latency("fast", List.of("GET /api/dreams/{id}", "POST /api/dreams"), 0.99,
            Duration.ofMillis(250));
    private static final SlosConfig CONFIG = SlosConfig.of(List.of(READS, FAST));

    @TempDir
    Path dir;

    /** Per-minute good and bad requests of one scenario, judged at its end. */
    private record Scenario(String name, long[] good, long[] bad, SloState expected) {
    }

    @Test
    void rulesAreValidAndNameTheSeriesExactly() throws Exception {
        String rules = PrometheusRules.of(CONFIG);

        assertThat(rules).contains("record: dreamnet:slo_error_ratio:rate5m", "record: dreamnet:slo_error_ratio:rate3d",
                "alert: DreamnetSloPage", "alert: DreamnetSloTicket",
                "dreamnet_http_server_requests_seconds_count{method=\\\"GET\\\", route=~\\\"/api/dreams|/api/dreams/\\\\\\\\{id\\\\\\\\}\\\"",
                "le=\\\"0.25\\\"", "> 14.4 * 0.001", "> 6 * 0.001", "> 1 * 0.01");
        Path file = dir.resolve("slos.rules.yml");
        Files.writeString(file, rules);
        assertThat(promtool("check", "rules", file.toString())).contains("SUCCESS: 14 rules found");
    }

    @Test
    void promtoolAndTheInProcessJudgementAgreeOnSyntheticSeries() throws Exception {
        int week = 7 * 24 * 60;
        List<Scenario> scenarios = List.of(
                scenario("full outage", 6 * 60, 6 * 60 + 5, 0, SloState.PAGE),
                scenario("slow burn at 2x", 0, 0, 4 * 24 * 60, SloState.TICKET),
                scenario("healthy week", week, week, 0, SloState.OK));
        StringBuilder tests = new StringBuilder("rule_files:\n  - slos.rules.yml\nevaluation_interval: 1m\ntests:\n");
        for (Scenario s : scenarios) {
            SloState inProcess = judge(s);
            assertThat(inProcess).as(s.name()).isEqualTo(s.expected());
            test(s, tests);
        }
        Files.writeString(dir.resolve("slos.rules.yml"), PrometheusRules.of(SlosConfig.of(List.of(READS))));
        Files.writeString(dir.resolve("slos.test.yml"), tests.toString());

        assertThat(promtool("test", "rules", dir.resolve("slos.test.yml").toString())).contains("SUCCESS");
    }

    /**
     * Healthy traffic (600 a minute) up to {@code outageFrom}, then only errors up to {@code until}; or, with
     * {@code slowMinutes}, that many minutes at twice the budget (0.2% errors).
     */
    private static Scenario scenario(String name, int outageFrom, int until, int slowMinutes, SloState expected) {
        int minutes = Math.max(until, slowMinutes);
        long[] good = new long[minutes];
        long[] bad = new long[minutes];
        for (int m = 0; m < minutes; m++) {
            if (slowMinutes > 0) {
                bad[m] = m % 5 == 4 ? 2 : 1;
                good[m] = 600 - bad[m];
            } else if (m < outageFrom) {
                good[m] = 600;
            } else {
                bad[m] = 600;
            }
        }
        return new Scenario(name, good, bad, expected);
    }

    private static SloState judge(Scenario s) {
        MinuteCounts counts = new MinuteCounts();
        for (int m = 0; m < s.good().length; m++) {
            counts.add(m, s.good()[m], s.bad()[m]);
        }
        long end = s.good().length * MinuteCounts.MINUTE_MILLIS - 1;
        return SloEvaluator.workbook().evaluate(READS, window -> counts.over(end, window)).state();
    }

    /** A promtool test case: the cumulative counters, one sample a minute, and the alerts expected at the end. */
    private static void test(Scenario s, StringBuilder out) {
        out.append("  - name: ").append(s.name()).append("\n    interval: 1m\n    input_series:\n");
        series(out, "SUCCESS", s.good());
        series(out, "SERVER_ERROR", s.bad());
        out.append("    alert_rule_test:\n");
        for (boolean page : List.of(true, false)) {
            boolean fires = page ? s.expected() == SloState.PAGE : s.expected() != SloState.OK;
            out.append("      - eval_time: ").append(s.good().length).append("m\n        alertname: ")
                    .append(page ? "DreamnetSloPage" : "DreamnetSloTicket").append("\n        exp_alerts:");
            if (!fires) {
                out.append(" []\n");
                continue;
            }
            out.append("\n          - exp_labels: { severity: ").append(page ? "page" : "ticket")
                    .append(", slo: reads }\n            exp_annotations:\n              summary: \"")
                    .append(PrometheusRules.summary(READS, page)).append("\"\n");
        }
    }

    private static void series(StringBuilder out, String outcome, long[] perMinute) {
        out.append("      - series: 'dreamnet_http_server_requests_seconds_count{method=\"GET\",route=\"/api/dreams/{id}\",")
                .append("outcome=\"").append(outcome).append("\"}'\n        values: '0");
        long total = 0;
        for (long each : perMinute) {
            total += each;
            out.append(' ').append(total);
        }
        out.append("'\n");
    }

    private String promtool(String... args) throws Exception {
        File promtool = findPromtool();
        boolean required = "1".equals(System.getenv("DREAMNET_REQUIRE_PROMTOOL"));
        assertThat(promtool != null || !required).as("promtool is required here but not on the PATH").isTrue();
        Assumptions.assumeTrue(promtool != null, "promtool is not installed (Debian package prometheus); CI installs it");
        List<String> command = new ArrayList<>(List.of(promtool.getPath()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static File findPromtool() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(entry, "promtool");
            if (candidate.canExecute()) {
                return candidate;
            }
        }
        return null;
    }
}
