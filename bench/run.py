"""`make bench`: seeds its own data, measures, writes bench/results.json."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bench import (
    bench_memory,
    bench_pages,
    bench_psychometrics,
    bench_report,
    bench_scale,
    bench_scoring,
    bench_store,
    bench_suggest,
)

OUT = Path(__file__).resolve().parent / "results.json"


def main() -> int:
    results: list[dict] = []
    for module in (bench_scoring, bench_psychometrics, bench_memory, bench_store, bench_pages, bench_report,
                   bench_suggest, bench_scale):
        print(f"running {module.__name__} ...", file=sys.stderr, flush=True)
        results += module.run()
    OUT.write_text(json.dumps({"cores": os.cpu_count(), "results": results}, indent=1) + "\n")
    for r in results:
        print(f"{r['name']:48} {r['value']:>12} {r['unit']:6} target {r['target']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
