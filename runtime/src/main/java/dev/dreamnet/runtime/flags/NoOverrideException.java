package dev.dreamnet.runtime.flags;

/**
 * A clear named a flag that has no override set: nothing was changed and nothing audited, so the audit log never
 * says "cleared" of something that was not there. The message names the flag.
 */
public final class NoOverrideException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NoOverrideException(String flag, boolean defined) {
        super("no override is set for flag \"" + flag + "\"" + (defined ? "" : " (nor does the flags file define it)"));
    }
}
