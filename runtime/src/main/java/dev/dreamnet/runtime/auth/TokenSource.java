package dev.dreamnet.runtime.auth;

import dev.dreamnet.config.reload.ReloadingFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.ConfigProblem;
import dev.dreamnet.core.hash.Sha256;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The valid tokens of one kind (admin or read): from an environment variable (comma-separated)
 * and from a file named by another (one per line, {@code #} comments), all valid at once so keys
 * rotate without downtime. The file is a {@link ReloadingFile} looked at again on each use, so a
 * change counts from the next request on; deleting it revokes its tokens (one WARN), and a file that
 * cannot be read keeps the tokens last read (one WARN until it reads again). Tokens are kept only as
 * SHA-256 digests and compared in constant time; they are never logged. Thread-safe.
 */
final class TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(TokenSource.class);

    /** The tokens of the file as last read; {@code exists} false while there is no file. Immutable. */
    private record FileTokens(List<byte[]> digests, boolean exists) {
        static final FileTokens NONE = new FileTokens(List.of(), false);
    }

    private final String name;
    private final List<byte[]> fromEnvironment;
    private final ReloadingFile<FileTokens> file;
    /** The file's tokens the listener saw last, to say how many a deletion revoked; guarded by this. */
    private FileTokens lastSeen = FileTokens.NONE;
    /** Why the file could not be read at first, as logged; guarded by this. */
    private String startProblem;
    private volatile boolean started;
    private volatile boolean fileHadTokens;

    TokenSource(String name, Map<String, String> environment, String variable, String fileVariable,
                Clock clock, Scheduler scheduler) {
        this.name = name;
        this.fromEnvironment = digests(split(environment.getOrDefault(variable, "")));
        String fileName = environment.get(fileVariable);
        this.file = fileName == null || fileName.isBlank() ? null
                : ReloadingFile.builder(Path.of(fileName), TokenSource::read)
                        .clock(clock).scheduler(scheduler).missingAs(FileTokens.NONE).build();
        if (file != null) {
            file.addListener(this::changed);
            startWatching();
        }
    }

    /** Reads the file and watches it from then on; false while it exists but cannot be read yet. */
    private synchronized boolean startWatching() {
        if (started) {
            return true;
        }
        try {
            file.start();
        } catch (ConfigException e) {
            String problem = e.problems().get(0).message();
            if (!problem.equals(startProblem)) {
                LOG.warn("{} tokens: {}: {}; none of its tokens is valid until it can be read", name, file.file(), problem);
            }
            startProblem = problem;
            return false;
        }
        started = true;
        changed(file.current());
        return true;
    }

    /**
     * Whether any token is configured at all. A file that held tokens and was then deleted or emptied
     * still counts: its tokens are revoked, but what they guarded must not fall open (reads, say).
     */
    boolean configured() {
        return !fromEnvironment.isEmpty() || !fileTokens().isEmpty() || fileHadTokens;
    }

    /** Whether {@code presented} is one of the valid tokens, compared in constant time. */
    boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] digest = Sha256.of(presented);
        boolean match = false;
        for (byte[] valid : fromEnvironment) {
            match |= MessageDigest.isEqual(valid, digest);
        }
        for (byte[] valid : fileTokens()) {
            match |= MessageDigest.isEqual(valid, digest);
        }
        return match;
    }

    /** The file's tokens now: the file is looked at first, so a rotation or deletion counts at once. */
    private List<byte[]> fileTokens() {
        if (file == null || !started && !startWatching()) {
            return List.of();
        }
        file.refresh();
        return file.current().digests();
    }

    /** Called with the first value and after each change, one at a time. */
    private synchronized void changed(FileTokens tokens) {
        fileHadTokens |= !tokens.digests().isEmpty();
        if (tokens.exists()) {
            LOG.info("{} tokens: read {} token(s) from {}", name, tokens.digests().size(), file.file());
        } else if (lastSeen.exists()) {
            LOG.warn("{} tokens: {} no longer exists; its {} token(s) are no longer valid", name, file.file(),
                    lastSeen.digests().size());
        } else if (lastSeen == FileTokens.NONE) {
            // Most often a misspelt path; a file written later (a secret mounted late) is still read when it appears.
            LOG.warn("{} tokens: {} does not exist; none of its tokens is valid until it does", name,
                    file.file().toAbsolutePath());
        }
        lastSeen = tokens;
    }

    private static FileTokens read(Path path) throws ConfigException {
        try {
            List<String> lines = Files.readString(path, StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            return new FileTokens(digests(lines), true);
        } catch (IOException e) {
            String problem = "cannot read file: " + e.getClass().getSimpleName();
            throw new ConfigException(List.of(new ConfigProblem(path.toString(), 0, "", problem)));
        }
    }

    private static List<String> split(String value) {
        List<String> tokens = new ArrayList<>();
        for (String token : value.split(",")) {
            if (!token.isBlank()) {
                tokens.add(token.trim());
            }
        }
        return tokens;
    }

    private static List<byte[]> digests(List<String> tokens) {
        return tokens.stream().map(Sha256::of).toList();
    }
}
