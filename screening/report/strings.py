"""Every word the PDF report prints, in English and French, and how numbers and dates read."""

from __future__ import annotations

import re
from datetime import datetime

LANGS = ("en", "fr")

_EN: dict[str, str] = {
    "title": "Soft-skill profile",
    "subject": "Soft-skill screening profile, campaign {campaign}",
    "author": "Soft-skill screening assistant",
    "confidential": "Confidential: personal data, for this hiring decision only",
    "page": "Page {n} of {total}",
    "generated": "Generated {when}",
    "demo_banner": "DEMO DATA: a fictitious candidate, not a real person. Do not use for a decision.",
    "demo_mark": "DEMO DATA",
    "candidate": "Candidate",
    "campaign": "Campaign",
    "target_profile": "Target profile",
    "sjt_date": "Judgement test",
    "interviews": "Interviews",
    "raters": "Raters",
    "decision": "Decision",
    "decision_note": "Decision note",
    "none": "none",
    "not_taken": "not taken",
    "not_recorded": "not recorded yet",
    "families_chart": "Skill families (level 1 to 5)",
    "intelligences_chart": "Intelligences (level 1 to 5)",
    "nothing_measured": "Nothing measured yet",
    "skills_of": "{measured}/{total}",
    "bands_legend": "Bands: strong from {strong}, proficient from {proficient}, developing from {developing}, limited below. Under each name: its level, then the skills measured out of its total.",
    "fit": "<b>Fit to the target profile</b>: {text}",
    "fit_line": "<b>{score}/100</b>, with {coverage} of the target's weight measured",
    "evidence": "<b>Evidence</b>: {measured} of {total} skills measured, {sjt} by the judgement test and {interview} in interviews.",
    "disagreements": "\u26a0 Raters disagree (gap of 2 or more) on: {skills}. Discuss before deciding.",
    "fit_no_target": "No target profile was set for this campaign.",
    "fit_none": "Not computable: none of the target profile's skills was measured.",
    "strengths": "Strengths",
    "development": "Development areas",
    "none_yet": "None: too few skills measured.",
    "level_band": "{level}/5 · {band}",
    "read_more": "Levels are on a 1 to 5 scale. Pages 2 and after give the evidence per skill, the development plan and how the levels were built.",
    "skills_section": "Skill by skill",
    "family_line": "{measured} of {total} skills measured · level {level}/5",
    "sjt": "Judgement test (SJT)",
    "sjt_value": "{score}/100 over {items}",
    "items": "{n} items",
    "item": "1 item",
    "interview": "Interview ratings",
    "not_rated": "not rated",
    "interview_level": "interview level {level}/5",
    "agreement": "Agreement",
    "agree": "raters agree (gap under 2)",
    "single_rater": "one rater only",
    "disagree": "\u26a0 raters disagree (gap of 2 or more): discuss before deciding",
    "final_level": "Final level",
    "quote": "Evidence",
    "answer_to": "Answer to: {question}",
    "not_measured": "Not measured in this campaign: {skills}.",
    "plan_section": "Development plan",
    "plan_intro": "Suggestions for the first months in the job, for the development areas above. They are starting points for the manager and the new hire, not a verdict.",
    "plan_empty": "No suggestion in the library for this skill yet.",
    "plan_no_areas": "No development area: too few skills were measured to name one.",
    "method_section": "Method and oversight",
    "m_sjt_h": "Situational judgement test",
    "m_sjt": "The judgement test puts the candidate in remote customer-relations situations. Each option is keyed (rated for effectiveness) by the authors of the question bank, version {version}. The key is their expert judgement: it has not been validated on this organisation's own data unless the organisation has done so itself. Picking the most and least effective options scores +1 for a keyed hit and -1 for the opposite; rated options score by their distance to the key. Scoring method used: {method}.",
    "m_raw": "raw (the candidate's answers compared with the key as given)",
    "m_within_person": "within-person (each candidate's ratings are first standardised, so a habit of rating every option high or low is not counted against them)",
    "m_ratings_h": "Interview ratings",
    "m_ratings": "Interview answers were rated by people against anchored 1 to 5 scales: levels 1, 3 and 5 are described by observable behaviours. Several raters may rate the same answer; when two of them differ by {gap} points or more the skill is flagged as a disagreement, to be discussed before a decision.",
    "m_oversight_h": "Human oversight",
    "m_oversight": "The software may have suggested a level from the text of an answer. A suggestion was only an aid, shown after the rater had given their own rating: every final rating in this report was given by a person, and no suggested level enters any figure. No face, voice or emotion was analysed, and an administrator can switch suggestions off.",
    "m_levels_h": "How a level is built",
    "m_levels": "A skill's level combines both sources on the 1 to 5 scale. The SJT score becomes 1 + 4 × score / 100; the interview level is the mean over questions of the mean over raters. The two are averaged with the interview weighing {weight} times the SJT, because people rate it against anchors; with one source only, the level is that source. Bands: strong from {strong}, proficient from {proficient}, developing from {developing}, limited below. Families and intelligences are the mean of their measured skills: what was not measured is left out, never counted as 0. The fit is the weighted mean level of the target's measured skills put on 0 to 100; its coverage is the share of the target's weight that was measured.",
    "m_limits_h": "Limits",
    "m_norms_low": "Percentiles are not shown: the norm group holds {n} candidates, fewer than the {minimum} needed for a stable comparison. Read the levels against the anchors, not against other candidates.",
    "m_norms_ok": "The norm group holds {n} candidates ({minimum} or more). This report still reads levels against the anchors; comparisons with other candidates are in the app.",
    "m_limits": "A screening profile rests on a handful of items and answers. It informs a conversation and a decision made by people and does not replace them. Answers are quoted as typed, trimmed to about 300 characters. Right-to-left text is shown in visual order without Arabic letter joining.",
    "bank_unknown": "not recorded",
}

_FR: dict[str, str] = {
    "title": "Profil de compétences comportementales",
    "subject": "Profil de compétences comportementales, campagne {campaign}",
    "author": "Assistant d'évaluation des compétences comportementales",
    "confidential": "Confidentiel : données personnelles, réservées à cette décision de recrutement",
    "page": "Page {n} sur {total}",
    "generated": "Généré le {when}",
    "demo_banner": "DONNÉES DE DÉMONSTRATION : candidat fictif, pas une personne réelle. Ne pas utiliser pour décider.",
    "demo_mark": "DÉMONSTRATION",
    "candidate": "Candidat",
    "campaign": "Campagne",
    "target_profile": "Profil cible",
    "sjt_date": "Test de jugement",
    "interviews": "Entretiens",
    "raters": "Évaluateurs",
    "decision": "Décision",
    "decision_note": "Motif de la décision",
    "none": "aucun",
    "not_taken": "non passé",
    "not_recorded": "pas encore enregistrée",
    "families_chart": "Familles de compétences (niveau 1 à 5)",
    "intelligences_chart": "Intelligences (niveau 1 à 5)",
    "nothing_measured": "Rien de mesuré pour l'instant",
    "skills_of": "{measured}/{total}",
    "bands_legend": "Repères : solide à partir de {strong}, acquis à partir de {proficient}, en développement à partir de {developing}, limité en dessous. Sous chaque nom : son niveau, puis les compétences mesurées sur son total.",
    "fit": "<b>Adéquation au profil cible</b> : {text}",
    "fit_line": "<b>{score}/100</b>, {coverage} du poids du profil cible mesuré",
    "evidence": "<b>Éléments</b> : {measured} compétences mesurées sur {total}, dont {sjt} par le test de jugement et {interview} en entretien.",
    "disagreements": "\u26a0 Désaccord entre évaluateurs (écart de 2 ou plus) sur : {skills}. À discuter avant de décider.",
    "fit_no_target": "Aucun profil cible n'a été défini pour cette campagne.",
    "fit_none": "Non calculable : aucune compétence du profil cible n'a été mesurée.",
    "strengths": "Points forts",
    "development": "Axes de développement",
    "none_yet": "Aucun : trop peu de compétences mesurées.",
    "level_band": "{level}/5 · {band}",
    "read_more": "Niveaux sur une échelle de 1 à 5. Les pages suivantes détaillent les éléments par compétence, le plan de développement et la façon dont les niveaux sont établis.",
    "skills_section": "Compétence par compétence",
    "family_line": "{measured} compétences mesurées sur {total} · niveau {level}/5",
    "sjt": "Test de jugement (SJT)",
    "sjt_value": "{score}/100 sur {items}",
    "items": "{n} items",
    "item": "1 item",
    "interview": "Notes d'entretien",
    "not_rated": "non évalué",
    "interview_level": "niveau d'entretien {level}/5",
    "agreement": "Accord",
    "agree": "évaluateurs d'accord (écart inférieur à 2)",
    "single_rater": "un seul évaluateur",
    "disagree": "\u26a0 désaccord entre évaluateurs (écart de 2 ou plus) : à discuter avant de décider",
    "final_level": "Niveau retenu",
    "quote": "Extrait",
    "answer_to": "Réponse à : {question}",
    "not_measured": "Non mesurées dans cette campagne : {skills}.",
    "plan_section": "Plan de développement",
    "plan_intro": "Pistes pour les premiers mois dans le poste, sur les axes de développement ci-dessus. Ce sont des points de départ pour le manager et la personne recrutée, pas un verdict.",
    "plan_empty": "Pas encore de suggestion dans la bibliothèque pour cette compétence.",
    "plan_no_areas": "Aucun axe de développement : trop peu de compétences mesurées pour en désigner un.",
    "method_section": "Méthode et contrôle humain",
    "m_sjt_h": "Test de jugement situationnel",
    "m_sjt": "Le test de jugement place le candidat dans des situations de relation client à distance. Chaque option est cotée (jugée plus ou moins efficace) par les auteurs de la banque de questions, version {version}. Cette clé reflète leur jugement d'experts : elle n'a pas été validée sur les données propres de l'organisation, sauf si celle-ci l'a fait elle-même. Désigner l'option la plus et la moins efficace rapporte +1 pour un choix conforme à la clé et -1 pour l'inverse ; les options notées sont comptées selon leur écart à la clé. Méthode de calcul utilisée : {method}.",
    "m_raw": "brute (réponses du candidat comparées telles quelles à la clé)",
    "m_within_person": "intra-individuelle (les notes de chaque candidat sont d'abord centrées et réduites, pour ne pas pénaliser l'habitude de tout noter haut ou bas)",
    "m_ratings_h": "Notes d'entretien",
    "m_ratings": "Les réponses d'entretien ont été notées par des personnes sur des échelles ancrées de 1 à 5 : les niveaux 1, 3 et 5 sont décrits par des comportements observables. Plusieurs évaluateurs peuvent noter la même réponse ; quand deux d'entre eux s'écartent de {gap} points ou plus, la compétence est signalée en désaccord, à discuter avant toute décision.",
    "m_oversight_h": "Contrôle humain",
    "m_oversight": "Le logiciel a pu suggérer un niveau à partir du texte d'une réponse. Cette suggestion n'était qu'une aide, affichée après la note de l'évaluateur : chaque note finale de ce rapport a été donnée par une personne, et aucun niveau suggéré n'entre dans les chiffres. Aucun visage, aucune voix ni aucune émotion n'a été analysé, et un administrateur peut désactiver les suggestions.",
    "m_levels_h": "Comment un niveau est établi",
    "m_levels": "Le niveau d'une compétence combine les deux sources sur l'échelle de 1 à 5. Le score au test devient 1 + 4 × score / 100 ; le niveau d'entretien est la moyenne, sur les questions, de la moyenne des évaluateurs. Les deux sont moyennés, l'entretien pesant {weight} fois le test parce que des personnes le notent d'après des ancres ; avec une seule source, le niveau est celui de cette source. Repères : solide à partir de {strong}, acquis à partir de {proficient}, en développement à partir de {developing}, limité en dessous. Familles et intelligences sont la moyenne de leurs compétences mesurées : ce qui n'a pas été mesuré est laissé de côté, jamais compté comme 0. L'adéquation est le niveau moyen pondéré des compétences mesurées du profil cible, ramené de 0 à 100 ; sa couverture est la part du poids du profil cible effectivement mesurée.",
    "m_limits_h": "Limites",
    "m_norms_low": "Les percentiles ne sont pas affichés : le groupe de référence compte {n} candidats, moins des {minimum} nécessaires à une comparaison stable. Lisez les niveaux au regard des ancres, pas des autres candidats.",
    "m_norms_ok": "Le groupe de référence compte {n} candidats ({minimum} ou plus). Ce rapport lit toujours les niveaux au regard des ancres ; les comparaisons avec les autres candidats sont dans l'application.",
    "m_limits": "Un profil de présélection repose sur quelques items et réponses. Il nourrit un échange et une décision prise par des personnes, sans les remplacer. Les réponses sont citées telles que saisies, coupées vers 300 caractères. Le texte de droite à gauche est affiché dans l'ordre visuel, sans liaison des lettres arabes.",
    "bank_unknown": "non renseignée",
}

_BANDS = {
    "en": {"strong": "strong", "proficient": "proficient", "developing": "developing", "limited": "limited"},
    "fr": {"strong": "solide", "proficient": "acquis", "developing": "en développement", "limited": "limité"},
}

_DECISIONS = {
    "en": {"advance": "advance to next stage", "hire": "hire", "hold": "on hold", "reject": "not retained",
           "shortlist": "shortlisted", "pending": "pending"},
    "fr": {"advance": "passe à l'étape suivante", "hire": "recrutement", "hold": "en attente",
           "reject": "non retenu", "shortlist": "présélectionné", "pending": "en attente de décision"},
}

_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
}

_TABLES = {"en": _EN, "fr": _FR}


def lang_of(language: str | None) -> str:
    return language if language in LANGS else "en"


_FRENCH_SPACE = re.compile(r"(?<=\S) ([:;?!»])|(«) (?=\S)")


def t(lang: str, key: str, **values: object) -> str:
    text = _TABLES[lang_of(lang)][key]
    return typeset(text.format(**values) if values else text, lang)


def typeset(text: str, lang: str) -> str:
    """French puts a space before : ; ? ! and inside « »; make it a no-break space, so a line
    never starts with the punctuation."""
    if lang_of(lang) != "fr":
        return text
    return _FRENCH_SPACE.sub(lambda m: f"\u00a0{m.group(1)}" if m.group(1) else f"{m.group(2)}\u00a0", text)


def colon(lang: str) -> str:
    return "\u00a0: " if lang_of(lang) == "fr" else ": "


def quoted(text: str, lang: str) -> str:
    return f"«\u00a0{text}\u00a0»" if lang_of(lang) == "fr" else f"\u201c{text}\u201d"


def band(lang: str, name: str | None) -> str:
    return _BANDS[lang_of(lang)].get(name or "", name or "")


def decision(lang: str, name: str) -> str | None:
    """The label of a known decision status, or None when the value is free text."""
    return _DECISIONS[lang_of(lang)].get(name.strip().lower())


def number(value: float, lang: str, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang_of(lang) == "fr" else text


def percent(share: float, lang: str) -> str:
    return f"{round(100 * share)}\u202f%" if lang_of(lang) == "fr" else f"{round(100 * share)}%"


def items(n: int, lang: str) -> str:
    return t(lang, "item") if n == 1 else t(lang, "items", n=n)


def date(value: datetime, lang: str) -> str:
    return f"{value.day} {_MONTHS[lang_of(lang)][value.month - 1]} {value.year}"


def date_time(value: datetime, lang: str) -> str:
    clock = f"{value:%H:%M}" if lang_of(lang) == "en" else f"{value:%H} h {value:%M}"
    return f"{date(value, lang)}, {clock}" if lang_of(lang) == "en" else f"{date(value, lang)} à {clock}"
