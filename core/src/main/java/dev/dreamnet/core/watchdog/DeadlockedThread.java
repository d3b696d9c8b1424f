package dev.dreamnet.core.watchdog;

/**
 * One thread of a deadlock: what it waits for and who holds it. Immutable.
 *
 * @param threadName    the blocked thread
 * @param threadId      its id
 * @param lockName      the lock it waits for, e.g. {@code "java.util.concurrent.locks.ReentrantLock$NonfairSync@1b6d3586"}
 * @param lockOwnerName the thread holding that lock
 * @param lockOwnerId   the holder's id
 * @param where         the top frame of the blocked thread, or "" when unknown
 */
public record DeadlockedThread(String threadName, long threadId, String lockName, String lockOwnerName,
                               long lockOwnerId, String where) {

    /** {@code "worker-1" waits for <lock> held by "worker-2"}. */
    public String waitsFor() {
        return "\"" + threadName + "\" waits for " + lockName + " held by \"" + lockOwnerName + "\"";
    }

    /** {@link #waitsFor()} followed by {@code at <top frame>} when the frame is known. */
    public String describe() {
        return where.isEmpty() ? waitsFor() : waitsFor() + " at " + where;
    }
}
