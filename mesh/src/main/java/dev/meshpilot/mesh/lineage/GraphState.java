package dev.meshpilot.mesh.lineage;

import dev.meshpilot.mesh.openlineage.ColumnLineageFacet;
import dev.meshpilot.mesh.openlineage.Dataset;
import dev.meshpilot.mesh.openlineage.RunEvent;
import java.util.Arrays;
import java.util.List;

/**
 * The indexed lineage: products, datasets, jobs and columns as dense int ids; job-level edges (job → datasets
 * read, job → datasets written); the product edges derived from them (a job reads a port of P and writes a
 * port of Q, P ≠ Q, gives P → Q, in both directions); column edges both ways, labelled with the
 * transformation. Product ids are numbered in {@link String#compareTo} order, so sorting ids sorts names.
 * Edges are only ever added, like the rows of {@code lineage_edge} and {@code column_lineage}. Not
 * thread-safe: {@link LineageGraph} guards it.
 */
final class GraphState {
    static final String SEP = "\u0000";
    static final int NONE = -1;

    final Interner products;
    final Interner datasets;
    final Interner jobs;
    final Interner columns;
    final Interner transformations = new Interner(64);
    int[] datasetProduct;
    int[] columnDataset;
    final IntRows productPorts = new IntRows(false);
    final IntRows jobIn = new IntRows(false);
    final IntRows jobOut = new IntRows(false);
    final IntRows productDown = new IntRows(false);
    final IntRows productUp = new IntRows(false);
    final IntRows columnUp = new IntRows(true);
    final IntRows columnDown = new IntRows(true);
    private boolean bulk = true;

    /** An empty state over {@code sortedProducts}; then {@link #port}, bulk edges, and {@link #seal()}. */
    GraphState(List<String> sortedProducts, int expectedDatasets, int expectedJobs) {
        products = new Interner(sortedProducts.size());
        sortedProducts.forEach(products::intern);
        datasets = new Interner(expectedDatasets);
        jobs = new Interner(expectedJobs);
        columns = new Interner(1024);
        datasetProduct = new int[Math.max(16, expectedDatasets)];
        Arrays.fill(datasetProduct, NONE);
        columnDataset = new int[1024];
    }

    /** Declares output port {@code namespace}/{@code name} of {@code productId} (ignored if unknown). */
    void port(String namespace, String name, String productId) {
        int p = products.id(productId);
        if (p != NONE) {
            int d = dataset(namespace, name);
            datasetProduct[d] = p;
            productPorts.append(p, d, 0);
        }
    }

    int dataset(String namespace, String name) {
        int d = datasets.intern(namespace + SEP + name);
        if (d >= datasetProduct.length) {
            int old = datasetProduct.length;
            datasetProduct = Arrays.copyOf(datasetProduct, old + (old >> 1) + 1);
            Arrays.fill(datasetProduct, old, datasetProduct.length, NONE);
        }
        return d;
    }

    int job(String namespace, String name) {
        return jobs.intern(namespace + SEP + name);
    }

    int column(int dataset, String field) {
        int c = columns.intern(dataset + SEP + field);
        if (c >= columnDataset.length) {
            columnDataset = Arrays.copyOf(columnDataset, c + (c >> 1) + 1);
        }
        columnDataset[c] = dataset;
        return c;
    }

    static String field(String columnKey) {
        return columnKey.substring(columnKey.indexOf(SEP) + 1);
    }

    /** A job-level edge: {@code in} when the job reads the dataset, else it writes it. */
    void jobEdge(int job, int dataset, boolean in) {
        if (bulk) {
            (in ? jobIn : jobOut).append(job, dataset, 0);
            return;
        }
        if (!(in ? jobIn : jobOut).add(job, dataset, 0)) {
            return;
        }
        int here = datasetProduct[dataset];
        if (here == NONE) {
            return;
        }
        IntRows other = in ? jobOut : jobIn;
        int[] row = other.row(job);
        for (int i = 0, n = other.size(job); i < n; i++) {
            int there = datasetProduct[row[i]];
            if (there != NONE && there != here) {
                productEdge(in ? here : there, in ? there : here);
            }
        }
    }

    /** Output column {@code outField} of {@code out} is derived from {@code inField} of {@code in}. */
    void columnEdge(int out, String outField, int in, String inField, String transformation) {
        int o = column(out, outField);
        int i = column(in, inField);
        int t = transformation == null || transformation.isBlank() ? NONE : transformations.intern(transformation);
        if (bulk) {
            columnUp.append(o, i, t);
            columnDown.append(i, o, t);
        } else {
            columnUp.add(o, i, t);
            columnDown.add(i, o, t);
        }
    }

    private void productEdge(int from, int to) {
        if (bulk) {
            productDown.append(from, to, 0);
            productUp.append(to, from, 0);
        } else {
            productDown.add(from, to, 0);
            productUp.add(to, from, 0);
        }
    }

    /** Ends bulk loading: sorts the job edges, derives the product edges, sorts the rest. */
    void seal() {
        jobIn.seal();
        jobOut.seal();
        productPorts.seal();
        for (int j = 0, n = jobs.size(); j < n; j++) {
            int[] outs = jobOut.row(j);
            int[] ins = jobIn.row(j);
            for (int o = 0, no = jobOut.size(j); o < no; o++) {
                int to = datasetProduct[outs[o]];
                for (int i = 0, ni = to == NONE ? 0 : jobIn.size(j); i < ni; i++) {
                    int from = datasetProduct[ins[i]];
                    if (from != NONE && from != to) {
                        productEdge(from, to);
                    }
                }
            }
        }
        productDown.seal();
        productUp.seal();
        columnUp.seal();
        columnDown.seal();
        bulk = false;
    }

    /** Applies what an event says about lineage: its job's inputs and outputs, and column lineage. */
    void apply(RunEvent e) {
        int job = job(e.job().namespace(), e.job().name());
        for (Dataset d : e.inputs()) {
            dataset(job, d, true);
        }
        for (Dataset d : e.outputs()) {
            dataset(job, d, false);
        }
    }

    private void dataset(int job, Dataset d, boolean in) {
        int ds = dataset(d.namespace(), d.name());
        jobEdge(job, ds, in);
        ColumnLineageFacet lineage = d.facets().columnLineage();
        if (lineage != null) {
            for (ColumnLineageFacet.Edge edge : lineage.edges()) {
                int from = dataset(edge.inputNamespace(), edge.inputName());
                columnEdge(ds, edge.outputField(), from, edge.inputField(), edge.transformation());
            }
        }
    }

    long jobEdges() {
        return jobIn.edges() + jobOut.edges();
    }

    /** Estimated bytes of the whole state, for status output and the benchmark. */
    long bytes() {
        long b = products.bytes() + datasets.bytes() + jobs.bytes() + columns.bytes() + transformations.bytes();
        b += 4L * datasetProduct.length + 4L * columnDataset.length;
        for (IntRows r : List.of(productPorts, jobIn, jobOut, productDown, productUp, columnUp, columnDown)) {
            b += r.bytes();
        }
        return b;
    }
}
