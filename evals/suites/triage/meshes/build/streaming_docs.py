"""Runbooks and incident history of lumen-streaming."""

from datetime import timedelta

from clinic_docs import ALL, rb

RUNBOOKS = {
    "first-response": rb("RB-first-response", "First response to a data incident", [], ALL, ["triage", "general"], """
# When to use

Any data incident, before you know its cause.

# Steps

1. Post in #data-incidents that you are on it and which product is affected.
2. Read the failed run's error and the product's quality results of the day.
3. Walk the lineage upstream; a failed, late or anomalous ancestor is the usual cause.
4. Tell the owners downstream whether their data is stale or wrong.
"""),
    "schema-drift": rb("RB-schema-drift", "Upstream schema changed under a consumer", [], "[schema_mismatch]",
                       ["schema", "contracts"], """
# When to use

A consumer fails with `Unrecognized name`, `invalid identifier`, `cannot be resolved` or a cast error.

# Steps

1. Diff the upstream product's latest schema facet against its contract.
2. Ask the upstream owner to restore the contracted column (or ship a new contract version with a
   deprecation window) and re-run the consumers in lineage order.
"""),
    "api-quota": rb("RB-api-quota", "Third-party API throttling", ["content.licensing_windows",
                    "subscriptions.payments_stripe"], "[infrastructure]", ["http", "quota", "stripe", "rights"], """
# When to use

The Stripe or rights API answers HTTP 429 (`Too many requests`, `rate limit`).

# Steps

1. Wait for the `Retry-After` window, then clear the failed task so Airflow retries it.
2. If it repeats, lower `page_size` in the sync's connection extras and ask the vendor for a higher limit.
"""),
    "compute-capacity": rb("RB-compute-capacity", "Jobs fail on memory, slots or quotas", [], "[infrastructure]",
                           ["spark", "bigquery", "capacity"], """
# When to use

Spark executors are lost or killed for memory, a JVM runs out of heap, or BigQuery refuses a query for quota.

# Steps

1. Look at the Spark UI's failed stage: skewed partitions show as one huge task.
2. Raise `spark.executor.memoryOverhead` or repartition the skewed key, then re-run.
3. For BigQuery concurrent-query quota, move the job to the batch reservation and retry.
"""),
    "credentials": rb("RB-credentials", "Authentication and permission failures", [], "[permissions]",
                      ["security"], """
# When to use

`401`, `Invalid API Key`, `Access Denied`, `Incorrect username or password`, `permission denied`.

# Steps

1. Identify the credential (Airflow connection, service account) and whether it was rotated.
2. Restore the grant or the secret through the access workflow, then re-run.
"""),
    "ads-pacing": rb("RB-ads-pacing", "Campaign delivery or billing out of line with the ad server",
                     ["ads.campaign_delivery", "ads.advertiser_billing"], "[unknown, infrastructure]",
                     ["ads", "billing"], """
# When to use

Delivered or billable impressions differ from the ad server's own report.

# Steps

1. Pull the ad server's delivery report for the day and compare per campaign.
2. Hold the day's advertiser invoices until the numbers match; tell ad sales ops.
"""),
    "null-spike": rb("RB-null-spike", "Null spike in player or ad events",
                     ["playback.play_events", "playback.sessions_daily", "ads.ad_impressions"],
                     "[null_explosion]", ["nulls", "sdk"], """
# When to use

The null rate of a column in player or ad events jumps (device_type, campaign_id).

# Steps

1. Break the nulls down by app version and platform: a new SDK release is the usual cause.
2. Ask the client team to hotfix; backfill the column from the session start events where possible.
"""),
    "duplicate-rows": rb("RB-duplicate-rows", "Duplicate keys", [], "[duplicate_keys]", ["uniqueness"], """
# When to use

Distinct keys fall below the row count, or a uniqueness check fails.

# Steps

1. Measure duplicates for the day; find the replay (webhooks resent, CMS migration).
2. Rebuild the partition with a deduplicating MERGE and re-run consumers in lineage order.
"""),
    "late-feeds": rb("RB-late-feeds", "A feed has not landed", [], "[upstream_late]", ["freshness"], """
# When to use

A product breaches its freshness SLO.

# Steps

1. Find the first late ancestor in the lineage; its run is the one to chase.
2. Ask its owner for an ETA and post it for the consumers.
"""),
}


def history(m):
    d = lambda n, h, mi: (m.day - timedelta(days=n)).replace(hour=h, minute=mi)
    fmt = lambda t: t.strftime("%Y-%m-%dT%H:%M:00Z")
    day = lambda n: m.day - timedelta(days=n)
    changes = {
        6: {"finance.content_royalties": [
            {"tag": "try1", "fail": "100090 (42P18): Duplicate row detected during DML action\nRow Values: "
             "[\"r-88f1\", \"tt0441773\", \"LIC-0042\", \"DE\", 1840, 12.5531]"},
            {"tag": "rerun", "start": d(6, 7, 10)}]},
        5: {"content.licensing_windows": [
            {"tag": "try1", "fail": "requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: "
             "https://api.rightsline.example/v4/windows?page=12&pageSize=500"},
            {"tag": "rerun", "start": d(5, 1, 40)}]},
        3: {"playback.play_events": [
            {"tag": "try1", "fail": "org.apache.kafka.clients.consumer.OffsetOutOfRangeException: Offsets out of "
             "range with no configured reset policy for partitions: {player.events.v3-17=88412019}"},
            {"tag": "rerun", "start": d(3, 2, 5)}]},
        1: {"subscriptions.payments_stripe": [
            {"tag": "try1", "fail": "stripe.error.RateLimitError: Request req_1Qx9aLm2 : Too many requests made "
             "to the API too quickly (HTTP 429)"},
            {"tag": "rerun", "start": d(1, 1, 30)}]},
    }
    incidents = [
        dict(id="INC-3001", title="Royalties build hit duplicate rows", product="finance.content_royalties",
             status="resolved", severity="SEV2", openedAt=fmt(m.ended("finance.content_royalties", day(6))),
             resolvedAt=fmt(d(6, 7, 40)), errorClass="duplicate_keys",
             description="finance_build.content_royalties failed: Duplicate row detected during DML action.",
             rootCause="A licensor was entered twice in the rights system with the same territory.",
             resolution="Merged the licensor records and re-ran at 07:10 UTC.",
             fingerprint="run_failed:finance.content_royalties"),
        dict(id="INC-3002", title="Rights API throttled the windows sync", product="content.licensing_windows",
             status="resolved", severity="SEV3", openedAt=fmt(m.ended("content.licensing_windows", day(5))),
             resolvedAt=fmt(d(5, 2, 0)), errorClass="infrastructure",
             description="rights_sync.load_windows failed with HTTP 429.",
             rootCause="The rights vendor lowered our per-minute limit during their maintenance.",
             resolution="Retried at 01:40 UTC with a smaller page size.",
             fingerprint="run_failed:content.licensing_windows"),
        dict(id="INC-3003", title="Play events compaction lost its Kafka offsets", product="playback.play_events",
             status="resolved", severity="SEV2", openedAt=fmt(m.ended("playback.play_events", day(3))),
             resolvedAt=fmt(d(3, 2, 30)), errorClass="infrastructure",
             description="player_events.compact_day failed: OffsetOutOfRangeException on partition 17.",
             rootCause="Retention on player.events.v3 was shortened to 12 h by mistake.",
             resolution="Restored 72 h retention and re-ran from the earliest offset.",
             fingerprint="run_failed:playback.play_events"),
        dict(id="INC-3004", title="Stripe sync rate limited", product="subscriptions.payments_stripe",
             status="resolved", severity="SEV4", openedAt=fmt(m.ended("subscriptions.payments_stripe", day(1))),
             resolvedAt=fmt(d(1, 1, 50)), errorClass="infrastructure",
             description="stripe_sync.load_charges failed with HTTP 429.",
             rootCause="A backfill script used the same restricted key at the same time.",
             resolution="Stopped the backfill; the sync's retry at 01:30 UTC succeeded.",
             fingerprint="run_failed:subscriptions.payments_stripe"),
    ]
    return changes, incidents
