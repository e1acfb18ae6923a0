/**
 * Recording agent runs (the CLI's drift runs and every scheduled run) in the store's run ledger, and the
 * scheduler of {@code meshpilot serve}: cron schedules that run any catalog agent over a scope as a service
 * principal, once per fire time across processes, notifying a webhook of new and resolved findings.
 */
package dev.meshpilot.server.runs;
