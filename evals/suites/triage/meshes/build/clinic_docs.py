"""Runbooks and incident history of northwind-health."""

ALL = "[unknown, schema_mismatch, upstream_late, duplicate_keys, null_explosion, infrastructure, permissions]"


def rb(rid, title, products, classes, tags, body):
    head = ["---", "id: %s" % rid, "title: %s" % title, "appliesTo:"]
    if products:
        head.append("  products: [%s]" % ", ".join(products))
    head += ["  errorClasses: %s" % classes, "tags: [%s]" % ", ".join(tags), "---", ""]
    return "\n".join(head) + body.strip() + "\n"


RUNBOOKS = {
    "first-response": rb("RB-first-response", "First response to a data incident", [], ALL, ["triage", "general"], """
# When to use

Any data incident, before you know its cause. Then switch to the runbook of its error class.

# Steps

1. Acknowledge the page in #data-incidents and say which product you are looking at.
2. Read the failed run's error message and the product's latest quality results.
3. Walk the lineage upstream: a failed, late or anomalous ancestor is the usual cause.
4. Tell the owners of the products downstream whether their data is stale or wrong, and since when.
"""),
    "schema-drift": rb("RB-schema-drift", "A consumer fails on a column its upstream changed", [],
                       "[schema_mismatch]", ["schema", "contracts"], """
# When to use

A run fails with `invalid identifier`, `column ... does not exist`, `Numeric value '...' is not recognized`
or a cast error, and an upstream product's observed schema no longer matches its contract.

# Steps

1. Compare the upstream product's observed schema (latest OpenLineage schema facet) with its contract.
2. Ask the upstream owner whether the change was intended; if so it needs a contract version and a
   deprecation window, not a silent release.
3. Roll the upstream table back to the contracted schema (or add a compatibility view) and re-run the consumers
   in lineage order.
"""),
    "ehr-feed-late": rb("RB-ehr-feed-late", "EHR and clinical feeds are late",
                        ["clinical.encounters", "patients.patient_master", "scheduling.appointments"],
                        "[upstream_late]", ["clinical", "freshness"], """
# When to use

A clinical product or one of its consumers breaches its freshness SLO because the EHR extract or the
encounters build has not finished.

# Steps

1. Check the Snowflake query history of TRANSFORM_WH for queued or long-running statements of the build.
2. If the EHR reporting replica is behind, ask the EHR team (#ehr-ops) for the replica lag.
3. Once the build finishes, trigger the downstream DAGs (charges, diagnoses, readmission features) by hand.
"""),
    "api-quota": rb("RB-api-quota", "SaaS API throttling and quota errors", [], "[infrastructure]",
                    ["http", "quota", "workday", "clearinghouse"], """
# When to use

An extract from a SaaS API (Workday, the clearinghouse) fails with HTTP 429, `Rate limit exceeded` or a
quota error, or a warehouse refuses work because a resource monitor's quota is used up.

# Steps

1. Read the `Retry-After` header or the quota's reset time in the error.
2. Re-run after the reset; lower the extract's page size or concurrency if it keeps hitting the limit.
3. For a Snowflake resource monitor, ask #data-platform to raise the monitor's credit quota for the day.
"""),
    "credentials": rb("RB-credentials", "Authentication and permission failures", [], "[permissions]",
                      ["security", "credentials"], """
# When to use

A job fails with `401 Unauthorized`, `Couldn't authenticate you`, `permission denied for table` or
`Insufficient privileges`.

# Steps

1. Find which credential the job uses (Airflow connection id in the DAG) and when it was last rotated.
2. Check the service account's grants on the object named in the error.
3. Rotate or re-grant through the access request form; never paste a personal token into a connection.
"""),
    "lab-nulls": rb("RB-lab-nulls", "Missing codes in lab orders or results", ["labs.lab_orders", "labs.lab_results"],
                    "[null_explosion]", ["labs", "loinc"], """
# When to use

A not-null check on `loinc_code` fails, or the null rate of a lab code column jumps.

# Steps

1. Count orders without a LOINC code by ordering department for the day.
2. Check the LIS compendium release notes: unmapped local codes appear after a compendium update.
3. Ask lab informatics to map the new local codes, then re-run the lab results load.
"""),
    "claims-resubmission": rb("RB-claims-resubmission", "Claims rejected or stuck at the clearinghouse",
                              ["billing.claims", "billing.denials"], "[unknown, infrastructure]",
                              ["billing", "claims", "clearinghouse"], """
# When to use

Claims were built but the clearinghouse rejected the batch, or the denial rate jumps after a payer
rule change.

# Steps

1. Download the 999/277CA acknowledgements for the batch from the clearinghouse portal.
2. Fix the rejected segments in the claim scrubber rules and resubmit the batch.
3. Tell the revenue cycle managers which payers were affected.
"""),
    "duplicate-rows": rb("RB-duplicate-rows", "Duplicate keys after a replayed feed", [], "[duplicate_keys]",
                         ["quality", "uniqueness"], """
# When to use

The distinct count of a product's key falls below its row count, or a uniqueness check fails.

# Steps

1. Measure rows against distinct keys for the day's partition.
2. Find the replay: pharmacy and EHR interfaces resend messages after an interface engine restart.
3. Rebuild the partition with a deduplicating MERGE and re-run the consumers in lineage order.
"""),
}


def history(m):
    """Resolved incidents of the last week, and the day changes that produced their failed runs."""
    from datetime import timedelta
    d = lambda n, h, mi: (m.day - timedelta(days=n)).replace(hour=h, minute=mi)
    fmt = lambda t: t.strftime("%Y-%m-%dT%H:%M:00Z")
    P = m.products
    changes = {
        6: {"labs.lab_results": [
            {"tag": "try1", "fail": "paramiko.ssh_exception.SSHException: Error reading SSH protocol banner "
             "[Errno 104] Connection reset by peer (sftp://results.refLab.example:22)"},
            {"tag": "rerun", "start": d(6, 4, 10)}]},
        5: {"clinical.encounters": [
            {"tag": "try1", "fail": "SQL compilation error: error line 7 at position 9\ninvalid identifier "
             "'A.VISIT_TYPE'"},
            {"tag": "rerun", "start": d(5, 6, 5)}]},
        4: {"billing.claims": [
            {"tag": "try1", "fail": "100090 (42P18): Duplicate row detected during DML action\nRow Values: "
             "[\"c9a1e2f0-77d4-4d8e-9a3b-1f0e6a2b7c11\", \"E-0019934\", \"AETNA\", 1840.55, 10066]"},
            {"tag": "rerun", "start": d(4, 7, 20)}]},
        3: {"scheduling.clinician_roster": [
            {"tag": "try1", "fail": "requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: "
             "https://wd5-services.myworkday.example/ccx/service/northwind/Staffing/v42.1?page=12 "
             "(Retry-After: 1800)"},
            {"tag": "rerun", "start": d(3, 3, 5)}]},
        1: {"billing.claims": [
            {"tag": "try1", "fail": "000625 (57014): Statement reached its statement or warehouse timeout of "
             "3,600 second(s) and was canceled.", "duration": timedelta(minutes=60, seconds=3)},
            {"tag": "rerun", "start": d(1, 6, 20)}]},
    }
    incidents = [
        dict(id="INC-2001", title="Lab results load failed on the reference lab SFTP", product="labs.lab_results",
             status="resolved", severity="SEV2", openedAt=fmt(m.ended("labs.lab_results", m.day - timedelta(days=6))), resolvedAt=fmt(d(6, 4, 40)),
             errorClass="infrastructure",
             description="lis_extract.load_lab_results failed reading the reference lab's SFTP server.",
             rootCause="The reference lab restarted its SFTP gateway during our pull window.",
             resolution="Re-ran at 04:10 UTC once the gateway was back; abnormal flags rebuilt at 04:35.",
             fingerprint="run_failed:labs.lab_results"),
        dict(id="INC-2002", title="Encounters build failed on a renamed ADT column", product="clinical.encounters",
             status="resolved", severity="SEV1", openedAt=fmt(m.ended("clinical.encounters", m.day - timedelta(days=5))), resolvedAt=fmt(d(5, 6, 30)),
             errorClass="schema_mismatch",
             description="clinical_build.encounters failed: invalid identifier 'A.VISIT_TYPE'.",
             rootCause="The EHR upgrade renamed adt_events.visit_type to encounter_class without notice.",
             resolution="Mapped encounter_class in the build and re-ran at 06:05 UTC.",
             fingerprint="run_failed:clinical.encounters"),
        dict(id="INC-2003", title="Claims build hit duplicate rows", product="billing.claims", status="resolved",
             severity="SEV2", openedAt=fmt(m.ended("billing.claims", m.day - timedelta(days=4))), resolvedAt=fmt(d(4, 7, 50)), errorClass="duplicate_keys",
             description="revenue_cycle.build_claims failed: Duplicate row detected during DML action.",
             rootCause="A charge correction was posted twice by the charge router.",
             resolution="Removed the duplicate correction and re-ran claims at 07:20 UTC.",
             fingerprint="run_failed:billing.claims"),
        dict(id="INC-2004", title="Workday roster sync throttled", product="scheduling.clinician_roster",
             status="resolved", severity="SEV4", openedAt=fmt(m.ended("scheduling.clinician_roster", m.day - timedelta(days=3))), resolvedAt=fmt(d(3, 3, 20)),
             errorClass="infrastructure",
             description="workday_sync.load_clinician_roster failed with HTTP 429 from Workday.",
             rootCause="A second integration (payroll) paged through Staffing at the same time.",
             resolution="Re-ran after the Retry-After window; moved the payroll integration to 03:30.",
             fingerprint="run_failed:scheduling.clinician_roster"),
        dict(id="INC-2005", title="Claims build timed out", product="billing.claims", status="resolved",
             severity="SEV3", openedAt=fmt(m.ended("billing.claims", m.day - timedelta(days=1), duration=timedelta(minutes=60, seconds=3))), resolvedAt=fmt(d(1, 6, 45)), errorClass="infrastructure",
             description="revenue_cycle.build_claims was cancelled after 3,600 s on TRANSFORM_WH.",
             rootCause="Month-end reporting queries saturated TRANSFORM_WH.",
             resolution="Re-ran on a larger warehouse at 06:20 UTC; completed in 9 minutes.",
             fingerprint="run_failed:billing.claims"),
    ]
    return changes, incidents
