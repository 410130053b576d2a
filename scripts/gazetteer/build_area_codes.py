#!/usr/bin/env python3
"""Build data/gazetteer/area_codes.tsv: North American telephone area codes and the state or
province each serves, from the geocoding data of the PyPI package `phonenumbers` (a port of
Google's libphonenumber, Apache-2.0).

Input (fetched with the ordinary package client, never from the web):
  pip download --no-deps phonenumbers==9.0.43   (unzip the wheel), then run:
  python3 scripts/gazetteer/build_area_codes.py --phonenumbers DIR [--out data/gazetteer/area_codes.tsv]
where DIR is the unpacked wheel (the directory holding the `phonenumbers` package).

Output: `code<TAB>target<TAB>region`, one row per three-digit area code of the +1 plan whose
region is one US state or Canadian province; target is the division code used by
data/gazetteer/abbreviations.tsv (US.WV, CA.08; the GeoNames id of Washington, D.C.). Codes serving several divisions, toll-free and
non-geographic codes, and the other countries of the plan are left out.
"""
import argparse, os, sys

ABBREV = os.path.join(os.path.dirname(__file__), "..", "..", "data", "gazetteer", "abbreviations.tsv")

# Region spellings of the geocoding data that are not a division's own name.
RESPELL = {"British Colombia": "British Columbia", "Washington State": "Washington",
           "Washington D.C.": "Washington, D.C."}
# Canadian postal codes of provinces (abbreviations.tsv spells them "Ont.", "Que.").
CA_POSTAL = {"ON": "Ontario", "QC": "Quebec", "BC": "British Columbia", "AB": "Alberta",
             "MB": "Manitoba", "SK": "Saskatchewan", "NS": "Nova Scotia", "NB": "New Brunswick",
             "NL": "Newfoundland and Labrador", "PE": "Prince Edward Island"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--phonenumbers", required=True)
    ap.add_argument("--out", default="data/gazetteer/area_codes.tsv")
    a = ap.parse_args()
    sys.path.insert(0, a.phonenumbers)
    from phonenumbers.geodata import GEOCODE_DATA

    # Division name -> target, and postal code -> target (for "Chicago, IL").
    by_name, by_postal = {}, {}
    for line in open(ABBREV, encoding="utf-8"):
        if line.startswith(("#", "abbreviation\t")) or not line.strip():
            continue
        abbr, target, name = line.rstrip("\n").split("\t")[:3]
        by_name.setdefault(name, target)
        if len(abbr) == 2 and abbr.isupper():
            by_postal.setdefault(abbr, target)
    rows = []
    for key, names in GEOCODE_DATA.items():
        if len(key) != 4 or not key.startswith("1") or "en" not in names:
            continue
        region = RESPELL.get(names["en"], names["en"])
        target = by_name.get(region)
        if target is None and ", " in region:
            postal = region.rsplit(", ", 1)[1]
            target = by_postal.get(postal) or by_name.get(CA_POSTAL.get(postal, ""))
        if target is None:
            continue  # several divisions ("Nova Scotia/Prince Edward Island"), or not US/CA
        rows.append((key[1:], target, names["en"]))
    rows.sort()
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("code\ttarget\tregion\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} area codes -> {a.out}")


if __name__ == "__main__":
    main()
