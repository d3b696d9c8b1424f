package dev.dreamnet.core.startup;

/** Told of every state change of every service; called outside locks, on the thread that caused it. */
@FunctionalInterface
public interface StartupListener {
    void onTransition(NodeTransition transition);
}
