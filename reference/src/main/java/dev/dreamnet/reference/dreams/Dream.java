package dev.dreamnet.reference.dreams;

import java.time.Instant;

/** A stored dream, the reference service's record. Immutable. */
public record Dream(long id, String title, String body, Instant createdAt) {
}
