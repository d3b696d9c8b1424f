package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.DreamNetBuilder;

/**
 * Changes the builder of the {@code DreamNet} bean after the {@code dreamnet.*} properties are applied: more kinds,
 * components that need the runtime, queues, a clock. Beans of this type are applied in their order.
 */
@FunctionalInterface
public interface DreamNetCustomizer {

    void customize(DreamNetBuilder builder) throws Exception;
}
