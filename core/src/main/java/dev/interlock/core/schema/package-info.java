/** JSON Schema validation of instances against contract schemas, with located findings. */
package dev.interlock.core.schema;
