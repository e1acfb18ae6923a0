/** JMH benchmarks of the gate; run by hand (see docs/sandbox.md), never by the tests. */
package dev.meshpilot.sandbox.bench;
