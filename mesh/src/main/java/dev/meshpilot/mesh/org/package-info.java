/** The organisation around the mesh: teams, roles and their scope grants, principals, chat channels. */
package dev.meshpilot.mesh.org;
