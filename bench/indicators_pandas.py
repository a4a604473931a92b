#!/usr/bin/python3
"""The TaskForce case-record catalogue in pandas (the analyst's alternative), on the benchmark's CSVs.

Same definitions as src/TaskForce.Domain/Indicators/CaseIndicators.cs and bench/TaskForce.Bench.Indicators/catalogue.sql:
region 53.03, period 2025 in WITA (UTC+8), states as of the end of 31 December 2025. Writes timings, peak memory and
every count cell as JSON. Usage: indicators_pandas.py DATA_DIR OUT.json
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd

P0 = pd.Timestamp("2024-12-31 16:00:00")  # 1 Jan 2025 00:00 WITA
P1 = pd.Timestamp("2025-12-31 16:00:00")  # 1 Jan 2026 00:00 WITA (exclusive)
D0 = pd.Timestamp("2025-01-01")
D1 = pd.Timestamp("2025-12-31")
STATUTORY = ["rehabilitasi_kesehatan", "rehabilitasi_sosial", "pemulangan", "reintegrasi_sosial", "pertolongan_pertama"]
STAGES = [("laporan_polisi", "lp"), ("spdp", "spdp"), ("p21", "p21"), ("putusan", "putusan"), ("inkracht", "inkracht"),
          ("restitution_ordered", "rest_ordered"), ("restitution_paid", "rest_paid")]
CASE_COLS = ["case_id", "agency", "case_type", "trafficking", "region", "kecamatan", "consent", "reported_at", "offence_date",
             "destination", "purposes", "simfoni", "fr_due", "fr_at", "lp", "spdp", "p21", "putusan", "inkracht", "rest_ordered", "rest_paid"]


def load(d):
    ts = "%Y-%m-%dT%H:%M:%SZ"
    v = pd.read_csv(f"{d}/victims.csv", dtype={"kecamatan": "object", "region": "object", "age": "float64"})
    for c in ["reported_at", "fr_due", "fr_at"]:
        v[c] = pd.to_datetime(v[c], format=ts)
    for c in ["offence_date", "lp", "spdp", "p21", "putusan", "inkracht", "rest_ordered", "rest_paid"]:
        v[c] = pd.to_datetime(v[c], format="%Y-%m-%d")
    s = pd.read_csv(f"{d}/services.csv")
    for c in ["requested", "due", "delivered", "ended"]:
        s[c] = pd.to_datetime(s[c], format="%Y-%m-%d")
    r = pd.read_csv(f"{d}/referrals.csv")
    for c in ["sent", "decided"]:
        r[c] = pd.to_datetime(r[c], format="%Y-%m-%d")
    dl = pd.read_csv(f"{d}/deadlines.csv")
    for c in ["starts", "due", "closed"]:
        dl[c] = pd.to_datetime(dl[c], format="%Y-%m-%d")
    dl["due_at"] = pd.to_datetime(dl["due_at"], format=ts)
    return v, s, r, dl


def age_simfoni(a):
    return pd.cut(a, [-1, 5, 12, 17, 24, 44, 59, 1000], labels=["0-5", "6-12", "13-17", "18-24", "25-44", "45-59", "60+"]).astype(object).fillna("unknown")


def age_ctdc(a):
    return pd.cut(a, [-1, 8, 17, 20, 23, 26, 29, 38, 47, 1000],
                  labels=["0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"]).astype(object).fillna("unknown")


def compute(v, s, r, dl):
    out = {}

    def put(prefix, series):
        for k, n in series.items():
            key = k if isinstance(k, str) else ";".join(k) if isinstance(k, tuple) else str(k)
            out[prefix + key] = int(n)

    cases = v.drop_duplicates("case_id")[CASE_COLS]
    sel = cases[(cases.region == "53.03") & (cases.consent == 1)]
    inp = sel[(sel.reported_at >= P0) & (sel.reported_at < P1)].copy()

    # Victims identified: persons in report order, first known value, forms as a set.
    pv = v[(v.region == "53.03") & (v.consent == 1) & (v.trafficking == 1) & v.person_key.notna()
           & (v.reported_at >= P0) & (v.reported_at < P1)]
    pv = pv.sort_values(["reported_at", "case_id", "row_id"], kind="mergesort")
    pv = pv.assign(fs=(pv.purposes & 3) != 0, fl=(pv.purposes & 60) != 0, fo=(pv.purposes & 8128) != 0)
    g = pv.groupby("person_key", sort=False)
    p = g[["sex", "age", "citizenship", "destination", "migrant"]].first().join(g[["fs", "fl", "fo"]].max())
    p["sex"] = p.sex.fillna("unknown")
    p["ag"] = age_simfoni(p.age)
    p["ab"] = age_ctdc(p.age)
    p["fu"] = ~(p.fs | p.fl | p.fo)
    out["victims_identified|"] = len(p)
    put("victims_identified|sex=", p.sex.value_counts())
    put("victims_identified|age_group=", p.ag.value_counts())
    put("victims_identified|age_broad=", p.ab.value_counts())
    for form, col in [("sexual_exploitation", "fs"), ("forced_labour", "fl"), ("other", "fo"), ("unknown", "fu")]:
        out["victims_identified|exploitation_form=" + form] = int(p[col].sum())
    put("victims_identified|citizenship=", p.citizenship.fillna("unknown").value_counts())
    put("victims_identified|destination_country=", p.destination.fillna("unknown").value_counts())
    put("victims_identified|migrant_worker_status=", p.migrant.fillna("unknown").value_counts())
    for form, col in [("sexual_exploitation", "fs"), ("forced_labour", "fl"), ("other", "fo"), ("unknown", "fu")]:
        c = p[p[col]].groupby(["sex", "ag"]).size()
        for (sx, ag), n in c.items():
            out[f"victims_identified|sex={sx};age_group={ag};exploitation_form={form}"] = int(n)

    # Cases, delay, funnel, first response.
    inp["kec"] = np.where(inp.kecamatan.isna(), "unknown", np.where(inp.kecamatan.str.startswith("53.03.").fillna(False), inp.kecamatan, "other"))
    wita = (inp.reported_at + pd.Timedelta(hours=8)).dt.normalize()
    delay = (wita - inp.offence_date).dt.days
    inp["delay"] = pd.cut(delay, [-0.5, 3.5, 7.5, 14.5, 30.5, 90.5, 1e9], labels=["0-3", "4-7", "8-14", "15-30", "31-90", "91+"]).astype(object).fillna("unknown")
    met = inp.fr_at.notna() & (inp.fr_at < P1)
    inp["fr"] = np.select([inp.fr_due.isna(), met & (inp.fr_at <= inp.fr_due), met, P1 > inp.fr_due], ["unknown", "met", "late", "late"], "pending")
    out["cases_reported|"] = len(inp)
    put("cases_reported|case_type=", inp.case_type.value_counts())
    put("cases_reported|kecamatan=", inp.kec.value_counts())
    for (t, k), n in inp.groupby(["case_type", "kec"]).size().items():
        out[f"cases_reported|case_type={t};kecamatan={k}"] = int(n)
    put("reporting_delay|delay_days=", inp.delay.value_counts())
    put("first_response|status=", inp.fr.value_counts())
    out["justice_funnel|stage=reported"] = len(inp)
    put("justice_funnel|case_type=", inp.case_type.value_counts().rename(lambda t: f"{t};stage=reported"))
    for stage, col in STAGES:
        reached = inp[inp[col] <= D1]
        out["justice_funnel|stage=" + stage] = len(reached)
        for t, n in reached.case_type.value_counts().items():
            out[f"justice_funnel|case_type={t};stage={stage}"] = int(n)

    # Services: Pasal 52-53 timeliness per person (worst status) and services delivered by function.
    svc = s.merge(v.loc[(v.region == "53.03") & (v.consent == 1), ["row_id", "person_key", "trafficking"]], on="row_id")
    st = svc[(svc.trafficking == 1) & svc.due.notna() & svc.service_type.isin(STATUTORY) & (svc.requested >= D0) & (svc.requested <= D1)]
    dlv = st.delivered.notna() & (st.delivered <= D1)
    end = st.ended.notna() & (st.ended <= D1)
    rank = np.select([dlv & (st.delivered <= st.due), dlv, end & (st.ended <= st.due), end, D1 > st.due], [1, 3, 0, 3, 3], 2)
    worst = pd.Series(rank, index=st.index).groupby(st.person_key).max()
    out["statutory_services_timeliness|"] = len(worst)
    put("statutory_services_timeliness|status=", worst.map({3: "late", 2: "pending", 1: "met", 0: "stopped"}).value_counts())
    dv = svc[(svc.delivered >= D0) & (svc.delivered <= D1)]
    out["services_delivered|"] = int(dv.person_key.nunique())
    put("services_delivered|service_type=", dv.groupby("service_type").person_key.nunique())

    # Referrals sent in the period by first decision at the period end.
    rf = r.merge(sel[["case_id"]], on="case_id")
    rf = rf[(rf.sent >= D0) & (rf.sent <= D1)]
    o = np.where(rf.decided.notna() & (rf.decided <= D1), rf.outcome, "in_progress")
    out["referrals|"] = len(rf)
    put("referrals|outcome=", pd.Series(o).value_counts())

    # Cases open past a due date at the period end.
    od = dl.merge(sel.loc[sel.reported_at < P1, ["case_id"]], on="case_id")
    overdue = np.where(od.due_at.notna(), od.due_at < P1, od.due < D1)
    od = od[(od.starts <= D1) & (od.closed.isna() | (od.closed > D1)) & overdue]
    out["cases_open_past_due|"] = int(od.case_id.nunique())
    put("cases_open_past_due|deadline=", od.drop_duplicates(["case_id", "kind"]).kind.value_counts())
    return out


def main():
    d, out_path = sys.argv[1], sys.argv[2]
    t = time.perf_counter()
    frames = load(d)
    load_s = time.perf_counter() - t
    mem = sum(int(f.memory_usage(deep=True).sum()) for f in frames)
    t = time.perf_counter()
    cells = compute(*frames)
    cold = time.perf_counter() - t
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        cells = compute(*frames)
        best = min(best, time.perf_counter() - t)
    rows = len(frames[0])
    result = {"engine": "pandas", "rows": rows, "load_s": load_s, "compute_s": best, "compute_cold_s": cold,
              "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, "bytes_per_record": mem / rows,
              "pandas": pd.__version__, "numpy": np.__version__, "cells": dict(sorted(cells.items()))}
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
