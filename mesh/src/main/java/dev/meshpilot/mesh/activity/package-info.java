/**
 * What happened to the mesh's products, read from the lineage tables the OpenLineage ingest fills: runs of the
 * jobs that write a product's output ports, data quality results and metric series. A product's activity is
 * that of its output-port datasets.
 */
package dev.meshpilot.mesh.activity;
