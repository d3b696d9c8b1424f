/**
 * Feature flags, brownout modes and kill switches. {@link dev.dreamnet.core.flags.Flags} holds the
 * current {@link dev.dreamnet.core.flags.FlagSnapshot}, which precomputes every flag's value from
 * the {@link dev.dreamnet.core.flags.FlagDefinition}s and the operators'
 * {@link dev.dreamnet.core.flags.FlagState}, so that evaluation is lock-free and allocation-free.
 */
package dev.dreamnet.core.flags;
