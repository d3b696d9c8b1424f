package dev.dreamnet.core.startup;

/**
 * Finds the component that starts a service, by its {@link ServiceSpec#kind()}: a built-in kind
 * (database, HTTP check, ...) or an application component registered under a name.
 */
@FunctionalInterface
public interface ComponentResolver {

    /**
     * Returns the component for {@code service}.
     *
     * @throws IllegalArgumentException naming the kind when there is no such kind or its
     *                                  settings are wrong; the message is shown to people as is
     */
    Component resolve(ServiceSpec service);
}
