"""What an answer means, against what the anchors and rated exemplars mean: sentence embeddings
(embedder.py) turned into level-free features.

- The answer is split into sentences and embedded in one call; its vector is the normalised mean.
- An anchor is a set of pieces: the sentences of its text plus its indicators. A paragraph anchor with
  the indicators written inside and a one-line anchor with an indicator list give the same pieces, so the
  features do not depend on the form the organisation wrote the anchors in.
- Rated exemplars of the bank (other questions, same kind, EN and FR) are the nearest-neighbour memory
  shipped with the model (`ExemplarIndex`).

Anchor spaces are embedded once per process per set of anchors (an LRU cache keyed by the anchors).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from screening.suggest.embedder import Embedder, get_embedder, normalise

_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
MIN_SENTENCE_WORDS = 3
MAX_SENTENCES = 40  # a very long answer: its first 40 sentences carry what it says
KNN = 15
KNN_TEMP = 0.03
LEVEL_TEMP = 0.02


def sentences(text: str) -> list[str]:
    """Sentences of three words or more (a shorter one is glued to the next); the whole text when none."""
    out: list[str] = []
    carry = ""
    for part in _SENTENCE.split(text.strip()):
        part = f"{carry} {part}".strip() if carry else part.strip()
        if len(part.split()) < MIN_SENTENCE_WORDS:
            carry = part
            continue
        out.append(part)
        carry = ""
    if carry:
        if out:
            out[-1] = f"{out[-1]} {carry}"
        else:
            out.append(carry)
    return out[:MAX_SENTENCES] or [text.strip()]


def text_key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Embedded:
    """One text: its sentence vectors (rows, normalised) and their normalised mean."""

    sents: np.ndarray
    mean: np.ndarray


def embed_texts(texts: Sequence[str], embedder: Embedder | None = None) -> list[Embedded]:
    """Every sentence of every text in ONE embedder call (the batch path)."""
    emb = embedder or get_embedder()
    split = [sentences(t) for t in texts]
    flat = [s for ss in split for s in ss]
    x = emb.embed(flat) if flat else np.zeros((0, emb.dim), dtype=np.float32)
    out: list[Embedded] = []
    k = 0
    for ss in split:
        rows = x[k:k + len(ss)]
        k += len(ss)
        out.append(Embedded(rows, normalise(rows.mean(axis=0, keepdims=True))[0]))
    return out


# --- anchors ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class AnchorSpace:
    levels: np.ndarray  # normalised 0-1, one per anchor
    pieces: tuple[np.ndarray, ...]  # per anchor: its sentences and indicators, embedded (rows)
    means: np.ndarray  # per anchor: the normalised mean of its pieces
    prompt: np.ndarray  # the prompt's vector


def anchor_pieces(text: str, indicators: Sequence[str]) -> list[str]:
    """The anchor's sentences and indicators, without their closing punctuation: an indicator in a list
    ("Writes a clear note") and the same indicator inside a paragraph ("Writes a clear note.") are one
    piece, embedded alike."""
    return [p.rstrip(" .;:!") for p in (*sentences(text), *indicators) if p.rstrip(" .;:!")]


class TextCache:
    """A bounded least-recently-used map keyed by the texts a value was embedded from (never by which
    embedder instance did it: there is one per process)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        value = build()
        with self._lock:
            self._data[key] = value
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


SPACES = TextCache(1024)


def anchor_space(levels: tuple[float, ...], texts: tuple[str, ...], indicators: tuple[tuple[str, ...], ...],
                 prompt: str, embedder: Embedder | None = None) -> AnchorSpace:
    """The anchors' and prompt's embeddings, built once per process for a given question text."""
    return SPACES.get((levels, texts, indicators, prompt),
                      lambda: _build_space(levels, texts, indicators, prompt, embedder))


def _build_space(levels: tuple[float, ...], texts: tuple[str, ...], indicators: tuple[tuple[str, ...], ...],
                 prompt: str, embedder: Embedder | None) -> AnchorSpace:
    docs = [anchor_pieces(t, ind) for t, ind in zip(texts, indicators, strict=True)]
    emb = embed_texts([prompt, *["\n".join(d) for d in docs]], embedder)
    prompt_vec = emb[0].mean
    pieces = tuple(e.sents for e in emb[1:])
    means = np.stack([e.mean for e in emb[1:]])
    return AnchorSpace(np.asarray(levels, dtype=float), pieces, means, prompt_vec)


def _softmax_level(sims: np.ndarray, levels: np.ndarray, temp: float) -> float:
    if sims.size == 0:
        return 0.5
    w = np.exp((sims - sims.max()) / temp)
    return float((w * levels).sum() / w.sum())


def anchor_features(answer: Embedded, space: AnchorSpace) -> tuple[dict[str, float], np.ndarray]:
    """Similarity of the answer to each anchor: whole answer to the anchor (mean), best sentence to best
    piece (max), and how many of the anchor's pieces some sentence covers (cover). Returns the features
    and the per-anchor combined similarity (for the console's closest anchor)."""
    lv = space.levels
    mean = space.means @ answer.mean
    best = np.array([float((answer.sents @ p.T).max()) if p.size else 0.0 for p in space.pieces])
    cover = np.array([float((answer.sents @ p.T).max(axis=0).mean()) if p.size else 0.0 for p in space.pieces])
    top, bot = int(np.argmax(lv)), int(np.argmin(lv))
    mid = int(np.argmin(np.abs(lv - 0.5)))
    out: dict[str, float] = {"prompt_sim": float(answer.mean @ space.prompt),
                             "prompt_best": float((answer.sents @ space.prompt).max())}
    for name, s in (("mean", mean), ("best", best), ("cover", cover)):
        out[f"a_{name}_top"] = float(s[top])
        out[f"a_{name}_bot"] = float(s[bot])
        out[f"a_{name}_mid"] = float(s[mid])
        out[f"a_{name}_gap"] = float(s[top] - s[bot])
        out[f"a_{name}_level"] = _softmax_level(s, lv, LEVEL_TEMP)
        out[f"a_{name}_closest"] = float(lv[int(np.argmax(s))])
    return out, mean + cover


# --- the bank's rated exemplars ----------------------------------------------------------------

@dataclass(frozen=True)
class ExemplarIndex:
    """Rated exemplars of the bank (both languages): vectors, normalised levels, question kind, and the
    keys of their question's prompts (so that a question's own exemplars can be left out)."""

    vecs: np.ndarray  # (n, dim) float16 on disk, float32 here
    levels: np.ndarray
    kinds: np.ndarray
    prompt_keys: np.ndarray  # (n, 2): the EN and FR prompt keys of the exemplar's question
    text_keys: np.ndarray  # (n,): the key of each exemplar's text, so a bank question's own exemplars are
    # looked up here rather than embedded again

    def vectors_of(self, texts: Sequence[str]) -> list[np.ndarray | None]:
        """The shipped vector of each text, or None for a text the bank does not hold."""
        where = {k: i for i, k in enumerate(self.text_keys.tolist())}
        return [self.vecs[where[k]] if (k := text_key(t)) in where else None for t in texts]

    def others(self, prompt: str) -> np.ndarray:
        """Exemplars of every question but the one with this prompt."""
        key = text_key(prompt)
        return (self.prompt_keys[:, 0] != key) & (self.prompt_keys[:, 1] != key)

    def pool(self, kind: str, prompt: str) -> np.ndarray:
        return (self.kinds == kind) & self.others(prompt)


LEVEL_BANDS = ((0.0, 0.2), (0.2, 0.6), (0.6, 0.8), (0.8, 1.0))


def exemplar_features(answer: Embedded, index: ExemplarIndex, keep: np.ndarray,
                      own: tuple[np.ndarray, np.ndarray] | None = None) -> dict[str, float]:
    """Nearest rated exemplars of other questions of the same kind (both languages) and, when the
    question has its own exemplars, those too: a similarity-weighted expected level, and the best
    similarity within each level band."""
    vecs, levels = index.vecs[keep], index.levels[keep]
    if own is not None and own[0].size:
        vecs, levels = np.vstack([vecs, own[0]]), np.concatenate([levels, own[1]])
    sims = vecs @ answer.mean
    order = np.argsort(-sims)[:KNN]
    out = {"ex_knn_level": _softmax_level(sims[order], levels[order], KNN_TEMP), "ex_max": float(sims[order[0]])}
    for lo, hi in LEVEL_BANDS:
        band = (levels >= lo - 1e-9) & (levels <= hi + 1e-9)
        out[f"ex_band_{lo:.1f}"] = float(np.sort(sims[band])[-3:].mean()) if band.any() else 0.0
    out["ex_band_gap"] = out["ex_band_0.8"] - out["ex_band_0.0"]
    return out


def domain_similarity(answer: Embedded, index: ExemplarIndex, keep: np.ndarray, space: AnchorSpace) -> float:
    """How close the answer is to anything about the work: the rated exemplars of other questions (any
    kind, EN and FR) and the question's own anchors and prompt. An answer far from all of them is not about
    working with customers or colleagues."""
    s_ex = float((index.vecs[keep] @ answer.mean).max()) if keep.any() else 0.0
    s_q = float(np.concatenate([space.means @ answer.mean, [space.prompt @ answer.mean]]).max())
    return max(s_ex, s_q)
