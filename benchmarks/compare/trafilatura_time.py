"""Times trafilatura.extract over the article-extraction benchmark, one core, pages in memory.

Not part of dateline (which needs no Python): the comparison behind the README's speed figure.
    python3 -m venv /tmp/tf && /tmp/tf/bin/pip install trafilatura lxml_html_clean
    /tmp/tf/bin/python benchmarks/compare/trafilatura_time.py     # then: cargo xtask eval
"""
import gzip, json, os, sys, time
import trafilatura

os.sched_setaffinity(0, {0}) if hasattr(os, "sched_setaffinity") else None
bench = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "article-extraction")
truth = json.load(open(os.path.join(bench, "ground-truth.json")))
pages = {}
for k in sorted(truth):
    with gzip.open(os.path.join(bench, "html", k + ".html.gz")) as f:
        pages[k] = f.read().decode("utf-8", "replace")
total = sum(len(v.encode()) for v in pages.values())
best = None
out = {}
for p in range(3):
    t = time.perf_counter()
    for k, html in pages.items():
        out[k] = {"articleBody": trafilatura.extract(html, include_comments=False) or ""}
    dt = time.perf_counter() - t
    best = dt if best is None else min(best, dt)
    print(f"pass {p}: {dt:.2f} s", flush=True)
print(f"trafilatura {trafilatura.__version__}: {len(pages)/best:.1f} pages/s, {total/1e6/best:.1f} MB/s (best of 3, {best:.2f} s)")
json.dump(out, open(sys.argv[2] if len(sys.argv) > 2 else "trafilatura-predictions.json", "w"))
