"""Localised text values shared by the framework and the banks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """One piece of reader-facing text in every supported language."""

    en: str
    fr: str

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class TextList:
    en: tuple[str, ...]
    fr: tuple[str, ...]

    def get(self, lang: str) -> tuple[str, ...]:
        return self.fr if lang == "fr" else self.en
