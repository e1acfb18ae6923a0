/**
 * What every mesh tool shares: JSON Schema building, argument reading, cursors for paged results, and the
 * resource a product id names.
 */
package dev.meshpilot.tools.support;
