/** The RabbitMQ queue backend: queues and dead-letter queues declared from configuration. */
package dev.dreamnet.rabbitmq;
