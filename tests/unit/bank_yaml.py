"""Interview-bank YAML for validator tests: one small question, its exemplars given by the test."""

from __future__ import annotations

from collections.abc import Sequence


def question_block(exemplars: Sequence[str], *, qid: str = "iq.test", prompt: tuple[str, str] = ("Tell me", "Racontez"),
                   anchor_levels: Sequence[int] = (1, 3, 5)) -> str:
    """A behavioural empathy question with three-indicator anchors at `anchor_levels`; each exemplar is the
    flow mapping of one list entry (`{id: e1, language: en, ...}`)."""
    anchors = "".join(f"      - {{level: {lv}, text: {{en: a, fr: a}}, indicators: {{en: [x, y, z], fr: [x, y, z]}}}}\n"
                      for lv in anchor_levels)
    listed = "".join(f"      - {e}\n" for e in exemplars)
    return (f"  - id: {qid}\n    version: 1\n    skills: [empathy]\n    kind: behavioural\n"
            f'    prompt: {{en: "{prompt[0]}", fr: "{prompt[1]}"}}\n'
            f'    probes: {{en: ["What?"], fr: ["Quoi ?"]}}\n    anchors:\n{anchors}    exemplars:\n{listed}')


def questions_yaml(*blocks: str) -> str:
    return "questions:\n" + "".join(blocks)
