"""Every word of every e-mail to candidates, EN and FR side by side; merged into the one catalog as `mail.*`.

French is written with ordinary spaces before : ; ? ! and inside « »: the templates make them no-break
when they render, so the catalog stays easy to edit.
"""

# French typography uses the apostrophe U+2019 on purpose.

MAIL_STRINGS: dict[str, dict[str, str]] = {
    # --- shared pieces ---------------------------------------------------------------------------
    "mail.greeting.named": {"en": "Hello {name},", "fr": "Bonjour {name},"},
    "mail.greeting.nameless": {"en": "Hello,", "fr": "Bonjour Madame, Monsieur,"},
    "mail.sign_off": {"en": "Kind regards,\nThe recruitment team at {org}",
                      "fr": "Cordialement,\nL’équipe de recrutement, {org}"},
    "mail.data_use": {
        "en": "Your data: your answers are read by the people recruiting for this role at {org}, only to consider "
              "your application. They are not sold or used for anything else, and they are deleted once the "
              "recruitment is over, according to our retention period. You can ask to see, correct or erase them "
              "at any time by writing to {contact}.",
        "fr": "Vos données : vos réponses sont lues par les personnes qui recrutent pour ce poste chez {org}, "
              "uniquement pour étudier votre candidature. Elles ne sont ni vendues ni utilisées à d’autres fins, "
              "et sont effacées une fois le recrutement terminé, selon notre durée de conservation. Vous pouvez "
              "à tout moment demander à les consulter, les corriger ou les effacer en écrivant à {contact}."},
    "mail.person_decides": {
        "en": "Who decides: the test is scored against reference answers agreed by specialists, but no decision "
              "is made by software. A person at {org} reviews your results and makes every decision about your "
              "application.",
        "fr": "Qui décide : le test est corrigé selon des réponses de référence établies par des spécialistes, mais "
              "aucune décision n’est prise par un logiciel. Chez {org}, une personne examine vos résultats et "
              "prend chaque décision concernant votre candidature."},
    "mail.questions": {"en": "A question or a technical problem? Write to {contact}.",
                       "fr": "Une question, un souci technique ? Écrivez à {contact}."},
    "mail.link.start": {"en": "Your personal link to start:", "fr": "Votre lien personnel pour commencer :"},
    "mail.link.yours_alone": {"en": "This link is yours alone: please do not share it.",
                              "fr": "Ce lien vous est réservé : merci de ne pas le transmettre."},
    "mail.test.how_long": {
        "en": "The test takes {minutes}. You can take it until {deadline}. Your answers are saved as you go: if "
              "you are interrupted, open the link again to carry on where you left off.",
        "fr": "Le test dure {minutes}. Vous pouvez le faire jusqu’au {deadline}. Vos réponses sont enregistrées "
              "au fur et à mesure : en cas d’interruption, rouvrez le lien pour reprendre là où vous en étiez."},
    # --- dates and durations (numbers and plural forms come from Babel) ---------------------------------
    "mail.when": {"en": "{day} at {time} ({zone})", "fr": "{day} à {time} ({zone})"},
    "mail.duration.minutes.one": {"en": "about {n} minute", "fr": "environ {n} minute"},
    "mail.duration.minutes.other": {"en": "about {n} minutes", "fr": "environ {n} minutes"},
    "mail.duration.hours.one": {"en": "about {n} hour", "fr": "environ {n} heure"},
    "mail.duration.hours.other": {"en": "about {n} hours", "fr": "environ {n} heures"},
    # --- the invitation ------------------------------------------------------------------------------
    "mail.invitation.subject": {"en": "Your assessment for the {title} role",
                                "fr": "Votre évaluation pour le poste « {title} »"},
    "mail.invitation.intro": {
        "en": "Thank you for applying for the {title} role at {org}. The next step is a short online test: "
              "customer situations, and for each one, how effective you find the possible responses. There are "
              "no trick questions; answer as you really would. The first screen repeats this information and "
              "asks for your consent before you begin.",
        "fr": "Merci pour votre candidature au poste « {title} » chez {org}. La prochaine étape est un court test "
              "en ligne : des situations de relation client, et pour chacune, votre avis sur l’efficacité des "
              "réponses possibles. Il n’y a pas de piège ; répondez comme vous agiriez vraiment. Le premier écran "
              "rappelle ces informations et vous demande votre accord avant de commencer."},
    # --- the reminder ----------------------------------------------------------------------------------
    "mail.reminder.subject": {"en": "Reminder: your assessment for the {title} role",
                              "fr": "Rappel : votre évaluation pour le poste « {title} »"},
    "mail.reminder.started": {
        "en": "You have started the test for the {title} role at {org}, and your answers are saved. You have "
              "until {deadline} to finish and submit it.",
        "fr": "Vous avez commencé le test pour le poste « {title} » chez {org}, et vos réponses sont "
              "enregistrées. Il vous reste jusqu’au {deadline} pour le terminer et l’envoyer."},
    "mail.reminder.not_started": {
        "en": "A short reminder: the test for the {title} role at {org} is open until {deadline}. It takes "
              "{minutes}.",
        "fr": "Petit rappel : le test pour le poste « {title} » chez {org} est ouvert jusqu’au {deadline}. "
              "Il dure {minutes}."},
    "mail.reminder.new_link": {"en": "Your personal link:", "fr": "Votre lien personnel :"},
    "mail.reminder.old_links_end": {"en": "Any link you received before no longer works.",
                                    "fr": "Tout lien reçu auparavant ne fonctionne plus."},
    "mail.reminder.use_invitation.ask_page": {
        "en": "Use the personal link in our invitation e-mail. If you can no longer find it, ask for a new one "
              "here:",
        "fr": "Utilisez le lien personnel reçu dans notre e-mail d’invitation. Si vous ne le retrouvez plus, "
              "demandez-en un nouveau ici :"},
    "mail.reminder.use_invitation_of.ask_page": {
        "en": "Use the personal link in our invitation e-mail of {day}. If you can no longer find it, ask for a "
              "new one here:",
        "fr": "Utilisez le lien personnel reçu dans notre e-mail d’invitation du {day}. Si vous ne le retrouvez "
              "plus, demandez-en un nouveau ici :"},
    "mail.reminder.use_invitation.write": {
        "en": "Use the personal link in our invitation e-mail. If you can no longer find it, write to {contact} "
              "and we will send you a new one.",
        "fr": "Utilisez le lien personnel reçu dans notre e-mail d’invitation. Si vous ne le retrouvez plus, "
              "écrivez à {contact} et nous vous en enverrons un nouveau."},
    "mail.reminder.use_invitation_of.write": {
        "en": "Use the personal link in our invitation e-mail of {day}. If you can no longer find it, write to "
              "{contact} and we will send you a new one.",
        "fr": "Utilisez le lien personnel reçu dans notre e-mail d’invitation du {day}. Si vous ne le retrouvez "
              "plus, écrivez à {contact} et nous vous en enverrons un nouveau."},
    "mail.reminder.decline": {
        "en": "If you no longer wish to go ahead, you can simply ignore this message; you will not get another "
              "reminder.",
        "fr": "Si vous ne souhaitez plus poursuivre, vous pouvez simplement ignorer ce message ; vous ne "
              "recevrez pas d’autre rappel."},
    # --- a new link sent by a recruiter -------------------------------------------------------------------
    "mail.resent.subject": {"en": "Your new link for the {title} assessment",
                            "fr": "Votre nouveau lien pour l’évaluation « {title} »"},
    "mail.resent.here": {
        "en": "Here is a new personal link for the test for the {title} role at {org}. Your previous link no "
              "longer works: please use only this one.",
        "fr": "Voici un nouveau lien personnel pour le test du poste « {title} » chez {org}. L’ancien lien ne "
              "fonctionne plus : utilisez uniquement celui-ci."},
    "mail.resent.kept": {
        "en": "Any answers you already gave are kept. You can finish the test until {deadline}.",
        "fr": "Les réponses déjà données sont conservées. Vous pouvez terminer le test jusqu’au {deadline}."},
    # --- the answer to "I lost my link" -------------------------------------------------------------------
    "mail.lost.subject": {"en": "The link you asked for: {title} assessment",
                          "fr": "Le lien demandé pour l’évaluation « {title} »"},
    "mail.lost.here": {
        "en": "You asked for your link to the test for the {title} role at {org} again. Here it is:",
        "fr": "Vous avez demandé à recevoir de nouveau votre lien pour le test du poste « {title} » chez {org}. "
              "Le voici :"},
    "mail.lost.replaces": {
        "en": "It replaces your previous link, which no longer works. Any answers you already gave are kept.",
        "fr": "Il remplace le précédent, qui ne fonctionne plus. Vos réponses déjà données sont conservées."},
    "mail.lost.until": {"en": "You can finish the test until {deadline}.",
                        "fr": "Vous pouvez terminer le test jusqu’au {deadline}."},
    "mail.lost.not_you": {"en": "Did not ask for this? Do not click the link, and let us know at {contact}.",
                          "fr": "Vous n’avez rien demandé ? Ne cliquez pas sur le lien et prévenez-nous à {contact}."},
    # --- the outcome ----------------------------------------------------------------------------------------
    "mail.outcome.subject": {"en": "Your application for the {title} role",
                             "fr": "Votre candidature au poste « {title} »"},
    "mail.outcome.thanks": {
        "en": "Thank you for the time and care you put into your application for the {title} role at {org}.",
        "fr": "Merci pour le temps et le soin que vous avez consacrés à votre candidature au poste « {title} » "
              "chez {org}."},
    "mail.outcome.advance": {
        "en": "Good news: we would like to take your application to the next stage. Someone from the recruitment "
              "team will contact you soon to arrange it.",
        "fr": "Bonne nouvelle : nous souhaitons poursuivre avec vous et passer à l’étape suivante. Une personne "
              "de l’équipe de recrutement vous contactera prochainement pour en convenir."},
    "mail.outcome.hold": {
        "en": "We have not reached a decision yet. Your application stays open, there is nothing you need to do, "
              "and we will write again as soon as we can tell you more.",
        "fr": "Nous n’avons pas encore pris de décision. Votre candidature reste ouverte, vous n’avez rien à "
              "faire, et nous vous écrirons dès que nous pourrons vous en dire plus."},
    "mail.outcome.reject": {
        "en": "After careful consideration, we have decided not to take your application for this role further. "
              "This decision concerns this role only, and you are welcome to apply for future openings.",
        "fr": "Après un examen attentif, nous avons décidé de ne pas poursuivre votre candidature pour ce poste. "
              "Cette décision ne concerne que ce poste : vos candidatures à nos prochaines offres seront les "
              "bienvenues."},
    "mail.outcome.feedback": {"en": "Personal feedback on your answers is available here:",
                              "fr": "Un retour personnalisé sur vos réponses est disponible ici :"},
    "mail.outcome.by_a_person": {
        "en": "This decision was made by a person at {org}, not by software. For any question, or to ask for "
              "your data to be erased, write to {contact}.",
        "fr": "Chez {org}, cette décision a été prise par une personne, et non par un logiciel. Pour toute "
              "question, ou pour demander l’effacement de vos données, écrivez à {contact}."},
    # the one-time link that lets an invited staff member choose their password
    "mail.staff_invite.subject": {"en": "Your account on the {org} screening tool",
                                  "fr": "{org} : votre compte sur l'outil de présélection"},
    "mail.staff_invite.hello": {"en": "Hello {name},", "fr": "Bonjour {name},"},
    "mail.staff_invite.hello_nameless": {"en": "Hello,", "fr": "Bonjour,"},
    "mail.staff_invite.intro": {"en": "{org} has opened an account for you on its candidate screening tool, with the "
                                      "role of {role}.",
                                "fr": "{org} vous a ouvert un compte sur son outil de présélection des candidats, avec "
                                      "le rôle de {role}."},
    "mail.staff_invite.link": {"en": "Choose your password here:", "fr": "Choisissez votre mot de passe ici :"},
    "mail.staff_invite.once": {"en": "This link works once, until {expires}. Please do not forward it: whoever opens "
                                     "it can set the password of your account.",
                               "fr": "Ce lien ne sert qu'une fois, jusqu'au {expires}. Ne le transférez pas : "
                                     "quiconque l'ouvre peut choisir le mot de passe de votre compte."},
    "mail.staff_invite.not_you": {"en": "Not expecting this e-mail? Ignore it: without a password, nobody can use the "
                                        "account.",
                                  "fr": "Vous n'attendiez pas cet e-mail ? Ignorez-le : sans mot de passe, personne "
                                        "ne peut utiliser ce compte."},
    "mail.staff_invite.sign": {"en": "The administrators of {org}", "fr": "L'équipe d'administration, {org}"},
}
