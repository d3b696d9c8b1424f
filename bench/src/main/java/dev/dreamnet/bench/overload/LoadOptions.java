package dev.dreamnet.bench.overload;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's command line: {@code --url http://127.0.0.1:5101 --capacity 400} and optional
 * {@code --steps 0.5,1,1.5,2,3 --step-seconds 10 --warm-up-seconds 10 --recovery 0.8 --recovery-seconds 15
 * --mix 10,20,70 --timeout-ms 2000 --probe-ms 10 --name none --summary FILE}. Immutable.
 */
record LoadOptions(URI url, double capacity, List<Double> steps, int stepSeconds, int warmUpSeconds,
        double recovery, int recoverySeconds, ClassMix mix, Duration timeout, Duration probeEvery, String name,
        Path summary) {

    static LoadOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got " + Arrays.toString(args));
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        if (!given.containsKey("url") || !given.containsKey("capacity")) {
            throw new IllegalArgumentException("--url and --capacity are required");
        }
        LoadOptions options = new LoadOptions(URI.create(given.remove("url")),
                Double.parseDouble(given.remove("capacity")),
                Arrays.stream(given.getOrDefault("steps", "0.5,1,1.5,2,3").split(",")).map(Double::valueOf).toList(),
                Integer.parseInt(given.getOrDefault("step-seconds", "10")),
                Integer.parseInt(given.getOrDefault("warm-up-seconds", "10")),
                Double.parseDouble(given.getOrDefault("recovery", "0.8")),
                Integer.parseInt(given.getOrDefault("recovery-seconds", "15")),
                ClassMix.parse(given.getOrDefault("mix", "10,20,70")),
                Duration.ofMillis(Long.parseLong(given.getOrDefault("timeout-ms", "2000"))),
                Duration.ofMillis(Long.parseLong(given.getOrDefault("probe-ms", "10"))),
                given.getOrDefault("name", "target"),
                given.containsKey("summary") ? Path.of(given.get("summary")) : null);
        List.of("steps", "step-seconds", "warm-up-seconds", "recovery", "recovery-seconds", "mix", "timeout-ms",
                "probe-ms", "name", "summary").forEach(given::remove);
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet());
        }
        return options;
    }

    ArrivalSchedule schedule() {
        return ArrivalSchedule.steps(capacity, warmUpSeconds, steps, stepSeconds, recovery, recoverySeconds);
    }

    /** The step at the highest multiple of capacity, which the goals read. */
    String peakStep() {
        return ArrivalSchedule.label(steps.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    /** The lowest step, whose CRITICAL p99 counts as unloaded. */
    String unloadedStep() {
        return ArrivalSchedule.label(steps.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
    }
}
