package dev.dreamnet.config.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the problems of one configuration file so that all of them are reported at once, in
 * file order (problems of the whole file first). Each is located at the line of its setting, or
 * of the nearest enclosing setting the file has; the same problem recorded twice is kept once.
 * Not thread-safe; one per validation.
 */
public final class Problems {

    /** The most problems one exception lists; the rest are counted in a last line. */
    public static final int MAX_LISTED = 100;

    private final String source;
    private final Map<String, Integer> lines;
    private final Set<ConfigProblem> found = new LinkedHashSet<>();
    private int unlisted;

    /** Problems of {@code document}, located with its lines. */
    public Problems(YamlDocument document) {
        this(document.source(), document.lines());
    }

    Problems(String source, Map<String, Integer> lines) {
        this.source = source;
        this.lines = lines;
    }

    /** Records that the setting at {@code path} (empty for the whole document) is wrong. */
    public void add(String path, String message) {
        addAt(lineOf(path), path, message);
    }

    /** Records a problem of the file as a whole, with no line: it cannot be read, it is too large. */
    public void addToFile(String message) {
        addAt(0, "", message);
    }

    void addAt(int line, String path, String message) {
        ConfigProblem problem = new ConfigProblem(source, line, path, message);
        if (found.size() < MAX_LISTED) {
            found.add(problem);
        } else if (!found.contains(problem)) {
            unlisted++;
        }
    }

    /** How many distinct problems were recorded. */
    public int count() {
        return found.size() + unlisted;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws every problem recorded so far at once, if there is any. */
    public void throwIfAny() throws ConfigException {
        if (found.isEmpty()) {
            return;
        }
        List<ConfigProblem> listed = new ArrayList<>(found);
        listed.sort(Comparator.comparingInt(ConfigProblem::line));
        if (unlisted > 0) {
            listed.add(new ConfigProblem(source, 0, "", "and " + unlisted + " more problems"));
        }
        throw new ConfigException(listed);
    }

    /** The line of {@code path}, else of its nearest ancestor in the file; 0 when none is known. */
    private int lineOf(String path) {
        String place = path == null ? "" : path;
        while (!place.isEmpty()) {
            Integer line = lines.get(place);
            if (line != null) {
                return line;
            }
            place = place.substring(0, Math.max(0, Math.max(place.lastIndexOf('.'), place.lastIndexOf('['))));
        }
        return 0;
    }
}
