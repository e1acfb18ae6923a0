/** Configuration: read once from a YAML file and the environment, bound to typed records, passed down. */
package dev.meshpilot.server.config;
