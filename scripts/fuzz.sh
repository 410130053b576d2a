#!/usr/bin/env bash
# Fuzzing helper for sitrep (see docs/HARDENING.md, section "Fuzzing").
#
#   scripts/fuzz.sh corpus              seed fuzz/corpus/<target>/ from the benchmark texts
#   scripts/fuzz.sh build               build every target (cargo-fuzz, libFuzzer + ASan)
#   scripts/fuzz.sh run TARGET [SECS]   fuzz one target in one process on one core (default 600 s)
#   scripts/fuzz.sh all [SECS]          fuzz every target in turn
#   scripts/fuzz.sh check               build the targets as plain binaries (stable, what CI does)
#   scripts/fuzz.sh bench-corpus DIR    write French and English JSONL corpora for `sitrep bench`
#
# Benchmark texts are read at run time from $SITREP_BENCH (default: ../shared/bench
# beside the repository) and never committed. cargo-fuzz needs nightly features:
# on a stable toolchain RUSTC_BOOTSTRAP=1 unlocks them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="${SITREP_BENCH:-$ROOT/../shared/bench}"
SEED="${SITREP_SEED:-$ROOT/../shared/corpus/seed}"
TARGETS="intake intake_html intake_jsonl intake_feed text quantify pipeline"
export RUSTC_BOOTSTRAP=1
FUZZ_TARGET_DIR="${FUZZ_TARGET_DIR:-$ROOT/fuzz/target}"
# Extra cargo-fuzz flags, e.g. FUZZ_FLAGS=--no-default-features to leave out
# the pipeline target while a later stage does not build.
read -r -a FLAGS <<< "${FUZZ_FLAGS:-}"

# Writes seeds (or bench corpora) with a small Python reader of the benchmark files.
extract() {
    python3 - "$BENCH" "$SEED" "$@" <<'PY'
import csv, json, os, sys, xml.etree.ElementTree as ET
csv.field_size_limit(1 << 30)
bench, seed, mode, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]

def tr_news():
    root = ET.parse(os.path.join(bench, "tr-news/TR-News.xml")).getroot()
    for a in root.iter("article"):
        text = (a.findtext("text") or "").strip()
        if text:
            yield "en", a.get("docid"), (a.findtext("title") or "").strip(), text
def acled():
    with open(os.path.join(bench, "acled-2020-05/acled.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r.get("notes"):
                yield "en", "acled-" + r["data_id"], None, r["notes"]
def gtd():
    with open(os.path.join(bench, "gtd-iraq/gtd_iraq.csv"), newline="", encoding="utf-8", errors="replace") as f:
        for i, r in enumerate(csv.DictReader(f)):
            if r.get("summary"):
                yield "en", "gtd-%d" % i, None, r["summary"]
def hipe():
    """HIPE French tokens re-joined into text, one document per document_id."""
    for name in sorted(os.listdir(os.path.join(bench, "hipe2020-fr"))):
        doc, buf = None, []
        with open(os.path.join(bench, "hipe2020-fr", name), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("# document_id = "):
                    if doc and buf:
                        yield "fr", doc, None, "".join(buf).strip()
                    doc, buf = line.split(" = ", 1)[1], []
                    continue
                if not line or line.startswith("#") or line.startswith("TOKEN\t"):
                    continue
                cols = line.split("\t")
                misc = cols[-1] if len(cols) > 1 else ""
                buf.append(cols[0])
                if "EndOfParagraph" in misc:
                    buf.append("\n\n")
                elif "NoSpaceAfter" not in misc:
                    buf.append(" ")
        if doc and buf:
            yield "fr", doc, None, "".join(buf).strip()
def seeds():
    if os.path.isdir(seed):
        for n in sorted(os.listdir(seed)):
            if n.endswith(".txt"):
                with open(os.path.join(seed, n), encoding="utf-8") as f:
                    yield "fr", n, None, f.read()

def html(title, text):
    paras = "".join("<p>%s</p>\n" % p.replace("&", "&amp;").replace("<", "&lt;") for p in text.split("\n") if p.strip())
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title>'
            '<meta property="article:published_time" content="2020-05-09T10:00:00Z"></head>'
            '<body><nav><a href="/">Home</a></nav><article><h1>%s</h1>%s</article>'
            '<footer>Copyright</footer></body></html>') % (title or "", title or "", paras)
def feed(items, atom):
    esc = lambda s: (s or "").replace("&", "&amp;").replace("<", "&lt;")
    if atom:
        body = "".join('<entry><id>%s</id><title>%s</title><updated>2020-05-09T10:00:00Z</updated>'
                       '<content type="html">%s</content></entry>' % (esc(i), esc(t), esc(x)) for _, i, t, x in items)
        return '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>f</title>%s</feed>' % body
    body = "".join('<item><guid>%s</guid><title>%s</title><pubDate>Sat, 09 May 2020 10:00:00 +0000</pubDate>'
                   '<description>%s</description></item>' % (esc(i), esc(t), esc(x)) for _, i, t, x in items)
    return '<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>%s</channel></rss>' % body
def jsonl(items):
    return "".join(json.dumps({"id": i, "title": t, "text": x, "language": l, "published": "2020-05-09"},
                              ensure_ascii=False) + "\n" for l, i, t, x in items)

def take(gen, n, cap):
    out = []
    for l, i, t, x in gen:
        out.append((l, i, t, x[:cap].rsplit(" ", 1)[0] if len(x) > cap else x))
        if len(out) == n:
            break
    return out

if mode == "corpus":
    docs = take(tr_news(), 40, 3000) + take(acled(), 60, 1000) + take(gtd(), 30, 1000) + take(hipe(), 30, 3000) + take(seeds(), 5, 4000)
    sentences = [s for _, _, _, x in docs for s in x.replace("\n", " ").split(". ") if len(s) > 20][:300]
    def put(target, name, data):
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    for n, (l, i, t, x) in enumerate(docs):
        b = x.encode()
        put("text", "doc%03d" % n, bytes([n % 4]) + b)
        put("pipeline", "doc%03d" % n, bytes([n % 256]) + b)
        put("intake", "text%03d" % n, b"\x00" + b)
        h = html(t, x).encode()
        put("intake", "html%03d" % n, b"\x01" + h)
        put("intake_html", "doc%03d" % n, h)
    for n, s in enumerate(sentences):
        put("quantify", "s%03d" % n, bytes([n % 4, 0, 0]) + s.encode())
    for n in range(0, len(docs), 5):
        group = docs[n:n + 5]
        j = jsonl(group).encode()
        put("intake", "jsonl%03d" % n, b"\x02" + j)
        put("intake_jsonl", "doc%03d" % n, bytes([n % 2]) + j)
        for atom in (False, True):
            fd = feed(group, atom).encode()
            put("intake", "feed%d%03d" % (atom, n), b"\x03" + fd)
            put("intake_feed", "doc%d%03d" % (atom, n), fd)
elif mode == "bench":
    os.makedirs(out, exist_ok=True)
    en = list(tr_news()) + list(acled()) + list(gtd())
    fr = list(hipe()) + list(seeds())
    for name, items in (("en", en), ("fr", fr)):
        with open(os.path.join(out, name + ".jsonl"), "w", encoding="utf-8") as f:
            f.write(jsonl(items))
        print(name, len(items), "documents", sum(len(x.encode()) for *_, x in items), "bytes")
PY
}

case "${1:-}" in
corpus)
    extract corpus "$ROOT/fuzz/corpus"
    for t in $TARGETS; do echo "$t: $(ls "$ROOT/fuzz/corpus/$t" | wc -l) seeds"; done
    ;;
build)
    cd "$ROOT" && cargo fuzz build -a "${FLAGS[@]}" --target-dir "$FUZZ_TARGET_DIR"
    ;;
check)
    cd "$ROOT" && cargo build --manifest-path fuzz/Cargo.toml
    ;;
run)
    t="${2:?target}"; secs="${3:-600}"
    [ -d "$ROOT/fuzz/corpus/$t" ] || extract corpus "$ROOT/fuzz/corpus"
    max_len=4096
    case "$t" in intake|intake_feed|intake_jsonl|intake_html) max_len=16384 ;; esac
    cd "$ROOT" && cargo fuzz run -a "${FLAGS[@]}" --target-dir "$FUZZ_TARGET_DIR" "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$secs" -max_len="$max_len" -rss_limit_mb=2048 -timeout=30 \
        -print_final_stats=1
    ;;
all)
    for t in ${FUZZ_TARGETS:-$TARGETS}; do "$0" run "$t" "${2:-600}"; done
    ;;
bench-corpus)
    extract bench "${2:?output directory}"
    ;;
*)
    sed -n '2,13p' "$0"; exit 2 ;;
esac
