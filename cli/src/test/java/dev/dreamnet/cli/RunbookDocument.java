package dev.dreamnet.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable parts of docs/RUNBOOK.md: each block fenced {@code ```sh runbook [exit=N]} with the
 * {@code <!-- expect: ... -->} and {@code <!-- expect-output: ... -->} comments that follow it
 * (before the next text). Plain {@code ```sh} blocks are illustrations and are skipped. Immutable.
 */
record RunbookDocument(List<Block> blocks) {

    private static final Pattern FENCE = Pattern.compile("```sh runbook(?:\\s+exit=(\\d+))?\\s*");
    private static final Pattern COMMENT = Pattern.compile("<!--\\s*(expect|expect-output):\\s*(.*?)\\s*-->");

    /** One runnable block: its first line number in the file, its lines, the exit code and checks expected. */
    record Block(int line, List<String> commands, int exitCode, List<JsonExpectation> expects, List<String> outputs) {
        @Override
        public String toString() {
            return "docs/RUNBOOK.md:" + line;
        }
    }

    /** Parses the runbook's text; throws IllegalArgumentException naming the line of a malformed block. */
    static RunbookDocument parse(String markdown) {
        List<String> lines = markdown.lines().toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i).trim());
            if (fence.matches()) {
                i = block(lines, i, fence.group(1) == null ? 0 : Integer.parseInt(fence.group(1)), blocks);
            }
        }
        return new RunbookDocument(List.copyOf(blocks));
    }

    /** Reads the block opening at {@code start}; returns the index of the last line it used. */
    private static int block(List<String> lines, int start, int exitCode, List<Block> blocks) {
        List<String> commands = new ArrayList<>();
        int i = start + 1;
        for (; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
            if (!lines.get(i).isBlank()) {
                commands.add(lines.get(i).trim());
            }
        }
        if (i == lines.size()) {
            throw new IllegalArgumentException("docs/RUNBOOK.md:" + (start + 1) + ": the block is never closed");
        }
        List<JsonExpectation> expects = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Matcher comment;
        while (i + 1 < lines.size() && (comment = COMMENT.matcher(lines.get(i + 1).trim())).matches()) {
            i++;
            if (comment.group(1).equals("expect")) {
                expects.add(JsonExpectation.parse(comment.group(2)));
            } else {
                outputs.add(comment.group(2));
            }
        }
        blocks.add(new Block(start + 1, List.copyOf(commands), exitCode, List.copyOf(expects), List.copyOf(outputs)));
        return i;
    }
}
