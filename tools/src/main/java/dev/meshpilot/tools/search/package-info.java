/**
 * Tools over the hybrid search index: catalog search, runbook search and similar past incidents. Every hit
 * is checked against the caller's grants before it is returned: a principal never learns of a product,
 * contract or incident it may not read.
 */
package dev.meshpilot.tools.search;
