/** Tools over recorded agent runs: what the previous run over a scope found, for new/persisting/resolved. */
package dev.meshpilot.tools.history;
