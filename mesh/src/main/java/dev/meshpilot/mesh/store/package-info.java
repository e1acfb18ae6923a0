/**
 * The store: one SQLite file under the home folder, reached through Jdbi, its schema evolved by numbered
 * SQL migrations ({@code migrations/V###__name.sql} on the class path).
 */
package dev.meshpilot.mesh.store;
