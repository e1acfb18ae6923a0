/** Tools over what was observed in the platform: grants, physical schemas and retention. */
package dev.meshpilot.tools.observed;
