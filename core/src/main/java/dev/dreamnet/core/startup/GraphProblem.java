package dev.dreamnet.core.startup;

/**
 * One thing wrong with a startup graph, located as precisely as known: the file, the service and
 * the field. {@link #toString()} is the one-line message shown to people, for example
 * {@code deploy/graph.json: service "api": dependsOn: unknown service "qeues" (did you mean "queues"?)}.
 *
 * @param source  where the graph came from (a file path), never null
 * @param service the service concerned, or null when the problem is about the whole file
 * @param field   the field concerned (for example {@code dependsOn} or {@code line 3}), or null
 * @param message what is wrong, in plain words
 */
public record GraphProblem(String source, String service, String field, String message) {

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(source).append(": ");
        if (service != null) {
            line.append("service \"").append(service).append("\": ");
        }
        if (field != null) {
            line.append(field).append(": ");
        }
        return line.append(message).toString();
    }
}
