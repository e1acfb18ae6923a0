#!/usr/bin/env python3
"""Generates the OpenLineage RunEvents of the acme-retail demo mesh.

Writes observed/events/<day>.ndjson, one RunEvent a line, for the 30 days 2026-10-27 .. 2026-11-25: for
each data product's producing job and day a START and a COMPLETE (or FAIL) event. Output datasets carry
the `schema`, `dataQualityMetrics`, `dataQualityAssertions` (where the job runs checks) and, for some,
`columnLineage` dataset facets, and the `outputStatistics` output facet.

The output is deterministic: every number, time and run id derives from a hash of (job, day, what), so
running the script again rewrites the same bytes. Standard library only.

    python3 examples/acme-retail/scripts/generate_events.py            # writes ../observed/events
    python3 examples/acme-retail/scripts/generate_events.py --out DIR

What the events show on purpose (see ../README.md, "What to look for"):
  * 2026-11-25: payments_etl.load_transactions FAILs with an errorMessage (undeclared column card_number);
    finance_revenue.build_revenue_daily has no run that day (its sensor waits for transactions).
  * 2026-11-24: the refunds load carries duplicate refund_id (distinctCount < rowCount) and the revenue
    build's `revenue_non_negative` assertion fails.
  * 2026-11-20: orders_daily writes ~60% fewer rows; revenue sums and attribution rows echo it.
  * from 2026-11-18: customer_profile.email is null for ~35% of rows (was ~1%); customer_360 echoes it.
  * orders_daily runs once a day (~02:30-03:00 UTC) although its product declares a PT1H freshness SLO.
  * Late runs on the days of the resolved incidents INC-0990 .. INC-1000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import uuid
from pathlib import Path

FIRST_DAY = dt.date(2026, 10, 27)
LAST_DAY = dt.date(2026, 11, 25)

PRODUCER = "https://github.com/acme/pipelines"
SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"
FACET = "https://openlineage.io/spec/facets/"
FACET_URLS = {
    "schema": FACET + "1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet",
    "columnLineage": FACET + "1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet",
    "dataQualityMetrics": FACET + "1-0-0/DataQualityMetricsDatasetFacet.json#/$defs/DataQualityMetricsDatasetFacet",
    "dataQualityAssertions": FACET
    + "1-1-0/DataQualityAssertionsDatasetFacet.json#/$defs/DataQualityAssertionsDatasetFacet",
    "outputStatistics": FACET
    + "1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet",
    "dataSource": FACET + "1-0-1/DatasourceDatasetFacet.json#/$defs/DatasourceDatasetFacet",
    "nominalTime": FACET + "1-0-1/NominalTimeRunFacet.json#/$defs/NominalTimeRunFacet",
    "parent": FACET + "1-2-0/ParentRunFacet.json#/$defs/ParentRunFacet",
    "processing_engine": FACET + "1-1-1/ProcessingEngineRunFacet.json#/$defs/ProcessingEngineRunFacet",
    "errorMessage": FACET + "1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet",
    "jobType": FACET + "2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet",
    "ownership": FACET + "1-0-1/OwnershipJobFacet.json#/$defs/OwnershipJobFacet",
}
JOB_NAMESPACE = "acme-airflow"

# Datasets: product output ports (exactly as in domains/*/products/*.yaml) and unmapped sources.
ORDER_EVENTS = ("kafka://kafka-prod.acme.internal:9092", "orders.order-events.v1")
ORDERS_DAILY = ("bigquery", "acme.orders.orders_daily")
TRANSACTIONS = ("bigquery", "acme.payments.transactions")
REFUNDS = ("bigquery", "acme.payments.refunds")
CUSTOMER_PROFILE = ("bigquery", "acme.customers.customer_profile")
CUSTOMER_360 = ("bigquery", "acme.customers.customer_360")
STOCK_LEVELS = ("bigquery", "acme.inventory.stock_levels")
CAMPAIGN_ATTRIBUTION = ("bigquery", "acme.marketing.campaign_attribution")
AUDIENCE_SEGMENTS = ("bigquery", "acme.marketing.audience_segments")
REVENUE_DAILY = ("bigquery", "acme.finance.revenue_daily")
CHURN_FEATURES = ("bigquery", "acme.ml.churn_features")
SUPPORT_KB = ("postgres://vectors-db.acme.internal:5432", "vectors.public.support_kb_embeddings")

ORDERS_DB = "postgres://orders-db.acme.internal:5432"
PAYMENTS_DB = "postgres://payments-db.acme.internal:5432"
CRM_DB = "postgres://crm-db.acme.internal:5432"
WMS_DB = "postgres://wms-db.acme.internal:5432"
SUPPORT_DB = "postgres://support-db.acme.internal:5432"
AD_TOUCHPOINTS = ("bigquery", "acme.raw_ads.campaign_touchpoints")

CHARGES_COLUMNS = [
    ("id", "uuid"), ("order_id", "uuid"), ("customer_id", "character varying(32)"),
    ("method", "character varying(16)"), ("card_brand", "character varying(16)"),
    ("card_last4", "character(4)"), ("amount_minor", "bigint"), ("currency", "character(3)"),
    ("state", "character varying(16)"), ("captured_at", "timestamp with time zone"),
    ("created_at", "timestamp with time zone"), ("updated_at", "timestamp with time zone"),
]


# ---------------------------------------------------------------------------------------------------------
# Deterministic noise


def unit(*key) -> float:
    """A number in [0, 1) that depends only on key."""
    digest = hashlib.sha256(repr(key).encode()).hexdigest()
    return int(digest[:13], 16) / float(16**13)


def jitter(spread: float, *key) -> float:
    """A number in [-spread, +spread) that depends only on key."""
    return (unit(*key) * 2 - 1) * spread


def run_uuid(start: dt.datetime, *key) -> str:
    """A UUIDv7 whose timestamp is the run's start and whose random bits are a hash of key."""
    ms = int(start.timestamp() * 1000)
    bits = int(hashlib.sha256(repr(key).encode()).hexdigest()[:20], 16)
    rand_a = bits & 0xFFF
    rand_b = (bits >> 12) & ((1 << 62) - 1)
    value = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    return str(uuid.UUID(int=value))


def iso(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def at(day: dt.date, hhmm: str, seconds: float = 0.0) -> dt.datetime:
    h, m = (int(x) for x in hhmm.split(":"))
    base = dt.datetime(day.year, day.month, day.day, h, m, tzinfo=dt.timezone.utc)
    return base + dt.timedelta(seconds=seconds)


# ---------------------------------------------------------------------------------------------------------
# Volumes


def season(data_day: dt.date) -> float:
    """Retail demand of a data day: weekends and Fridays are busier, November ramps up to Black Friday."""
    weekday = data_day.weekday()
    week = {4: 1.08, 5: 1.19, 6: 1.14}.get(weekday, 1.0)
    trend = 1 + 0.005 * (data_day - FIRST_DAY).days
    return week * trend


def daily_rows(base: int, job: str, day: dt.date, noise: float = 0.03) -> int:
    data_day = day - dt.timedelta(days=1)
    return int(base * season(data_day) * (1 + jitter(noise, job, day, "rows")))


def snapshot_rows(base: int, growth: int, job: str, day: dt.date, noise: float = 0.0004) -> int:
    i = (day - FIRST_DAY).days
    return int((base + growth * i) * (1 + jitter(noise, job, day, "rows")))


# ---------------------------------------------------------------------------------------------------------
# Column metrics. A column spec is (name, type, null_rate, distinct) where distinct is "key" (one value per
# row), "nonnull" (one value per non-null row), a float (share of non-null rows) or an int (cardinality).


def column_metrics(columns, rows: int, job: str, day: dt.date, overrides=None) -> dict:
    overrides = overrides or {}
    metrics = {}
    for name, _type, null_rate, distinct in columns:
        null_rate = overrides.get((name, "null_rate"), null_rate)
        nulls = int(round(rows * null_rate * (1 + jitter(0.04, job, day, name, "nulls")))) if null_rate else 0
        nonnull = rows - nulls
        if distinct == "key":
            d = rows
        elif distinct == "nonnull":
            d = nonnull
        elif isinstance(distinct, float):
            d = int(nonnull * distinct * (1 + jitter(0.002, job, day, name, "distinct")))
        else:
            d = min(distinct, nonnull)
        d = overrides.get((name, "distinct"), d)
        metrics[name] = {"nullCount": nulls, "distinctCount": d}
    return metrics


# ---------------------------------------------------------------------------------------------------------
# The jobs. Columns are the product contracts' columns with their physical types.

JOBS = [
    {
        "product": "orders.order_events",
        "team": "orders-team",
        "job": "orders_cdc.seal_order_events_day",
        "start": "00:10", "minutes": 12,
        "inputs": [(ORDERS_DB, "orders.public.orders"), (ORDERS_DB, "orders.public.order_lines")],
        "output": ORDER_EVENTS,
        "width": 310,
        "rows": lambda job, day: daily_rows(1_150_000, job, day),
        "columns": [
            ("event_id", "string", 0, "key"), ("order_id", "string", 0, 0.27),
            ("order_line_id", "string", 0, 0.86), ("customer_id", "string", 0, 0.21),
            ("event_type", "string", 0, 6), ("event_ts", "timestamp-millis", 0, 0.97),
            ("channel", "string", 0, 3), ("store_id", "string", 0.58, 480), ("sku", "string", 0, 31_500),
            ("quantity", "int", 0, 24), ("unit_price", "decimal(12,2)", 0, 9_800), ("currency", "string", 0, 4),
        ],
    },
    {
        "product": "payments.transactions",
        "team": "payments-team",
        "job": "payments_etl.load_transactions",
        "start": "01:00", "minutes": 34,
        "inputs": [(PAYMENTS_DB, "payments.public.charges")],
        "output": TRANSACTIONS,
        "width": 160,
        "rows": lambda job, day: daily_rows(328_000, job, day),
        "columns": [
            ("transaction_id", "STRING", 0, "key"), ("order_id", "STRING", 0, 0.93),
            ("customer_id", "STRING", 0, 0.9), ("payment_method", "STRING", 0, 5),
            ("card_brand", "STRING", 0.31, 3), ("card_last4", "STRING", 0.31, 10_000),
            ("amount", "NUMERIC", 0, 0.31), ("currency", "STRING", 0, 4), ("status", "STRING", 0, 4),
            ("captured_at", "TIMESTAMP", 0.045, 0.99), ("transaction_date", "DATE", 0, 1),
        ],
        "assertions": [
            ("unique_transaction_id", "unique", "transaction_id"),
            ("not_null_amount", "not_null", "amount"),
        ],
    },
    {
        "product": "payments.refunds",
        "team": "payments-team",
        "job": "payments_etl.load_refunds",
        "start": "01:05", "minutes": 19,
        "inputs": [(PAYMENTS_DB, "payments.public.refunds")],
        "output": REFUNDS,
        "width": 140,
        "rows": lambda job, day: daily_rows(14_100, job, day, noise=0.05),
        "columns": [
            ("refund_id", "STRING", 0, "key"), ("transaction_id", "STRING", 0, 0.985),
            ("order_id", "STRING", 0, 0.98), ("amount", "NUMERIC", 0, 0.62), ("currency", "STRING", 0, 4),
            ("reason", "STRING", 0, 5), ("status", "STRING", 0, 2), ("refunded_at", "TIMESTAMP", 0, 0.97),
            ("refund_date", "DATE", 0, 1),
        ],
        "assertions": [
            ("refund_amount_positive", "custom_sql", "amount"),
            ("not_null_transaction_id", "not_null", "transaction_id"),
        ],
    },
    {
        "product": "customers.customer_profile",
        "team": "customers-team",
        "job": "crm_sync.build_customer_profile",
        "start": "01:30", "minutes": 33,
        "inputs": [(CRM_DB, "crm.public.customers"), (CRM_DB, "crm.public.contact_points")],
        "output": CUSTOMER_PROFILE,
        "width": 220,
        "rows": lambda job, day: snapshot_rows(4_812_000, 2_900, job, day),
        "columns": [
            ("customer_id", "STRING", 0, "key"), ("email", "STRING", 0.011, "nonnull"),
            ("phone", "STRING", 0.22, 0.996), ("birth_date", "STRING", 0.31, 26_500),
            ("country_code", "STRING", 0, 14), ("preferred_language", "STRING", 0, 11),
            ("signup_ts", "TIMESTAMP", 0, 0.999), ("marketing_opt_in", "BOOL", 0, 2),
            ("updated_at", "TIMESTAMP", 0, 0.93),
        ],
        "assertions": [
            ("unique_customer_id", "unique", "customer_id"),
            ("not_null_country_code", "not_null", "country_code"),
        ],
    },
    {
        "product": "inventory.stock_levels",
        "team": None,
        "job": "inventory_snapshot.build_stock_levels",
        "start": "02:10", "minutes": 28,
        "inputs": [ORDER_EVENTS, (WMS_DB, "wms.public.stock_movements")],
        "output": STOCK_LEVELS,
        "width": 90,
        "rows": lambda job, day: snapshot_rows(537_600, 35, job, day, noise=0.002),
        "columns": [
            ("snapshot_date", "DATE", 0, 1), ("warehouse_id", "STRING", 0, 14), ("sku", "STRING", 0, 38_400),
            ("on_hand_qty", "INT64", 0, 2_150), ("reserved_qty", "INT64", 0, 310),
            ("available_qty", "INT64", 0, 2_120), ("reorder_point", "INT64", 0.04, 180),
            ("last_movement_ts", "TIMESTAMP", 0.07, 0.62),
        ],
        "assertions": [("not_null_warehouse_id", "not_null", "warehouse_id")],
    },
    {
        "product": "orders.orders_daily",
        "team": "orders-team",
        "job": "orders_daily.build_orders_daily",
        "start": "02:30", "minutes": 29,
        "inputs": [ORDER_EVENTS],
        "output": ORDERS_DAILY,
        "width": 180,
        "rows": lambda job, day: daily_rows(305_000, job, day),
        "columns": [
            ("order_id", "STRING", 0, "key"), ("order_date", "DATE", 0, 1), ("customer_id", "STRING", 0, 0.96),
            ("channel", "STRING", 0, 3), ("store_id", "STRING", 0.58, 480), ("status", "STRING", 0, 6),
            ("item_count", "INT64", 0, 38), ("gross_amount", "NUMERIC", 0, 0.34),
            ("discount_amount", "NUMERIC", 0, 0.05), ("net_amount", "NUMERIC", 0, 0.35),
            ("currency", "STRING", 0, 4), ("first_event_ts", "TIMESTAMP", 0, 0.98),
            ("last_event_ts", "TIMESTAMP", 0, 0.97),
        ],
        "assertions": [
            ("unique_order_id", "unique", "order_id"),
            ("not_null_customer_id", "not_null", "customer_id"),
        ],
        "lineage": {
            "order_id": [(ORDER_EVENTS, "order_id", "IDENTITY")],
            "order_date": [(ORDER_EVENTS, "event_ts", "TRANSFORMATION")],
            "customer_id": [(ORDER_EVENTS, "customer_id", "IDENTITY")],
            "channel": [(ORDER_EVENTS, "channel", "IDENTITY")],
            "store_id": [(ORDER_EVENTS, "store_id", "IDENTITY")],
            "status": [(ORDER_EVENTS, "event_type", "TRANSFORMATION")],
            "item_count": [(ORDER_EVENTS, "quantity", "AGGREGATION")],
            "gross_amount": [(ORDER_EVENTS, "quantity", "AGGREGATION"), (ORDER_EVENTS, "unit_price", "AGGREGATION")],
            "discount_amount": [(ORDER_EVENTS, "unit_price", "AGGREGATION")],
            "net_amount": [(ORDER_EVENTS, "quantity", "AGGREGATION"), (ORDER_EVENTS, "unit_price", "AGGREGATION")],
            "currency": [(ORDER_EVENTS, "currency", "IDENTITY")],
            "first_event_ts": [(ORDER_EVENTS, "event_ts", "AGGREGATION")],
            "last_event_ts": [(ORDER_EVENTS, "event_ts", "AGGREGATION")],
        },
    },
    {
        "product": "finance.revenue_daily",
        "team": "finance-team",
        "job": "finance_revenue.build_revenue_daily",
        "start": "04:00", "minutes": 24,
        "inputs": [TRANSACTIONS, REFUNDS, ORDERS_DAILY],
        "output": REVENUE_DAILY,
        "width": 120,
        "rows": lambda job, day: int(1_458 * (1 + jitter(0.008, job, day, "rows"))),
        "columns": [
            ("revenue_date", "DATE", 0, 1), ("store_id", "STRING", 0, 481), ("channel", "STRING", 0, 3),
            ("currency", "STRING", 0, 4), ("order_count", "INT64", 0, 0.4), ("transaction_count", "INT64", 0, 0.4),
            ("gross_revenue", "NUMERIC", 0, "nonnull"), ("refunds_amount", "NUMERIC", 0, 0.97),
            ("net_revenue", "NUMERIC", 0, "nonnull"),
        ],
        "assertions": [
            ("revenue_non_negative", "custom_sql", "net_revenue"),
            ("unique_revenue_grain", "unique", None),
        ],
        "lineage": {
            "revenue_date": [(TRANSACTIONS, "transaction_date", "IDENTITY")],
            "store_id": [(ORDERS_DAILY, "store_id", "TRANSFORMATION")],
            "channel": [(ORDERS_DAILY, "channel", "IDENTITY")],
            "currency": [(TRANSACTIONS, "currency", "IDENTITY")],
            "order_count": [(ORDERS_DAILY, "order_id", "AGGREGATION")],
            "transaction_count": [(TRANSACTIONS, "transaction_id", "AGGREGATION")],
            "gross_revenue": [(TRANSACTIONS, "amount", "AGGREGATION")],
            "refunds_amount": [(REFUNDS, "amount", "AGGREGATION")],
            "net_revenue": [(TRANSACTIONS, "amount", "AGGREGATION"), (REFUNDS, "amount", "AGGREGATION")],
        },
    },
    {
        "product": "customers.customer_360",
        "team": "customers-team",
        "job": "customer_360.build_customer_360",
        "start": "04:30", "minutes": 48,
        "inputs": [CUSTOMER_PROFILE, ORDERS_DAILY, TRANSACTIONS],
        "output": CUSTOMER_360,
        "width": 260,
        "rows": None,  # one row per customer profile of the same day, see generate()
        "columns": [
            ("customer_id", "STRING", 0, "key"), ("email", "STRING", 0.011, "nonnull"), ("has_phone", "BOOL", 0, 2),
            ("age_band", "STRING", 0.31, 6), ("country_code", "STRING", 0, 14),
            ("preferred_language", "STRING", 0, 11), ("signup_date", "DATE", 0, 3_650),
            ("marketing_opt_in", "BOOL", 0, 2), ("lifetime_orders", "INT64", 0, 212),
            ("lifetime_net_amount", "NUMERIC", 0, 0.41), ("avg_order_value", "NUMERIC", 0.17, 0.22),
            ("last_order_date", "DATE", 0.17, 730), ("preferred_channel", "STRING", 0.17, 3),
            ("preferred_payment_method", "STRING", 0.19, 5), ("updated_at", "TIMESTAMP", 0, 1),
        ],
        "lineage": {
            "customer_id": [(CUSTOMER_PROFILE, "customer_id", "IDENTITY")],
            "email": [(CUSTOMER_PROFILE, "email", "IDENTITY")],
            "has_phone": [(CUSTOMER_PROFILE, "phone", "TRANSFORMATION")],
            "age_band": [(CUSTOMER_PROFILE, "birth_date", "TRANSFORMATION")],
            "country_code": [(CUSTOMER_PROFILE, "country_code", "IDENTITY")],
            "preferred_language": [(CUSTOMER_PROFILE, "preferred_language", "IDENTITY")],
            "signup_date": [(CUSTOMER_PROFILE, "signup_ts", "TRANSFORMATION")],
            "marketing_opt_in": [(CUSTOMER_PROFILE, "marketing_opt_in", "IDENTITY")],
            "lifetime_orders": [(ORDERS_DAILY, "order_id", "AGGREGATION")],
            "lifetime_net_amount": [(ORDERS_DAILY, "net_amount", "AGGREGATION")],
            "avg_order_value": [(ORDERS_DAILY, "net_amount", "AGGREGATION"), (ORDERS_DAILY, "order_id", "AGGREGATION")],
            "last_order_date": [(ORDERS_DAILY, "order_date", "AGGREGATION")],
            "preferred_channel": [(ORDERS_DAILY, "channel", "AGGREGATION")],
            "preferred_payment_method": [(TRANSACTIONS, "payment_method", "AGGREGATION")],
        },
    },
    {
        "product": "marketing.campaign_attribution",
        "team": "marketing-team",
        "job": "marketing_attribution.build_campaign_attribution",
        "start": "05:30", "minutes": 27,
        "inputs": [ORDERS_DAILY, CUSTOMER_360, AD_TOUCHPOINTS],
        "output": CAMPAIGN_ATTRIBUTION,
        "width": 130,
        "rows": None,  # follows the orders_daily rows of the same day, see generate()
        "columns": [
            ("order_id", "STRING", 0, 0.59), ("campaign_id", "STRING", 0, 1_240),
            ("attribution_model", "STRING", 0, 2), ("attribution_date", "DATE", 0, 1),
            ("customer_id", "STRING", 0, 0.55), ("channel", "STRING", 0, 5), ("touchpoint_count", "INT64", 0, 19),
            ("attribution_weight", "FLOAT64", 0, 0.012), ("attributed_revenue", "NUMERIC", 0, 0.47),
        ],
    },
    {
        "product": "ml.churn_features",
        "team": "ml-team",
        "job": "ml_features.build_churn_features",
        "start": "05:40", "minutes": 38,
        "inputs": [CUSTOMER_360],
        "output": CHURN_FEATURES,
        "width": 110,
        "rows": lambda job, day: snapshot_rows(3_948_000, 1_700, job, day),
        "columns": [
            ("customer_id", "STRING", 0, "key"), ("feature_date", "DATE", 0, 1), ("recency_days", "INT64", 0, 730),
            ("frequency_90d", "INT64", 0, 41), ("monetary_90d", "FLOAT64", 0, 0.38), ("tenure_days", "INT64", 0, 3_650),
            ("digital_share", "FLOAT64", 0, 0.0009), ("email_reachable", "BOOL", 0, 2),
            ("churn_propensity", "FLOAT64", 0, 0.71),
        ],
        "assertions": [("propensity_in_range", "custom_sql", "churn_propensity")],
        "lineage": {
            "customer_id": [(CUSTOMER_360, "customer_id", "IDENTITY")],
            "recency_days": [(CUSTOMER_360, "last_order_date", "TRANSFORMATION")],
            "frequency_90d": [(CUSTOMER_360, "lifetime_orders", "TRANSFORMATION")],
            "monetary_90d": [(CUSTOMER_360, "lifetime_net_amount", "TRANSFORMATION")],
            "tenure_days": [(CUSTOMER_360, "signup_date", "TRANSFORMATION")],
            "digital_share": [(CUSTOMER_360, "preferred_channel", "TRANSFORMATION")],
            "email_reachable": [(CUSTOMER_360, "email", "TRANSFORMATION"), (CUSTOMER_360, "marketing_opt_in", "TRANSFORMATION")],
            "churn_propensity": [
                (CUSTOMER_360, "last_order_date", "TRANSFORMATION"),
                (CUSTOMER_360, "lifetime_orders", "TRANSFORMATION"),
                (CUSTOMER_360, "lifetime_net_amount", "TRANSFORMATION"),
            ],
        },
    },
    {
        "product": "marketing.audience_segments",
        "team": "marketing-team",
        "job": "marketing_audiences.build_audience_segments",
        "start": "06:30", "minutes": 17,
        "inputs": [CUSTOMER_360, CHURN_FEATURES],
        "output": AUDIENCE_SEGMENTS,
        "width": 95,
        "rows": lambda job, day: snapshot_rows(2_905_000, 1_850, job, day),
        "columns": [
            ("customer_id", "STRING", 0, "key"), ("segment", "STRING", 0, 6), ("churn_risk_band", "STRING", 0, 3),
            ("email_eligible", "BOOL", 0, 2), ("country_code", "STRING", 0, 14),
            ("preferred_language", "STRING", 0, 11), ("refreshed_at", "TIMESTAMP", 0, 1),
        ],
    },
    {
        "product": "ml.support_kb_embeddings",
        "team": "ml-team",
        "job": "support_kb.embed_kb_chunks",
        "start": "07:00", "minutes": 44,
        "inputs": [(SUPPORT_DB, "support.public.kb_articles"), (SUPPORT_DB, "support.public.resolved_answers"), CUSTOMER_360],
        "output": SUPPORT_KB,
        "width": 3_650,
        "rows": lambda job, day: snapshot_rows(181_400, 120, job, day, noise=0.001),
        "columns": [
            ("chunk_id", "text", 0, "key"), ("document_id", "text", 0, 0.16), ("source_type", "text", 0, 2),
            ("language", "text", 0, 11), ("customer_segment", "text", 0.64, 6), ("chunk_text", "text", 0, 0.995),
            ("embedding", "vector(768)", 0, 0.995), ("embedding_model", "text", 0, 1),
            ("updated_at", "timestamptz", 0, 0.02),
        ],
    },
]

# Run start and end overrides (UTC "HH:MM" on the run day): late runs of the resolved incidents in the
# window, and the fixed times the open incidents quote.
OVERRIDES = {
    ("inventory.stock_levels", "2026-10-30"): ("02:10", "07:40"),  # INC-0990 WMS maintenance
    ("marketing.campaign_attribution", "2026-11-02"): ("05:31", "09:35"),  # INC-0991 bucket 403
    ("customers.customer_360", "2026-11-05"): ("04:30", "07:20"),  # INC-0993 slot contention
    ("marketing.campaign_attribution", "2026-11-05"): ("07:25", "07:53"),
    ("ml.churn_features", "2026-11-05"): ("07:28", "09:25"),
    ("marketing.audience_segments", "2026-11-05"): ("09:30", "09:48"),
    ("ml.support_kb_embeddings", "2026-11-05"): ("07:30", "08:16"),
    ("orders.order_events", "2026-11-09"): ("00:10", "02:10"),  # INC-0995 connector tasks failed
    ("inventory.stock_levels", "2026-11-09"): ("02:15", "02:44"),
    ("orders.orders_daily", "2026-11-09"): ("02:38", "03:10"),
    ("payments.transactions", "2026-11-16"): ("01:00", "05:31"),  # INC-0998 replica lag
    ("finance.revenue_daily", "2026-11-16"): ("05:38", "06:04"),
    ("customers.customer_360", "2026-11-19"): ("04:30", "07:58"),  # INC-0999 table update rate limits
    ("marketing.campaign_attribution", "2026-11-19"): ("08:02", "08:30"),
    ("ml.churn_features", "2026-11-19"): ("08:05", "08:44"),
    ("marketing.audience_segments", "2026-11-19"): ("08:50", "09:08"),
    ("ml.support_kb_embeddings", "2026-11-19"): ("08:10", "08:55"),
    ("ml.support_kb_embeddings", "2026-11-23"): ("07:20", "10:20"),  # INC-1000 endpoint throttling
    ("finance.revenue_daily", "2026-11-24"): ("04:01", "04:26"),  # quoted by INC-1001 / INC-1002
    ("payments.transactions", "2026-11-25"): ("01:00", "01:22"),  # the FAIL of INC-1001
    ("orders.orders_daily", "2026-11-25"): ("02:31", "03:00"),
}

# Seeded situations.
EMAIL_NULLS_FROM = dt.date(2026, 11, 18)
ORDERS_DROP_DAY = dt.date(2026, 11, 20)
REFUND_DUPLICATES_DAY = dt.date(2026, 11, 24)
TRANSACTIONS_FAIL_DAY = dt.date(2026, 11, 25)
NEGATIVE_REVENUE_ROWS = 31

FAIL_MESSAGE = (
    "ContractViolationError: extract of payments.public.charges does not match contract "
    "payments.transactions 1.0.0 for bigquery acme.payments.transactions: unexpected column `card_number` "
    "(source type character varying(19), would load as STRING) is not declared in the contract; "
    "refusing to load undeclared columns"
)
FAIL_STACK = (
    "Traceback (most recent call last):\n"
    '  File "/opt/airflow/dags/payments_etl/load_transactions.py", line 112, in execute\n'
    "    check_extract_against_contract(extract_schema, contract, target=TARGET_TABLE)\n"
    '  File "/opt/airflow/plugins/acme_contracts/check.py", line 141, in check_extract_against_contract\n'
    "    raise ContractViolationError(violations)\n"
    "acme_contracts.errors.ContractViolationError: 1 violation: unexpected column `card_number` "
    "(character varying(19)) not in contract payments.transactions 1.0.0"
)


# ---------------------------------------------------------------------------------------------------------
# Facets


def facet(kind: str, **fields) -> dict:
    return {"_producer": PRODUCER, "_schemaURL": FACET_URLS[kind], **fields}


def schema_facet(columns) -> dict:
    return facet("schema", fields=[{"name": c[0], "type": c[1]} for c in columns])


def lineage_facet(lineage: dict) -> dict:
    fields = {}
    for column, sources in lineage.items():
        fields[column] = {
            "inputFields": [
                {
                    "namespace": ns,
                    "name": name,
                    "field": field,
                    "transformations": [
                        {"type": "DIRECT", "subtype": subtype, "masking": False},
                    ],
                }
                for (ns, name), field, subtype in sources
            ]
        }
    return facet("columnLineage", fields=fields)


def assertion_entry(name: str, kind: str, column, ok: bool, actual: str = "0") -> dict:
    entry = {"assertion": name, "name": name, "success": ok, "severity": "error"}
    if column:
        entry["column"] = column
    entry["expected"] = "0"
    entry["actual"] = actual
    if kind == "custom_sql" and name == "revenue_non_negative":
        entry["description"] = "No store, channel and currency has negative net revenue on the day."
        entry["content"] = "SELECT COUNT(*) FROM acme.finance.revenue_daily WHERE revenue_date = @run_date AND net_revenue < 0"
        entry["contentType"] = "sql"
    elif kind == "unique":
        entry["description"] = "No duplicate key in the partition written." if column else "No duplicate grain row."
    elif kind == "not_null":
        entry["description"] = f"{column} is never null."
    return entry


def source_input(dataset, day: dt.date, columns=None) -> dict:
    ns, name = dataset
    out = {"namespace": ns, "name": name}
    if ns.startswith("postgres://"):
        facets = {"dataSource": facet("dataSource", name=ns, uri=ns)}
        if columns:
            facets["schema"] = schema_facet(columns)
        out["facets"] = facets
    return out


# ---------------------------------------------------------------------------------------------------------
# Events


def run_window(spec: dict, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    key = (spec["product"], day.isoformat())
    job = spec["job"]
    if key in OVERRIDES:
        s, e = OVERRIDES[key]
        return at(day, s, unit(job, day, "s") * 59), at(day, e, unit(job, day, "e") * 59)
    start = at(day, spec["start"], 20 + unit(job, day, "start") * 200)
    minutes = spec["minutes"] * (1 + jitter(0.15, job, day, "duration"))
    return start, start + dt.timedelta(minutes=minutes, seconds=unit(job, day, "sec") * 59)


def dag_schedule(dag: str) -> str:
    """A DAG is scheduled at the earliest start of its tasks."""
    return min(j["start"] for j in JOBS if j["job"].split(".")[0] == dag)


def base_run_facets(spec: dict, day: dt.date) -> dict:
    # Airflow style: the run of day D covers the data interval [D-1, D) at the DAG's schedule time, and
    # every task of one DAG run has the same parent run.
    dag = spec["job"].split(".")[0]
    interval_end = at(day, dag_schedule(dag))
    interval_start = interval_end - dt.timedelta(days=1)
    dag_run = run_uuid(interval_end, dag, day.isoformat())
    return {
        "nominalTime": facet("nominalTime", nominalStartTime=iso(interval_start), nominalEndTime=iso(interval_end)),
        "parent": facet(
            "parent",
            run={"runId": dag_run},
            job={"namespace": JOB_NAMESPACE, "name": dag},
            root={"run": {"runId": dag_run}, "job": {"namespace": JOB_NAMESPACE, "name": dag}},
        ),
        "processing_engine": facet(
            "processing_engine", name="Airflow", version="2.10.4", openlineageAdapterVersion="1.26.0"
        ),
    }


def job_facets(spec: dict) -> dict:
    facets = {"jobType": facet("jobType", processingType="BATCH", integration="AIRFLOW", jobType="TASK")}
    if spec["team"]:
        facets["ownership"] = facet("ownership", owners=[{"name": f"team:{spec['team']}", "type": "MAINTAINER"}])
    return facets


def event(kind: str, when: dt.datetime, run_id: str, spec: dict, run_facets: dict, inputs, outputs, with_job_facets):
    job = {"namespace": JOB_NAMESPACE, "name": spec["job"]}
    if with_job_facets:
        job["facets"] = job_facets(spec)
    return {
        "eventType": kind,
        "eventTime": iso(when),
        "producer": PRODUCER,
        "schemaURL": SCHEMA_URL,
        "run": {"runId": run_id, "facets": run_facets},
        "job": job,
        "inputs": inputs,
        "outputs": outputs,
    }


def charges_columns(day: dt.date):
    if day >= TRANSACTIONS_FAIL_DAY:
        cols = list(CHARGES_COLUMNS)
        cols.insert(6, ("card_number", "character varying(19)"))
        return cols
    return CHARGES_COLUMNS


def inputs_for(spec: dict, day: dt.date, detailed: bool):
    out = []
    for ds in spec["inputs"]:
        cols = None
        if detailed and ds == (PAYMENTS_DB, "payments.public.charges"):
            cols = charges_columns(day)
        out.append(source_input(ds, day, cols) if detailed else {"namespace": ds[0], "name": ds[1]})
    return out


class State:
    """Values one job's run passes to the runs that read its output on the same day."""

    def __init__(self):
        self.rows = {}


def metrics_for(spec: dict, day: dt.date, state: State):
    """Rows, column metrics and assertion results of one successful run."""
    product, job = spec["product"], spec["job"]
    overrides = {}
    failed = {}
    if product == "customers.customer_360":
        rows = state.rows["customers.customer_profile"]
    elif product == "marketing.campaign_attribution":
        rows = int(state.rows["orders.orders_daily"] * 1.04 * (1 + jitter(0.02, job, day, "rows")))
    else:
        rows = spec["rows"](job, day)

    if product == "orders.orders_daily" and day == ORDERS_DROP_DAY:
        rows = int(rows * (0.40 + jitter(0.01, job, day, "drop")))
    if product in ("customers.customer_profile", "customers.customer_360") and day >= EMAIL_NULLS_FROM:
        overrides[("email", "null_rate")] = 0.35 + 0.002 * (day - EMAIL_NULLS_FROM).days
    if product == "payments.refunds" and day == REFUND_DUPLICATES_DAY:
        distinct = rows
        rows = int(distinct * 1.12)
        overrides[("refund_id", "distinct")] = distinct
    state.rows[product] = rows

    columns = column_metrics(spec["columns"], rows, job, day, overrides)
    if product == "payments.refunds" and day == REFUND_DUPLICATES_DAY:
        dup = rows - columns["refund_id"]["distinctCount"]
        for name in ("transaction_id", "order_id"):
            columns[name]["distinctCount"] = min(columns[name]["distinctCount"], rows - dup)
    if product == "finance.revenue_daily":
        revenue_sums(columns, day, job, state)
        if day == REFUND_DUPLICATES_DAY:
            failed["revenue_non_negative"] = str(NEGATIVE_REVENUE_ROWS)
    return rows, columns, failed


def revenue_sums(columns: dict, day: dt.date, job: str, state: State):
    orders = state.rows["orders.orders_daily"]
    refunds_rows = state.rows["payments.refunds"]
    aov = 77.9 * (1 + jitter(0.015, job, day, "aov"))
    gross = orders * aov
    refunds = refunds_rows * 53.4 * (1 + jitter(0.03, job, day, "refund_value"))
    # Revenue joins transactions to orders_daily for store and channel, so it follows the orders rows;
    # refunds follow the refunds rows (duplicates included).
    net = gross - refunds
    columns["order_count"].update(sum=orders, min=1, max=int(orders * 0.021))
    columns["transaction_count"].update(sum=int(orders * 1.021), min=1, max=int(orders * 0.022))
    columns["gross_revenue"].update(sum=round(gross, 2), min=round(38 + unit(job, day, "gmin") * 40, 2),
                                    max=round(gross * 0.019, 2))
    columns["refunds_amount"].update(sum=round(refunds, 2), min=0.0, max=round(refunds * 0.017, 2))
    low = -1_284.5 - unit(job, day, "nmin") * 300 if day == REFUND_DUPLICATES_DAY else 11.8 + unit(job, day, "nmin") * 30
    columns["net_revenue"].update(sum=round(net, 2), min=round(low, 2), max=round(net * 0.019, 2))


def generate() -> dict[dt.date, list[dict]]:
    days = {}
    day = FIRST_DAY
    while day <= LAST_DAY:
        state = State()
        events = []
        for spec in JOBS:
            product = spec["product"]
            if product == "finance.revenue_daily" and day == TRANSACTIONS_FAIL_DAY:
                continue  # the sensor still waits for payments.transactions at asOf
            start, end = run_window(spec, day)
            run_id = run_uuid(start, spec["job"], day.isoformat())
            facets = base_run_facets(spec, day)
            out_ref = {"namespace": spec["output"][0], "name": spec["output"][1]}
            events.append(event("START", start, run_id, spec, facets, inputs_for(spec, day, False), [out_ref], True))

            if product == "payments.transactions" and day == TRANSACTIONS_FAIL_DAY:
                fail_facets = dict(facets)
                fail_facets["errorMessage"] = facet(
                    "errorMessage", message=FAIL_MESSAGE, programmingLanguage="python", stackTrace=FAIL_STACK
                )
                events.append(event("FAIL", end, run_id, spec, fail_facets, inputs_for(spec, day, True), [out_ref], False))
                continue

            rows, columns, failed = metrics_for(spec, day, state)
            size = int(rows * spec["width"] * (1 + jitter(0.01, spec["job"], day, "size")))
            dataset_facets = {
                "schema": schema_facet(spec["columns"]),
                "dataQualityMetrics": facet(
                    "dataQualityMetrics", rowCount=rows, bytes=size, lastUpdated=iso(end), columnMetrics=columns
                ),
            }
            if spec.get("lineage"):
                dataset_facets["columnLineage"] = lineage_facet(spec["lineage"])
            if spec.get("assertions"):
                dataset_facets["dataQualityAssertions"] = facet(
                    "dataQualityAssertions",
                    assertions=[
                        assertion_entry(name, kind, column, name not in failed, failed.get(name, "0"))
                        for name, kind, column in spec["assertions"]
                    ],
                )
            output = dict(out_ref)
            output["facets"] = dataset_facets
            output["outputFacets"] = {"outputStatistics": facet("outputStatistics", rowCount=rows, size=size)}
            events.append(event("COMPLETE", end, run_id, spec, facets, inputs_for(spec, day, True), [output], False))
        events.sort(key=lambda e: (e["eventTime"], e["job"]["name"]))
        days[day] = events
        day += dt.timedelta(days=1)
    return days


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "observed" / "events")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    days = generate()
    for day, events in days.items():
        path = args.out / f"{day.isoformat()}.ndjson"
        with path.open("w", encoding="utf-8", newline="\n") as f:
            for e in events:
                f.write(json.dumps(e, separators=(",", ":"), ensure_ascii=False) + "\n")
        total += len(events)
    print(f"wrote {total} events for {len(days)} days to {args.out}")


if __name__ == "__main__":
    main()
