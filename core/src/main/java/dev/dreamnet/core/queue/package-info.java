/**
 * Work queues declared from configuration, with attempts, redelivery and dead letters:
 * {@link dev.dreamnet.core.queue.QueueSpec} says what a queue is, a
 * {@link dev.dreamnet.core.queue.QueueBackend} (the embedded database or RabbitMQ) holds it, and
 * the {@link dev.dreamnet.core.queue.QueueRegistry} ties the declared specs to one backend. A
 * declaration never changes an existing queue: a difference is a
 * {@link dev.dreamnet.core.queue.QueueDriftException}.
 */
package dev.dreamnet.core.queue;
