/**
 * Who a call is made for and what they may do: {@link dev.meshpilot.sandbox.principal.Scope}s, the
 * {@link dev.meshpilot.sandbox.principal.Role}s that grant them (optionally limited to domains or products),
 * {@link dev.meshpilot.sandbox.principal.Principal}s, and the
 * {@link dev.meshpilot.sandbox.principal.AccessPolicy} that decides, deny by default. Principals and roles
 * are declared in the workspace; this package knows nothing of the mesh model beyond domain and product ids.
 */
package dev.meshpilot.sandbox.principal;
