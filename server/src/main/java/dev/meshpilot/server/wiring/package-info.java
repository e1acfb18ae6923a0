/** Plain wiring of the modules: the gate with its tools, agent allowlists and audit log, for a home folder. */
package dev.meshpilot.server.wiring;
