"""The practice item every candidate sees after consenting: fixed, simple, never stored and never scored."""

from __future__ import annotations

from dataclasses import dataclass

from screening.text import Text


@dataclass(frozen=True)
class PracticeOption:
    id: str
    text: Text


@dataclass(frozen=True)
class PracticeItem:
    scenario: Text
    options: tuple[PracticeOption, ...]


PRACTICE_ITEM = PracticeItem(
    scenario=Text(
        "Practice: a customer writes in the chat that their parcel has not arrived. The tracking page shows "
        "it was delivered yesterday to a neighbour.",
        "Entraînement : un client écrit dans le chat que son colis n'est pas arrivé. Le suivi indique qu'il a "
        "été remis hier à un voisin."),
    options=(
        PracticeOption("a", Text("Tell the customer the neighbour's name shown in the tracking and offer to "
                                 "stay in the chat while they check.",
                                 "Donner au client le nom du voisin indiqué dans le suivi et proposer de "
                                 "rester dans le chat pendant qu'il vérifie.")),
        PracticeOption("b", Text("Reply that the parcel was delivered and close the conversation.",
                                 "Répondre que le colis a été livré et clore la conversation.")),
        PracticeOption("c", Text("Ask the customer to call the carrier themselves.",
                                 "Demander au client d'appeler lui-même le transporteur.")),
        PracticeOption("d", Text("Open a lost-parcel claim at once without checking the tracking details.",
                                 "Ouvrir tout de suite une réclamation pour colis perdu sans regarder le suivi.")),
    ),
)
