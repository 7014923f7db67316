"""The held-out sets are frozen: the suggester is measured on exactly what was rated before it was built (the
check set) or before it was scored on it (the recheck sets)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from screening import REPO_DIR
from screening.banks import HELD_OUT_DIRS

SETS = [REPO_DIR / "question_banks" / name for name in HELD_OUT_DIRS]


def frozen_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in ("FROZEN.sha256", "README.md")):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_the_set_is_unchanged_since_it_was_frozen(folder):
    assert frozen_hash(folder) == (folder / "FROZEN.sha256").read_text().strip()


def test_a_changed_file_changes_the_hash(tmp_path):
    (tmp_path / "answers_w9.jsonl").write_text('{"id": "w9-en-001"}\n')
    before = frozen_hash(tmp_path)
    (tmp_path / "answers_w9.jsonl").write_text('{"id": "w9-en-002"}\n')
    assert frozen_hash(tmp_path) != before
