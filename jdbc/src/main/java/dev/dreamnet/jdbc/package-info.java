/** Database adapters of the toolkit: versioned migrations and the embedded database queue, on H2 and PostgreSQL. */
package dev.dreamnet.jdbc;
