/** Tools over what happened to products: runs of their jobs, data quality results and metric series. */
package dev.meshpilot.tools.activity;
