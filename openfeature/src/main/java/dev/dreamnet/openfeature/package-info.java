/**
 * DreamNet flags for code written against OpenFeature:
 * {@link dev.dreamnet.openfeature.DreamNetFeatureProvider} answers boolean evaluations from the
 * runtime's {@link dev.dreamnet.runtime.flags.FlagService} and turns its changes into provider events.
 */
package dev.dreamnet.openfeature;
