package dev.dreamnet.core.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A scheduler for tests that runs tasks only when its {@link FakeClock} is advanced past their
 * due time, on the calling thread, in due-time order. Thread-safe; guarded by {@code this}.
 */
public final class ManualScheduler extends FakeClock implements Scheduler {

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long sequence;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable runnable) {
        Task task = new Task(nanoTime() + Math.max(0, delay.toNanos()), sequence++, runnable);
        queue.add(task);
        return () -> cancel(task);
    }

    private synchronized void cancel(Task task) {
        queue.remove(task);
    }

    /** Advances time, running every task that falls due on the way at its due time. */
    @Override
    public void advance(Duration duration) {
        long target = nanoTime() + duration.toNanos();
        Task next;
        while ((next = pollDue(target)) != null) {
            super.advance(Duration.ofNanos(Math.max(0, next.dueNanos - nanoTime())));
            next.runnable.run();
        }
        super.advance(Duration.ofNanos(Math.max(0, target - nanoTime())));
    }

    /** Runs every task that is due now, without moving time. */
    public void runDueTasks() {
        advance(Duration.ZERO);
    }

    /** How many tasks are waiting. */
    public synchronized int pendingTasks() {
        return queue.size();
    }

    /** The delays, from now, of the waiting tasks, earliest first. */
    public synchronized List<Duration> pendingDelays() {
        List<Duration> delays = new ArrayList<>();
        queue.stream().sorted().forEach(task -> delays.add(Duration.ofNanos(task.dueNanos - nanoTime())));
        return delays;
    }

    private synchronized Task pollDue(long target) {
        Task head = queue.peek();
        return head != null && head.dueNanos <= target ? queue.poll() : null;
    }

    private record Task(long dueNanos, long sequence, Runnable runnable) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
