/** Catalog tools: data products, contracts, policies and catalog search. */
package dev.meshpilot.tools.catalog;
