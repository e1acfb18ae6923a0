/**
 * Who a call is made for and what they may do: scopes, roles that grant them (optionally limited to
 * domains or products), principals, and the access policy that decides, deny by default.
 */
package dev.meshpilot.sandbox.principal;
