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
    "reason.low_confidence": {"en": "the software is unsure; rate from the anchors alone",
                              "fr": "le logiciel n'est pas sûr de lui ; notez à partir des ancres seules"},
    "reason.repetitive": {"en": "the answer repeats the same passage; read it yourself",
                          "fr": "la réponse répète le même passage ; lisez-la vous-même"},
    "reason.no_anchors": {"en": "the question has no anchors", "fr": "la question n'a pas d'ancres"},
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
    # --- privacy, audit, oversight and about (wt/privacy) ---------------------------
    "error.unexpected": {"en": "Something went wrong on our side. Nothing you saved is lost. If it happens again, "
                               "give this reference to the person who sent you here: {error_id}",
                         "fr": "Un problème est survenu de notre côté. Rien de ce que vous avez enregistré n'est "
                               "perdu. Si cela se reproduit, donnez cette référence à la personne qui vous a "
                               "envoyé ici : {error_id}"},
    "page.oversight": {"en": "Human oversight", "fr": "Contrôle humain"},
    "campaigns.close": {"en": "Close the campaign", "fr": "Clôturer la campagne"},
    "campaigns.close_confirm": {"en": "The retention period starts now: once it has passed, the candidates' "
                                      "personal data is erased.",
                                "fr": "La durée de conservation commence maintenant : une fois écoulée, les "
                                      "données personnelles des candidats sont effacées."},
    "campaigns.closed": {"en": "Campaign closed.", "fr": "Campagne clôturée."},
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
