/** The migrator's implementation: not part of the API, may change without notice. */
package dev.dreamnet.jdbc.migrate.internal;
