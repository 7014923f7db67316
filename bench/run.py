"""`make bench`: seeds its own data, measures, writes bench/results.json."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from bench import (
    bench_arrival,
    bench_memory,
    bench_pages,
    bench_psychometrics,
    bench_report,
    bench_scale,
    bench_scoring,
    bench_store,
    bench_suggest,
)
from bench.stats import entry

OUT = Path(__file__).resolve().parent / "results.json"


def main() -> int:
    results: list[dict] = []
    began = time.perf_counter()
    for module in (bench_scoring, bench_psychometrics, bench_memory, bench_store, bench_pages, bench_report,
                   bench_suggest, bench_scale, bench_arrival):
        print(f"running {module.__name__} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        results += module.run()
        took = time.perf_counter() - start
        print(f"  {module.__name__} took {took:.0f} s (load {os.getloadavg()[0]:.1f})", file=sys.stderr, flush=True)
        results.append(entry(f"bench.time.{module.__name__.rsplit('.', 1)[-1]}", took, "s", None, "lower"))
    results.append(entry("bench.time.total", (time.perf_counter() - began) / 60, "min", 20, "lower"))
    OUT.write_text(json.dumps({"cores": os.cpu_count(), "results": results}, indent=1) + "\n")
    for r in results:
        print(f"{r['name']:48} {r['value']:>12} {r['unit']:6} target {r['target']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
