/** The mesh tools: one small class per tool over the mesh, declared for the sandbox gate. */
package dev.meshpilot.tools;
