"""JSON Schema of the bank file format, so authors get validation in their editor.

The schema checks shape; `screening banks validate` adds what a schema cannot say
(known skill ids, a clear best and worst, exemplar levels covering 1-5, word counts).
"""

from __future__ import annotations

from typing import Any

from screening.banks import ANCHOR_LEVELS, CHANNELS, KINDS, MOMENTS, RESPONSE_FORMATS, STYLES

_TEXT = {"type": "object", "required": ["en", "fr"], "additionalProperties": False,
         "properties": {"en": {"type": "string", "minLength": 1}, "fr": {"type": "string", "minLength": 1}}}
_TEXT_LIST = {"type": "object", "required": ["en", "fr"], "additionalProperties": False,
              "properties": {lang: {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
                             for lang in ("en", "fr")}}
_SKILLS = {"type": "array", "items": {"type": "string", "pattern": "^[a-z_]+$"}, "minItems": 1}
_VERSION = {"type": "integer", "minimum": 1}

_OPTION = {"type": "object", "required": ["id", "text", "key", "rationale"],
           "properties": {"id": {"type": "string"}, "text": _TEXT,
                          "key": {"type": "integer", "minimum": 1, "maximum": 5}, "rationale": _TEXT}}
_SJT_ITEM = {"type": "object",
             "required": ["id", "version", "skills", "channel", "moment", "response_format", "scenario", "options"],
             "properties": {"id": {"type": "string"}, "version": _VERSION, "skills": _SKILLS,
                            "channel": {"enum": list(CHANNELS)}, "moment": {"enum": list(MOMENTS)},
                            "response_format": {"enum": list(RESPONSE_FORMATS)}, "scenario": _TEXT,
                            "options": {"type": "array", "items": _OPTION, "minItems": 4, "maxItems": 5}}}
_ANCHOR = {"type": "object", "required": ["level", "text", "indicators"],
           "properties": {"level": {"type": "integer", "minimum": 1, "maximum": 5}, "text": _TEXT,
                          "indicators": _TEXT_LIST}}
_EXEMPLAR = {"type": "object", "required": ["id", "language", "level", "style", "author", "text"],
             "properties": {"id": {"type": "string"}, "language": {"enum": ["en", "fr"]},
                            "level": {"type": "integer", "minimum": 1, "maximum": 5},
                            "style": {"enum": list(STYLES)}, "author": {"type": "string", "minLength": 1},
                            "text": {"type": "string", "minLength": 1}}}
_QUESTION = {"type": "object",
             "required": ["id", "version", "skills", "kind", "prompt", "probes", "anchors", "exemplars"],
             "properties": {"id": {"type": "string"}, "version": _VERSION, "skills": _SKILLS,
                            "kind": {"enum": list(KINDS)}, "prompt": _TEXT, "probes": _TEXT_LIST,
                            "anchors": {"type": "array", "items": _ANCHOR, "minItems": len(ANCHOR_LEVELS)},
                            "exemplars": {"type": "array", "items": _EXEMPLAR, "minItems": 10}}}


def bank_json_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Soft-skill screening question bank",
        "type": "object",
        "properties": {"family": {"type": "string"},
                       "items": {"type": "array", "items": _SJT_ITEM},
                       "questions": {"type": "array", "items": _QUESTION}},
        "anyOf": [{"required": ["items"]}, {"required": ["questions"]}],
    }
