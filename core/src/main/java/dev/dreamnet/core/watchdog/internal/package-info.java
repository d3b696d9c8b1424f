/** Implementation of the watchdogs: the MXBean probe and the sliding windows. Not part of the API. */
package dev.dreamnet.core.watchdog.internal;
