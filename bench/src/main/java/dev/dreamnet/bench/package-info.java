/** JMH benchmarks that compare DreamNet's hot paths with Resilience4j and Failsafe in one run. */
package dev.dreamnet.bench;
