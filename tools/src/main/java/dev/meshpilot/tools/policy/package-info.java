/**
 * {@code check_policies}: the governance policies applied where the data lives, so that a drift sweep over a
 * large mesh crosses the gate as findings, a page at a time.
 */
package dev.meshpilot.tools.policy;
