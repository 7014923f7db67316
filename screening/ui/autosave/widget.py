"""The Python side of the autosaving text box.

The browser sends `{"text": ..., "seq": n}` as the component's `draft` state: after a pause in typing,
at least every few seconds while typing goes on, on blur, and when the page is hidden. Each new draft
reaches `on_save` from the component's change callback, so a save also happens on the run where the
candidate leaves the page (a click on "Next" right after typing). The server checks the limit itself:
longer text is refused with a message, never cut. What went back to the browser (`seen`, `acked`,
`error`) lets it show "Saving..." / "Saved" and know when its own text is current on the server.

The JavaScript and CSS are files in `frontend/`, registered as the component's asset directory, so
Streamlit serves them from `/_stcore/bidi-components/screening.autosave_text/` and the page never
needs a `blob:` script (which `st.components.v2` uses for inline JavaScript).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from screening.ui.file_component import PROJECT, FileComponent

log = logging.getLogger(__name__)

COMPONENT = "autosave_text"
COMPONENT_NAME = f"{PROJECT}.{COMPONENT}"  # what the browser's asset routes are named after

# Shown in the browser; {count}, {max} and {left} are filled in there (or here, for "over").
MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "saving": "Saving…",
        "saved": "Saved",
        "restored": "Your text from before the page reloaded is back.",
        "near": "{left} characters left",
        "full": "You have reached the limit of {max} characters.",
        "refused": "Not added: answers are limited to {max} characters. Shorten your answer to add more.",
        "over": "This answer is {count} characters long; the limit is {max}. Shorten it so it can be saved.",
        "failed": "Your last change could not be saved. Keep this page open and try again.",
    },
    "fr": {
        "saving": "Enregistrement…",
        "saved": "Enregistré",
        "restored": "Votre texte d'avant le rechargement de la page est revenu.",
        "near": "Encore {left} caractères",
        "full": "Vous avez atteint la limite de {max} caractères.",
        "refused": "Non ajouté : les réponses sont limitées à {max} caractères. Raccourcissez votre réponse "
                   "pour en ajouter.",
        "over": "Cette réponse compte {count} caractères ; la limite est de {max}. Raccourcissez-la pour "
                "qu'elle puisse être enregistrée.",
        "failed": "Votre dernière modification n'a pas pu être enregistrée. Gardez cette page ouverte et "
                  "réessayez.",
    },
}


def messages(language: str) -> dict[str, str]:
    return MESSAGES.get(language) or MESSAGES["en"]


@dataclass
class _Meta:
    """What the server knows of one box in this session (kept in st.session_state)."""

    text: str | None = None        # the newest text the browser sent (even when refused)
    saved: str | None = None       # the newest text handed to on_save (or given as `value`)
    value: str | None = None       # the `value` argument of the previous run
    seen: int = 0                  # the newest draft number received
    acked: int = 0                 # the newest draft number saved
    error: str | None = None       # why the newest draft was not saved


def _meta(key: str) -> _Meta:
    name = f"_autosave_meta:{key}"
    meta = st.session_state.get(name)
    if not isinstance(meta, _Meta):
        meta = _Meta()
        st.session_state[name] = meta
    return meta


_COMPONENT = FileComponent(COMPONENT, Path(__file__).resolve().parent, js="autosave.js", css="autosave.css")


def _parse_draft(draft: object) -> tuple[str, int] | None:
    """The browser's draft, or None when it is not a well-formed one (the browser is not trusted)."""
    if not isinstance(draft, Mapping):
        return None
    text, seq = draft.get("text"), draft.get("seq")
    if not isinstance(text, str) or not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        return None
    try:
        text.encode("utf-8")  # a lone surrogate cannot come from a real keyboard
    except UnicodeEncodeError:
        return None
    return text, seq


def _receive(key: str, max_chars: int, on_save: Callable[[str], None] | None, language: str) -> None:
    """Change callback: a new draft arrived from the browser."""
    state = st.session_state.get(key)
    parsed = _parse_draft(state.get("draft") if isinstance(state, Mapping) else None)
    if parsed is None:
        return
    text, seq = parsed
    meta = _meta(key)
    meta.seen, meta.text = seq, text
    if len(text) > max_chars:
        meta.error = messages(language)["over"].format(count=len(text), max=max_chars)
        return
    if text != meta.saved and on_save is not None:
        try:
            on_save(text)
        except Exception:
            # The candidate sees "could not be saved" (not a traceback); the next change tries again.
            log.exception("on_save failed for the autosave box %r", key)
            meta.error = messages(language)["failed"]
            return
    meta.saved = text
    meta.error = None
    meta.acked = seq


def autosave_text(
    key: str,
    *,
    label: str,
    value: str = "",
    max_chars: int = 20_000,
    on_save: Callable[[str], None] | None = None,
    counter_text: str = "{count} / {max}",
    help: str | None = None,
    language: str = "en",
    height: int = 260,
    disabled: bool = False,
) -> str:
    """A text box that saves as the candidate types; returns the text now in the box.

    key: unique per box and stable across reruns (e.g. `f"text_{question_id}"`).
    label, help: plain text, shown exactly as given (never Markdown or HTML).
    value: the stored text. The box shows it when it opens, and again when it changes here while
        the candidate is not typing in the box (text the candidate is editing is never overwritten).
    max_chars: the limit, in characters (code points, as Python's `len`). The box refuses input past
        it with a message; the server refuses a longer text too, with a message, and never cuts it.
    on_save: called with each new text, at most once per change, from the component's change callback
        (before the page's script runs, and even on a run where the box is no longer drawn). To report
        a failed save, raise: the exception is logged, the box says the change was not saved, and the
        next change tries again. (Streamlit's own rerun/stop exceptions pass through.)
    counter_text: the counter's template, with `{count}` and `{max}`.
    language: "en" or "fr", for the box's own messages.
    height: the text area's minimum height in pixels.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    meta = _meta(key)
    if meta.saved is None:
        meta.saved = value
    elif value != meta.value and value != meta.saved:
        # The stored text changed elsewhere (not an echo of our own save): show it.
        meta.text = meta.saved = value
        meta.error = None
    meta.value = value
    current = meta.text if meta.text is not None else value
    data: dict[str, Any] = {
        "key": key,
        "label": label,
        "help": help or "",
        "max": max_chars,
        "counter": counter_text,
        "lang": language,
        "height": height,
        "disabled": disabled,
        "text": current,
        "seen": meta.seen,
        "acked": meta.acked,
        "error": meta.error or "",
        "messages": messages(language),
    }
    mount = _COMPONENT.renderer()
    mount(key=key, data=data, on_draft_change=functools.partial(_receive, key, max_chars, on_save, language))
    return current
