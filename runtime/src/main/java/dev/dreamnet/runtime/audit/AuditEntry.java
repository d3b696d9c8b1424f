package dev.dreamnet.runtime.audit;

import java.time.Instant;

/** One operator action on record. Immutable; {@code id} is 0 until stored. */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String before,
                         String after, String reason) {
}
