/** JMH benchmarks of rollout assignment: DreamNet's versioned bucket hash against Unleash's strategies. */
package dev.dreamnet.bench.rollout;
