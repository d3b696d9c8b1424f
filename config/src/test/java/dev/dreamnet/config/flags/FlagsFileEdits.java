package dev.dreamnet.config.flags;

import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random edits of a flags file, line by line, as a hurried person or a broken editor makes them. Stateless. */
public final class FlagsFileEdits {

    private static final List<String> VALUES = List.of("true", "false", "off", "yes", "1", "0", "~", "\"\"", "'  '",
            "kept", "brownout", "emergency", "brownot", "Emergency", "citadel", "Citadel", "drone dome", "[]", "{}",
            "[a, 1]", "!!java.lang.Runtime x", "&a 1", "*a", "!foo {}", "\"\\x", "'open", "[", "{");
    private static final List<String> LINES = List.of("    extra: 1", "    enabeld: true", "    agent: citadel",
            "    degradation: sometimes", "  llm.calls: {}", "  bad name: {}", "  LLM.CALLS: {enabled: true, owner: o, "
            + "description: d}", "flags: {}", "- item", "\tindented: 1", "a: &a [1]", "b: *a", "---", "%YAML 1.1",
            "? [a]", ": b");
    private static final String CHARS = ":-[]{},'\"!&*?|>#% \t\n\\0123456789.";

    private FlagsFileEdits() {
    }

    /** Makes one random edit to {@code lines}, which must not be empty. */
    public static void edit(List<String> lines, Random random) {
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(7)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, line);
            case 2 -> Collections.swap(lines, at, random.nextInt(lines.size()));
            case 3 -> lines.set(at, line.contains(": ")
                    ? line.substring(0, line.indexOf(": ") + 2) + pick(VALUES, random) : line + pick(VALUES, random));
            case 4 -> lines.set(at, " ".repeat(random.nextInt(5)) + line.stripLeading());
            case 5 -> lines.add(at, pick(LINES, random));
            default -> {
                int position = random.nextInt(line.length() + 1);
                String character = String.valueOf(CHARS.charAt(random.nextInt(CHARS.length())));
                lines.set(at, line.substring(0, position) + character + line.substring(position));
            }
        }
    }

    private static String pick(List<String> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }
}
