/** HAL walking for the broker client: requests, documents, links and URI templates. */
package dev.interlock.broker.internal;
