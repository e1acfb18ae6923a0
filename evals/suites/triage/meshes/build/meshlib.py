"""Writes a hand-designed workspace (docs/workspace.md) from a compact description, and the day files of
the triage cases that run on it. Deterministic: the same description gives the same bytes.

Used by build_meshes.py; not part of Meshpilot. Each run of a product is one OpenLineage START and one
COMPLETE (or FAIL) event with the facets Meshpilot reads: schema, dataQualityMetrics (row count, per-column
null and distinct counts), dataQualityAssertions, outputStatistics and, on failures, errorMessage.
"""

import json
import os
import uuid
from datetime import datetime, timedelta, timezone

PRODUCER = "https://github.com/{org}/pipelines"
SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"
FACET = "https://openlineage.io/spec/facets/"


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def parse(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M").replace(tzinfo=timezone.utc)


class Col:
    def __init__(self, name, ltype, ptype, required=True, unique=False, cls="internal", desc="", olt=None):
        self.name, self.ltype, self.ptype = name, ltype, ptype
        self.required, self.unique, self.cls, self.desc = required, unique, cls, desc
        self.oltype = olt or ptype.lower()


class Product:
    def __init__(self, pid, name, desc, crit, cols, rows, inputs=(), sources=(), job=None, engine="Airflow",
                 platform="snowflake", fresh="PT26H", tags=(), null_base=None, slos=None):
        self.id, self.name, self.desc, self.crit = pid, name, desc, crit
        self.domain, self.table = pid.split(".")
        self.cols, self.rows = cols, rows
        self.inputs, self.sources = list(inputs), list(sources)
        self.job, self.engine, self.platform, self.fresh = job, engine, platform, fresh
        self.tags = list(tags)
        self.null_base = null_base or {}
        self.slos = slos or []
        self.depth = 1

    def key(self):
        return next((c for c in self.cols if c.unique), self.cols[0])


class Mesh:
    def __init__(self, name, org, asof, days, products, namespaces, airflow_ns):
        self.name, self.org = name, org
        self.asof = parse(asof)
        self.day = self.asof.replace(hour=0, minute=0)
        self.days = days
        self.products = {p.id: p for p in products}
        self.namespaces = namespaces  # platform -> (OpenLineage namespace, database prefix)
        self.airflow_ns = airflow_ns
        self.cutoff = self.asof
        self.domain_owner = {}
        for p in products:
            p.depth = self._depth(p)

    def _depth(self, p):
        return 1 + max([self._depth(self.products[i]) for i in p.inputs] or [0])

    def port(self, p):
        ns, db = self.namespaces[p.platform]
        return ns, "%s.%s.%s" % (db, p.domain, p.table)

    def descendants(self, pid):
        out = set()
        for q in self.products.values():
            if pid in q.inputs:
                out.add(q.id)
                out |= self.descendants(q.id)
        return out

    # ---- runs ---------------------------------------------------------------------------------------

    def uid(self, *parts):
        return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join([self.name] + [str(x) for x in parts])))

    def start_time(self, p, day):
        minutes = 20 + (p.depth - 1) * 55 + (sum(map(ord, p.id)) % 13)
        return day + timedelta(minutes=minutes)

    def window(self, p, day, start=None, duration=None):
        """When a run of p on day starts and ends."""
        t0 = start or self.start_time(p, day)
        return t0, t0 + (duration or timedelta(minutes=4 + p.depth * 2, seconds=sum(map(ord, p.id)) % 50))

    def ended(self, pid, day=None, **kw):
        """The end of p's run (the time a FAIL is seen), to the minute, as incidents write it."""
        t1 = self.window(self.products[pid], day or self.day, kw.get("start"), kw.get("duration"))[1]
        return t1

    def rows_on(self, p, day):
        n = (day - self.day).days
        wobble = ((sum(map(ord, p.id)) * 7 + n * 13) % 9 - 4) / 100.0
        return max(1, int(p.rows * (1 + wobble)))

    def run_events(self, p, day, tag="", start=None, fail=None, schema=None, metrics=None, assertions=None,
                   rows=None, stack=None, duration=None):
        """START and COMPLETE (or FAIL with the message) of one run of p's job."""
        run_id = self.uid(p.id, day.date(), tag)
        t0, t1 = self.window(p, day, start, duration)
        ns, name = self.port(p)
        inputs = [{"namespace": self.port(self.products[i])[0], "name": self.port(self.products[i])[1]}
                  for i in p.inputs] + [{"namespace": s[0], "name": s[1]} for s in p.sources]
        job = {"namespace": self.airflow_ns, "name": p.job}
        run_facets = {
            "nominalTime": {"_producer": self.producer(), "_schemaURL": FACET + "1-0-1/NominalTimeRunFacet.json",
                            "nominalStartTime": iso(day - timedelta(days=1)), "nominalEndTime": iso(day)},
            "processing_engine": {"_producer": self.producer(),
                                  "_schemaURL": FACET + "1-1-1/ProcessingEngineRunFacet.json",
                                  "name": p.engine, "version": ENGINE_VERSIONS.get(p.engine, "1.0")},
        }
        start_ev = {"eventType": "START", "eventTime": iso(t0), "producer": self.producer(),
                    "schemaURL": SCHEMA_URL, "run": {"runId": run_id, "facets": run_facets},
                    "job": dict(job, facets={"ownership": {
                        "_producer": self.producer(), "_schemaURL": FACET + "1-0-1/OwnershipJobFacet.json",
                        "owners": [{"name": "team:" + self.team_of(p), "type": "MAINTAINER"}]}}),
                    "inputs": inputs, "outputs": [{"namespace": ns, "name": name}]}
        if fail is not None:
            err = {"_producer": self.producer(), "_schemaURL": FACET + "1-0-1/ErrorMessageRunFacet.json",
                   "message": fail, "programmingLanguage": "python" if p.engine != "Spark" else "scala"}
            if stack:
                err["stackTrace"] = stack
            end = {"eventType": "FAIL", "eventTime": iso(t1), "producer": self.producer(),
                   "schemaURL": SCHEMA_URL, "run": {"runId": run_id, "facets": {"errorMessage": err}},
                   "job": job, "inputs": inputs, "outputs": [{"namespace": ns, "name": name}]}
            return [start_ev, end]
        if t0 >= self.cutoff:
            return []
        n = rows if rows is not None else self.rows_on(p, day)
        fields = schema if schema is not None else [(c.name, c.oltype) for c in p.cols]
        col_metrics = {}
        for c in p.cols:
            if schema is not None and c.name not in [f[0] for f in schema]:
                continue
            nulls = 0 if c.required else int(n * p.null_base.get(c.name, 0.01))
            distinct = n if c.unique else max(1, min(n, int(n * 0.37) + len(c.name)))
            col_metrics[c.name] = {"nullCount": nulls, "distinctCount": distinct}
        for col, m in (metrics or {}).items():
            col_metrics.setdefault(col, {}).update(m)
        checks = assertions if assertions is not None else self.default_assertions(p)
        out_facets = {
            "schema": {"_producer": self.producer(), "_schemaURL": FACET + "1-2-0/SchemaDatasetFacet.json",
                       "fields": [{"name": f, "type": t} for f, t in fields]},
            "dataQualityMetrics": {"_producer": self.producer(),
                                   "_schemaURL": FACET + "1-0-0/DataQualityMetricsDatasetFacet.json",
                                   "rowCount": n, "bytes": n * 212, "columnMetrics": col_metrics},
            "dataQualityAssertions": {"_producer": self.producer(),
                                      "_schemaURL": FACET + "1-1-0/DataQualityAssertionsDatasetFacet.json",
                                      "assertions": checks},
        }
        end = {"eventType": "COMPLETE", "eventTime": iso(t1), "producer": self.producer(),
               "schemaURL": SCHEMA_URL, "run": {"runId": run_id, "facets": {}}, "job": job, "inputs": inputs,
               "outputs": [{"namespace": ns, "name": name, "facets": out_facets, "outputFacets": {
                   "outputStatistics": {"_producer": self.producer(),
                                        "_schemaURL": FACET + "1-0-2/OutputStatisticsOutputDatasetFacet.json",
                                        "rowCount": n, "size": n * 212}}}]}
        return [start_ev, end]

    def default_assertions(self, p):
        k = p.key()
        return [
            {"assertion": "not_null_%s" % k.name, "success": True, "severity": "error", "column": k.name,
             "expected": "0", "actual": "0"},
            {"assertion": "unique_%s" % k.name, "success": True, "severity": "error", "column": k.name,
             "expected": "0", "actual": "0"},
        ]

    def producer(self):
        return PRODUCER.format(org=self.org)

    def team_of(self, p):
        return self.domain_owner[p.domain]

    def day_events(self, day, changes=None):
        """Every product's run of `day`, with the scenario's changes: product id -> dict of run_events kwargs,
        or 'skip' (no run: waiting on a failed or late upstream), or a list of such dicts (several runs)."""
        changes = changes or {}
        events = []
        for p in sorted(self.products.values(), key=lambda q: (q.depth, q.id)):
            c = changes.get(p.id)
            if c == "skip":
                continue
            for i, kw in enumerate(c if isinstance(c, list) else [c or {}]):
                events += self.run_events(p, day, **kw)
        events.sort(key=lambda e: e["eventTime"])
        return events


ENGINE_VERSIONS = {"Airflow": "2.10.3", "Spark": "3.5.3", "dbt": "1.8.7", "Flink": "1.19.1"}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def ndjson(events):
    return "".join(json.dumps(e, separators=(",", ":"), sort_keys=False) + "\n" for e in events)
