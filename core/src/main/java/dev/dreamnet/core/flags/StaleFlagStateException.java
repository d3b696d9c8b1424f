package dev.dreamnet.core.flags;

/**
 * A swap offered a {@link FlagState} older than the one installed, so it was refused: applying it
 * would undo a newer operator change. Carries both versions.
 */
public final class StaleFlagStateException extends RuntimeException {

    private final long installedVersion;
    private final long offeredVersion;

    public StaleFlagStateException(long installedVersion, long offeredVersion) {
        super("flag state version " + offeredVersion + " is older than the installed version "
                + installedVersion + "; refusing to go back");
        this.installedVersion = installedVersion;
        this.offeredVersion = offeredVersion;
    }

    public long installedVersion() {
        return installedVersion;
    }

    public long offeredVersion() {
        return offeredVersion;
    }
}
