"""Writes the mesh files of a triage case: the day's events with the scenario's changes (overlay), the
incidents someone declared (append) and Alertmanager notifications (alerts/). The expected answers are not
written here: they are in each case.yaml, written by hand."""

import json
import os
from datetime import timedelta

from meshlib import iso, ndjson, write
from workspace import incidents_yaml


def at(m, hhmm):
    h, mi = map(int, hhmm.split(":"))
    return m.day.replace(hour=h, minute=mi)


def minute(t):
    return t.strftime("%Y-%m-%dT%H:%M:00Z")


def declared(iid, title, product, opened, description, fingerprint, severity=None):
    i = dict(id=iid, title=title, product=product, status="open", openedAt=minute(opened),
             description=description, fingerprint=fingerprint)
    if severity:
        i["severity"] = severity
    return i


def alert(name, labels, annotations, starts, fingerprint):
    return {"version": "4", "groupKey": "{}:{alertname=\"%s\"}" % name, "status": "firing",
            "receiver": "meshpilot", "externalURL": "http://alertmanager.internal:9093",
            "alerts": [{"status": "firing", "labels": dict(labels, alertname=name), "annotations": annotations,
                        "startsAt": iso(starts).replace(".000Z", "Z"), "endsAt": "0001-01-01T00:00:00Z",
                        "generatorURL": "http://prometheus.internal:9090/graph?g0.expr=%s" % name,
                        "fingerprint": fingerprint}]}


def write_case(root, m, name, changes, incidents=(), alerts=(), files=None):
    base = os.path.join(root, name)
    write(os.path.join(base, "overlay", "observed", "events", m.day.strftime("%Y-%m-%d") + ".ndjson"),
          ndjson(m.day_events(m.day, changes)))
    if incidents:
        write(os.path.join(base, "append", "observed", "incidents.yaml"),
              incidents_yaml(incidents, "Incidents declared for this case (by the on-call, before triage)."))
    for i, a in enumerate(alerts):
        write(os.path.join(base, "alerts", "%02d-alertmanager.json" % (i + 1)), json.dumps(a, indent=1) + "\n")
    for path, text in (files or {}).items():
        write(os.path.join(base, path), text)
