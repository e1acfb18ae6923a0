/** Maps the mesh's principals and roles to the sandbox's, so the gate decides on the workspace's grants. */
package dev.meshpilot.tools.access;
