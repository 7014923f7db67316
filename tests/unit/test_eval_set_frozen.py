"""The check set is frozen: the suggester is measured on exactly what was rated before it was built."""

from __future__ import annotations

import hashlib

from screening import REPO_DIR

EVAL = REPO_DIR / "question_banks" / "eval"


def frozen_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in EVAL.rglob("*") if p.is_file() and p.name not in ("FROZEN.sha256", "README.md")):
        digest.update(str(path.relative_to(EVAL)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def test_the_check_set_is_unchanged_since_it_was_frozen():
    assert frozen_hash() == (EVAL / "FROZEN.sha256").read_text().strip()
