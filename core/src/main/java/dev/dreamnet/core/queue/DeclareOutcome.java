package dev.dreamnet.core.queue;

/** What {@link QueueBackend#declare(QueueSpec)} did. */
public enum DeclareOutcome {
    /** The queue did not exist and now does, as specified. */
    CREATED,
    /** The queue already existed with exactly these settings; nothing was changed. */
    UNCHANGED
}
