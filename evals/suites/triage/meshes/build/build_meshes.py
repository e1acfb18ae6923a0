"""Builds the hand-designed meshes of the triage suite and the mesh files of their cases.

    python3 evals/suites/triage/meshes/build/build_meshes.py

Writes evals/suites/triage/meshes/{northwind-health,lumen-streaming}/ and, for each case on them,
cases/<case>/overlay/observed/events/<day>.ndjson (the day's runs, with the case's situation),
cases/<case>/append/observed/incidents.yaml and cases/<case>/alerts/*.json. It never writes case.yaml:
the expected answers are written by hand. Deterministic: running it again changes nothing.
"""

import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import clinic  # noqa: E402
import clinic_cases  # noqa: E402
import clinic_docs  # noqa: E402
import streaming  # noqa: E402
import streaming_cases  # noqa: E402
import streaming_docs  # noqa: E402
from workspace import mesh_yaml, write_workspace  # noqa: E402

MESHES = os.path.dirname(HERE)
CASES = os.path.join(os.path.dirname(MESHES), "cases")

README = """# {name}

A hand-written mesh of the triage eval suite: {what}. Six domains, {n} products, lineage up to {depth} deep
with fan-ins and diamonds, ODCS contracts, freshness SLOs, runbooks, {days} days of OpenLineage runs (schema
facets, row counts, null and distinct counts, data-quality assertions) and a week of resolved incidents whose
failed runs are in the event history. Its day {day} is healthy; each triage case on it replaces that day with
its own situation. Written by `../build/build_meshes.py`; see `../README.md`.

    meshpilot load evals/suites/triage/meshes/{name} --home /tmp/{name}-home
"""


def build(mod, docs, cases_mod, what, description):
    m = mod.mesh()
    root = os.path.join(MESHES, m.name)
    shutil.rmtree(root, ignore_errors=True)
    changes, incidents = docs.history(m)
    text = mesh_yaml(m, description, mod.TEAMS, mod.PRINCIPALS)
    readme = README.format(name=m.name, what=what, n=len(m.products),
                           depth=max(p.depth for p in m.products.values()), days=m.days + 1,
                           day=m.day.strftime("%Y-%m-%d"))
    write_workspace(root, m, text, docs.RUNBOOKS, incidents, changes, readme)
    cases_mod.build(CASES, m)
    return m


if __name__ == "__main__":
    build(clinic, clinic_docs, clinic_cases, "a regional hospital and clinic network",
          "Northwind Health's data mesh: patient master data, scheduling, encounters, labs, the revenue cycle "
          "and clinical analytics.")
    build(streaming, streaming_docs, streaming_cases, "a subscription video streaming company with ads",
          "Lumen's data mesh: catalog and rights, player events, subscriptions and payments, advertising, "
          "recommendations and finance.")
