/** JMH benchmark of flag evaluation: DreamNet against OpenFeature, Unleash and Togglz in one run. */
package dev.dreamnet.bench.flags;
