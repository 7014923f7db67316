"""Interface strings, English and French side by side so neither can fall behind."""

STRINGS: dict[str, dict[str, str]] = {
    # --- errors -------------------------------------------------------------
    "error.generic": {"en": "Something went wrong. Nothing was lost; please try again.",
                      "fr": "Un problème est survenu. Rien n'a été perdu ; veuillez réessayer."},
    "error.forbidden": {"en": "You do not have access to this.", "fr": "Vous n'avez pas accès à cette page."},
    "error.not_found": {"en": "Not found.", "fr": "Introuvable."},
    "error.invalid_input": {"en": "Please check what you entered.", "fr": "Veuillez vérifier votre saisie."},
    "error.invite_invalid": {
        "en": "This link is not valid. It may have expired or been replaced by a newer one. "
              "Please contact the recruiter who sent it.",
        "fr": "Ce lien n'est pas valide. Il a peut-être expiré ou été remplacé par un lien plus récent. "
              "Veuillez contacter la personne qui vous l'a envoyé."},
    "error.invite_used": {
        "en": "This test has already been submitted with this link. If that was you, there is nothing more "
              "to do: thank you.",
        "fr": "Ce questionnaire a déjà été envoyé avec ce lien. Si c'était vous, vous n'avez plus rien à "
              "faire : merci."},
    "error.login_failed": {"en": "Wrong e-mail or password.", "fr": "E-mail ou mot de passe incorrect."},
    "error.sso_unknown": {"en": "Your organisation's account is not linked to a staff account here. Ask an "
                                "administrator to add your e-mail.",
                          "fr": "Le compte de votre organisation n'est lié à aucun compte ici. Demandez à un "
                                "administrateur d'ajouter votre e-mail."},
    "error.unknown_role": {"en": "Unknown role.", "fr": "Rôle inconnu."},
    "error.password_short": {"en": "The password needs at least 12 characters.",
                             "fr": "Le mot de passe doit contenir au moins 12 caractères."},
    "error.password_common": {"en": "This password is on the list of the most common passwords: choose another.",
                              "fr": "Ce mot de passe figure parmi les plus courants : choisissez-en un autre."},
    "error.email_invalid": {"en": "This is not a valid e-mail address.",
                            "fr": "Cette adresse e-mail n'est pas valide."},
    "error.last_admin": {"en": "This is the last active administrator: make someone else an administrator first.",
                         "fr": "C'est le dernier administrateur actif : nommez d'abord un autre administrateur."},
    "error.signin_delayed": {"en": "Too many failed attempts. Please wait {seconds} s before trying again.",
                             "fr": "Trop de tentatives échouées. Patientez {seconds} s avant de réessayer."},
    "error.origin": {"en": "This form must be sent from this site's own page. Please reload the page and try again.",
                     "fr": "Ce formulaire doit être envoyé depuis la page de ce site. Rechargez la page et "
                           "réessayez."},
    "error.email_taken": {"en": "An account already uses this e-mail.",
                          "fr": "Un compte utilise déjà cet e-mail."},
    "error.campaign_name": {"en": "Give the campaign a name.", "fr": "Donnez un nom à la campagne."},
    "error.campaign_skills": {"en": "Choose at least one skill.", "fr": "Choisissez au moins une compétence."},
    "error.candidate_name": {"en": "Enter the candidate's name.", "fr": "Saisissez le nom du candidat."},
    "error.answer_too_long": {"en": "This answer is longer than 20,000 characters. Please shorten it: nothing was cut.",
                              "fr": "Cette réponse dépasse 20 000 caractères. Raccourcissez-la : rien n'a été coupé."},
    "error.decision_reason": {"en": "Give the reason for this decision.",
                              "fr": "Indiquez la raison de cette décision."},
    "error.candidate_email_taken": {"en": "A candidate of this campaign already has this e-mail address.",
                                    "fr": "Un candidat de cette campagne a déjà cette adresse e-mail."},
    "error.share_unknown": {"en": "No recruiter or hiring lead has this e-mail.",
                            "fr": "Aucun recruteur ni responsable du recrutement n'a cet e-mail."},
    "error.already_rated": {"en": "You have already rated this answer; you can revise your rating below.",
                            "fr": "Vous avez déjà noté cette réponse ; vous pouvez réviser votre note ci-dessous."},
    # --- staff shell ----------------------------------------------------------
    "app.title": {"en": "Soft-skill screening", "fr": "Évaluation des compétences comportementales"},
    "login.title": {"en": "Staff sign-in", "fr": "Connexion de l'équipe"},
    "login.email": {"en": "E-mail", "fr": "E-mail"},
    "login.password": {"en": "Password", "fr": "Mot de passe"},
    "login.submit": {"en": "Sign in", "fr": "Se connecter"},
    "login.sso": {"en": "Sign in with your organisation's account",
                  "fr": "Se connecter avec le compte de votre organisation"},
    "login.candidate_hint": {
        "en": "Candidates: please open the personal link you received by e-mail; you do not need an account.",
        "fr": "Candidats : ouvrez le lien personnel reçu par e-mail ; aucun compte n'est nécessaire."},
    "shell.signed_in_as": {"en": "Signed in as", "fr": "Connecté en tant que"},
    "shell.logout": {"en": "Sign out", "fr": "Se déconnecter"},
    "login.sso_logout": {"en": "Sign out of your organisation's account",
                         "fr": "Se déconnecter du compte de votre organisation"},
    "shell.language": {"en": "Language", "fr": "Langue"},
    "role.admin": {"en": "admin", "fr": "administrateur"},
    "role.recruiter": {"en": "recruiter", "fr": "recruteur"},
    "role.lead": {"en": "hiring lead", "fr": "responsable du recrutement"},
    "page.campaigns": {"en": "Campaigns", "fr": "Campagnes"},
    "page.candidates": {"en": "Candidates", "fr": "Candidats"},
    "page.console": {"en": "Interview console", "fr": "Console d'entretien"},
    "page.dashboard": {"en": "Profiles and decisions", "fr": "Profils et décisions"},
    "page.users": {"en": "Users", "fr": "Utilisateurs"},
    "page.audit": {"en": "Audit log", "fr": "Journal d'audit"},
    "page.retention": {"en": "Retention and erasure", "fr": "Conservation et effacement"},
    "retention.candidate": {"en": "Candidate whose personal data to erase",
                            "fr": "Candidat dont effacer les données personnelles"},
    "retention.confirm": {"en": "I understand this cannot be undone. Scores, ratings and the audit log are kept.",
                          "fr": "Je comprends que c'est irréversible. Les scores, les notes et le journal d'audit "
                                "sont conservés."},
    "retention.erase": {"en": "Erase personal data", "fr": "Effacer les données personnelles"},
    "retention.erased": {"en": "Personal data erased.", "fr": "Données personnelles effacées."},
    "retention.days": {"en": "Erase the personal data of candidates whose campaign closed, or whose unused invite "
                             "link expired, more than this many days ago",
                       "fr": "Effacer les données personnelles des candidats dont la campagne est clôturée, ou "
                             "dont le lien d'invitation inutilisé a expiré, depuis plus de ce nombre de jours"},
    "retention.purge": {"en": "Apply retention", "fr": "Appliquer la durée de conservation"},
    "retention.purged": {"en": "{n} candidate(s) erased.", "fr": "{n} candidat(s) effacé(s)."},
    "page.banks": {"en": "Question banks", "fr": "Banques de questions"},
    "demo.badge": {"en": "DEMO DATA", "fr": "DONNÉES DE DÉMONSTRATION"},
    # --- campaigns -------------------------------------------------------------
    "campaigns.new": {"en": "New campaign", "fr": "Nouvelle campagne"},
    "campaigns.name": {"en": "Campaign name", "fr": "Nom de la campagne"},
    "campaigns.job": {"en": "Job title", "fr": "Intitulé du poste"},
    "campaigns.language": {"en": "Language of the test", "fr": "Langue du questionnaire"},
    "campaigns.target": {"en": "Target profile", "fr": "Profil cible"},
    "campaigns.target_none": {"en": "(none)", "fr": "(aucun)"},
    "campaigns.use_target": {"en": "Use the target profile's skills",
                             "fr": "Reprendre les compétences du profil cible"},
    "campaigns.skills": {"en": "Skills to measure", "fr": "Compétences à évaluer"},
    "campaigns.written": {"en": "Interview questions answered in writing from the invite link (the others are "
                                "asked live)",
                          "fr": "Questions d'entretien auxquelles le candidat répond par écrit via son lien (les "
                                "autres sont posées en direct)"},
    "campaigns.method": {"en": "Scoring of rate-each items", "fr": "Notation des items à évaluer un par un"},
    "campaigns.method.raw": {"en": "Distance to the key", "fr": "Distance à la clé"},
    "campaigns.method.within_person": {"en": "Within-person standardised (recommended)",
                                       "fr": "Standardisée par candidat (recommandé)"},
    "campaigns.draw": {"en": "SJT items per candidate (0 = all, otherwise drawn at random from the pool)",
                       "fr": "Items par candidat (0 = tous, sinon tirés au hasard dans la banque)"},
    "campaigns.create": {"en": "Create campaign", "fr": "Créer la campagne"},
    "campaigns.created": {"en": "Campaign created.", "fr": "Campagne créée."},
    "campaigns.none": {"en": "No campaign yet.", "fr": "Aucune campagne pour l'instant."},
    "campaigns.items": {"en": "{sjt} SJT items, {written} written and {live} live interview questions",
                        "fr": "{sjt} items de mise en situation, {written} questions écrites et {live} en direct"},
    "campaigns.share": {"en": "Share with (e-mail of a recruiter or hiring lead)",
                        "fr": "Partager avec (e-mail d'un recruteur ou d'un responsable)"},
    "campaigns.share_button": {"en": "Share", "fr": "Partager"},
    "campaigns.shared": {"en": "Shared.", "fr": "Partagée."},
    "campaigns.keys_note": {
        "en": "The SJT keys are the bank authors' judgement and have not been validated on your own data.",
        "fr": "Les clés des mises en situation reflètent le jugement des auteurs de la banque ; elles n'ont "
              "pas été validées sur vos propres données."},
    # --- candidates ------------------------------------------------------------
    "candidates.campaign": {"en": "Campaign", "fr": "Campagne"},
    "candidates.add": {"en": "Add a candidate", "fr": "Ajouter un candidat"},
    "candidates.name": {"en": "Full name", "fr": "Nom complet"},
    "candidates.email": {"en": "E-mail (optional)", "fr": "E-mail (facultatif)"},
    "candidates.add_button": {"en": "Add candidate", "fr": "Ajouter"},
    "candidates.added": {"en": "Candidate added.", "fr": "Candidat ajouté."},
    "candidates.invite": {"en": "Issue invite link", "fr": "Créer le lien d'invitation"},
    "candidates.invite_ready": {
        "en": "Copy this link and send it to the candidate. It works once, until submission, and expires in "
              "{days} days. Issuing a new one disables the old one.",
        "fr": "Copiez ce lien et envoyez-le au candidat. Il reste valable jusqu'à l'envoi des réponses et "
              "expire dans {days} jours. En créer un nouveau désactive l'ancien."},
    "candidates.none": {"en": "No candidate yet.", "fr": "Aucun candidat pour l'instant."},
    "status.invited": {"en": "invited", "fr": "invité"},
    "status.in_progress": {"en": "in progress", "fr": "en cours"},
    "status.submitted": {"en": "submitted", "fr": "envoyé"},
    # --- console ----------------------------------------------------------------
    "console.candidate": {"en": "Candidate", "fr": "Candidat"},
    "console.no_candidates": {"en": "No candidate to interview in your campaigns.",
                              "fr": "Aucun candidat à interroger dans vos campagnes."},
    "console.written": {"en": "Written answer (from the invite link)",
                        "fr": "Réponse écrite (via le lien d'invitation)"},
    "console.live": {"en": "Live question", "fr": "Question en direct"},
    "console.no_written": {"en": "The candidate has not answered this question yet.",
                           "fr": "Le candidat n'a pas encore répondu à cette question."},
    "kind.behavioural": {"en": "behavioural (a real past example)", "fr": "comportementale (un exemple vécu)"},
    "kind.situational": {"en": "situational (what would you do)", "fr": "situationnelle (que feriez-vous)"},
    "console.probes": {"en": "Follow-up probes", "fr": "Relances"},
    "console.anchors": {"en": "Rating anchors", "fr": "Ancres de notation"},
    "console.answer_box": {"en": "The candidate's answer, in their words",
                           "fr": "La réponse du candidat, avec ses mots"},
    "console.notes_box": {"en": "Your own notes (not the candidate's words)",
                          "fr": "Vos notes personnelles (pas les mots du candidat)"},
    "console.save_live": {"en": "Save answer and notes", "fr": "Enregistrer la réponse et les notes"},
    "console.saved": {"en": "Saved.", "fr": "Enregistré."},
    "console.rate": {"en": "Your rating (1-5), before you see any suggestion or other rating",
                     "fr": "Votre note (1 à 5), avant de voir toute suggestion ou autre note"},
    "console.submit_rating": {"en": "Submit my rating", "fr": "Valider ma note"},
    "console.your_rating": {"en": "Your first rating: {first}. Your final rating: {final}.",
                            "fr": "Votre première note : {first}. Votre note finale : {final}."},
    "console.suggestion": {"en": "Software suggestion (an aid only; you decide): level {level}, confidence {conf}",
                           "fr": "Suggestion du logiciel (une aide ; vous décidez) : niveau {level}, "
                                 "confiance {conf}"},
    "console.suggestion_declined": {"en": "No suggestion: {reason}", "fr": "Pas de suggestion : {reason}"},
    "console.evidence": {"en": "Evidence: STAR parts {star}; past example: {past}; ownership: {own}; "
                                "indicators matched: {ind}",
                         "fr": "Indices : parties STAR {star} ; exemple vécu : {past} ; "
                               "actions : {own} ; indicateurs repérés : {ind}"},
    "reason.too_short": {"en": "the answer is too short to compare with the anchors",
                         "fr": "la réponse est trop courte pour être comparée aux ancres"},
    "reason.off_topic": {"en": "the answer does not seem to address the question",
                         "fr": "la réponse ne semble pas traiter la question"},
    "reason.repetitive": {"en": "the answer repeats the same passage; read it yourself",
                          "fr": "la réponse répète le même passage ; lisez-la vous-même"},
    "reason.no_anchors": {"en": "the question has no anchors", "fr": "la question n'a pas d'ancres"},
    "reason.out_of_domain": {"en": "the answer is not about working with customers or colleagues",
                             "fr": "la réponse ne parle pas du travail avec des clients ou des collègues"},
    "reason.no_embedder": {"en": "the text-comparison component is not available on this server; rate from "
                                 "the anchors alone",
                           "fr": "le composant de comparaison des textes n'est pas disponible sur ce serveur ; "
                                 "notez à partir des ancres seules"},
    "yes": {"en": "yes", "fr": "oui"},
    "no": {"en": "no", "fr": "non"},
    "own.own": {"en": "the candidate's own", "fr": "celles du candidat"},
    "own.others": {"en": "other people's", "fr": "celles d'autres personnes"},
    "own.mixed": {"en": "mixed", "fr": "mélangées"},
    "own.unclear": {"en": "unclear", "fr": "peu claires"},
    "console.revise": {"en": "Revise my final rating", "fr": "Réviser ma note finale"},
    "console.others": {"en": "All raters: mean {mean}, spread {spread}, {n} rating(s)",
                       "fr": "Tous les évaluateurs : moyenne {mean}, écart {spread}, {n} note(s)"},
    "console.disagreement": {"en": "Raters disagree by 2 or more: discuss before deciding.",
                             "fr": "Écart de 2 points ou plus entre évaluateurs : à discuter avant de décider."},
    "console.agreement": {"en": "Campaign agreement (Krippendorff's alpha): {alpha} over {n} answers rated twice",
                          "fr": "Accord dans la campagne (alpha de Krippendorff) : {alpha} sur {n} réponses "
                                "notées deux fois"},
    "console.agreement_pending": {
        "en": "Campaign agreement is shown once 20 answers have two ratings ({n} so far).",
        "fr": "L'accord de la campagne s'affiche à partir de 20 réponses notées deux fois ({n} pour l'instant)."},
    # --- dashboard ----------------------------------------------------------------
    "dashboard.status": {"en": "Status", "fr": "Statut"},
    "dashboard.sjt": {"en": "SJT (0-100)", "fr": "Mises en situation (0-100)"},
    "dashboard.interview": {"en": "Interview (1-5)", "fr": "Entretien (1-5)"},
    "dashboard.fit": {"en": "Fit (0-100)", "fr": "Adéquation (0-100)"},
    "dashboard.decision": {"en": "Decision", "fr": "Décision"},
    "dashboard.percentile": {"en": "Fit percentile", "fr": "Centile d'adéquation"},
    "dashboard.no_percentiles": {"en": "Percentiles appear once {n} candidates of this campaign have submitted.",
                                 "fr": "Les centiles s'affichent dès que {n} candidats de la campagne ont envoyé "
                                       "leurs réponses."},
    "dashboard.flag": {"en": "Rater disagreement", "fr": "Désaccord entre évaluateurs"},
    "dashboard.download": {"en": "Download profile (PDF)", "fr": "Télécharger le profil (PDF)"},
    "dashboard.record": {"en": "Record a decision", "fr": "Enregistrer une décision"},
    "dashboard.note": {"en": "Reason (kept in the record)", "fr": "Motif (conservé au dossier)"},
    "dashboard.recorded": {"en": "Decision recorded.", "fr": "Décision enregistrée."},
    "decision.advance": {"en": "advance", "fr": "poursuivre"},
    "decision.hold": {"en": "hold", "fr": "en attente"},
    "decision.reject": {"en": "decline", "fr": "ne pas retenir"},
    "dashboard.level": {"en": "Level (1-5)", "fr": "Niveau (1-5)"},
    "dashboard.items": {"en": "SJT items", "fr": "Items"},
    "dashboard.skills": {"en": "Skills", "fr": "Compétences"},
    # --- panel: evidence notes, debrief, calibration, lead pages (wt/panel) --------------------
    "error.evidence_note": {"en": "Write the evidence your level rests on: what the candidate said or did.",
                            "fr": "Notez les éléments sur lesquels repose votre niveau : ce que le candidat a dit "
                                  "ou fait."},
    "error.consensus_reason": {"en": "Give the reason the panel agreed on this level.",
                               "fr": "Indiquez pourquoi le panel s'est accordé sur ce niveau."},
    "console.evidence_note": {"en": "Evidence for your level (required)", "fr": "Éléments justifiant votre niveau "
                                                                               "(obligatoire)"},
    "console.evidence_hint": {"en": "What did the candidate say or do that matches an anchor?",
                              "fr": "Qu'a dit ou fait le candidat qui correspond à une ancre ?"},
    "console.pick_level": {"en": "Choose a level from 1 to 5.", "fr": "Choisissez un niveau de 1 à 5."},
    "console.your_note": {"en": "Your evidence:", "fr": "Vos éléments :"},
    "console.confirm": {"en": "Keep my level ({level})", "fr": "Garder mon niveau ({level})"},
    "console.confirmed": {"en": "Final level {level}, confirmed.", "fr": "Niveau final {level}, confirmé."},
    "console.revise_note": {"en": "Why you change it (required)", "fr": "Pourquoi vous la modifiez (obligatoire)"},
    "page.debrief": {"en": "Panel debrief", "fr": "Débriefing du panel"},
    "debrief.question": {"en": "Question", "fr": "Question"},
    "debrief.closed": {"en": "The debrief opens once every rater of the panel has rated this answer, or when a "
                              "hiring lead opens it. You see it only after giving your own rating.",
                       "fr": "Le débriefing s'ouvre quand chaque évaluateur du panel a noté cette réponse, ou "
                             "quand un responsable du recrutement l'ouvre. Vous ne le voyez qu'après avoir donné "
                             "votre propre note."},
    "debrief.waiting": {"en": "Still to rate: {names}", "fr": "Doivent encore noter : {names}"},
    "debrief.open": {"en": "Open the debrief now", "fr": "Ouvrir le débriefing maintenant"},
    "debrief.opened": {"en": "Debrief opened.", "fr": "Débriefing ouvert."},
    "debrief.rater": {"en": "Rater", "fr": "Évaluateur"},
    "debrief.first": {"en": "First level", "fr": "Premier niveau"},
    "debrief.final": {"en": "Final level", "fr": "Niveau final"},
    "debrief.note": {"en": "Evidence note", "fr": "Éléments notés"},
    "debrief.revision": {"en": "Why revised", "fr": "Motif de la révision"},
    "debrief.spread": {"en": "Mean {mean}, spread {spread} over {n} rater(s)",
                       "fr": "Moyenne {mean}, écart {spread} sur {n} évaluateur(s)"},
    "debrief.consensus": {"en": "Consensus: level {level}, recorded by {who}. Reason: {reason}",
                          "fr": "Consensus : niveau {level}, enregistré par {who}. Motif : {reason}"},
    "debrief.level": {"en": "Consensus level", "fr": "Niveau retenu par le panel"},
    "debrief.reason": {"en": "Reason (required)", "fr": "Motif (obligatoire)"},
    "debrief.record": {"en": "Record the consensus", "fr": "Enregistrer le consensus"},
    "debrief.recorded": {"en": "Consensus recorded.", "fr": "Consensus enregistré."},
    "page.calibration": {"en": "Calibration", "fr": "Calibrage"},
    "calibration.intro": {"en": "Rate ten answers from the question bank against their anchors. Their keyed "
                                "levels appear only once you have rated all ten.",
                          "fr": "Notez dix réponses de la banque de questions au regard des ancres. Leurs "
                                "niveaux de référence n'apparaissent qu'une fois les dix notées."},
    "calibration.language": {"en": "Language of the answers", "fr": "Langue des réponses"},
    "calibration.start": {"en": "Start a set of ten", "fr": "Commencer une série de dix"},
    "calibration.progress": {"en": "Answer {n} of {total}", "fr": "Réponse {n} sur {total}"},
    "calibration.answer": {"en": "The answer", "fr": "La réponse"},
    "calibration.level": {"en": "Your level (1-5)", "fr": "Votre niveau (1 à 5)"},
    "calibration.submit": {"en": "Save and go on", "fr": "Enregistrer et continuer"},
    "calibration.result": {"en": "Agreement with the keyed levels (quadratic-weighted kappa): {kappa}, 95% "
                                 "interval {low} to {high}, over {n} answers",
                           "fr": "Accord avec les niveaux de référence (kappa pondéré quadratique) : {kappa}, "
                                 "intervalle à 95 % de {low} à {high}, sur {n} réponses"},
    "calibration.tendency.harsh": {"en": "You rated lower than the key by {diff} level(s) on average: harsh.",
                                   "fr": "Vous avez noté en moyenne {diff} niveau(x) sous la référence : "
                                         "sévère."},
    "calibration.tendency.lenient": {"en": "You rated higher than the key by {diff} level(s) on average: lenient.",
                                     "fr": "Vous avez noté en moyenne {diff} niveau(x) au-dessus de la "
                                           "référence : indulgent."},
    "calibration.tendency.on_key": {"en": "On average you rated close to the key ({diff}).",
                                    "fr": "En moyenne vous avez noté près de la référence ({diff})."},
    "calibration.yours": {"en": "Your level", "fr": "Votre niveau"},
    "calibration.keyed": {"en": "Keyed level", "fr": "Niveau de référence"},
    "calibration.gap": {"en": "Gap", "fr": "Écart"},
    "calibration.history": {"en": "Your earlier sets", "fr": "Vos séries précédentes"},
    "calibration.none": {"en": "The bank has no rated answers in this language.",
                         "fr": "La banque n'a pas de réponses notées dans cette langue."},
    "page.raters": {"en": "Raters", "fr": "Évaluateurs"},
    "raters.sets": {"en": "Calibration sets", "fr": "Séries de calibrage"},
    "raters.agreement": {"en": "Agreement with co-raters, by month", "fr": "Accord avec les co-évaluateurs, par mois"},
    "raters.rater": {"en": "Rater", "fr": "Évaluateur"},
    "raters.date": {"en": "Date", "fr": "Date"},
    "raters.kappa": {"en": "Kappa", "fr": "Kappa"},
    "raters.interval": {"en": "95% interval", "fr": "Intervalle à 95 %"},
    "raters.tendency": {"en": "Tendency", "fr": "Tendance"},
    "raters.month": {"en": "Month", "fr": "Mois"},
    "raters.shared": {"en": "Answers shared", "fr": "Réponses en commun"},
    "raters.mad": {"en": "Mean gap", "fr": "Écart moyen"},
    "raters.signed": {"en": "Mean signed gap", "fr": "Écart moyen signé"},
    "raters.none": {"en": "No calibration set or shared rating yet.",
                    "fr": "Pas encore de série de calibrage ni de note partagée."},
    "tendency.harsh": {"en": "harsh", "fr": "sévère"},
    "tendency.lenient": {"en": "lenient", "fr": "indulgent"},
    "tendency.on_key": {"en": "on key", "fr": "conforme"},
    "dashboard.filter_status": {"en": "Status", "fr": "Statut"},
    "dashboard.filter_decision": {"en": "Decision", "fr": "Décision"},
    "dashboard.no_decision": {"en": "none yet", "fr": "pas encore"},
    "dashboard.min_fit": {"en": "Minimum fit", "fr": "Adéquation minimale"},
    "dashboard.rank": {"en": "Rank", "fr": "Rang"},
    "dashboard.families": {"en": "Skill families (1-5)", "fr": "Familles de compétences (1-5)"},
    "dashboard.answers": {"en": "Written answers and raters' evidence", "fr": "Réponses écrites et éléments des "
                                                                              "évaluateurs"},
    "dashboard.no_answer": {"en": "No answer.", "fr": "Pas de réponse."},
    "dashboard.send_mail": {"en": "Also e-mail the outcome to the candidate", "fr": "Envoyer aussi la décision "
                                                                                     "au candidat par e-mail"},
    "dashboard.mail_sent": {"en": "Outcome e-mail sent.", "fr": "E-mail de décision envoyé."},
    "page.compare": {"en": "Compare candidates", "fr": "Comparer des candidats"},
    "compare.pick": {"en": "Two to four candidates", "fr": "De deux à quatre candidats"},
    "compare.need": {"en": "Choose two to four candidates.", "fr": "Choisissez de deux à quatre candidats."},
    # --- admin ------------------------------------------------------------------
    "pickers.campaign_label": {"en": "{name} (no. {id}, created {date})", "fr": "{name} (n° {id}, créée le {date})"},
    "pickers.candidate_label": {"en": "{name} · {email} · added {date} · no. {id}",
                                "fr": "{name} · {email} · ajouté le {date} · n° {id}"},
    "pickers.no_email": {"en": "no e-mail", "fr": "sans e-mail"},
    "pickers.search": {"en": "Search by name or e-mail", "fr": "Rechercher par nom ou e-mail"},
    "candidates.page": {"en": "Page (of {pages}; {total} candidates)", "fr": "Page (sur {pages} ; {total} candidats)"},
    "users.new": {"en": "New staff account", "fr": "Nouveau compte"},
    "users.name": {"en": "Name", "fr": "Nom"},
    "users.role": {"en": "Role", "fr": "Rôle"},
    "users.create": {"en": "Create account", "fr": "Créer le compte"},
    "users.created": {"en": "Account created.", "fr": "Compte créé."},
    "users.id": {"en": "No.", "fr": "N°"},
    "users.active": {"en": "Active", "fr": "Actif"},
    "users.choose_role": {"en": "Choose a role", "fr": "Choisissez un rôle"},
    "users.keep_role": {"en": "Keep the current role", "fr": "Garder le rôle actuel"},
    "users.password_rule": {"en": "At least 12 characters, not a common password.",
                            "fr": "Au moins 12 caractères, pas un mot de passe courant."},
    "users.change": {"en": "Change an account", "fr": "Modifier un compte"},
    "users.account": {"en": "Account", "fr": "Compte"},
    "users.new_password": {"en": "New password (leave empty to keep it)",
                           "fr": "Nouveau mot de passe (laisser vide pour le garder)"},
    "users.apply": {"en": "Apply", "fr": "Appliquer"},
    "users.changed": {"en": "Account updated. Its open sessions have ended if the role or password changed.",
                      "fr": "Compte mis à jour. Ses sessions ouvertes sont closes si le rôle ou le mot de passe a "
                            "changé."},
    "banks.valid": {"en": "All bank files are valid: {sjt} SJT items, {questions} interview questions.",
                    "fr": "Toutes les banques sont valides : {sjt} items, {questions} questions d'entretien."},
    "banks.upload": {"en": "Add a bank (YAML, same format as question_banks/)",
                     "fr": "Ajouter une banque (YAML, même format que question_banks/)"},
    "banks.upload_button": {"en": "Validate and add", "fr": "Valider et ajouter"},
    "banks.rejected": {"en": "The bank was rejected; nothing was loaded. Fix these problems and upload it again:",
                       "fr": "La banque a été refusée ; rien n'a été chargé. Corrigez ces problèmes puis "
                             "recommencez :"},
    "banks.accepted": {"en": "Bank added: {added} new item(s), {versions} new version(s), {unchanged} unchanged. "
                             "New campaigns can use them now.",
                       "fr": "Banque ajoutée : {added} nouvel(s) item(s), {versions} nouvelle(s) version(s), "
                             "{unchanged} inchangé(s). Les nouvelles campagnes peuvent les utiliser."},
    "banks.version": {"en": "Bank version {version}", "fr": "Version des banques {version}"},
    # --- candidate ----------------------------------------------------------------
    "cand.hello": {"en": "Hello {name}", "fr": "Bonjour {name}"},
    "cand.intro": {
        "en": "You are invited to a short assessment for **{campaign}**. It has two parts: {sjt} short "
              "customer-service situations, where you judge how effective some responses are, and {written} "
              "question(s) you answer in your own words. Allow about **{minutes} minutes**. There is no time "
              "limit per screen.",
        "fr": "Vous êtes invité(e) à une courte évaluation pour **{campaign}**. Elle comporte deux parties : "
              "{sjt} situations de relation client, où vous jugez l'efficacité de plusieurs réponses, et "
              "{written} question(s) auxquelles vous répondez avec vos propres mots. Prévoyez environ "
              "**{minutes} minutes**. Aucun écran n'est chronométré."},
    "cand.resume": {
        "en": "Every answer is saved as soon as you give it. You can close this page and come back with the "
              "same link: you will continue where you left off, until you submit.",
        "fr": "Chaque réponse est enregistrée dès que vous la donnez. Vous pouvez fermer la page et revenir "
              "avec le même lien : vous reprendrez là où vous en étiez, jusqu'à l'envoi."},
    "cand.data": {
        "en": "How your data is used: your answers are seen only by the recruiters and hiring leads of this "
              "campaign, to assess the skills the job needs. Software may suggest a level for your written "
              "answers to help the people who rate them, but a person always decides. You can ask the "
              "recruiter to see or erase your data.",
        "fr": "Utilisation de vos données : vos réponses ne sont vues que par les recruteurs et responsables "
              "de cette campagne, pour évaluer les compétences utiles au poste. Un logiciel peut suggérer un "
              "niveau pour vos réponses écrites afin d'aider les personnes qui les évaluent, mais c'est "
              "toujours une personne qui décide. Vous pouvez demander au recruteur de consulter ou d'effacer "
              "vos données."},
    "cand.consent": {"en": "I have read this and agree to take part.",
                     "fr": "J'ai lu ces informations et j'accepte de participer."},
    "cand.start": {"en": "Start", "fr": "Commencer"},
    "cand.continue": {"en": "Continue", "fr": "Continuer"},
    "cand.progress": {"en": "Step {n} of {total}", "fr": "Étape {n} sur {total}"},
    "cand.best": {"en": "Which response is the MOST effective?", "fr": "Quelle réponse est la PLUS efficace ?"},
    "cand.worst": {"en": "Which response is the LEAST effective?",
                   "fr": "Quelle réponse est la MOINS efficace ?"},
    "cand.same": {"en": "Pick two different responses.", "fr": "Choisissez deux réponses différentes."},
    "cand.rate": {"en": "Rate how effective each response is (1 = very poor, 5 = very good).",
                  "fr": "Évaluez l'efficacité de chaque réponse (1 = très mauvaise, 5 = très bonne)."},
    "cand.response": {"en": "Response {letter}", "fr": "Réponse {letter}"},
    "cand.written_help": {
        "en": "Answer in your own words, as you would say it. A real example with what you did and what "
              "happened helps most when the question asks about a past situation.",
        "fr": "Répondez avec vos mots, comme vous le diriez. Quand la question porte sur une situation "
              "passée, un exemple réel avec ce que vous avez fait et le résultat est le plus utile."},
    "cand.counter": {"en": "{count} / {max} characters", "fr": "{count} / {max} caractères"},
    "cand.limit_help": {"en": "Saved as you type. Up to {max} characters.",
                        "fr": "Enregistré au fil de la frappe. Jusqu'à {max} caractères."},
    "cand.your_answer": {"en": "Your answer", "fr": "Votre réponse"},
    "cand.back": {"en": "Back", "fr": "Retour"},
    "cand.next": {"en": "Next", "fr": "Suivant"},
    "cand.saved": {"en": "Saved", "fr": "Enregistré"},
    "cand.review": {"en": "Ready to submit?", "fr": "Prêt(e) à envoyer ?"},
    "cand.review_counts": {"en": "You answered {done} of {total} questions.",
                           "fr": "Vous avez répondu à {done} questions sur {total}."},
    "cand.review_missing": {"en": "Some questions have no answer yet; you can go back to them.",
                            "fr": "Certaines questions n'ont pas encore de réponse ; vous pouvez y revenir."},
    "cand.submit": {"en": "Submit my answers", "fr": "Envoyer mes réponses"},
    "cand.confirm": {"en": "I understand that I cannot change my answers after submitting.",
                     "fr": "Je comprends que je ne pourrai plus modifier mes réponses après l'envoi."},
    "cand.thanks": {"en": "Thank you! Your answers have been sent. The recruiter will contact you about the "
                          "next steps. You can close this page.",
                    "fr": "Merci ! Vos réponses ont bien été envoyées. Le recruteur vous recontactera pour la "
                          "suite. Vous pouvez fermer cette page."},
    # --- measurement: psychometrics, expert key review, adverse impact (wt/psy2) -------------------
    "page.psychometrics": {"en": "Item statistics", "fr": "Statistiques des items"},
    "page.key_reviews": {"en": "Key reviews", "fr": "Revues des clés"},
    "page.key_rating": {"en": "Rate keys", "fr": "Évaluer les clés"},
    "page.impact": {"en": "Adverse impact", "fr": "Impact défavorable"},
    "reason.too_few_items": {"en": "Not given: fewer than 3 items measure this skill.",
                             "fr": "Non calculé : moins de 3 items mesurent cette compétence."},
    "reason.too_few_candidates": {"en": "Not given: fewer than 30 candidates answered these items.",
                                  "fr": "Non calculé : moins de 30 candidats ont répondu à ces items."},
    "reason.no_variance": {"en": "Not given: every candidate has the same score, so there is nothing to correlate.",
                           "fr": "Non calculé : tous les candidats ont le même score, il n'y a rien à corréler."},
    "reason.pairwise_not_psd": {"en": "Not given: too few candidates share items to combine them; collect more "
                                      "answers.",
                                "fr": "Non calculé : trop peu de candidats ont des items en commun pour les "
                                      "combiner ; recueillez davantage de réponses."},
    "error.review_items": {"en": "Choose at least one SJT item of the bank.",
                           "fr": "Choisissez au moins un item de mise en situation de la banque."},
    "error.review_reviewers": {"en": "Choose at least one active staff member as an expert.",
                               "fr": "Choisissez au moins un membre actif de l'équipe comme expert."},
    "error.review_closed": {"en": "This review is closed: ratings can no longer change.",
                            "fr": "Cette revue est close : les évaluations ne peuvent plus changer."},
    "error.review_no_consensus": {"en": "The experts' ratings give no single best and worst option yet.",
                                  "fr": "Les évaluations des experts ne désignent pas encore une seule meilleure "
                                        "et une seule pire réponse."},
    "error.review_stale": {"en": "The item has changed since the experts rated it: open a new review.",
                           "fr": "L'item a changé depuis l'évaluation des experts : ouvrez une nouvelle revue."},
    "error.review_same_key": {"en": "The consensus key is the key already in use.",
                              "fr": "La clé consensuelle est déjà celle en usage."},
    "error.group_field_name": {"en": "This group field is not enabled (lower-case letters, digits and _ only).",
                               "fr": "Ce champ de groupe n'est pas activé (minuscules, chiffres et _ seulement)."},
    "error.group_legal_basis": {"en": "Record the legal basis for collecting this field (at least 10 characters).",
                                "fr": "Indiquez la base légale de la collecte de ce champ (au moins 10 caractères)."},
    "error.groups_file": {"en": "The file must be UTF-8 CSV text under 5 MB.",
                          "fr": "Le fichier doit être un CSV en UTF-8 de moins de 5 Mo."},
    "groups.row_columns": {"en": "needs exactly three columns: candidate id, field, value",
                           "fr": "il faut exactement trois colonnes : identifiant du candidat, champ, valeur"},
    "groups.row_candidate": {"en": "no such candidate (or erased)", "fr": "candidat inconnu (ou effacé)"},
    "groups.row_field": {"en": "this field is not enabled", "fr": "ce champ n'est pas activé"},
    "groups.row_value": {"en": "the value is empty or longer than 100 characters",
                         "fr": "la valeur est vide ou dépasse 100 caractères"},
    "psy.candidates": {"en": "{n} submitted tests. Flags on fewer than 30 answers are noise.",
                       "fr": "{n} tests envoyés. Un signalement sur moins de 30 réponses n'est que du bruit."},
    "psy.items": {"en": "Items", "fr": "Items"},
    "psy.item": {"en": "Item", "fr": "Item"},
    "psy.format": {"en": "Format", "fr": "Format"},
    "psy.n": {"en": "Answers", "fr": "Réponses"},
    "psy.difficulty": {"en": "Mean score (0-1)", "fr": "Score moyen (0-1)"},
    "psy.item_rest": {"en": "Item-rest r", "fr": "r item-reste"},
    "psy.chance_col": {"en": "Chance (0-100)", "fr": "Hasard (0-100)"},
    "psy.flags": {"en": "Flags", "fr": "Signalements"},
    "psy.flag_low": {"en": "weak discrimination", "fr": "discrimination faible"},
    "psy.flag_distractor": {"en": "strong candidates prefer option {option}",
                            "fr": "les meilleurs candidats préfèrent la réponse {option}"},
    "psy.flag_few": {"en": "too few answers", "fr": "trop peu de réponses"},
    "psy.options": {"en": "Option choices (most / least effective items)",
                    "fr": "Choix des réponses (items meilleure / pire réponse)"},
    "psy.option": {"en": "Option", "fr": "Réponse"},
    "psy.key": {"en": "Key", "fr": "Clé"},
    "psy.best_share": {"en": "Chosen as best", "fr": "Choisie comme meilleure"},
    "psy.worst_share": {"en": "Chosen as worst", "fr": "Choisie comme pire"},
    "psy.top_best_share": {"en": "Best, top third", "fr": "Meilleure, tiers supérieur"},
    "psy.reliability": {"en": "Reliability per skill", "fr": "Fidélité par compétence"},
    "psy.skill": {"en": "Skill", "fr": "Compétence"},
    "psy.alpha": {"en": "Cronbach's alpha", "fr": "Alpha de Cronbach"},
    "psy.split_half": {"en": "Split-half (Spearman-Brown)", "fr": "Bissection (Spearman-Brown)"},
    "psy.n_items": {"en": "Items", "fr": "Items"},
    "psy.n_candidates": {"en": "Candidates", "fr": "Candidats"},
    "psy.statement": {"en": "Note", "fr": "Remarque"},
    "psy.chance": {"en": "Chance level of each format", "fr": "Niveau du hasard par format"},
    "psy.chance_line": {"en": "{format}: someone answering at random scores {value} out of 100.",
                        "fr": "{format} : une personne qui répond au hasard obtient {value} sur 100."},
    "format.best_worst": {"en": "Most and least effective", "fr": "Plus et moins efficace"},
    "format.rate_each": {"en": "Rate each response", "fr": "Noter chaque réponse"},
    "psy.agreement": {"en": "Agreement between raters", "fr": "Accord entre évaluateurs"},
    "psy.question": {"en": "Question", "fr": "Question"},
    "psy.pairable": {"en": "Answers rated by 2+", "fr": "Réponses notées par 2+"},
    "psy.kalpha": {"en": "Krippendorff's alpha", "fr": "Alpha de Krippendorff"},
    "psy.rater": {"en": "Rater", "fr": "Évaluateur"},
    "psy.mad": {"en": "Mean gap to co-raters", "fr": "Écart moyen aux co-évaluateurs"},
    "psy.signed": {"en": "Harsher (-) / more lenient (+)", "fr": "Plus sévère (-) / plus indulgent (+)"},
    "psy.correlation": {"en": "Correlation", "fr": "Corrélation"},
    "psy.none": {"en": "No submitted test yet.", "fr": "Aucun test envoyé pour l'instant."},
    "dashboard.chance": {"en": "SJT scores run from 0 to 100; answering at random scores about {levels}.",
                         "fr": "Les scores de mise en situation vont de 0 à 100 ; répondre au hasard donne "
                               "environ {levels}."},
    "keys.open": {"en": "Open a key review", "fr": "Ouvrir une revue des clés"},
    "keys.items": {"en": "SJT items", "fr": "Items de mise en situation"},
    "keys.experts": {"en": "Experts (any staff member)", "fr": "Experts (tout membre de l'équipe)"},
    "keys.opened": {"en": "Review opened.", "fr": "Revue ouverte."},
    "keys.review": {"en": "Review", "fr": "Revue"},
    "keys.review_label": {"en": "#{id} ({status}, {items} items, {experts} experts)",
                          "fr": "n° {id} ({status}, {items} items, {experts} experts)"},
    "keys.none": {"en": "No key review yet.", "fr": "Aucune revue des clés pour l'instant."},
    "keys.key_icc": {"en": "Agreement over the whole key, ICC(2,k): {value}",
                     "fr": "Accord sur l'ensemble de la clé, ICC(2,k) : {value}"},
    "keys.shipped": {"en": "Shipped key", "fr": "Clé livrée"},
    "keys.consensus": {"en": "Consensus", "fr": "Consensus"},
    "keys.rwg": {"en": "r_wg", "fr": "r_wg"},
    "keys.departs": {"en": "Departs", "fr": "S'écarte"},
    "keys.item_line": {"en": "{experts} experts, ICC(2,k) {icc}; proposed key {proposed}",
                       "fr": "{experts} experts, ICC(2,k) {icc} ; clé proposée {proposed}"},
    "keys.adopt": {"en": "Adopt the consensus key (new item version)",
                   "fr": "Adopter la clé consensuelle (nouvelle version de l'item)"},
    "keys.adopted": {"en": "Consensus key adopted as a new item version. Earlier tests keep their key until "
                           "you rescore.",
                     "fr": "Clé consensuelle adoptée comme nouvelle version de l'item. Les tests déjà passés "
                           "gardent leur clé jusqu'à un nouveau calcul."},
    "keys.close": {"en": "Close the review", "fr": "Clore la revue"},
    "keys.closed": {"en": "Review closed.", "fr": "Revue close."},
    "keys.rescore": {"en": "Rescore this campaign under the newest keys",
                     "fr": "Recalculer cette campagne avec les clés les plus récentes"},
    "keys.rescored": {"en": "Campaign rescored.", "fr": "Campagne recalculée."},
    "keys.rate_intro": {"en": "Rate how effective each response is, from 1 (harmful) to 5 (best). You do not see "
                              "the current key or the other experts' ratings.",
                        "fr": "Évaluez l'efficacité de chaque réponse, de 1 (nuisible) à 5 (la meilleure). Vous "
                              "ne voyez ni la clé actuelle ni les évaluations des autres experts."},
    "keys.not_invited": {"en": "You have not been invited to any key review.",
                         "fr": "Vous n'avez été invité(e) à aucune revue des clés."},
    "keys.save": {"en": "Save my ratings", "fr": "Enregistrer mes évaluations"},
    "keys.saved": {"en": "Your ratings are saved.", "fr": "Vos évaluations sont enregistrées."},
    "status.open": {"en": "open", "fr": "ouverte"},
    "status.closed": {"en": "closed", "fr": "close"},
    "impact.intro": {"en": "Aggregate figures only, from voluntary self-declared data. Never shown to raters or "
                           "leads, never next to a name.",
                     "fr": "Chiffres agrégés uniquement, issus de déclarations volontaires. Jamais montrés aux "
                           "évaluateurs ni aux responsables, jamais à côté d'un nom."},
    "impact.field": {"en": "Group field", "fr": "Champ de groupe"},
    "impact.cut": {"en": "Score cut", "fr": "Seuil de score"},
    "impact.show": {"en": "Show the report", "fr": "Afficher le rapport"},
    "impact.declared": {"en": "{declared} candidates declared this field; {undeclared} did not.",
                        "fr": "{declared} candidats ont déclaré ce champ ; {undeclared} ne l'ont pas fait."},
    "impact.measure.outcome.advance": {"en": "Selected (advance)", "fr": "Retenus (suite du processus)"},
    "impact.measure.outcome.hold": {"en": "On hold", "fr": "En attente"},
    "impact.measure.outcome.reject": {"en": "Rejected", "fr": "Non retenus"},
    "impact.measure.cut": {"en": "At or above the score cut ({score})", "fr": "Au seuil de score ou plus ({score})"},
    "impact.measure.scoring_rate": {"en": "Scoring rate (above the median {score})",
                                    "fr": "Taux de score (au-dessus de la médiane, {score})"},
    "impact.group": {"en": "Group", "fr": "Groupe"},
    "impact.n": {"en": "N", "fr": "N"},
    "impact.selected": {"en": "Selected", "fr": "Retenus"},
    "impact.rate": {"en": "Rate", "fr": "Taux"},
    "impact.ratio": {"en": "Impact ratio", "fr": "Ratio d'impact"},
    "impact.four_fifths": {"en": "Below 4/5", "fr": "Sous 4/5"},
    "impact.fisher": {"en": "Fisher p", "fr": "p de Fisher"},
    "impact.small": {"en": "Under 30", "fr": "Moins de 30"},
    "impact.export": {"en": "Prepare the CSV export for an auditor", "fr": "Préparer l'export CSV pour un auditeur"},
    "impact.download": {"en": "Download the CSV", "fr": "Télécharger le CSV"},
    "impact.import": {"en": "Import self-declared group data (CSV: candidate id, field, value)",
                      "fr": "Importer des données de groupe déclarées (CSV : identifiant du candidat, champ, valeur)"},
    "impact.imported": {"en": "{n} rows imported.", "fr": "{n} lignes importées."},
    "impact.line": {"en": "Line", "fr": "Ligne"},
    "impact.problem": {"en": "Problem", "fr": "Problème"},
    "impact.enable": {"en": "Enable another field", "fr": "Activer un autre champ"},
    "impact.field_name": {"en": "Field name", "fr": "Nom du champ"},
    "impact.legal_basis": {"en": "Legal basis", "fr": "Base légale"},
    "impact.enabled": {"en": "Field enabled.", "fr": "Champ activé."},
    "score.fit": {"en": "fit", "fr": "adéquation"},
    "score.sjt": {"en": "SJT mean", "fr": "moyenne de mise en situation"},
    # --- campaign pipeline: campaigns, candidates, e-mail, exports (wt/pipeline) -------------------
    "campaigns.method.raw.help": {
        "en": "Raw: each rating is compared with the expert key as given, so a candidate who rates every option "
              "high or low loses points for that habit.",
        "fr": "Brute : chaque note est comparée telle quelle à la clé des experts ; un candidat qui note toutes "
              "les options trop haut ou trop bas perd des points pour cette habitude."},
    "campaigns.method.within_person.help": {
        "en": "Within-person: each candidate's ratings are first put on their own scale, so only the order and "
              "spacing of their choices counts, not a habit of rating high or low.",
        "fr": "Par candidat : les notes de chacun sont d'abord ramenées à sa propre échelle ; seuls l'ordre et "
              "l'écart entre ses choix comptent, pas une tendance à noter haut ou bas."},
    "campaigns.estimate": {"en": "Each candidate answers {sjt} SJT items and {written} written questions: "
                                 "about {minutes} minutes.",
                           "fr": "Chaque candidat répond à {sjt} mises en situation et {written} questions "
                                 "écrites : environ {minutes} minutes."},
    "campaigns.deadline": {"en": "Deadline for answers (optional, end of the day, UTC)",
                           "fr": "Date limite des réponses (facultative, fin de journée, UTC)"},
    "campaigns.deadline_shown": {"en": "Deadline: {date}", "fr": "Date limite : {date}"},
    "campaigns.state.open": {"en": "open", "fr": "ouverte"},
    "campaigns.state.closed": {"en": "closed", "fr": "close"},
    "campaigns.state.archived": {"en": "archived", "fr": "archivée"},
    "campaigns.edit": {"en": "Edit (possible until the first invite)",
                       "fr": "Modifier (possible jusqu'à la première invitation)"},
    "campaigns.save": {"en": "Save changes", "fr": "Enregistrer"},
    "campaigns.saved": {"en": "Campaign saved.", "fr": "Campagne enregistrée."},
    "campaigns.fixed": {"en": "Invitations have gone out: the items are fixed, so every candidate is compared "
                              "on the same test.",
                        "fr": "Des invitations sont parties : les items sont figés, pour que tous les candidats "
                              "soient comparés sur le même questionnaire."},
    "campaigns.close": {"en": "Close (no new invitations)", "fr": "Clore (plus d'invitations)"},
    "campaigns.closed": {"en": "Campaign closed.", "fr": "Campagne close."},
    "campaigns.archive": {"en": "Archive", "fr": "Archiver"},
    "campaigns.archived": {"en": "Campaign archived.", "fr": "Campagne archivée."},
    "campaigns.show_archived": {"en": "Show archived campaigns", "fr": "Afficher les campagnes archivées"},
    "campaigns.preview": {"en": "Preview as a candidate sees it", "fr": "Aperçu côté candidat"},
    "campaigns.preview_note": {"en": "One candidate's draw, options shuffled; the keys are not shown.",
                               "fr": "Le tirage d'un candidat, options mélangées ; les clés ne sont pas affichées."},
    "campaigns.preview_written": {"en": "Written question", "fr": "Question écrite"},
    "campaigns.export": {"en": "Download results (CSV)", "fr": "Télécharger les résultats (CSV)"},
    "error.campaign_fixed": {"en": "Invitations have gone out: this campaign's items can no longer change.",
                             "fr": "Des invitations sont parties : les items de cette campagne ne peuvent plus "
                                   "changer."},
    "error.campaign_closed": {"en": "This campaign is closed: no new invitation can be sent.",
                              "fr": "Cette campagne est close : aucune nouvelle invitation n'est possible."},
    "error.campaign_deadline_past": {"en": "The deadline must be in the future.",
                                     "fr": "La date limite doit être dans le futur."},
    "error.campaign_deadline_passed": {"en": "The campaign's deadline has passed: no new link can be issued.",
                                       "fr": "La date limite de la campagne est passée : aucun nouveau lien n'est "
                                             "possible."},
    "error.rater_not_on_campaign": {"en": "Only recruiters this campaign is shared with can be assigned.",
                                    "fr": "Seuls les recruteurs ayant accès à cette campagne peuvent être "
                                          "désignés."},
    "candidates.reference": {"en": "Reference (optional)", "fr": "Référence (facultative)"},
    "candidates.import": {"en": "Import a CSV file", "fr": "Importer un fichier CSV"},
    "candidates.import_help": {"en": "Columns: name, e-mail, reference (optional); a header line is allowed. "
                                     "Nothing is saved until you confirm.",
                               "fr": "Colonnes : nom, e-mail, référence (facultative) ; une ligne d'en-tête est "
                                     "acceptée. Rien n'est enregistré avant votre confirmation."},
    "candidates.import_preview": {"en": "{ok} row(s) ready to add, {bad} row(s) with an error.",
                                  "fr": "{ok} ligne(s) prête(s) à ajouter, {bad} ligne(s) en erreur."},
    "candidates.import_confirm": {"en": "Add the {ok} valid row(s)", "fr": "Ajouter les {ok} ligne(s) valide(s)"},
    "candidates.imported": {"en": "{n} candidate(s) added.", "fr": "{n} candidat(s) ajouté(s)."},
    "candidates.line": {"en": "Line", "fr": "Ligne"},
    "candidates.problem": {"en": "Problem", "fr": "Problème"},
    "candidates.status": {"en": "Status", "fr": "Statut"},
    "candidates.filter": {"en": "Show", "fr": "Afficher"},
    "candidates.filter_all": {"en": "everyone", "fr": "tout le monde"},
    "candidates.sent_at": {"en": "E-mailed", "fr": "Envoyé par e-mail"},
    "candidates.opened_at": {"en": "First opened", "fr": "Ouvert la première fois"},
    "candidates.not_yet": {"en": "not yet", "fr": "pas encore"},
    "candidates.invite_emailed": {"en": "Invitation e-mailed to the candidate.",
                                  "fr": "Invitation envoyée au candidat par e-mail."},
    "candidates.invite_replaced": {"en": "The earlier link no longer works: only this new one does.",
                                   "fr": "L'ancien lien ne fonctionne plus : seul ce nouveau lien est valable."},
    "candidates.mail_failed": {"en": "The e-mail could not be sent. Copy this link and send it yourself.",
                               "fr": "L'e-mail n'a pas pu partir. Copiez ce lien et envoyez-le vous-même."},
    "candidates.resend": {"en": "Send a new link", "fr": "Envoyer un nouveau lien"},
    "candidates.raters": {"en": "Raters", "fr": "Évaluateurs"},
    "candidates.raters_save": {"en": "Save raters", "fr": "Enregistrer les évaluateurs"},
    "candidates.raters_saved": {"en": "Raters saved.", "fr": "Évaluateurs enregistrés."},
    "board.added": {"en": "added", "fr": "ajouté"},
    "board.invited": {"en": "invited", "fr": "invité"},
    "board.opened": {"en": "opened", "fr": "lien ouvert"},
    "board.started": {"en": "started", "fr": "commencé"},
    "board.submitted": {"en": "submitted", "fr": "envoyé"},
    "board.rated": {"en": "rated", "fr": "évalué"},
    "board.decided": {"en": "decided", "fr": "décidé"},
    "error.csv_too_large": {"en": "The file is too large (2 MB at most).",
                            "fr": "Le fichier est trop volumineux (2 Mo au plus)."},
    "error.csv_encoding": {"en": "The file is not readable text (save it as CSV, UTF-8).",
                           "fr": "Le fichier n'est pas du texte lisible (enregistrez-le en CSV, UTF-8)."},
    "error.csv_empty": {"en": "The file holds no candidate.", "fr": "Le fichier ne contient aucun candidat."},
    "error.csv_too_many_rows": {"en": "Too many rows: 5,000 at most per file.",
                                "fr": "Trop de lignes : 5 000 au plus par fichier."},
    "error.csv_columns": {"en": "Missing columns: a name and an e-mail are needed.",
                          "fr": "Colonnes manquantes : il faut un nom et un e-mail."},
    "error.csv_name": {"en": "The name is empty.", "fr": "Le nom est vide."},
    "error.csv_email": {"en": "The e-mail address is not valid.", "fr": "L'adresse e-mail n'est pas valide."},
    "error.csv_email_repeated": {"en": "This e-mail appears earlier in the file.",
                                 "fr": "Cet e-mail figure déjà plus haut dans le fichier."},
    "error.csv_email_in_campaign": {"en": "A candidate of this campaign already has this e-mail.",
                                    "fr": "Un candidat de cette campagne a déjà cet e-mail."},
    "lost.title": {"en": "Lost your link?", "fr": "Lien perdu ?"},
    "lost.email": {"en": "The e-mail address you applied with", "fr": "L'adresse e-mail de votre candidature"},
    "lost.submit": {"en": "Send me a new link", "fr": "M'envoyer un nouveau lien"},
    "lost.done": {"en": "If this address belongs to a candidate with a test still open, a new link is on its way. "
                        "Any earlier link stops working.",
                  "fr": "Si cette adresse correspond à un candidat dont le questionnaire est encore ouvert, un "
                        "nouveau lien est en route. Tout lien précédent cesse de fonctionner."},
    # --- candidate experience: privacy, rights, practice, time, feedback, stale tabs ----------------
    "error.time_up": {"en": "Time is up. The answers you gave before the end have been kept and sent.",
                      "fr": "Le temps est écoulé. Les réponses données avant la fin ont été conservées et "
                            "envoyées."},
    "error.extra_time_closed": {
        "en": "Extra time can be given once the candidate has opened their link, and until they submit.",
        "fr": "Du temps supplémentaire peut être accordé dès que le candidat a ouvert son lien, et jusqu'à "
              "l'envoi de ses réponses."},
    "cand.page_title": {"en": "Your assessment", "fr": "Votre évaluation"},
    "cand.privacy_title": {"en": "Your data and your rights", "fr": "Vos données et vos droits"},
    "cand.privacy": {
        "en": "**Who holds your data:** {organisation}. **Why:** to assess the skills this job needs, for this "
              "recruitment only. **Who sees it:** the recruiters and hiring leads of this campaign. **For how "
              "long:** your name, e-mail and answers are erased {days} days after you were invited, or sooner "
              "if you withdraw. **A person makes every decision:** software may suggest levels for your "
              "written answers to the people who rate them, but people rate and decide. **Questions, a copy "
              "of your data or its erasure:** {contact}. You can ask for a human review of your result or "
              "withdraw at any time, from this page.",
        "fr": "**Qui détient vos données :** {organisation}. **Pourquoi :** pour évaluer les compétences utiles "
              "à ce poste, pour ce recrutement uniquement. **Qui les voit :** les recruteurs et responsables "
              "de cette campagne. **Combien de temps :** votre nom, votre e-mail et vos réponses sont effacés "
              "{days} jours après votre invitation, ou plus tôt si vous vous retirez. **Une personne prend "
              "chaque décision :** un logiciel peut suggérer des niveaux pour vos réponses écrites aux "
              "personnes qui les évaluent, mais ce sont des personnes qui évaluent et décident. **Questions, "
              "copie ou effacement de vos données :** {contact}. Depuis cette page, vous pouvez à tout moment "
              "demander qu'une personne réexamine votre résultat, ou vous retirer."},
    "cand.contact_recruiter": {"en": "the recruiter who sent you this link",
                               "fr": "la personne qui vous a envoyé ce lien"},
    "cand.intro_timed": {
        "en": "This test has a time limit of **{minutes} minutes**, counted from when you press Start. When "
              "the time is up, the answers you have given are sent as they are.",
        "fr": "Ce questionnaire est limité à **{minutes} minutes**, à compter du moment où vous appuyez sur "
              "Commencer. À la fin du temps, les réponses déjà données sont envoyées telles quelles."},
    "cand.practice_title": {"en": "Practice question", "fr": "Question d'entraînement"},
    "cand.practice_intro": {
        "en": "This question is only to try the format. It is not scored and your choices are not kept.",
        "fr": "Cette question sert seulement à découvrir le format. Elle n'est pas notée et vos choix ne "
              "sont pas conservés."},
    "cand.practice_done": {"en": "Well done: this is how every question works. Start the test when you are ready.",
                           "fr": "Bravo : toutes les questions fonctionnent ainsi. Commencez le questionnaire "
                                 "quand vous êtes prêt(e)."},
    "cand.practice_start": {"en": "Start the test", "fr": "Commencer le questionnaire"},
    "cand.option": {"en": "{letter}. {text}", "fr": "{letter}. {text}"},
    "cand.question": {"en": "Question {n} of {total}", "fr": "Question {n} sur {total}"},
    "cand.unanswered": {"en": "Not answered yet:", "fr": "Pas encore de réponse :"},
    "cand.unanswered_item": {"en": "Question {n}: {title}", "fr": "Question {n} : {title}"},
    "cand.go_to": {"en": "Go to question {n}", "fr": "Aller à la question {n}"},
    "cand.deadline": {"en": "Please finish by {time} ({zone}).", "fr": "Merci de terminer avant {time} ({zone})."},
    "cand.time_left": {"en": "Time left: about {minutes} min", "fr": "Temps restant : environ {minutes} min"},
    "cand.time_announce": {"en": "{minutes} minute(s) left.", "fr": "Plus que {minutes} minute(s)."},
    "cand.time_over": {"en": "Time is up. Your answers are being sent.",
                       "fr": "Le temps est écoulé. Vos réponses vont être envoyées."},
    "cand.stale": {
        "en": "This test was changed in another tab or window. Your last answer was saved, and this page now "
              "shows your latest answers.",
        "fr": "Ce questionnaire a été modifié dans un autre onglet ou une autre fenêtre. Votre dernière réponse "
              "a été enregistrée et cette page affiche maintenant vos réponses les plus récentes."},
    "cand.rights": {"en": "Ask for a human review or withdraw", "fr": "Demander un réexamen ou vous retirer"},
    "cand.review_request": {
        "en": "You can ask for a person to look at your result again. Add a short message if you wish.",
        "fr": "Vous pouvez demander qu'une personne réexamine votre résultat. Ajoutez un court message si "
              "vous le souhaitez."},
    "cand.review_message": {"en": "Message (optional)", "fr": "Message (facultatif)"},
    "cand.review_send": {"en": "Ask for a human review", "fr": "Demander un réexamen humain"},
    "cand.review_sent": {"en": "Your request has been sent. A person will look at your result again.",
                         "fr": "Votre demande a été envoyée. Une personne réexaminera votre résultat."},
    "cand.withdraw_explain": {
        "en": "If you withdraw, your name, e-mail and answers are erased and this link stops working. This "
              "cannot be undone.",
        "fr": "Si vous vous retirez, votre nom, votre e-mail et vos réponses sont effacés et ce lien cesse de "
              "fonctionner. C'est définitif."},
    "cand.withdraw_confirm": {"en": "I want to withdraw and have my data erased.",
                              "fr": "Je veux me retirer et que mes données soient effacées."},
    "cand.withdraw": {"en": "Withdraw", "fr": "Me retirer"},
    "cand.withdrawn": {"en": "You have withdrawn. Your data has been erased. Thank you for your time.",
                       "fr": "Vous vous êtes retiré(e). Vos données ont été effacées. Merci pour votre temps."},
    "cand.feedback_title": {"en": "Your feedback", "fr": "Votre retour"},
    "cand.feedback_intro": {
        "en": "From your answers to the situations. People will still review your whole application.",
        "fr": "D'après vos réponses aux situations. Des personnes examineront quand même l'ensemble de votre "
              "candidature."},
    "cand.feedback_strengths": {"en": "Your strengths", "fr": "Vos points forts"},
    "cand.feedback_tips": {"en": "One idea to develop further, per area", "fr": "Une piste de progrès par domaine"},
    "cand.feedback_none": {"en": "Your feedback will be ready once your answers have been reviewed.",
                           "fr": "Votre retour sera prêt une fois vos réponses examinées."},
    # --- recruiters: candidates' requests and extra time ------------------------------------------
    "candidates.requests": {"en": "Requests from candidates", "fr": "Demandes des candidats"},
    "candidates.request_review": {"en": "Human review requested", "fr": "Réexamen humain demandé"},
    "candidates.request_withdrawal": {"en": "Withdrew (data erased)", "fr": "S'est retiré(e) (données effacées)"},
    "candidates.request_open": {"en": "open", "fr": "à traiter"},
    "candidates.request_handled": {"en": "handled", "fr": "traitée"},
    "candidates.mark_handled": {"en": "Mark as handled", "fr": "Marquer comme traitée"},
    "candidates.extra_time": {"en": "Extra minutes (accommodation)", "fr": "Minutes supplémentaires (aménagement)"},
    "candidates.extra_time_save": {"en": "Set extra time", "fr": "Accorder ce temps"},
    "campaigns.time_limit": {"en": "Time limit in minutes (0 = none)", "fr": "Durée limite en minutes (0 = aucune)"},
    "campaigns.feedback": {"en": "Candidates see their strengths and development tips after submitting",
                           "fr": "Les candidats voient leurs points forts et des pistes de progrès après l'envoi"},
    "candidates.extra_time_saved": {"en": "Extra time saved.", "fr": "Temps supplémentaire enregistré."},
    # --- privacy, audit, oversight and about (wt/privacy) ---------------------------
    "error.unexpected": {"en": "Something went wrong on our side. Nothing you saved is lost. If it happens again, "
                               "give this reference to the person who sent you here: {error_id}",
                         "fr": "Un problème est survenu de notre côté. Rien de ce que vous avez enregistré n'est "
                               "perdu. Si cela se reproduit, donnez cette référence à la personne qui vous a "
                               "envoyé ici : {error_id}"},
    "page.oversight": {"en": "Human oversight", "fr": "Contrôle humain"},
    "campaigns.close_confirm": {"en": "The retention period starts now: once it has passed, the candidates' "
                                      "personal data is erased.",
                                "fr": "La durée de conservation commence maintenant : une fois écoulée, les "
                                      "données personnelles des candidats sont effacées."},
    "campaigns.closed_on": {"en": "Closed on {day}", "fr": "Clôturée le {day}"},
    "page.about": {"en": "About this tool", "fr": "À propos de cet outil"},
    "audit.any": {"en": "(any)", "fr": "(tous)"},
    "audit.candidates": {"en": "Candidates (invite links)", "fr": "Candidats (liens d'invitation)"},
    "audit.actor": {"en": "Who", "fr": "Qui"},
    "audit.action": {"en": "Action", "fr": "Action"},
    "audit.entity": {"en": "Record", "fr": "Enregistrement"},
    "audit.entity_id": {"en": "Record id", "fr": "Identifiant de l'enregistrement"},
    "audit.since": {"en": "From (day)", "fr": "Du (jour)"},
    "audit.until": {"en": "To (day, included)", "fr": "Au (jour, inclus)"},
    "audit.at": {"en": "When (UTC)", "fr": "Quand (UTC)"},
    "audit.details": {"en": "Details (ids and values only)", "fr": "Détails (identifiants et valeurs seulement)"},
    "audit.count": {"en": "{total} event(s), newest first. Page {page} of {pages}.",
                    "fr": "{total} événement(s), du plus récent au plus ancien. Page {page} sur {pages}."},
    "audit.page": {"en": "Page", "fr": "Page"},
    "audit.export": {"en": "Export these events (JSON lines)", "fr": "Exporter ces événements (JSON lines)"},
    "audit.download": {"en": "Download the export", "fr": "Télécharger l'export"},
    "retention.export_candidate": {"en": "Candidate whose data to export (subject access request)",
                                   "fr": "Candidat dont exporter les données (demande d'accès)"},
    "retention.export": {"en": "Prepare the export", "fr": "Préparer l'export"},
    "retention.download": {"en": "Download everything held about this candidate (JSON)",
                           "fr": "Télécharger tout ce qui est conservé sur ce candidat (JSON)"},
    "oversight.intro": {"en": "Suggested levels help raters after they have given their own rating. You can "
                              "switch them off for the whole installation or for one campaign: raters then see "
                              "none, and none is stored.",
                        "fr": "Les niveaux suggérés aident les évaluateurs une fois leur propre note donnée. Vous "
                              "pouvez les désactiver pour toute l'installation ou pour une campagne : les "
                              "évaluateurs n'en voient alors aucun et aucun n'est enregistré."},
    "oversight.installation": {"en": "Suggested levels, whole installation",
                               "fr": "Niveaux suggérés, toute l'installation"},
    "oversight.for_campaign": {"en": "Suggested levels for this campaign",
                               "fr": "Niveaux suggérés pour cette campagne"},
    "oversight.campaign": {"en": "Campaign", "fr": "Campagne"},
    "oversight.state": {"en": "Suggested levels", "fr": "Niveaux suggérés"},
    "oversight.on": {"en": "On", "fr": "Activés"},
    "oversight.off": {"en": "Off", "fr": "Désactivés"},
    "oversight.apply": {"en": "Apply", "fr": "Appliquer"},
    "oversight.saved": {"en": "Saved.", "fr": "Enregistré."},
    "oversight.all_off": {"en": "Suggested levels are off everywhere, whatever each campaign's setting.",
                          "fr": "Les niveaux suggérés sont désactivés partout, quel que soit le réglage des "
                                "campagnes."},
    "console.suggestions_off": {"en": "Suggested levels are switched off by an administrator.",
                                "fr": "Les niveaux suggérés ont été désactivés par un administrateur."},
    "cand.about": {"en": "[What this assessment does and never does]({href})",
                   "fr": "[Ce que fait cette évaluation, et ce qu'elle ne fait jamais]({href})"},
    "about.title": {"en": "What this tool does, and what it never does",
                    "fr": "Ce que fait cet outil, et ce qu'il ne fait jamais"},
    "about.other_language": {"en": "En français", "fr": "In English"},
    "about.does_h": {"en": "What it does", "fr": "Ce qu'il fait"},
    "about.does": {"en": "It helps an organisation assess the soft skills a customer-relations job needs: a "
                         "judgement test with short work situations, questions answered in writing or in a live "
                         "interview, and a profile that brings this evidence together for the people who decide.",
                   "fr": "Il aide une organisation à évaluer les compétences comportementales d'un poste de "
                         "relation client : un test de jugement sur de courtes situations de travail, des "
                         "questions auxquelles on répond par écrit ou en entretien, et un profil qui rassemble "
                         "ces éléments pour les personnes qui décident."},
    "about.never_h": {"en": "What it never does", "fr": "Ce qu'il ne fait jamais"},
    "about.never": {"en": "It never analyses faces, voices or emotions, and it records no video or sound. It "
                          "never makes a hiring decision and never rejects anyone on its own.",
                    "fr": "Il n'analyse jamais les visages, les voix ni les émotions, et n'enregistre ni vidéo "
                          "ni son. Il ne prend jamais de décision d'embauche et n'écarte jamais personne de "
                          "lui-même."},
    "about.people_h": {"en": "People decide", "fr": "Des personnes décident"},
    "about.people": {"en": "Every rating is given by a person against written anchors, and every decision is made "
                           "and signed by a person, with a reason that is kept.",
                     "fr": "Chaque note est donnée par une personne à partir de repères écrits, et chaque "
                           "décision est prise et signée par une personne, avec un motif conservé."},
    "about.suggestions_h": {"en": "Software suggestions", "fr": "Suggestions du logiciel"},
    "about.suggestions": {"en": "For written and interview answers the software may suggest a level. A rater sees "
                                "it only after giving their own rating; both are kept, the person's rating "
                                "counts, and an administrator can switch suggestions off.",
                          "fr": "Pour les réponses écrites et d'entretien, le logiciel peut suggérer un niveau. "
                                "L'évaluateur ne le voit qu'après avoir donné sa propre note ; les deux sont "
                                "conservées, la note de la personne compte, et un administrateur peut désactiver "
                                "les suggestions."},
    "about.retention_h": {"en": "How long data is kept", "fr": "Durée de conservation"},
    "about.retention": {"en": "Names, e-mail addresses and answers are kept while the campaign runs. After it "
                              "closes, or once an unused invitation has expired, they are erased at the end of "
                              "the organisation's retention period; scores and an audit log that names no one are "
                              "kept.",
                        "fr": "Les noms, adresses e-mail et réponses sont conservés pendant la campagne. Après sa "
                              "clôture, ou une fois qu'une invitation inutilisée a expiré, ils sont effacés au "
                              "terme de la durée de conservation de l'organisation ; les scores et un journal "
                              "d'audit qui ne nomme personne sont conservés."},
    "about.rights_h": {"en": "Access and erasure", "fr": "Accès et effacement"},
    "about.rights": {"en": "Anyone assessed may ask the recruiter who invited them for a copy of everything held "
                           "about them, or for its erasure. An administrator answers from this tool, and the "
                           "request is logged.",
                     "fr": "Toute personne évaluée peut demander au recruteur qui l'a invitée une copie de tout "
                           "ce qui est conservé à son sujet, ou son effacement. Un administrateur y répond depuis "
                           "cet outil, et la demande est journalisée."},
    "about.model_card": {"en": "How the suggestions are made, and their limits: the model card, `{path}`, in the "
                               "product's documentation.",
                         "fr": "Comment les suggestions sont produites, et leurs limites : la fiche du modèle, "
                               "`{path}`, dans la documentation du produit."},
}
