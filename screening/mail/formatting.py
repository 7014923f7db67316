"""Dates, durations and languages as a candidate reads them (Babel, CLDR data)."""

# French typography uses the apostrophe U+2019 on purpose.
# ruff: noqa: RUF002

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_date, format_time, get_timezone_name
from babel.numbers import format_decimal

from screening.domain.vocab import LANGUAGES
from screening.i18n import t


def language(lang: str | None) -> str:
    """"fr", "fr-CA", "FR_be" -> "fr"; anything unsupported -> "en"."""
    code = (lang or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else "en"


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime. A naive value is read as UTC: the store writes UTC and SQLite drops the zone."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def zone(name: str | None) -> ZoneInfo:
    """The IANA zone, or UTC when the name is empty or unknown (the text then names UTC, so it stays true)."""
    try:
        return ZoneInfo(name) if name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def format_deadline(moment: datetime, lang: str, time_zone: str | None) -> str:
    """E.g. "Friday, March 14, 2025 at 5:00 PM (Central European Standard Time)",
    "vendredi 14 mars 2025 à 17:00 (heure normale d’Europe centrale)"."""
    lang = language(lang)
    local = as_utc(moment).astimezone(zone(time_zone))
    day = format_date(local, "full", locale=lang)
    time = format_time(local, "short", locale=lang)
    name = get_timezone_name(local, "long", locale=lang)
    return t("mail.when", lang, day=day, time=time, zone=name)


def format_day(moment: datetime, lang: str, time_zone: str | None) -> str:
    """The calendar day only, e.g. "March 3, 2025" / "3 mars 2025"."""
    lang = language(lang)
    return format_date(as_utc(moment).astimezone(zone(time_zone)), "long", locale=language(lang))


def format_minutes(minutes: int, lang: str) -> str:
    """"about 40 minutes" / "environ 40 minutes"; hours from 90 minutes on ("about 1.5 hours" / "environ 1,5 heure":
    the plural form is the language's own, from CLDR)."""
    lang = language(lang)
    minutes = max(1, int(minutes))
    if minutes >= 90 and minutes % 30 == 0:
        count, unit = minutes / 60, "hours"
    else:
        count, unit = minutes, "minutes"
    form = "one" if Locale.parse(lang).plural_form(count) == "one" else "other"
    return t(f"mail.duration.{unit}.{form}", lang, n=format_decimal(count, locale=lang))
