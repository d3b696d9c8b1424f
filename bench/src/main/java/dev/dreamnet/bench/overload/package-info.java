/**
 * Open-loop overload benchmark: {@link dev.dreamnet.bench.overload.OpenLoop} sends requests at a constant arrival
 * rate whatever the server does, against {@link dev.dreamnet.bench.overload.OverloadTarget}, a Javalin app whose
 * routes have a known capacity (a small PostgreSQL pool), guarded in turn by nothing, a Resilience4j bulkhead,
 * Netflix concurrency-limits and DreamNet's own limiter. {@code bench/overload.sh} runs them side by side.
 */
package dev.dreamnet.bench.overload;
