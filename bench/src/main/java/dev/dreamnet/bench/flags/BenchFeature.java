package dev.dreamnet.bench.flags;

import org.togglz.core.Feature;

/** {@link FlagSettings#FLAGS} as Togglz features, in the same order; Togglz names features by enum constant. */
enum BenchFeature implements Feature {
    CHECKOUT_V2,
    DREAMS_WRITE,
    SEARCH_SEMANTIC,
    PROVIDER_LLM,
    AGENT_CITADEL,
    AGENT_HARBOR,
    UI_DARK_MODE,
    EXPORT_CSV
}
