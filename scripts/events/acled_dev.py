#!/usr/bin/env python3
"""Error analysis on the ACLED *train* split (data_id not divisible by 5) for the events stage.

usage: acled_dev.py SITREP_BIN ACLED_CSV [--show SUB] [--n N]
Runs sitrep on the train rows, prints a confusion summary of the first event's sub_event_type,
and with --show, examples whose gold sub-type is SUB and that were missed. Never reads test rows.
"""
import csv, collections, json, subprocess, sys, tempfile, math

def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1, math.sqrt(h)))

args = sys.argv[1:]
binary, path = args[0], args[1]
show = args[args.index("--show") + 1] if "--show" in args else None
n = int(args[args.index("--n") + 1]) if "--n" in args else 15
what = args[args.index("--what") + 1] if "--what" in args else "sub"
rows = [r for r in csv.DictReader(open(path, encoding="utf-8")) if int(r["data_id"]) % 5 != 0]
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    for r in rows:
        f.write(json.dumps({"id": r["data_id"], "text": r["notes"]}) + "\n")
out = subprocess.run([binary, "code", "--format", "jsonl", f.name], capture_output=True, text=True).stdout
res = {}
for line in out.splitlines():
    o = json.loads(line)
    res[o["doc"]["id"]] = o
conf = collections.Counter()
shown = 0
for r in rows:
    o = res.get(r["data_id"], {})
    ev = o.get("events") or []
    e = ev[0] if ev else {}
    p = (e.get("acled") or {}).get("sub_event_type")
    conf[(r["sub_event_type"], p)] += 1
    if not show or shown >= n:
        continue
    if what == "sub" and r["sub_event_type"] == show and p != show:
        shown += 1
        print(f"- [{p}] {r['notes'][:400]}\n")
    if what == "pred" and p == show and r["sub_event_type"] != show:
        shown += 1
        print(f"- gold={r['sub_event_type']} {r['notes'][:400]}\n")
    if what == "fat" and r["sub_event_type"] == show or (what == "fat" and show == "all"):
        if (e.get("fatalities") or 0) != int(r["fatalities"] or 0):
            shown += 1
            print(f"- gold={r['fatalities']} pred={e.get('fatalities')} {r['notes'][:400]}\n")
    if what == "geo" and (show == "all" or r["sub_event_type"] == show):
        loc = e.get("location") or {}
        d = km((float(r["latitude"]), float(r["longitude"])), (loc["lat"], loc["lon"])) if loc.get("lat") is not None else None
        if d is None or d > 25:
            shown += 1
            print(f"- gold={r['location']} ({r['admin1']}, {r['country']}) pred={loc.get('text')}/{loc.get('name')} {loc.get('country')} d={d and round(d)} :: {r['notes'][:300]}\n")
if not show:
    by = collections.defaultdict(collections.Counter)
    for (g, p), c in conf.items():
        by[g][p] += c
    for g, ps in sorted(by.items(), key=lambda x: -sum(x[1].values())):
        tot = sum(ps.values())
        print(f"{g:40s} {tot:5d} ok={ps[g]/tot:.2f}  " + ", ".join(f"{p}:{c}" for p, c in ps.most_common(5) if p != g))
