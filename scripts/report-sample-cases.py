#!/usr/bin/env python3
"""Writes samples/cases/report-sample.jsonl: a made-up, formula-made district year (TTU, 53.03, 2025) of 150 case
records in the `taskforce` import format, so the report's case-record sections have figures above the suppression
threshold k = 11 (the browser test and scripts/report-screenshot.sh use it). No real person: no identity fields at all.
Deterministic: run it again and the file is the same."""
import json, os, datetime

KEC = ["53.03.01", "53.03.05", "53.03.06", "53.03.07"]
PURPOSES = [["kerja_paksa"], ["eksploitasi_seksual"], ["kerja_paksa"], ["pelacuran"], ["kerja_paksa", "perbudakan"], []]
CHANNELS = ["walk_in", "referral", "walk_in"]
AGENCIES = [{"kind": "police", "name": "Polres TTU"}, {"kind": "uptd_ppa", "name": "UPTD PPA Kabupaten TTU"}]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "cases", "report-sample.jsonl")
lines = []
for i in range(150):
    reported = datetime.datetime(2025, 1, 2, 1, 30) + datetime.timedelta(days=(i * 363) // 150)
    offence = reported.date() - datetime.timedelta(days=[2, 5, 10, 20, 45, 120][i % 6])
    sex = "female" if i % 3 != 0 else "male"
    age = [15, 17, 19, 23, 28, 34, 41, 16][i % 8]
    victim = {"sex": sex, "age_at_offence": age, "citizenship": "ID",
              "migrant_worker_status": ["non_procedural", "procedural", "not_migrant_worker"][i % 3]}
    case = {
        "id": f"report-sample-2025-{i + 1:03d}",
        "region": "53.03",
        "case_type": "tppo" if i % 10 != 9 else "violence_against_women",
        "reporting_agency": AGENCIES[i % 2],
        "intake_channel": CHANNELS[i % 3],
        "reported_at": reported.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "offence_date": offence.isoformat(),
        "victims": [victim],
        "suspects": [{"sex": "male", "roles": ["recruiter"], "citizenship": "ID"}],
        "elements": {"acts": ["perekrutan"], "means": ["penipuan"], "purposes": PURPOSES[i % len(PURPOSES)]},
        "places": {"origin_kecamatan": KEC[i % 4], **({"destination_country": "MY"} if i % 2 == 0 else {"destination_province": "61"})},
        "consent": {"for_services": True, "for_reporting": i % 25 != 24, "for_sharing": True, "given_by": "self" if age >= 18 else "parent_or_guardian"},
    }
    lines.append(json.dumps(case, separators=(",", ":")))
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(lines) + "\n")
print(f"wrote {len(lines)} case records to samples/cases/report-sample.jsonl")
