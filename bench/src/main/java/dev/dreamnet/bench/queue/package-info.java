/**
 * Queue throughput: the embedded database queue on H2 and PostgreSQL against RabbitMQ, with the
 * same two-consumer drain ({@link dev.dreamnet.bench.queue.QueueThroughput}).
 */
package dev.dreamnet.bench.queue;
