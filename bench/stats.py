"""Medians and p95 over repeated runs, and the result entry format of bench/results.json."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timings(fn: Callable[[], object], repeat: int, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def entry(name: str, value: float | None, unit: str, target: float | None, better: str,
          backend: str = "python") -> dict:
    return {"name": name, "value": None if value is None else round(float(value), 4), "unit": unit,
            "target": target, "better": better, "backend": backend}


def median(values: list[float]) -> float:
    return statistics.median(values)
