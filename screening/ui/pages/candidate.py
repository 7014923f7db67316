"""The candidate's whole journey on one page, from the invite link: privacy notice and consent, a practice
item, the SJT one item per screen, written answers, review, submit; then thanks and feedback.

One page on purpose: switching pages would drop the `?invite=` query parameter.
Every answer is saved by a widget callback the moment it is given.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from screening.domain.actors import CandidateActor
from screening.domain.answers import ANSWER_MAX_CHARS
from screening.domain.practice import PRACTICE_ITEM
from screening.i18n import t
from screening.services import attempts
from screening.services.attempts import AttemptView, PlannedSjt, Saved
from screening.services.errors import ServiceError
from screening.text import Medium, inert
from screening.ui.autosave import autosave_text
from screening.ui.candidate_after import rights, thanks
from screening.ui.components import db, run_action
from screening.ui.page_helpers import page_helpers

TITLE_CHARS = 70


def render(token: str) -> None:
    link = CandidateActor(token)
    lang = st.session_state.get("cand_lang", "en")
    if st.session_state.get("cand_withdrawn") == link:
        _helpers(lang)
        st.success(t("cand.withdrawn", lang))
        return
    try:
        view = attempts.open_attempt(db(), link)
    except ServiceError as exc:
        _helpers(lang)
        st.info(t(exc.key, "en") + "\n\n" + t(exc.key, "fr"))
        return
    lang = view.language
    st.session_state["cand_lang"] = lang
    st.session_state["cand_version"] = view.version  # what this tab shows: a save from it says so
    error = st.session_state.pop("cand_error", None)
    if error and not (view.submitted and error == "error.time_up"):
        st.error(t(error, lang))
    if st.session_state.pop("cand_stale", False):
        st.warning(t("cand.stale", lang))
    if view.submitted:
        _helpers(lang, focus="cand-done")
        thanks(view, link)
        return
    focus = None if not view.consented else "cand-practice" if view.step == 0 else f"cand-q-{view.step}"
    _helpers(lang, focus=focus, view=view)
    if not view.consented:
        _intro(view, link)
    elif view.step == 0:
        _practice(view, link)
    elif view.step <= len(view.sjt):
        _progress(view)
        _sjt_screen(view, link, view.sjt[view.step - 1], view.step)
    elif view.step <= view.total_steps:
        _progress(view)
        _written_screen(view, link, view.step)
    else:
        _review(view, link)
    rights(view, link)


def _helpers(lang: str, *, focus: str | None = None, view: AttemptView | None = None) -> None:
    title = t("cand.page_title", lang)
    st.set_page_config(page_title=title)
    deadline = view.deadline if view is not None and view.consented else None
    page_helpers(key="cand_helpers", language=lang, title=title, focus=focus, deadline=deadline,
                 messages={"left": t("cand.time_left", lang, minutes="{minutes}"),
                           "announce": t("cand.time_announce", lang, minutes="{minutes}"),
                           "over": t("cand.time_over", lang)},
                 on_expired=lambda: None)  # the rerun itself submits: open_attempt closes a late attempt


def _call(fn: Callable[..., Any], *args: Any) -> Any:
    """Run a service call from a widget callback; keep its refusal to show on the next run."""
    try:
        return fn(db(), *args)
    except ServiceError as exc:
        st.session_state["cand_error"] = exc.key
        return None


def _after_save(saved: Saved | None) -> None:
    """Another tab saved since this one was drawn: this save stands (the later wins); say so, show the latest."""
    if saved is None:
        return
    st.session_state["cand_version"] = saved.version
    if saved.stale:
        st.session_state["cand_stale"] = True
        for key in [k for k in st.session_state if str(k).startswith(("best_", "worst_", "rate_"))]:
            del st.session_state[key]  # the radios redraw from the stored answers


def _local_time(moment: datetime) -> tuple[str, str]:
    """The time in the candidate's browser's time zone (UTC when the browser does not say)."""
    name = st.context.timezone or "UTC"
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        name, zone = "UTC", ZoneInfo("UTC")
    return moment.astimezone(zone).strftime("%H:%M"), name


def _intro(view: AttemptView, link: CandidateActor) -> None:
    lang = view.language
    st.title(t("cand.hello", lang, name=inert(view.candidate_name, Medium.MARKDOWN)))
    st.markdown(t("cand.intro", lang, campaign=inert(view.campaign_name, Medium.MARKDOWN), sjt=len(view.sjt),
                  written=len(view.written), minutes=view.minutes))
    if view.time_limit:
        st.markdown(t("cand.intro_timed", lang, minutes=view.time_limit))
    st.info(t("cand.resume", lang))
    st.subheader(t("cand.privacy_title", lang))
    st.markdown(t("cand.privacy", lang, organisation=inert(view.organisation, Medium.MARKDOWN),
                  days=view.retention_days,
                  contact=inert(view.contact, Medium.MARKDOWN) if view.contact else t("cand.contact_recruiter", lang)))
    st.markdown(t("cand.about", lang, href=f"?about={lang}"))
    agreed = st.checkbox(t("cand.consent", lang), key="cand_consent")
    st.button(t("cand.start", lang), type="primary", disabled=not agreed, on_click=_call,
              args=(attempts.give_consent, link), key="cand_start")


def _timer_line(view: AttemptView) -> None:
    if view.deadline is not None:
        time, zone = _local_time(view.deadline)
        st.caption(t("cand.deadline", view.language, time=time, zone=zone))


def _practice(view: AttemptView, link: CandidateActor) -> None:
    lang = view.language
    st.subheader(t("cand.practice_title", lang), anchor="cand-practice")
    _timer_line(view)
    st.caption(t("cand.practice_intro", lang))
    st.markdown(inert(PRACTICE_ITEM.scenario.get(lang), Medium.MARKDOWN))
    texts = {o.id: o.text.get(lang) for o in PRACTICE_ITEM.options}
    order = tuple(texts)
    label = _option_label(order, texts, lang)
    chosen = [st.radio(t(f"cand.{part}", lang), order, format_func=label, index=None, key=f"practice_{part}")
              for part in ("best", "worst")]
    if all(chosen):
        st.success(t("cand.practice_done", lang))
    st.button(t("cand.practice_start", lang), type="primary", on_click=_move, args=(link, 1), key="practice_go")


def _option_label(order: tuple[str, ...], texts: dict[str, str], lang: str) -> Callable[[str], str]:
    """Each option carries its letter and its whole text: nothing to scroll between."""
    letters = dict(zip(order, string.ascii_uppercase, strict=False))
    return lambda oid: t("cand.option", lang, letter=letters[oid], text=inert(texts[oid], Medium.MARKDOWN))


def _progress(view: AttemptView) -> None:
    st.progress(min(1.0, (view.step - 1) / max(view.total_steps, 1)),
                text=t("cand.progress", view.language, n=view.step, total=view.total_steps))
    _timer_line(view)


def _heading(view: AttemptView, step: int) -> None:
    st.subheader(t("cand.question", view.language, n=step, total=view.total_steps), anchor=f"cand-q-{step}")


def _nav(view: AttemptView, link: CandidateActor) -> None:
    left, right = st.columns(2)
    with left:
        st.button(t("cand.back", view.language), on_click=_move, args=(link, view.step - 1),
                  key=f"back_{view.step}", width="stretch")
    with right:
        st.button(t("cand.next", view.language), type="primary", on_click=_move,
                  args=(link, view.step + 1), key=f"next_{view.step}", width="stretch")


def _move(link: CandidateActor, step: int) -> None:
    _call(attempts.go_to_step, link, step)


def _sjt_screen(view: AttemptView, link: CandidateActor, planned: PlannedSjt, step: int) -> None:
    lang = view.language
    item = planned.item
    _heading(view, step)
    st.markdown(inert(item.scenario.get(lang), Medium.MARKDOWN))
    texts = {o.id: o.text.get(lang) for o in item.options}
    label = _option_label(planned.option_order, texts, lang)
    stored = view.answers.get(item.id, {})
    if item.response_format == "best_worst":
        for part in ("best", "worst"):
            value = stored.get(part)
            st.radio(t(f"cand.{part}", lang), planned.option_order, format_func=label, key=f"{part}_{item.id}",
                     index=planned.option_order.index(value) if value in planned.option_order else None,
                     on_change=_save_best_worst, args=(link, item.id))
        if stored.get("best") and stored.get("best") == stored.get("worst"):
            st.warning(t("cand.same", lang))
    else:
        st.caption(t("cand.rate", lang))
        ratings = stored.get("ratings", {})
        for oid in planned.option_order:
            st.radio(label(oid), [1, 2, 3, 4, 5], horizontal=True, key=f"rate_{item.id}_{oid}",
                     index=ratings[oid] - 1 if oid in ratings else None,
                     on_change=_save_ratings, args=(link, item.id, planned.option_order))
    _nav(view, link)


def _save_best_worst(link: CandidateActor, item_id: str) -> None:
    response = {p: st.session_state.get(f"{p}_{item_id}") for p in ("best", "worst")}
    _after_save(_call(attempts.save_sjt_answer, link, item_id, {k: v for k, v in response.items() if v},
                      st.session_state.get("cand_version")))


def _save_ratings(link: CandidateActor, item_id: str, order: tuple[str, ...]) -> None:
    ratings = {oid: st.session_state.get(f"rate_{item_id}_{oid}") for oid in order}
    _after_save(_call(attempts.save_sjt_answer, link, item_id, {"ratings": {k: v for k, v in ratings.items() if v}},
                      st.session_state.get("cand_version")))


def _written_screen(view: AttemptView, link: CandidateActor, step: int) -> None:
    lang = view.language
    question = view.written[step - len(view.sjt) - 1]
    _heading(view, step)
    st.markdown(f"#### {inert(question.prompt.get(lang), Medium.MARKDOWN)}")
    st.caption(t("cand.written_help", lang))

    def save(text: str) -> None:
        # raises on a refusal, so the box tells the candidate the change was not saved and tries again
        _after_save(attempts.save_written_answer(db(), link, question.id, text,
                                                 st.session_state.get("cand_version")))

    autosave_text(f"text_{question.id}", label=t("cand.your_answer", lang), value=view.texts.get(question.id, ""),
                  max_chars=ANSWER_MAX_CHARS, on_save=save, language=lang,
                  counter_text=t("cand.counter", lang), help=t("cand.limit_help", lang, max=ANSWER_MAX_CHARS))
    _nav(view, link)


def _short(text: str) -> str:
    first = " ".join(text.split())
    return first if len(first) <= TITLE_CHARS else first[:TITLE_CHARS - 1].rstrip() + "…"


def _review(view: AttemptView, link: CandidateActor) -> None:
    lang = view.language
    items = [(p.item.id, p.item.scenario.get(lang)) for p in view.sjt] + \
        [(q.id, q.prompt.get(lang)) for q in view.written]
    done = sum(1 for item_id, _ in items if view.answered(item_id))
    st.subheader(t("cand.review", lang), anchor=f"cand-q-{view.step}")
    _timer_line(view)
    st.write(t("cand.review_counts", lang, done=done, total=len(items)))
    if done < len(items):
        st.warning(t("cand.review_missing", lang))
        st.markdown(f"**{t('cand.unanswered', lang)}**")
        for n, (item_id, title) in enumerate(items, start=1):
            if not view.answered(item_id):
                text_col, button_col = st.columns([3, 1], vertical_alignment="center")
                text_col.markdown(inert(t("cand.unanswered_item", lang, n=n, title=_short(title)), Medium.MARKDOWN))
                button_col.button(t("cand.go_to", lang, n=n), on_click=_move, args=(link, n), key=f"goto_{n}")
    st.button(t("cand.back", lang), on_click=_move, args=(link, view.total_steps), key="review_back")
    sure = st.checkbox(t("cand.confirm", lang), key="cand_confirm")
    if st.button(t("cand.submit", lang), type="primary", disabled=not sure, key="cand_submit"):
        run_action(lambda: attempts.submit(db(), link), language=lang, rerun=True)
