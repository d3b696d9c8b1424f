package dev.dreamnet.core.slo;

/** How urgently an objective's error budget burns, least urgent first. */
public enum SloState {
    /** No alert fires. */
    OK,
    /** The budget burns faster than it refills over days: someone should look within working hours. */
    TICKET,
    /** The budget burns fast enough to be gone in hours or days: wake someone. */
    PAGE
}
