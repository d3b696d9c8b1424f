/** Wall-time race of the DreamNet migrator against Flyway on PostgreSQL (single shot, not JMH). */
package dev.dreamnet.bench.migrate;
