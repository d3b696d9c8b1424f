package dev.dreamnet.core.retry;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** A downstream that throws the scripted failures in order, then answers "ok". Thread-safe. */
final class ScriptedCall implements Callable<String> {

    private final Deque<Exception> failures;
    private final AtomicInteger calls = new AtomicInteger();

    ScriptedCall(Exception... failures) {
        this.failures = new ArrayDeque<>(Arrays.asList(failures));
    }

    /** Fails {@code times} times with {@code failure}, then succeeds. */
    static ScriptedCall failing(int times, Exception failure) {
        Exception[] script = new Exception[times];
        Arrays.fill(script, failure);
        return new ScriptedCall(script);
    }

    @Override
    public synchronized String call() throws Exception {
        calls.incrementAndGet();
        Exception next = failures.poll();
        if (next != null) {
            throw next;
        }
        return "ok";
    }

    int calls() {
        return calls.get();
    }
}
