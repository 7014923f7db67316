"""The words of every e-mail, in English and French, rendered as plain text and HTML from one source.

Each template returns a subject and a list of paragraphs; a paragraph is a tuple of text pieces and
at most one `Link`. Plain text and HTML are both made from those paragraphs, so they always say the
same thing. Every value that comes from people (names, titles, organisations, addresses) goes through
`one_line()` first, and the whole HTML text is escaped, so markup, line breaks or bidi tricks in a
name or a campaign title show as typed and do nothing.
"""

# French typography uses the apostrophe U+2019 on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from urllib.parse import urlsplit

from screening.mail.addresses import mailbox, one_line
from screening.mail.formatting import format_day, format_deadline, format_minutes, language

TITLE_LIMIT = 150


class Outcome(StrEnum):
    ADVANCE = "advance"
    HOLD = "hold"
    REJECT = "reject"


@dataclass(frozen=True)
class Recipient:
    """The candidate the e-mail goes to."""

    name: str
    email: str
    language: str = "en"
    time_zone: str = "UTC"      # IANA name, e.g. "Europe/Paris"; unknown names fall back to UTC


@dataclass(frozen=True)
class Job:
    """What the candidate applied for, and who to write to about it."""

    title: str                  # the campaign's job title
    organisation: str           # who is hiring
    test_minutes: int = 30      # how long the test takes, roughly
    contact_email: str | None = None  # who answers questions about the application and the data;
                                      # None: the sender's Reply-To, else its From


@dataclass(frozen=True)
class Link:
    url: str


@dataclass(frozen=True)
class Rendered:
    language: str
    subject: str
    text: str
    html: str


Para = tuple[str | Link, ...]


def check_link(url: str) -> str:
    """An absolute http(s) URL with nothing that could break out of an attribute or a line."""
    if not isinstance(url, str):
        raise ValueError("A link must be a string.")
    parts = urlsplit(url)
    bad = any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") or ch in "\"'<>\\`" for ch in url)
    if parts.scheme not in ("http", "https") or not parts.netloc or bad:
        raise ValueError("A link must be an absolute http(s) URL without spaces, quotes or angle brackets.")
    return url


# --- rendering ------------------------------------------------------------------------------------

def _text(paras: list[Para]) -> str:
    blocks = []
    for para in paras:
        pieces = [f"\n{p.url}\n" if isinstance(p, Link) else p for p in para]
        blocks.append("\n".join(line.strip() for line in "".join(pieces).strip().split("\n")))
    return "\n\n".join(blocks) + "\n"


def _html(paras: list[Para], lang: str, subject: str) -> str:
    body = []
    for para in paras:
        pieces = []
        for p in para:
            if isinstance(p, Link):
                url = html.escape(p.url, quote=True)
                pieces.append(f'<br><a href="{url}">{url}</a><br>')
            else:
                pieces.append(html.escape(p, quote=True).replace("\n", "<br>\n"))
        body.append(f"<p>{''.join(pieces)}</p>")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
            f"<title>{html.escape(subject, quote=True)}</title></head>\n"
            '<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em;">\n'
            + "\n".join(body) + "\n</body>\n</html>\n")


def _french_spacing(text: str) -> str:
    """A no-break space before French high punctuation and inside guillemets, so a line never starts with ":"."""
    for before, after in ((" :", "\u00a0:"), (" ;", "\u202f;"), (" ?", "\u202f?"), (" !", "\u202f!"),
                          ("« ", "«\u00a0"), (" »", "\u00a0»")):
        text = text.replace(before, after)
    return text


def _render(lang: str, subject: str, paras: list[Para]) -> Rendered:
    if lang == "fr":
        subject = _french_spacing(subject)
        paras = [tuple(p if isinstance(p, Link) else _french_spacing(p) for p in para) for para in paras]
    return Rendered(lang, subject, _text(paras), _html(paras, lang, subject))


@dataclass(frozen=True)
class _Values:
    lang: str
    name: str
    title: str
    org: str
    contact: str


def _values(to: Recipient, job: Job, contact: str) -> _Values:
    name = one_line(to.name) or ("Madame, Monsieur" if language(to.language) == "fr" else "")
    return _Values(language(to.language), name, one_line(job.title, limit=TITLE_LIMIT),
                   one_line(job.organisation, limit=TITLE_LIMIT),
                   mailbox("", job.contact_email).addr_spec if job.contact_email else one_line(contact, limit=254))


def _hello(v: _Values) -> Para:
    if v.lang == "fr":
        return (f"Bonjour {v.name},",)
    return (f"Hello {v.name},",) if v.name else ("Hello,",)


def _sign(v: _Values) -> Para:
    return ("Cordialement,\nL’équipe de recrutement, " + v.org,) if v.lang == "fr" else \
        ("Kind regards,\nThe recruitment team at " + v.org,)


def _data_use(v: _Values) -> Para:
    if v.lang == "fr":
        return (f"Vos données : vos réponses sont lues par les personnes qui recrutent pour ce poste chez {v.org}, "
                "uniquement pour étudier votre candidature. Elles ne sont ni vendues ni utilisées à d’autres fins, "
                "et sont effacées une fois le recrutement terminé, selon notre durée de conservation. Vous pouvez "
                f"à tout moment demander à les consulter, les corriger ou les effacer en écrivant à {v.contact}.",)
    return (f"Your data: your answers are read by the people recruiting for this role at {v.org}, only to consider "
            "your application. They are not sold or used for anything else, and they are deleted once the "
            "recruitment is over, according to our retention period. You can ask to see, correct or erase them at "
            f"any time by writing to {v.contact}.",)


def _person_decides(v: _Values) -> Para:
    if v.lang == "fr":
        return ("Qui décide : le test est corrigé selon des réponses de référence établies par des spécialistes, mais "
                f"aucune décision n’est prise par un logiciel. Chez {v.org}, une personne examine vos résultats et "
                "prend chaque décision concernant votre candidature.",)
    return ("Who decides: the test is scored against reference answers agreed by specialists, but no decision is "
            f"made by software. A person at {v.org} reviews your results and makes every decision about your "
            "application.",)


def _questions(v: _Values) -> Para:
    if v.lang == "fr":
        return (f"Une question, un souci technique ? Écrivez à {v.contact}.",)
    return (f"A question or a technical problem? Write to {v.contact}.",)


def _take_test(v: _Values, link: str, deadline: str, minutes: str) -> list[Para]:
    if v.lang == "fr":
        return [("Votre lien personnel pour commencer :", Link(link),
                 "Ce lien vous est réservé : merci de ne pas le transmettre."),
                (f"Le test dure {minutes}. Vous pouvez le faire jusqu’au {deadline}. Vos réponses sont "
                 "enregistrées au fur et à mesure : en cas d’interruption, rouvrez le lien pour reprendre là où "
                 "vous en étiez.",)]
    return [("Your personal link to start:", Link(link), "This link is yours alone: please do not share it."),
            (f"The test takes {minutes}. You can take it until {deadline}. Your answers are saved as you go: if "
             "you are interrupted, open the link again to carry on where you left off.",)]


# --- the templates ----------------------------------------------------------------------------------

def render_invitation(to: Recipient, job: Job, *, link: str, deadline: datetime, contact: str) -> Rendered:
    """The first e-mail: what the test is, the link, the deadline, how long, the data, who decides."""
    v = _values(to, job, contact)
    when = format_deadline(deadline, v.lang, to.time_zone)
    minutes = format_minutes(job.test_minutes, v.lang)
    check_link(link)
    if v.lang == "fr":
        subject = f"Votre évaluation pour le poste « {v.title} »"
        intro: Para = (f"Merci pour votre candidature au poste « {v.title} » chez {v.org}. La prochaine étape est "
                       "un court test en ligne : des situations de relation client, et pour chacune, votre avis sur "
                       "l’efficacité des réponses possibles. Il n’y a pas de piège ; répondez comme "
                       "vous agiriez vraiment. Le premier écran rappelle ces informations et vous demande votre "
                       "accord avant de commencer.",)
    else:
        subject = f"Your assessment for the {v.title} role"
        intro = (f"Thank you for applying for the {v.title} role at {v.org}. The next step is a short online test: "
                 "customer situations, and for each one, how effective you find the possible responses. There "
                 "are no trick questions; answer as you really would. The first screen repeats this information "
                 "and asks for your consent before you begin.",)
    paras = [_hello(v), intro, *_take_test(v, link, when, minutes), _data_use(v), _person_decides(v),
             _questions(v), _sign(v)]
    return _render(v.lang, subject, paras)


def render_reminder(to: Recipient, job: Job, *, deadline: datetime, contact: str, link: str | None = None,
                    invited_at: datetime | None = None, started: bool = False,
                    help_url: str | None = None) -> Rendered:
    """A reminder before the deadline, once. Invite tokens are stored hashed, so the original link cannot be
    repeated: pass `link` only if you issued a new one (which ends the old one); otherwise the e-mail points
    to the invitation of `invited_at` and to `help_url` (the "lost my link" page) if there is one."""
    v = _values(to, job, contact)
    when = format_deadline(deadline, v.lang, to.time_zone)
    fr = v.lang == "fr"
    subject = f"Rappel : votre évaluation pour le poste « {v.title} »" if fr else \
        f"Reminder: your assessment for the {v.title} role"
    if started:
        status: Para = (f"Vous avez commencé le test pour le poste « {v.title} » chez {v.org}, et vos réponses "
                        f"sont enregistrées. Il vous reste jusqu’au {when} pour le terminer et l’envoyer.",) if fr \
            else (f"You have started the test for the {v.title} role at {v.org}, and your answers are saved. "
                  f"You have until {when} to finish and submit it.",)
    else:
        status = (f"Petit rappel : le test pour le poste « {v.title} » chez {v.org} est ouvert jusqu’au {when}. "
                  f"Il dure {format_minutes(job.test_minutes, v.lang)}.",) if fr \
            else (f"A short reminder: the test for the {v.title} role at {v.org} is open until {when}. It takes "
                  f"{format_minutes(job.test_minutes, v.lang)}.",)
    if link is not None:
        check_link(link)
        how: Para = ("Votre lien personnel :", Link(link),
                     "Tout lien reçu auparavant ne fonctionne plus.") if fr \
            else ("Your personal link:", Link(link), "Any link you received before no longer works.")
    else:
        since = (f" du {format_day(invited_at, v.lang, to.time_zone)}" if fr
                 else f" of {format_day(invited_at, v.lang, to.time_zone)}") if invited_at else ""
        if help_url is not None:
            check_link(help_url)
            how = (f"Utilisez le lien personnel reçu dans notre e-mail d’invitation{since}. Si vous ne le "
                   "retrouvez plus, demandez-en un nouveau ici :", Link(help_url)) if fr \
                else (f"Use the personal link in our invitation e-mail{since}. If you can no longer find it, ask "
                      "for a new one here:", Link(help_url))
        else:
            how = (f"Utilisez le lien personnel reçu dans notre e-mail d’invitation{since}. Si vous ne le "
                   f"retrouvez plus, écrivez à {v.contact} et nous vous en enverrons un nouveau.",) if fr \
                else (f"Use the personal link in our invitation e-mail{since}. If you can no longer find it, write "
                      f"to {v.contact} and we will send you a new one.",)
    decline: Para = ("Si vous ne souhaitez plus poursuivre, vous pouvez simplement ignorer ce message ; vous ne "
                     "recevrez pas d’autre rappel.",) if fr \
        else ("If you no longer wish to go ahead, you can simply ignore this message; you will not get another "
              "reminder.",)
    return _render(v.lang, subject, [_hello(v), status, how, decline, _questions(v), _sign(v)])


def render_resent_link(to: Recipient, job: Job, *, link: str, deadline: datetime, contact: str) -> Rendered:
    """A new link sent by a recruiter; the old one no longer works."""
    v = _values(to, job, contact)
    when = format_deadline(deadline, v.lang, to.time_zone)
    check_link(link)
    if v.lang == "fr":
        subject = f"Votre nouveau lien pour l’évaluation « {v.title} »"
        paras: list[Para] = [
            _hello(v),
            (f"Voici un nouveau lien personnel pour le test du poste « {v.title} » chez {v.org}. L’ancien lien ne "
             "fonctionne plus : utilisez uniquement celui-ci.", Link(link)),
            (f"Les réponses déjà données sont conservées. Vous pouvez terminer le test jusqu’au {when}.",)]
    else:
        subject = f"Your new link for the {v.title} assessment"
        paras = [
            _hello(v),
            (f"Here is a new personal link for the test for the {v.title} role at {v.org}. Your previous link no "
             "longer works: please use only this one.", Link(link)),
            (f"Any answers you already gave are kept. You can finish the test until {when}.",)]
    paras += [_questions(v), _sign(v)]
    return _render(v.lang, subject, paras)


def render_lost_link(to: Recipient, job: Job, *, link: str, deadline: datetime, contact: str) -> Rendered:
    """The answer to "I lost my link": a new link, the old one ended, and what to do if it was not them."""
    v = _values(to, job, contact)
    when = format_deadline(deadline, v.lang, to.time_zone)
    check_link(link)
    if v.lang == "fr":
        subject = f"Le lien demandé pour l’évaluation « {v.title} »"
        paras: list[Para] = [
            _hello(v),
            (f"Vous avez demandé à recevoir de nouveau votre lien pour le test du poste « {v.title} » chez {v.org}. "
             "Le voici :", Link(link),
             "Il remplace le précédent, qui ne fonctionne plus. Vos réponses déjà données sont conservées."),
            (f"Vous pouvez terminer le test jusqu’au {when}.",),
            (f"Vous n’avez rien demandé ? Ne cliquez pas sur le lien et prévenez-nous à {v.contact}.",)]
    else:
        subject = f"The link you asked for: {v.title} assessment"
        paras = [
            _hello(v),
            (f"You asked for your link to the test for the {v.title} role at {v.org} again. Here it is:",
             Link(link), "It replaces your previous link, which no longer works. Any answers you already gave "
             "are kept."),
            (f"You can finish the test until {when}.",),
            (f"Did not ask for this? Do not click the link, and let us know at {v.contact}.",)]
    paras += [_sign(v)]
    return _render(v.lang, subject, paras)


def render_outcome(to: Recipient, job: Job, *, outcome: Outcome | str, contact: str,
                   feedback_link: str | None = None) -> Rendered:
    """The decision a person recorded: advance, hold or reject, said plainly and with respect."""
    v = _values(to, job, contact)
    kind = Outcome(outcome)
    fr = v.lang == "fr"
    subject = f"Votre candidature au poste « {v.title} »" if fr else f"Your application for the {v.title} role"
    thanks: Para = (f"Merci pour le temps et le soin que vous avez consacrés à votre candidature au poste "
                    f"« {v.title} » chez {v.org}.",) if fr \
        else (f"Thank you for the time and care you put into your application for the {v.title} role at {v.org}.",)
    if kind is Outcome.ADVANCE:
        news: Para = ("Bonne nouvelle : nous souhaitons poursuivre avec vous et passer à l’étape suivante. Une "
                      "personne de l’équipe de recrutement vous contactera prochainement pour en convenir.",) if fr \
            else ("Good news: we would like to take your application to the next stage. Someone from the "
                  "recruitment team will contact you soon to arrange it.",)
    elif kind is Outcome.HOLD:
        news = ("Nous n’avons pas encore pris de décision. Votre candidature reste ouverte, vous n’avez rien à "
                "faire, et nous vous écrirons dès que nous pourrons vous en dire plus.",) if fr \
            else ("We have not reached a decision yet. Your application stays open, there is nothing you need to "
                  "do, and we will write again as soon as we can tell you more.",)
    else:
        news = ("Après un examen attentif, nous avons décidé de ne pas poursuivre votre candidature pour ce poste. "
                "Cette décision ne concerne que ce poste : vos candidatures à nos prochaines offres seront les "
                "bienvenues.",) if fr \
            else ("After careful consideration, we have decided not to take your application for this role "
                  "further. This decision concerns this role only, and you are welcome to apply for future "
                  "openings.",)
    person: Para = (f"Chez {v.org}, cette décision a été prise par une personne, et non par un logiciel. Pour toute "
                    f"question, ou pour demander l’effacement de vos données, écrivez à {v.contact}.",) if fr \
        else (f"This decision was made by a person at {v.org}, not by software. For any question, or to ask for "
              f"your data to be erased, write to {v.contact}.",)
    paras: list[Para] = [_hello(v), thanks, news]
    if feedback_link is not None:
        check_link(feedback_link)
        paras.append(("Un retour personnalisé sur vos réponses est disponible ici :", Link(feedback_link)) if fr
                     else ("Personal feedback on your answers is available here:", Link(feedback_link)))
    paras += [person, _sign(v)]
    return _render(v.lang, subject, paras)
