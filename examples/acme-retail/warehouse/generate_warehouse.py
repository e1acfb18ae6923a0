#!/usr/bin/env python3
"""Generates the demo warehouse of the acme-retail mesh as plain SQLite SQL.

Writes acme-warehouse.sql next to this script: one CREATE TABLE and a few multi-row INSERTs per demo data
product that has a warehouse table (BigQuery or Postgres; orders.order_events is a Kafka topic and has
none). A table is named after its product id with the dot replaced by `__`; its columns are the product
contract's (contracts/*.odcs.yaml), plus `card_number` on payments__transactions, which the warehouse
table carries although the contract does not declare it (observed/schemas.yaml).

The rows are a small, consistent sample of the mesh frozen at 2026-11-25T09:00Z, following the run
events: the run of day D processes day D-1, so the latest partitions are those of the last successful
runs, and the seeded situations of ../README.md show in the data:
  * payments__transactions stops at 2026-11-23: the 2026-11-25 load (of 2026-11-24) failed (INC-1001);
  * payments__refunds: the 2026-11-24 load wrote refund_date 2026-11-23 with ~12% duplicated refund_id,
    and finance__revenue_daily for 2026-11-23 has negative net_revenue rows (INC-1002);
  * orders__orders_daily: order_date 2026-11-19 (written by the 2026-11-20 run) has ~60% fewer orders;
  * customers__customer_profile.email is null for about a third of the customers (since 2026-11-18).

Deterministic (a fixed seed, no clock), standard library only:

    python3 examples/acme-retail/warehouse/generate_warehouse.py            # writes acme-warehouse.sql
    python3 examples/acme-retail/warehouse/generate_warehouse.py --out F.sql --check
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sqlite3
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------------------------
# Tables: (table, product, [(column, SQLite type, contract physical type, classification, required)]).
# required is True (NOT NULL), False, or "pk" (the contract's primary key, declared as such).

T, I, N, R, B = "TEXT", "INTEGER", "NUMERIC", "REAL", "BLOB"

TABLES = [
    ("customers__customer_profile", "customers.customer_profile", [
        ("customer_id", T, "STRING", "internal", "pk"),
        ("email", T, "STRING", "pii", False),
        ("phone", T, "STRING", "pii", False),
        ("birth_date", T, "STRING", "pii", False),
        ("country_code", T, "STRING", "internal", True),
        ("preferred_language", T, "STRING", "internal", True),
        ("signup_ts", T, "TIMESTAMP", "internal", True),
        ("marketing_opt_in", I, "BOOL", "internal", True),
        ("updated_at", T, "TIMESTAMP", "internal", True),
    ]),
    ("customers__customer_360", "customers.customer_360", [
        ("customer_id", T, "STRING", "internal", "pk"),
        ("email", T, "STRING", "pii", False),
        ("has_phone", I, "BOOL", "internal", True),
        ("age_band", T, "STRING", "internal", False),
        ("country_code", T, "STRING", "internal", True),
        ("preferred_language", T, "STRING", "internal", True),
        ("signup_date", T, "DATE", "internal", True),
        ("marketing_opt_in", I, "BOOL", "internal", True),
        ("lifetime_orders", I, "INT64", "internal", True),
        ("lifetime_net_amount", N, "NUMERIC", "internal", True),
        ("avg_order_value", N, "NUMERIC", "internal", False),
        ("last_order_date", T, "DATE", "internal", False),
        ("preferred_channel", T, "STRING", "internal", False),
        ("preferred_payment_method", T, "STRING", "internal", False),
        ("updated_at", T, "TIMESTAMP", "internal", True),
    ]),
    ("orders__orders_daily", "orders.orders_daily", [
        ("order_id", T, "STRING", "internal", "pk"),
        ("order_date", T, "DATE", "internal", True),
        ("customer_id", T, "STRING", "internal", True),
        ("channel", T, "STRING", "internal", True),
        ("store_id", T, "STRING", "internal", False),
        ("status", T, "STRING", "internal", True),
        ("item_count", I, "INT64", "internal", True),
        ("gross_amount", N, "NUMERIC", "internal", True),
        ("discount_amount", N, "NUMERIC", "internal", True),
        ("net_amount", N, "NUMERIC", "internal", True),
        ("currency", T, "STRING", "internal", True),
        ("first_event_ts", T, "TIMESTAMP", "internal", True),
        ("last_event_ts", T, "TIMESTAMP", "internal", True),
    ]),
    ("payments__transactions", "payments.transactions", [
        ("transaction_id", T, "STRING", "internal", "pk"),
        ("order_id", T, "STRING", "internal", True),
        ("customer_id", T, "STRING", "internal", True),
        ("payment_method", T, "STRING", "internal", True),
        ("card_brand", T, "STRING", "confidential", False),
        ("card_last4", T, "STRING", "confidential", False),
        ("card_number", T, "STRING", "undeclared: not in the contract", False),
        ("amount", N, "NUMERIC", "internal", True),
        ("currency", T, "STRING", "internal", True),
        ("status", T, "STRING", "internal", True),
        ("captured_at", T, "TIMESTAMP", "internal", False),
        ("transaction_date", T, "DATE", "internal", True),
    ]),
    ("payments__refunds", "payments.refunds", [
        ("refund_id", T, "STRING", "internal", True),
        ("transaction_id", T, "STRING", "internal", True),
        ("order_id", T, "STRING", "internal", True),
        ("amount", N, "NUMERIC", "internal", True),
        ("currency", T, "STRING", "internal", True),
        ("reason", T, "STRING", "internal", True),
        ("status", T, "STRING", "internal", True),
        ("refunded_at", T, "TIMESTAMP", "internal", True),
        ("refund_date", T, "DATE", "internal", True),
    ]),
    ("finance__revenue_daily", "finance.revenue_daily", [
        ("revenue_date", T, "DATE", "internal", True),
        ("store_id", T, "STRING", "internal", True),
        ("channel", T, "STRING", "internal", True),
        ("currency", T, "STRING", "internal", True),
        ("order_count", I, "INT64", "internal", True),
        ("transaction_count", I, "INT64", "internal", True),
        ("gross_revenue", N, "NUMERIC", "confidential", True),
        ("refunds_amount", N, "NUMERIC", "confidential", True),
        ("net_revenue", N, "NUMERIC", "confidential", True),
    ]),
    ("inventory__stock_levels", "inventory.stock_levels", [
        ("snapshot_date", T, "DATE", "internal", True),
        ("warehouse_id", T, "STRING", "internal", True),
        ("sku", T, "STRING", "internal", True),
        ("on_hand_qty", I, "INT64", "internal", True),
        ("reserved_qty", I, "INT64", "internal", True),
        ("available_qty", I, "INT64", "internal", True),
        ("reorder_point", I, "INT64", "internal", False),
        ("last_movement_ts", T, "TIMESTAMP", "internal", False),
    ]),
    ("marketing__campaign_attribution", "marketing.campaign_attribution", [
        ("order_id", T, "STRING", "internal", True),
        ("campaign_id", T, "STRING", "internal", True),
        ("attribution_model", T, "STRING", "internal", True),
        ("attribution_date", T, "DATE", "internal", True),
        ("customer_id", T, "STRING", "internal", True),
        ("channel", T, "STRING", "internal", True),
        ("touchpoint_count", I, "INT64", "internal", True),
        ("attribution_weight", R, "FLOAT64", "internal", True),
        ("attributed_revenue", N, "NUMERIC", "internal", True),
    ]),
    ("marketing__audience_segments", "marketing.audience_segments", [
        ("customer_id", T, "STRING", "internal", "pk"),
        ("segment", T, "STRING", "internal", True),
        ("churn_risk_band", T, "STRING", "internal", True),
        ("email_eligible", I, "BOOL", "internal", True),
        ("country_code", T, "STRING", "internal", True),
        ("preferred_language", T, "STRING", "internal", True),
        ("refreshed_at", T, "TIMESTAMP", "internal", True),
    ]),
    ("ml__churn_features", "ml.churn_features", [
        ("customer_id", T, "STRING", "internal", True),
        ("feature_date", T, "DATE", "internal", True),
        ("recency_days", I, "INT64", "internal", True),
        ("frequency_90d", I, "INT64", "internal", True),
        ("monetary_90d", R, "FLOAT64", "internal", True),
        ("tenure_days", I, "INT64", "internal", True),
        ("digital_share", R, "FLOAT64", "internal", True),
        ("email_reachable", I, "BOOL", "internal", True),
        ("churn_propensity", R, "FLOAT64", "internal", True),
    ]),
    ("ml__support_kb_embeddings", "ml.support_kb_embeddings", [
        ("chunk_id", T, "text", "internal", "pk"),
        ("document_id", T, "text", "internal", True),
        ("source_type", T, "text", "internal", True),
        ("language", T, "text", "internal", True),
        ("customer_segment", T, "text", "internal", False),
        ("chunk_text", T, "text", "internal", True),
        ("embedding", B, "vector(768), stored as 768 little-endian float32", "internal", True),
        ("embedding_model", T, "text", "internal", True),
        ("updated_at", T, "timestamptz", "internal", True),
    ]),
]

# ---------------------------------------------------------------------------------------------------------
# Reference data

FIRST_NAMES = [
    "lena", "jonas", "mia", "lukas", "emma", "felix", "hannah", "paul", "sophie", "leon", "camille", "hugo",
    "chloe", "louis", "manon", "jules", "sanne", "daan", "femke", "bram", "lotte", "sem", "lucia", "pablo",
    "carmen", "javier", "elena", "marco", "giulia", "luca", "chiara", "matteo", "anna", "tobias", "julia",
    "katarzyna", "piotr", "zofia", "aoife", "sean", "ines", "tiago", "marie", "thomas", "laura", "nina",
    "david", "sara", "noah", "eva",
]
LAST_NAMES = [
    "schmidt", "mueller", "weber", "fischer", "wagner", "becker", "martin", "bernard", "dubois", "laurent",
    "moreau", "petit", "devries", "jansen", "bakker", "visser", "peeters", "janssens", "garcia", "lopez",
    "martinez", "sanchez", "rossi", "russo", "ferrari", "bianchi", "romano", "gruber", "huber", "nowak",
    "kowalski", "wisniewska", "murphy", "kelly", "silva", "santos", "ferreira", "hofmann", "koch", "richter",
]
DOMAINS = ["example.com", "example.com", "example.org", "example.net", "mail.example"]

# country, weight, calling code, national number length, mobile prefixes, languages
COUNTRIES = [
    ("DE", 30, "49", 11, ["151", "152", "160", "170", "176"], ["de-DE"]),
    ("FR", 18, "33", 9, ["6", "7"], ["fr-FR"]),
    ("NL", 10, "31", 9, ["6"], ["nl-NL", "nl-NL", "en-GB"]),
    ("BE", 7, "32", 9, ["47", "48", "49"], ["nl-BE", "fr-BE"]),
    ("ES", 10, "34", 9, ["6", "7"], ["es-ES"]),
    ("IT", 10, "39", 10, ["32", "33", "34", "38"], ["it-IT"]),
    ("AT", 6, "43", 10, ["650", "660", "664", "676"], ["de-AT"]),
    ("PL", 5, "48", 9, ["50", "51", "60", "69"], ["pl-PL", "en-GB"]),
    ("IE", 2, "353", 9, ["83", "85", "86", "87"], ["en-IE"]),
    ("PT", 2, "351", 9, ["91", "92", "93", "96"], ["pt-PT"]),
]
STORES = {"ST-014": "DE", "ST-052": "DE", "ST-118": "FR", "ST-163": "NL", "ST-207": "ES", "ST-251": "IT",
          "ST-309": "AT", "ST-412": "BE"}
FIRST_DAY, LAST_DAY = dt.date(2026, 11, 17), dt.date(2026, 11, 24)
# Orders a day in the sample: the November ramp-up, weekend peaks, and the partial load of 2026-11-19.
ORDERS_A_DAY = {17: 150, 18: 155, 19: 62, 20: 160, 21: 178, 22: 205, 23: 196, 24: 172}
LAST_TRANSACTION_DAY = dt.date(2026, 11, 23)   # the load of 2026-11-24 failed (INC-1001)
DUPLICATE_REFUND_DAY = dt.date(2026, 11, 23)   # loaded twice by the 2026-11-24 run (INC-1002)
CAMPAIGNS = [
    ("CMP-BF26-SEARCH-BRAND", "paid_search"), ("CMP-BF26-SEARCH-GENERIC", "paid_search"),
    ("CMP-BF26-SOCIAL-TEASER", "paid_social"), ("CMP-NOV26-SOCIAL-RETARGET", "paid_social"),
    ("CMP-NOV26-EMAIL-WEEKLY", "email"), ("CMP-BF26-EMAIL-EARLYACCESS", "email"),
    ("CMP-AFF-CASHBACK", "affiliate"), ("CMP-AFF-VOUCHER", "affiliate"), ("CMP-NOV26-DISPLAY-PROSPECT", "display"),
]
KB_DOCUMENTS = [
    ("KB-1001", "kb_article", "en-GB", None, [
        "You can return most items within 30 days of delivery. Start a return from Orders in your account, print "
        "the label, and drop the parcel at any partner point or bring it to one of our stores.",
        "Refunds go back to the original payment method within 5 business days after the return reaches our "
        "warehouse. Gift card payments are refunded to a new gift card."]),
    ("KB-1002", "kb_article", "en-GB", None, [
        "Standard home delivery takes 2 to 4 business days. Orders placed before 14:00 on a business day leave "
        "the warehouse the same day.",
        "Click and collect orders are ready in the chosen store within 24 hours. We send a message with a pick-up "
        "code; bring it and a photo ID."]),
    ("KB-1003", "kb_article", "de-DE", None, [
        "Sie koennen die meisten Artikel innerhalb von 30 Tagen nach Lieferung zuruecksenden. Starten Sie die "
        "Ruecksendung unter Bestellungen in Ihrem Kundenkonto.",
        "Die Erstattung erfolgt auf das urspruengliche Zahlungsmittel, in der Regel innerhalb von 5 Werktagen."]),
    ("KB-1004", "kb_article", "fr-FR", None, [
        "Vous pouvez payer par carte bancaire, PayPal, Apple Pay, carte cadeau ou virement. Les cartes Visa, "
        "Mastercard et American Express sont acceptees."]),
    ("KB-1005", "kb_article", "en-GB", None, [
        "Black Friday prices apply from 27 November until 30 November 2026, while stocks last. Price adjustments "
        "for earlier orders are not available.",
        "Vouchers cannot be combined with Black Friday prices unless the voucher says so.",
        "Extended returns: items bought between 1 November and 24 December can be returned until 15 January."]),
    ("KB-1006", "kb_article", "nl-NL", None, [
        "U kunt uw bestelling annuleren zolang deze nog niet is verzonden. Ga naar Bestellingen en kies Annuleren."]),
    ("KB-1007", "kb_article", "en-GB", None, [
        "To change your email address or phone number, open Account settings and choose Contact details. We send a "
        "confirmation code to the new address before the change takes effect.",
        "We never ask for your password or card details by email or phone."]),
    ("ANS-20418", "support_answer", "en-GB", "champions", [
        "Thanks for being with us for so long. I have added a goodwill voucher to your account for the late "
        "delivery; it is valid for 90 days on top of other promotions."]),
    ("ANS-20433", "support_answer", "de-DE", "at_risk", [
        "Es tut uns leid, dass Ihre Bestellung beschaedigt ankam. Die Erstattung ist bereits veranlasst; Sie muessen "
        "den Artikel nicht zuruecksenden."]),
    ("ANS-20467", "support_answer", "en-GB", "new", [
        "Welcome! Your first order qualifies for free delivery. If a size does not fit, the exchange is free too: "
        "choose Exchange instead of Return in your account."]),
    ("ANS-20502", "support_answer", "fr-FR", "loyal", [
        "Votre remboursement a ete emis aujourd'hui. Selon votre banque, il apparaitra sous 3 a 5 jours ouvres."]),
    ("ANS-20519", "support_answer", "en-GB", "hibernating", [
        "We noticed you have not shopped with us for a while. Your saved basket is still there, and your loyalty "
        "points do not expire before March."]),
]


# ---------------------------------------------------------------------------------------------------------
# Helpers: every random draw goes through rng.random(), so the output is the same on every Python 3.


def pick(rng, seq):
    return seq[int(rng.random() * len(seq))]


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for value, w in pairs:
        x -= w
        if x < 0:
            return value
    return pairs[-1][0]


def between(rng, low: int, high: int) -> int:
    return low + int(rng.random() * (high - low + 1))


def ts(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def at(day: dt.date, seconds: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=seconds)


def money(x: float) -> float:
    return round(x + 1e-9, 2)


def days(first: dt.date, last: dt.date):
    d = first
    while d <= last:
        yield d
        d += dt.timedelta(days=1)


# ---------------------------------------------------------------------------------------------------------
# Row builders


def customers(rng):
    out, emails, next_id = [], set(), 1_000_217
    countries = [(c, c[1]) for c in COUNTRIES]
    for _ in range(600):
        country, _, code, length, prefixes, languages = weighted(rng, countries)
        first, last = pick(rng, FIRST_NAMES), pick(rng, LAST_NAMES)
        email = None
        if rng.random() >= 0.35:  # about a third have no email since the CRM change of 2026-11-18
            local = weighted(rng, [(f"{first}.{last}", 4), (f"{first[0]}{last}", 3), (f"{first}_{last}", 1),
                                   (f"{first}{last[:3]}", 1)])
            if rng.random() < 0.6:
                local += str(between(rng, 1, 99))
            email = f"{local}@{pick(rng, DOMAINS)}"
            while email in emails:
                email = email.replace("@", str(between(rng, 0, 9)) + "@", 1)
            emails.add(email)
        phone = None
        if rng.random() >= 0.22:
            prefix = pick(rng, prefixes)
            phone = "+" + code + prefix + "".join(str(between(rng, 0, 9)) for _ in range(length - len(prefix)))
        birth = None
        if rng.random() >= 0.3:
            age_days = max(between(rng, 0, 22_200), between(rng, 0, 22_200))  # skewed to younger customers
            birth = (dt.date(1946, 1, 1) + dt.timedelta(days=age_days)).isoformat()
        signup = at(dt.date(2016, 1, 4), between(rng, 0, 3_970 * 86_400))
        updated = max(signup, at(dt.date(2026, 6, 1), 0)) + dt.timedelta(seconds=between(rng, 0, 60 * 86_400))
        updated = min(updated, at(dt.date(2026, 11, 25), 5_400))
        next_id += between(rng, 1, 4_000)
        out.append({"customer_id": f"C-{next_id}", "email": email, "phone": phone, "birth_date": birth,
                    "country_code": country, "preferred_language": pick(rng, languages), "signup_ts": signup,
                    "marketing_opt_in": rng.random() < 0.55, "updated_at": updated})
    return out


def orders(rng, people):
    out, next_id = [], 482_100_000
    frequent = people[: len(people) // 3]
    for day in days(FIRST_DAY, LAST_DAY):
        for _ in range(ORDERS_A_DAY[day.day]):
            who = pick(rng, frequent) if rng.random() < 0.35 else pick(rng, people)
            channel = weighted(rng, [("web", 45), ("app", 30), ("store", 25)])
            local = [s for s, c in STORES.items() if c == who["country_code"]] or list(STORES)
            store = pick(rng, local) if channel == "store" or rng.random() < 0.25 else None
            items = weighted(rng, [(1, 40), (2, 28), (3, 15), (4, 9), (5, 5), (6, 3)])
            gross = money(sum(pick(rng, [4.99, 9.99, 14.99, 19.99, 24.99, 29.99, 39.99, 49.99, 79.99, 129.99])
                              for _ in range(items)))
            discount = money(gross * pick(rng, [0.05, 0.1, 0.15, 0.2])) if rng.random() < 0.3 else 0.0
            first = at(day, between(rng, 6 * 3_600, 86_399 - 1_800))
            age = (LAST_DAY - day).days
            status = weighted(rng, [("created", 3 if age < 2 else 0.3), ("paid", 30 if age < 2 else 2),
                                    ("shipped", 40 if age < 4 else 8), ("delivered", 5 + 12 * age),
                                    ("cancelled", 3), ("returned", 2.5 * age)])
            if channel == "store" and status in ("paid", "shipped", "created"):
                status = "delivered"
            last = first if status == "created" else min(
                first + dt.timedelta(seconds=between(rng, 600, 3 * 86_400)), at(dt.date(2026, 11, 25), 9_000))
            next_id += between(rng, 1, 2_500)
            out.append({"order_id": f"O-{next_id}", "order_date": day, "customer": who, "channel": channel,
                        "store_id": store, "status": status, "item_count": items, "gross": gross,
                        "discount": discount, "net": money(gross - discount), "first": first, "last": last})
    return out


def transactions(rng, all_orders):
    out, next_id = [], 77_310_000
    for o in all_orders:
        if o["order_date"] > LAST_TRANSACTION_DAY:
            continue
        if o["channel"] == "store":
            method = weighted(rng, [("card", 75), ("apple_pay", 15), ("gift_card", 10)])
        else:
            method = weighted(rng, [("card", 52), ("paypal", 22), ("apple_pay", 12), ("gift_card", 5),
                                    ("bank_transfer", 9)])
        attempts = ["failed", "captured"] if rng.random() < 0.03 else ["captured"]
        if o["status"] == "created":
            attempts = ["authorized"]
        elif o["status"] == "cancelled":
            attempts = ["voided"]
        for k, status in enumerate(attempts):
            next_id += between(rng, 1, 900)
            when = o["first"] + dt.timedelta(seconds=30 + 240 * k + between(rng, 0, 200))
            card = method == "card"
            out.append({"transaction_id": f"T-{next_id}", "order": o, "payment_method": method,
                        "card_brand": weighted(rng, [("visa", 60), ("mastercard", 32), ("amex", 8)]) if card else None,
                        "card_last4": f"{between(rng, 0, 9999):04d}" if card else None,
                        "amount": o["net"], "status": status,
                        "captured_at": when if status == "captured" else None, "date": when.date()})
    return out


def refunds(rng, txs):
    out, next_id = [], 9_120_000
    for t in txs:
        o = t["order"]
        if t["status"] != "captured":
            continue
        if o["status"] == "returned":
            reason, share = "return", pick(rng, [1.0, 1.0, 0.5])
        elif rng.random() < 0.08:
            reason, share = weighted(rng, [("price_adjustment", 5), ("goodwill", 4), ("chargeback", 1),
                                           ("cancellation", 2)]), pick(rng, [0.1, 0.15, 0.2, 1.0])
        else:
            continue
        when = t["captured_at"] + dt.timedelta(seconds=between(rng, 86_400, 6 * 86_400))
        if when.date() > LAST_DAY:
            continue
        next_id += between(rng, 1, 700)
        out.append({"refund_id": f"R-{next_id}", "tx": t, "amount": money(t["amount"] * share),
                    "reason": reason, "status": "reversed" if rng.random() < 0.03 else "issued", "at": when})
    return out


def group_of(o):
    return (o["store_id"] or "ONLINE", o["channel"])


def revenue(txs, refs):
    """finance.revenue_daily from the sample, as its job builds it (captures and issued refunds a day)."""
    groups = {}
    for t in txs:
        if t["status"] == "captured":
            key = (t["date"], *group_of(t["order"]))
            g = groups.setdefault(key, {"orders": set(), "tx": 0, "gross": 0.0, "ref": 0.0})
            g["orders"].add(t["order"]["order_id"])
            g["tx"] += 1
            g["gross"] += t["amount"]
    for r in refs:
        if r["status"] == "issued" and r["at"].date() <= LAST_TRANSACTION_DAY:
            key = (r["at"].date(), *group_of(r["tx"]["order"]))
            groups.setdefault(key, {"orders": set(), "tx": 0, "gross": 0.0, "ref": 0.0})["ref"] += r["amount"]
    return groups


def settle_refunds(refs, txs):
    """Keeps the sample's revenue non-negative except on the duplicate day: a refund whose store would sell
    less than it refunds that day moves to the next day (the sample is too small to absorb it)."""
    for _ in range(20):
        groups = revenue(txs, refs)
        bad = {k for k, g in groups.items() if g["gross"] - g["ref"] < 0 and k[0] != DUPLICATE_REFUND_DAY}
        if not bad:
            return refs
        for r in refs:
            if (r["at"].date(), *group_of(r["tx"]["order"])) in bad:
                r["at"] += dt.timedelta(days=1)
        refs = [r for r in refs if r["at"].date() <= LAST_DAY]
    raise SystemExit("refunds did not settle")


def duplicate_refunds(refs, txs):
    """The 2026-11-24 load replayed part of the CDC stream: ~12% of the refund rows of 2026-11-23 twice.
    The replayed rows are the largest refunds of the stores that sell least that day, as in INC-1002."""
    day = [r for r in refs if r["at"].date() == DUPLICATE_REFUND_DAY and r["status"] == "issued"]
    groups = revenue(txs, refs)
    day.sort(key=lambda r: groups[(DUPLICATE_REFUND_DAY, *group_of(r["tx"]["order"]))]["gross"] - 2 * r["amount"])
    count = max(3, round(0.12 * len([r for r in refs if r["at"].date() == DUPLICATE_REFUND_DAY])))
    twice = {id(r) for r in day[:count]}
    out = []
    for r in refs:
        out.append(r)
        if id(r) in twice:
            out.append(r)
    return out


def age_band(birth: str | None, on: dt.date) -> str | None:
    if birth is None:
        return None
    b = dt.date.fromisoformat(birth)
    age = on.year - b.year - ((on.month, on.day) < (b.month, b.day))
    for limit, band in ((24, "18-24"), (34, "25-34"), (44, "35-44"), (54, "45-54"), (64, "55-64")):
        if age <= limit:
            return band
    return "65+"


def history(rng, people, all_orders, txs):
    """Per customer: lifetime figures (older history drawn, the sample's orders added) for the 360 and ML."""
    by_customer = {p["customer_id"]: [] for p in people}
    for o in all_orders:
        by_customer[o["customer"]["customer_id"]].append(o)
    methods = {}
    for t in txs:
        if t["status"] == "captured":
            methods.setdefault(t["order"]["customer"]["customer_id"], []).append(t["payment_method"])
    out = {}
    for p in people:
        mine = by_customer[p["customer_id"]]
        old = 0 if rng.random() < 0.25 else between(rng, 1, 24)
        old_amount = sum(between(rng, 15, 160) for _ in range(old))
        last_old = LAST_DAY - dt.timedelta(days=between(rng, 8, 700)) if old else None
        channels = [o["channel"] for o in mine] + [weighted(rng, [("web", 5), ("app", 3), ("store", 2)])] * min(old, 3)
        paid = methods.get(p["customer_id"]) or ([pick(rng, ["card", "paypal", "apple_pay"])] if old else [])
        orders_90 = len(mine) + min(old, between(rng, 0, 4))
        out[p["customer_id"]] = {
            "orders": old + len(mine), "amount": money(old_amount + sum(o["net"] for o in mine)),
            "last": max([o["order_date"] for o in mine] + ([last_old] if last_old else []), default=None),
            "channel": max(sorted(set(channels)), key=channels.count) if channels else None,
            "method": max(sorted(set(paid)), key=paid.count) if paid else None,
            "orders_90": orders_90, "amount_90": money(sum(o["net"] for o in mine) + 45.0 * (orders_90 - len(mine))),
            "digital": (sum(1 for c in channels if c != "store") / len(channels)) if channels else 0.0,
        }
    return out


def churn_propensity(recency: int, orders_90: int, tenure: int) -> float:
    x = -0.4 + recency / 60.0 - 0.35 * orders_90 - tenure / 5_000.0
    return round(1.0 / (1.0 + 2.718281828459045 ** -x), 4)


def stock(rng):
    skus = [f"SKU-{between(rng, 100_000, 999_999)}" for _ in range(40)]
    out = []
    for w in range(1, 15):
        for sku in skus:
            on_hand = weighted(rng, [(0, 1), (between(rng, 1, 20), 3), (between(rng, 20, 400), 6)])
            reserved = min(on_hand + between(rng, 0, 3), between(rng, 0, max(1, on_hand // 3)))
            moved = at(LAST_DAY, between(rng, 0, 86_399)) - dt.timedelta(days=between(rng, 0, 40))
            out.append([LAST_DAY.isoformat(), f"WH-{w:02d}", sku, on_hand, reserved, max(on_hand - reserved, 0),
                        None if rng.random() < 0.1 else between(rng, 5, 60),
                        None if rng.random() < 0.05 else ts(moved)])
    return out


def attribution(rng, all_orders):
    out = []
    for o in all_orders:
        if o["channel"] == "store" or rng.random() >= 0.45:
            continue
        touched = [pick(rng, CAMPAIGNS) for _ in range(weighted(rng, [(1, 5), (2, 3), (3, 2)]))]
        touched = list(dict.fromkeys(touched))
        weights = {1: [1.0], 2: [0.5, 0.5], 3: [0.4, 0.2, 0.4]}[len(touched)]
        common = [o["order_id"], None, None, o["order_date"].isoformat(), o["customer"]["customer_id"]]
        last = touched[-1]
        out.append(common[:1] + [last[0], "last_touch"] + common[3:]
                   + [last[1], between(rng, 1, 5), 1.0, o["net"]])
        for (campaign, channel), w in zip(touched, weights):
            out.append(common[:1] + [campaign, "position_based"] + common[3:]
                       + [channel, between(rng, 1, 5), w, money(o["net"] * w)])
    return out


def embedding(text: str) -> bytes:
    rng = random.Random(int(hashlib.sha256(text.encode()).hexdigest()[:16], 16))
    v = [rng.random() * 2 - 1 for _ in range(768)]
    norm = sum(x * x for x in v) ** 0.5
    return struct.pack("<768f", *(x / norm for x in v))


def kb(rng):
    out = []
    for doc, source, language, segment, chunks in KB_DOCUMENTS:
        embedded = at(dt.date(2026, 11, 25), 7 * 3_600 + between(rng, 60, 1_500)) - dt.timedelta(
            days=between(rng, 0, 20))
        for i, text in enumerate(chunks):
            out.append([f"{doc}:{i}", doc, source, language, segment, text, embedding(text),
                        "multilingual-e5-base", ts(embedded)])
    return out


def build(rng) -> dict[str, list[list]]:
    people = customers(rng)
    all_orders = orders(rng, people)
    txs = transactions(rng, all_orders)
    refs = duplicate_refunds(settle_refunds(refunds(rng, txs), txs), txs)
    hist = history(rng, people, all_orders, txs)
    built_360 = at(dt.date(2026, 11, 25), 4 * 3_600 + 30 * 60)
    data = {
        "customers__customer_profile": [
            [p["customer_id"], p["email"], p["phone"], p["birth_date"], p["country_code"], p["preferred_language"],
             ts(p["signup_ts"]), p["marketing_opt_in"], ts(p["updated_at"])] for p in people],
        "orders__orders_daily": [
            [o["order_id"], o["order_date"].isoformat(), o["customer"]["customer_id"], o["channel"], o["store_id"],
             o["status"], o["item_count"], o["gross"], o["discount"], o["net"], "EUR", ts(o["first"]), ts(o["last"])]
            for o in all_orders],
        "payments__transactions": [
            [t["transaction_id"], t["order"]["order_id"], t["order"]["customer"]["customer_id"], t["payment_method"],
             t["card_brand"], t["card_last4"], None, t["amount"], "EUR", t["status"],
             ts(t["captured_at"]) if t["captured_at"] else None, t["date"].isoformat()] for t in txs],
        "payments__refunds": [
            [r["refund_id"], r["tx"]["transaction_id"], r["tx"]["order"]["order_id"], r["amount"], "EUR", r["reason"],
             r["status"], ts(r["at"]), r["at"].date().isoformat()] for r in refs],
        "finance__revenue_daily": [
            [k[0].isoformat(), k[1], k[2], "EUR", len(g["orders"]), g["tx"], money(g["gross"]), money(g["ref"]),
             money(g["gross"] - g["ref"])] for k, g in sorted(revenue(txs, refs).items())],
        "inventory__stock_levels": stock(rng),
        "marketing__campaign_attribution": attribution(rng, all_orders),
        "ml__support_kb_embeddings": kb(rng),
    }
    data["customers__customer_360"], data["ml__churn_features"], data["marketing__audience_segments"] = [], [], []
    for k, p in enumerate(people):
        h = hist[p["customer_id"]]
        data["customers__customer_360"].append([
            p["customer_id"], p["email"], p["phone"] is not None, age_band(p["birth_date"], LAST_DAY),
            p["country_code"], p["preferred_language"], p["signup_ts"].date().isoformat(), p["marketing_opt_in"],
            h["orders"], h["amount"],
            money(h["amount"] / h["orders"]) if h["orders"] else None, h["last"].isoformat() if h["last"] else None,
            h["channel"], h["method"], ts(built_360 + dt.timedelta(seconds=k * 3))])
        if not h["orders"]:
            continue
        recency = (LAST_DAY - h["last"]).days
        tenure = (LAST_DAY - p["signup_ts"].date()).days
        reachable = p["email"] is not None and p["marketing_opt_in"]
        propensity = churn_propensity(recency, h["orders_90"], tenure)
        data["ml__churn_features"].append([p["customer_id"], LAST_DAY.isoformat(), recency, h["orders_90"],
                                           h["amount_90"], tenure, round(h["digital"], 4), reachable, propensity])
        if rng.random() < 0.75:
            segment = ("new" if tenure < 60 else "champions" if h["orders_90"] >= 5 else "loyal" if h["orders"] >= 12
                       else "promising" if recency < 45 else "at_risk" if recency < 180 else "hibernating")
            band = "low" if propensity < 0.3 else "medium" if propensity < 0.6 else "high"
            data["marketing__audience_segments"].append([
                p["customer_id"], segment, band, reachable, p["country_code"], p["preferred_language"],
                ts(at(dt.date(2026, 11, 25), 6 * 3_600 + 30 * 60 + k * 2))])
    return data


def literal(value) -> str:
    """A SQLite literal for value."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(round(value, 6))
    if isinstance(value, bytes):
        return "X'" + value.hex().upper() + "'"
    return "'" + str(value).replace("'", "''") + "'"


def create_table(table: str, product: str, columns) -> str:
    lines = [f"-- {product} (contracts/{product}.odcs.yaml)"]
    lines.append(f"CREATE TABLE {table} (")
    for i, (name, sql_type, physical, classification, required) in enumerate(columns):
        constraint = " NOT NULL PRIMARY KEY" if required == "pk" else " NOT NULL" if required else ""
        comma = "," if i < len(columns) - 1 else ""
        note = f"{physical}, {classification}"
        lines.append(f"  {name} {sql_type}{constraint}{comma} -- {note}")
    lines.append(");")
    return "\n".join(lines)


def inserts(table: str, columns, data, chunk: int = 100) -> list[str]:
    names = ", ".join(c[0] for c in columns)
    out = []
    for start in range(0, len(data), chunk):
        values = ",\n".join("(" + ", ".join(literal(v) for v in row) + ")" for row in data[start:start + chunk])
        out.append(f"INSERT INTO {table} ({names}) VALUES\n{values};")
    return out


def render(seed: int) -> str:
    data = build(random.Random(seed))
    parts = [
        "-- The acme-retail demo warehouse: one table per data product with a warehouse table, named",
        "-- <domain>__<product>. Generated by generate_warehouse.py (deterministic); do not edit by hand.",
        "-- Column comments give the contract's physical type and classification.",
        "",
    ]
    for table, product, columns in TABLES:
        parts.append(create_table(table, product, columns))
        parts.append("")
    for table, product, columns in TABLES:
        parts.extend(inserts(table, columns, data[table]))
        parts.append("")
    return "\n".join(parts)


def check(sql: str) -> dict[str, int]:
    """Loads sql into an in-memory SQLite database and returns the row count of each table."""
    db = sqlite3.connect(":memory:")
    try:
        db.executescript(sql)
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t, _, _ in TABLES}
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "acme-warehouse.sql")
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--check", action="store_true", help="load the output into SQLite and print row counts")
    args = parser.parse_args()
    sql = render(args.seed)
    args.out.write_text(sql, encoding="utf-8")
    digest = hashlib.sha256(sql.encode()).hexdigest()[:16]
    print(f"wrote {args.out} ({len(sql.encode()):,} bytes, sha256 {digest})")
    if args.check:
        for table, count in check(sql).items():
            print(f"  {table:36} {count:6,d}")


if __name__ == "__main__":
    main()
