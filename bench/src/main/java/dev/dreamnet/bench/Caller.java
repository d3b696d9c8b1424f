package dev.dreamnet.bench;

import dev.failsafe.function.CheckedSupplier;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One benchmark thread's side: the "plain call" every contender wraps, and the script of which
 * calls fail (every tenth). Returns itself from the decorated forms so nothing is boxed.
 * Confined to its thread.
 */
@State(Scope.Thread)
public class Caller implements Callable<Object>, CheckedSupplier<Object>, Supplier<Object> {

    /** The fallback for a rejected call: made once, so using it allocates nothing. */
    public final Function<RuntimeException, Object> fallback = rejected -> this;

    private long calls;

    /** The plain call. */
    public long work() {
        return ++calls;
    }

    /** Whether the call just made is one of the scripted 10% failures. */
    public boolean failed() {
        return calls % 10 == 0;
    }

    @Override
    public Object call() {
        work();
        return this;
    }

    @Override
    public Object get() {
        work();
        return this;
    }
}
