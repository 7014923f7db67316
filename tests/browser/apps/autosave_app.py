"""Two autosaving boxes and a "Next" button that leaves them, for tests/browser/test_autosave.py.

Each saved text is appended as one JSON line to `$AUTOSAVE_SAVES_DIR/<run>.jsonl` (`?run=` picks the file,
so tests sharing one server do not share saves); a box opens with the last text saved for it, as the
candidate page opens with the stored answer.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from screening.ui.autosave import autosave_text

LABEL = "Your answer <b>x</b> :red[x] [a](b) 😀 שלום"
HELP = "Saved while you type. <i>Take your time.</i>"

run = st.query_params.get("run", "default")
if not re.fullmatch(r"[a-z0-9_-]{1,40}", run):
    st.stop()
SAVES = Path(os.environ["AUTOSAVE_SAVES_DIR"]) / f"{run}.jsonl"


def saved(key: str) -> list[str]:
    if not SAVES.exists():
        return []
    lines = [json.loads(line) for line in SAVES.read_text(encoding="utf-8").splitlines() if line]
    return [line["text"] for line in lines if line["key"] == key]


def saver(key: str) -> Callable[[str], None]:
    def save(text: str) -> None:
        if "#fail" in text:  # a store that refuses
            raise RuntimeError("the store is unavailable")
        with SAVES.open("a", encoding="utf-8") as f:
            f.write(json.dumps({"key": key, "text": text}, ensure_ascii=False) + "\n")
    return save


def last(key: str) -> str:
    texts = saved(key)
    return texts[-1] if texts else ""


def go(step: str) -> None:
    st.session_state["step"] = step


st.title("Autosave")
if st.session_state.get("step") == "next":  # another screen, where the boxes are not drawn
    st.write("The next question")
    st.button("Back", on_click=go, args=("answers",))
    st.stop()
answer = autosave_text("answer", label=LABEL, value=last("answer"), max_chars=2000, on_save=saver("answer"),
                       help=HELP, language="en")
short = autosave_text("short", label="Short answer", value=last("short"), max_chars=20, on_save=saver("short"),
                      counter_text="{count} / {max}", language="en", height=96)
st.caption(f"runs with answer of {len(answer)} characters and short of {len(short)}")
st.button("Next", on_click=go, args=("next",))
