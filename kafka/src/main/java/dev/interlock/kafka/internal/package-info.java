/** How records are built from and read into events; not part of the module's API. */
package dev.interlock.kafka.internal;
