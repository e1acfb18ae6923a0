"""Writes the declared half of a workspace: meshpilot.yaml, domains, products, ODCS contracts, runbooks,
observed incidents and schemas, and the event history. Used by build_meshes.py."""

import os
from datetime import timedelta

from meshlib import iso, ndjson, write

LTYPE_OPTS = {"string", "date", "timestamp", "number", "integer", "boolean"}


def yq(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def mesh_yaml(m, description, teams, principals, extra_roles=""):
    out = ["# %s: a hand-written mesh of the triage eval suite (evals/suites/triage/meshes/README.md)." % m.name,
           "# Format: docs/workspace.md. Written by build/build_meshes.py.",
           "apiVersion: meshpilot/v1", "kind: Mesh", "name: %s" % m.name, "description: >-",
           "  " + description, "asOf: %s" % iso(m.asof).replace(".000Z", "Z"), "", "teams:"]
    for t in teams:
        out += ["  - id: %s" % t[0], "    name: %s" % t[1], "    email: %s" % t[2], '    chat: "%s"' % t[3],
                "    oncall: %s" % t[4]]
    out += ["", "roles:",
            "  - id: engineer",
            "    description: Data engineers of the domain teams; operate pipelines and triage incidents",
            "    grants:"]
    for s in ["catalog:read", "lineage:read", "runs:read", "quality:read", "metrics:read", "incidents:read",
              "incidents:write", "contracts:read", "policies:read", "grants:read", "sql:read", "notify:chat"]:
        out.append("      - scope: %s" % s)
    out += ["  - id: ingest", "    description: Service principals that post lineage events and alerts",
            "    grants:", "      - scope: lineage:write", "      - scope: alerts:write"]
    out.append(extra_roles.rstrip())
    out += ["", "principals:"]
    for p in principals:
        out += ["  - id: %s" % p[0], "    kind: %s" % p[1], "    name: %s" % p[2]]
        if p[1] == "user":
            out.append("    email: %s" % p[3])
        out += ["    team: %s" % p[4], "    roles: [%s]" % p[5]]
    out += ["", "channels:", "  - id: data-incidents", "    kind: slack", '    target: "#data-incidents"', ""]
    return "\n".join(l for l in out if l != "") .replace("\nteams:", "\n\nteams:").replace("\nroles:", "\n\nroles:") \
        .replace("\nprincipals:", "\n\nprincipals:").replace("\nchannels:", "\n\nchannels:") + "\n"


def product_yaml(m, p):
    ns, name = m.port(p)
    out = ["id: %s" % p.id, "name: %s" % p.name, "description: >-", "  " + p.desc,
           "owner: %s" % m.domain_owner[p.domain], "criticality: %s" % p.crit,
           "tags: [%s]" % ", ".join(p.tags or [p.domain]), "contract: %s" % p.id, "outputPorts:",
           "  - namespace: %s" % yq(ns) if ":" in ns else "  - namespace: %s" % ns,
           "    name: %s" % name, "    description: %s table" % p.platform.capitalize(), "slos:",
           "  - kind: freshness", "    target: %s" % p.fresh,
           "    description: The previous day is loaded by %02d:00 UTC" % (1 + p.depth)]
    for kind, target, desc in p.slos:
        out += ["  - kind: %s" % kind, "    target: %s" % target, "    description: %s" % desc]
    return "\n".join(out) + "\n"


def contract_yaml(m, p, version="1.0.0"):
    server = {"snowflake": ["type: snowflake", "account: %s" % m.org, "database: %s" % m.namespaces[p.platform][1].upper(),
                            "schema: %s" % p.domain.upper()],
              "bigquery": ["type: bigquery", "project: %s" % m.namespaces[p.platform][1], "dataset: %s" % p.domain],
              "postgres": ["type: postgres", "host: %s-db.internal" % m.org, "port: 5432",
                           "database: %s" % m.namespaces[p.platform][1], "schema: %s" % p.domain]}[p.platform]
    out = ["apiVersion: v3.1.0", "kind: DataContract", "id: %s" % p.id, "name: %s" % p.name,
           "version: %s" % version, "status: active", "domain: %s" % p.domain, "dataProduct: %s" % p.id,
           "tenant: %s" % m.org, "description:", "  purpose: %s" % yq(p.desc),
           "  usage: %s" % yq("Read by " + (", ".join(sorted(q.id for q in m.products.values() if p.id in q.inputs))
                                    or "analysts and dashboards") + "."),
           "servers:", "  - server: %s-prod" % p.platform, "    " + "\n    ".join(server),
           "schema:", "  - name: %s" % p.table, "    physicalName: %s" % p.table, "    physicalType: table",
           "    description: %s" % yq(p.desc), "    properties:"]
    for c in p.cols:
        out += ["      - name: %s" % c.name, "        logicalType: %s" % c.ltype,
                "        physicalType: %s" % c.ptype, "        required: %s" % ("true" if c.required else "false")]
        if c.unique:
            out += ["        unique: true", "        primaryKey: true", "        primaryKeyPosition: 1"]
        out += ["        description: %s" % yq(c.desc or c.name.replace("_", " ").capitalize() + "."),
                "        classification: %s" % c.cls]
        if c.unique:
            out += ["        quality:", "          - name: %s_unique" % c.name, "            metric: duplicateValues",
                    "            mustBe: 0", "            dimension: uniqueness", "            severity: error"]
    hours = int(p.fresh[2:-1]) if p.fresh.startswith("PT") and p.fresh.endswith("H") else 26
    out += ["slaProperties:", "  - property: latency", "    value: %d" % hours, "    unit: h",
            "  - property: frequency", "    value: 1", "    unit: d",
            "roles:", "  - role: engineer", "    access: read",
            "support:", '  - channel: "#%s"' % m.domain_owner[p.domain], "    tool: slack",
            "tags: [%s]" % p.domain, 'contractCreatedTs: "2026-03-02T09:00:00Z"']
    return "\n".join(out) + "\n"


def incidents_yaml(incidents, header):
    out = ["# " + header, "incidents:"]
    for i in incidents:
        out.append("  - id: %s" % i["id"])
        for k in ["title", "product", "status", "severity", "openedAt", "resolvedAt", "errorClass",
                  "description", "rootCause", "resolution", "fingerprint"]:
            if k in i:
                v = i[k]
                if k in ("title", "description", "rootCause", "resolution"):
                    v = yq(v)
                out.append("    %s: %s" % (k, v))
    return "\n".join(out) + "\n"


def write_workspace(root, m, mesh_text, runbooks, incidents, history_changes, readme):
    write(os.path.join(root, "meshpilot.yaml"), mesh_text)
    write(os.path.join(root, "README.md"), readme)
    for d, (name, desc, owner, oncall) in m.domains.items():
        write(os.path.join(root, "domains", d, "domain.yaml"),
              "id: %s\nname: %s\ndescription: %s\nowner: %s\noncall: %s\nchat: \"#%s\"\n"
              % (d, name, desc, owner, oncall, owner))
    for p in m.products.values():
        write(os.path.join(root, "domains", p.domain, "products", p.table + ".yaml"), product_yaml(m, p))
        write(os.path.join(root, "contracts", p.id + ".odcs.yaml"), contract_yaml(m, p))
    for rid, text in runbooks.items():
        write(os.path.join(root, "runbooks", rid + ".md"), text)
    write(os.path.join(root, "observed", "incidents.yaml"),
          incidents_yaml(incidents, "Incident history of the %s mesh: resolved incidents of the last week." % m.name))
    schemas = ["schemas:"]
    for p in m.products.values():
        schemas += ["  - product: %s" % p.id, "    observedAt: %s" % iso(m.day - timedelta(hours=3)), "    columns:"]
        schemas += ["      - {name: %s, type: %s}" % (c.name, yq(c.ptype)) for c in p.cols]
    write(os.path.join(root, "observed", "schemas.yaml"), "\n".join(schemas) + "\n")
    for n in range(m.days, 0, -1):
        day = m.day - timedelta(days=n)
        write(os.path.join(root, "observed", "events", day.strftime("%Y-%m-%d") + ".ndjson"),
              ndjson(m.day_events(day, history_changes.get(n, {}))))
    write(os.path.join(root, "observed", "events", m.day.strftime("%Y-%m-%d") + ".ndjson"),
          ndjson(m.day_events(m.day)))
