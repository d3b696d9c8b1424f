package dev.dreamnet.config.reload;

import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.ConfigProblem;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One configuration file, reloaded when it changes, with last-good semantics. Every
 * {@code interval} it stamps the file (modification time, size and content hash, so an edit
 * within the same second is seen) and, when the stamp changed, loads it whole. A valid version is
 * swapped in and handed to the listeners; an invalid or unreadable one is refused, the last good
 * value stays in {@link #current()} and the refusal is kept in {@link #lastError()} (and logged
 * once per distinct error) until a valid version clears it. Nothing a loader or listener throws
 * stops the polling. {@link #refresh()} looks at once, for a caller that must see a change on its
 * next use (access tokens). A file that does not exist is refused like any unreadable one, unless
 * {@link Builder#missingAs} names the value it stands for (no tokens): then deleting the file is a
 * valid change to that value, and writing it again another.
 *
 * <p>Thread-safe: {@link #current()} and {@link #lastError()} read volatile fields and never
 * block; loading is guarded by {@code lock}; listeners are called outside it, on the polling
 * thread, one change at a time, in order.
 *
 * @param <T> the immutable value the file describes
 */
public final class ReloadingFile<T> {

    /** How often the file is looked at unless told otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);

    private static final System.Logger LOG = System.getLogger(ReloadingFile.class.getName());

    private final Path file;
    private final Loader<T> loader;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Duration interval;
    /** What a missing file stands for; null when a missing file is refused. */
    private final T missingValue;
    private final List<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile T current;
    private volatile ReloadError lastError;
    /** The stamp of the last version loaded or refused; null when the file could not be read. Guarded by lock. */
    private FileStamp seen;
    /** The problems last logged, so that the same error is logged once. Guarded by lock. */
    private List<String> logged;
    /** Guarded by lock, like the flag after it. */
    private boolean started;
    private boolean stopped;
    /** The next poll, to cancel on stop. Guarded by lock. */
    private Scheduler.Cancellable next;

    private ReloadingFile(Builder<T> builder) {
        this.file = builder.file;
        this.loader = builder.loader;
        this.scheduler = builder.scheduler;
        this.clock = builder.clock;
        this.interval = builder.interval;
        this.missingValue = builder.missingValue;
    }

    /** A reloader of {@code file}, read with {@code loader}; it needs a scheduler. */
    public static <T> Builder<T> builder(Path file, Loader<T> loader) {
        return new Builder<>(file, loader);
    }

    /**
     * Loads the file now, without looking at it again: {@link #current()} answers from here on, and {@link #start()}
     * then only begins to look for changes (one made meanwhile is seen at its first look). For refusing a missing or bad
     * file when an application is built, before anything starts. Idempotent once it has succeeded.
     *
     * @return whether this call loaded it (false: it was loaded already)
     * @throws ConfigException if the file cannot be loaded: there is no last good value to keep
     */
    public boolean load() throws ConfigException {
        String version;
        synchronized (lock) {
            if (current != null) {
                return false;
            }
            version = loadFirst();
        }
        LOG.log(Level.INFO, "Loaded {0} (version {1})", file, version);
        return true;
    }

    /**
     * Loads the file, unless {@link #load()} did, then looks at it every interval until {@link #stop()}.
     *
     * @throws ConfigException if this first load fails: there is no last good value to keep
     * @throws IllegalStateException if already started
     */
    public void start() throws ConfigException {
        String version = null;
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("already started: " + file);
            }
            if (current == null) {
                version = loadFirst();
            }
            started = true;
            next = scheduler.schedule(interval, this::poll);
        }
        if (version != null) {
            LOG.log(Level.INFO, "Loaded {0} (version {1})", file, version);
        }
    }

    /** Loads the first value and remembers the version it came from; returns that version. Holds lock. */
    private String loadFirst() throws ConfigException {
        FileStamp stamp = FileStamp.of(file, missingValue != null);
        current = Objects.requireNonNull(load(stamp), "loader returned null for " + file);
        seen = stamp;
        return stamp.version();
    }

    /** Stops looking at the file; {@link #current()} keeps the last good value. Idempotent. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (next != null) {
                next.cancel();
            }
        }
    }

    /**
     * The last good value, whole: never part of a configuration.
     *
     * @throws IllegalStateException before {@link #load()} or {@link #start()} succeeded
     */
    public T current() {
        T value = current;
        if (value == null) {
            throw new IllegalStateException("not loaded: call load() or start() first for " + file);
        }
        return value;
    }

    /** Why the latest version was refused, while it is; empty once a valid version is loaded. */
    public Optional<ReloadError> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Calls {@code listener} with each new value after a valid change (not for the first load). */
    public void addListener(Consumer<? super T> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The file watched, as given. */
    public Path file() {
        return file;
    }

    /**
     * Looks at the file now, on the calling thread, as a poll would: a change is loaded (or refused)
     * and handed to the listeners before this returns. Does nothing once stopped.
     *
     * @throws IllegalStateException before {@link #load()} or {@link #start()} succeeded
     */
    public void refresh() {
        current();
        T changed;
        synchronized (lock) {
            changed = stopped ? null : reloadIfChanged();
        }
        if (changed != null) {
            notifyListeners(changed);
        }
    }

    private void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Looking at " + file + " failed; looking again in " + interval, e);
        } finally {
            synchronized (lock) {
                if (!stopped) {
                    next = scheduler.schedule(interval, this::poll);
                }
            }
        }
    }

    /** The new value if the file changed to a valid version that differs from the current one, else null. */
    private T reloadIfChanged() {
        FileStamp stamp;
        try {
            stamp = FileStamp.of(file, missingValue != null);
        } catch (ConfigException e) {
            seen = null;
            refuse(lines(e), Optional.empty());
            return null;
        }
        if (stamp.equals(seen)) {
            return null;
        }
        seen = stamp;
        T value;
        try {
            value = Objects.requireNonNull(load(stamp), "the loader returned null");
        } catch (ConfigException e) {
            refuse(lines(e), Optional.of(stamp.version()));
            return null;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Loading " + file + " failed unexpectedly", e);
            refuse(List.of(file + ": could not be loaded: " + e), Optional.of(stamp.version()));
            return null;
        }
        boolean changed = !value.equals(current);
        current = value;
        lastError = null;
        logged = null;
        LOG.log(Level.INFO, "Reloaded {0} (version {1})", file, stamp.version());
        return changed ? value : null;
    }

    private T load(FileStamp stamp) throws ConfigException {
        return stamp.equals(FileStamp.MISSING) ? missingValue : loader.load(file);
    }

    private void refuse(List<String> problems, Optional<String> version) {
        lastError = new ReloadError(problems, clock.now(), version);
        if (!problems.equals(logged)) {
            logged = problems;
            LOG.log(Level.WARNING, "Refused {0}; keeping the last good version:\n{1}", file, String.join("\n", problems));
        }
    }

    private void notifyListeners(T value) {
        for (Consumer<? super T> listener : listeners) {
            try {
                listener.accept(value);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "A listener of " + file + " failed; the new version is active anyway", e);
            }
        }
    }

    private static List<String> lines(ConfigException e) {
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    /** Settings of a {@link ReloadingFile}. Not thread-safe. */
    public static final class Builder<T> {
        private final Path file;
        private final Loader<T> loader;
        private Scheduler scheduler;
        private Clock clock = Clock.system();
        private Duration interval = DEFAULT_INTERVAL;
        private T missingValue;

        private Builder(Path file, Loader<T> loader) {
            this.file = Objects.requireNonNull(file, "file");
            this.loader = Objects.requireNonNull(loader, "loader");
        }

        /** Runs the polls; required. */
        public Builder<T> scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Timestamps refusals; the system clock unless told otherwise. */
        public Builder<T> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How often to look at the file; {@link #DEFAULT_INTERVAL} unless told otherwise. */
        public Builder<T> interval(Duration interval) {
            this.interval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * What the file stands for while it does not exist, at start and after a deletion (an empty
         * set, say); unless told, a missing file is refused and the last good value kept.
         */
        public Builder<T> missingAs(T value) {
            this.missingValue = Objects.requireNonNull(value, "missing value");
            return this;
        }

        /** @throws IllegalStateException naming the setting that is missing or wrong */
        public ReloadingFile<T> build() {
            if (scheduler == null) {
                throw new IllegalStateException("scheduler must be set");
            }
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalStateException("interval must be > 0, was " + interval);
            }
            return new ReloadingFile<>(this);
        }
    }
}
