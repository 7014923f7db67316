"""The EN/FR word and phrase lists the text cues are read with, all written on folded text
(lower case, straight quotes, no accents: see cues.fold). Fixed lists, never learnt: a model
trained on cues built from them scores questions and answers it has never seen."""

from __future__ import annotations

import re

STOP = frozenset("""
a about after again all also am an and any are as at be because been before being but by can could did do
does doing don't down during each few for from further had has have having he her here hers him his how i if in
into is it its just me more most my no nor not now of off on once only or other our out over own same she should
so some such than that the their them then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours it's i'm i've i'd i'll that's there's
really very quite thing things like get got
au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me
meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une
vos votre vous c'est j'ai d'un d'une l'a n'est qu'il qu'elle y a est sont etait ai avait fait faire tres plus
bien tout tous toute toutes cela ca comme si alors donc aussi encore deja
""".split())  # noqa: SIM905 (a word list reads best as text)


def rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts))


# --- cues: STAR parts, past vs hypothetical, ownership, specificity ---------------------------------

ADV = r"(?:(?:then|also|just|first|finally|immediately|quickly|actually|personally|really|still|even|calmly|" \
      r"gently|simply|eventually|later|always|never|kept|started|decided|tried|managed|went|ended up)\s+){0,2}"
EN_PAST_VERB = (r"\w{2,}ed|was|were|had|did|went|got|made|said|told|took|gave|found|kept|felt|knew|thought|saw|"
                r"came|spoke|wrote|sent|left|put|ran|began|brought|bought|caught|chose|drove|heard|held|let|lost|"
                r"met|paid|rang|sat|stood|spent|taught|understood|won|did|dealt|sought|stuck|grew|built|led|"
                r"meant|read|set|cut|hung|fought|forgot|rewrote|broke|swallowed|owned")
FR_PRONOUNS = r"(?:l'|lui |leur |les |la |le |me |m'|en |y |vous |t'|nous |l'en |lui en |le lui |leur en )?"
FR_PARTICIPLE = r"\w+(?:e|ee|es|ees|i|ie|is|it|ite|u|ue|us|ert|erte|oint|ait|aite|int|ainte)"

LEX: dict[str, dict[str, re.Pattern[str]]] = {
    "en": {
        "own_past": rx(rf"\b(?:i|we)\s+{ADV}(?:{EN_PAST_VERB})\b", r"\bi'd (?:already|just) \w+ed\b"),
        "own_any": rx(rf"\b(?:i|we)\s+{ADV}(?!think|feel|believe|guess|mean|suppose|hope|would|'d|should|could"
                      r"|might|will|'ll|am|'m)\w+"),
        "past_time": rx(r"\blast (?:january|february|march|april|may|june|july|august|september|october|"
                        r"november|december)\b", r"\bin (?:january|february|march|april|june|july|august|"
                        r"september|october|november|december)\b",
                        r"\b(?:last|that|one|this one)\s+(?:day|week|month|year|summer|winter|spring|autumn|"
                        r"christmas|time|evening|morning|night|shift|friday|monday|weekend)\b",
                        r"\b(?:\w+ )?(?:years?|months?|weeks?|days?) ago\b", r"\bback (?:then|in|when)\b",
                        r"\bat my (?:previous|last|old|first|former) (?:job|role|company|position|employer|work)\b",
                        r"\bwhen i (?:was|worked|started|joined)\b", r"\bin (?:19|20)\d\d\b",
                        r"\bthere was (?:a|an|this|one) \w+", r"\bonce,? (?:a|when|i)\b",
                        r"\b(?:a|one|this) (?:customer|client|caller|lady|woman|man|gentleman|guy|user|member|"
                        r"subscriber|passenger|guest) (?:called|rang|phoned|wrote|came|messaged|emailed|contacted|"
                        r"complained|posted|was|had)\b"),
        "hypothetical": rx(r"\bi(?: would|'d| will|'ll| should| could| might| can| may)\b(?! have\b)",
                           r"\b(?:would|should|could) (?:be|try|make|ask|say|tell|offer|call|check|take|give|"
                           r"explain|apologi[sz]e|listen|start|first|probably)\b",
                           r"\bif (?:a|the|i|they|he|she|it|you|someone)\b", r"\bin (?:that|this|such a) case\b",
                           r"\bi (?:always|usually|normally|generally|tend to|try to)\b",
                           r"\bmy approach (?:is|would)\b", r"\bi (?:think|guess|suppose) i\b",
                           r"\bprobably\b", r"\bimagine\b", r"\bhypothetically\b"),
        "generic": rx(r"\b(?:it is|it's) (?:important|essential|key|crucial|vital|best)\b",
                      r"\byou (?:should|need to|have to|must|always|can)\b", r"\bone (?:should|must)\b",
                      r"\bcustomers? (?:want|need|expect|deserve|like|always)\b", r"\bthe key (?:is|to)\b",
                      r"\bin general\b", r"\bgenerally\b", r"\bbest practice", r"\balways\b",
                      r"\b(?:good|great) (?:customer service|communication|advisor|agent)s? (?:is|means|should)\b"),
        "others_fail": rx(r"\b(?:they|he|she|my (?:manager|boss|colleague|supervisor|team ?lead|co-?workers?|"
                          r"teammates?|team)|the (?:manager|team|company|other agents?|colleagues?|system|it team|"
                          r"back office|management|supervisor|warehouse|courier|developers?|previous agent)|"
                          r"management|nobody|no one|everyone else)\s+(?:\w+\s+)?(?:didn't|did not|never|"
                          r"wouldn't|would not|couldn't|failed|forgot|refused|ignored|messed|screwed|blamed|"
                          r"wasn't|weren't|was not|were not|hadn't|don't|doesn't|can't|won't|kept \w+ing|"
                          r"should have|lost|made (?:a|the) mistake)",
                          r"\b(?:not|wasn't|isn't|never) my (?:fault|problem|mistake|job)\b",
                          r"\b(?:their|his|her|the team's|management's) (?:fault|mistake|problem|error)\b",
                          r"\bbecause of (?:them|him|her|my colleague|the team|management|the other)\b",
                          r"\b(?:blame|blamed) (?:them|him|her|the|my)\b", r"\bincompetent\b",
                          r"\bnothing i could do\b", r"\bout of my hands\b",
                          r"\b(?:team|department|office|agents?|people|guys?|staff|courier|warehouse|developers|it|"
                          r"customers?|clients?|callers?) (?:\w+ )?(?:didn't|did not|never|don't|doesn't|wouldn't|"
                          r"couldn't|can't|won't|hadn't|weren't|wasn't)\b(?! (?:know|realise|realize|expect|mind))",
                          r"\bdidn't do (?:their|his|her) job\b", r"\bnot (?:really )?(?:our|my) (?:job|problem|fault|"
                          r"responsibility|role)\b", r"\btheir (?:own )?(?:bugs?|mistakes?|mess|fault)\b",
                          r"\b(?:the )?(?:people|agents?|colleagues?) before me\b", r"\bunderstaffed\b",
                          r"\b(?:wasn't|isn't) something i could\b", r"\bout of my control\b",
                          r"\b(?:customers?|clients?|people|he|she|they) (?:should|need to|needs to|should have|"
                          r"could have|must) (?:read|prepare|check|learn|listen|pay attention|known|been)\b",
                          r"\b(?:was|were) rude first\b", r"\bask(?:ed|s)? for it\b", r"\bpunching bag\b",
                          r"\bnobody (?:read|checked|bothered|cared|told|helped|listened)\b"),
        "situation": rx(r"\b(?:last|that|one)\s+(?:day|week|month|year|summer|winter|christmas|time|evening|"
                        r"morning|shift|friday|monday)\b", r"\bago\b", r"\bback (?:then|in|when)\b",
                        r"\bat my (?:previous|last|old|first|former|current) (?:job|role|company|position|work)\b",
                        r"\bwhen i (?:was|worked|started)\b", r"\bi (?:was )?work(?:ed|ing) (?:as|at|in|for|on)\b",
                        r"\bthere was (?:a|an|this|one)\b",
                        r"\b(?:a|one|this) (?:customer|client|caller|lady|woman|man|gentleman|guy|user|member|"
                        r"subscriber|passenger|guest) (?:called|rang|phoned|wrote|came|messaged|emailed|contacted|"
                        r"complained|posted)\b", r"\bduring (?:my|a|the|an)\b", r"\bthe situation\b",
                        r"\bin (?:19|20)\d\d\b", r"\bonce\b",
                        r"\b(?:last|in|early|late|mid-?) ?(?:january|february|march|april|june|july|august|"
                        r"september|october|november|december|spring|summer|autumn|winter)\b"),
        "task": rx(r"\bi (?:had|needed|wanted|was supposed|was expected|was asked) to\b",
                   r"\bmy (?:job|role|task|goal|responsibility|aim|objective|priority|mission) (?:was|is|there)\b",
                   r"\bit was (?:my job|up to me|my responsibility)\b",
                   r"\bi was (?:responsible|in charge|the one|on duty|covering|alone)\b",
                   r"\bthe (?:goal|challenge|task|problem|issue|aim) was\b",
                   r"\b(?:she|he|they|the customer|the client) (?:needed|wanted|expected|asked for)\b",
                   r"\bi had to\b", r"\bwe had to\b"),
        "action": rx(rf"\b(?:so|then|first|next|and|after that,?) i\s+{ADV}(?:{EN_PAST_VERB})\b",
                     r"\bi (?:decided|started|offered|explained|apologi[sz]ed|listened|checked|called|asked|"
                     r"escalated|suggested|proposed|wrote|sent|booked|refunded|arranged|contacted|followed up|"
                     r"reassured|acknowledged|stayed|took|gave|rang|organised|organized|set up|fixed|"
                     r"promised|repeated|summari[sz]ed|noted|logged|flagged|told)\b"),
        "result": rx(r"\bin the end\b", r"\bas a result\b", r"\bresult\b", r"\bfinally\b", r"\beventually\b",
                     r"\bat the end\b", r"\boutcome\b", r"\bit worked\b",
                     r"\b(?:she|he|they|the customer|the client|the caller) (?:thanked|was happy|was relieved|"
                     r"calmed|stayed|came back|renewed|gave|left a|wrote back|rated|kept|agreed|accepted|"
                     r"apologi[sz]ed|ended up|said thanks|was satisfied)\b", r"\bsince then\b",
                     r"\bi (?:learned|learnt|realised|realized)\b", r"\bfrom then on\b",
                     r"\bthe next (?:day|week|morning|month)\b", r"\bresolved\b", r"\bended up\b",
                     r"\bturned out\b", r"\bsatisf(?:ied|action)\b", r"\bfeedback\b", r"\breview\b",
                     r"\bcsat\b|\bnps\b", r"\bnow i\b",
                     r"\b(?:it|everything|that|the \w+) (?:worked|was working|was fixed|was sorted|got sorted|"
                     r"got fixed|was back|arrived|came through|went through)\b",
                     r"\b(?:he|she|they) (?:said|told me|wrote) (?:it was|thanks|thank|that it|he was|she was)\b"),
        "sequence": rx(r"\bfirst(?:ly)?\b", r"\bthen\b", r"\bafter that\b", r"\bnext\b", r"\bafterwards\b",
                       r"\bfinally\b", r"\bsecond(?:ly)?\b", r"\bstep\b"),
        "speech": rx(r'"', r"\bi (?:said|told (?:him|her|them)|wrote|replied|answered|asked (?:him|her|them))\b",
                     r"\b(?:she|he|they) said\b"),
        "hedge": rx(r"\bkind of\b", r"\bsort of\b", r"\bstuff\b", r"\band so on\b", r"\bi guess\b", r"\bmaybe\b",
                    r"\bthings like that\b", r"\bwhatever\b", r"\bbasically\b", r"\bsomething like\b"),
        "numbers": rx(r"\b\d+(?:[.,:]\d+)?\b", r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"fifteen|twenty|thirty|forty|fifty|hundred|half|dozen|couple)\b"),
        "units": rx(r"\b(?:minutes?|hours?|days?|weeks?|months?|years?|euros?|pounds?|dollars?|percent|%|"
                    r"seconds?|orders?|tickets?|calls?|emails?)\b"),
    },
    "fr": {
        "own_past": rx(rf"\b(?:j'|je {FR_PRONOUNS})(?:ai|avais)\s+(?:\w+\s+){{0,2}}?{FR_PARTICIPLE}\b",
                       rf"\bje (?:me |m')?suis\s+(?:\w+\s+)?{FR_PARTICIPLE}\b",
                       r"\b(?:nous avons|on a|on avait|nous avions)\s+\w+",
                       r"\bje (?!\w+rais\b)\w+ais\b", r"\bj'(?!\w+rais\b)\w+ais\b"),
        "own_any": rx(r"\b(?:j'|je |moi,? je\b|nous |on )(?!pense|crois|trouve|dirais|serais|ferais|"
                      r"pourrais|devrais|voudrais)\w+"),
        "past_time": rx(r"\b(?:en|au mois de|debut|fin) (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|"
                        r"septembre|octobre|novembre|decembre) (?:dernier|l'an dernier)\b",
                        r"\b(?:janvier|fevrier|mars|avril|juin|juillet|aout|septembre|octobre|novembre|"
                        r"decembre) dernier\b", r"\b(?:un|ce) jour\b", r"\bune fois\b",
                        r"\bl'(?:an|annee) (?:derniere?|passee)\b",
                        r"\b(?:le mois|la semaine|l'ete|l'hiver|le week-end|le weekend) (?:dernier|derniere)\b",
                        r"\bil y a (?:\w+ )?(?:ans?|mois|semaines?|jours?|annees?)\b",
                        r"\b(?:quand|lorsque) j'(?:etais|ai commence|ai travaille|avais)\b",
                        r"\b(?:quand|lorsque) je (?:travaillais|suis arrive)\b",
                        r"\bdans mon (?:ancien|precedent|dernier|premier) (?:poste|emploi|job|travail|boulot)\b",
                        r"\ba l'epoque\b", r"\ben (?:19|20)\d\d\b", r"\bc'etait (?:un|une|pendant|lors|en|au|le)\b",
                        r"\b(?:une|un) (?:cliente?|client|monsieur|dame|abonnee?|usager|passagere?|adherente?)"
                        r" (?:m'a |a |nous a |avait )?(?:appele|ecrit|contacte|telephone|envoye|poste|"
                        r"appelait)(?:e|s|es)?\b"),
        "hypothetical": rx(r"\b(?:j'|je (?:l'|lui |leur |les |la |le |me |m'|en |y |vous )?)\w+r(?:ais|ai)\b",
                           r"\b(?:il|elle|on|ce|cela|ca) \w+rait\b", r"\bil faudrait\b",
                           r"\bsi (?:le|la|un|une|je|on|il|elle|les|c'est|jamais)\b", r"\bje vais\b",
                           r"\bdans ce cas\b", r"\bnormalement\b", r"\ben general\b", r"\bgeneralement\b",
                           r"\bd'habitude\b", r"\bje pense que je\b", r"\bprobablement\b", r"\bj'essaie\b",
                           r"\bje (?:commence|demande|propose|reste|m'assure|prends|explique|reformule)\b",
                           r"\bimaginons\b", r"\ben principe\b"),
        "generic": rx(r"\bil (?:est|faut|est toujours) (?:important|essentiel|primordial|crucial|capital)\b",
                      r"\bil faut\b", r"\bon doit\b", r"\bil ne faut (?:jamais|pas)\b",
                      r"\ble client (?:veut|a besoin|attend|doit|merite)\b",
                      r"\bles clients (?:veulent|ont besoin|attendent|meritent|aiment)\b", r"\bla cle\b",
                      r"\ben general\b", r"\btoujours\b", r"\bessentiel\b", r"\bprimordial\b",
                      r"\bun bon (?:conseiller|agent|service)\b"),
        "others_fail": rx(r"\b(?:ils|il|elle|elles|mon (?:manager|responsable|chef|collegue|superviseur|n\+1)|"
                          r"ma (?:collegue|responsable|cheffe|superviseure|manageuse|manager)|mes collegues|"
                          r"l'equipe|la direction|le service|le siege|le back.office|l'entrepot|le transporteur|"
                          r"le livreur|la hierarchie|personne|les autres)\s+(?:ne |n')(?:\w+\s+){0,3}?"
                          r"(?:pas|jamais|rien|plus)\b",
                          r"\b(?:ils|il|elle|elles|mon collegue|ma collegue|l'equipe|la direction)\s+"
                          r"(?:avai(?:en)?t|a|ont)\s+(?:oublie|mal|rate|refuse|ignore|perdu|bacle|laisse tomber)",
                          r"\b(?:pas|n'etait pas|ce n'est pas|c'est pas) (?:de )?ma faute\b",
                          r"\b(?:c'est|c'etait) (?:de )?(?:leur|sa) faute\b", r"\b(?:leur|sa) faute\b",
                          r"\ba cause (?:d'eux|de lui|d'elle|de mon collegue|de ma collegue|de l'equipe|"
                          r"de la direction|des autres)\b", r"\bincompetent", r"\bje n'y pouvais rien\b",
                          r"\bpas mon (?:probleme|travail|role|boulot)\b",
                          r"\bc'est eux qui\b", r"\bpas (?:de|du) (?:mon|notre) (?:ressort|faute|role)\b",
                          r"\b(?:pas|plus) de notre faute\b", r"\bje (?:ne )?pouvais (?:rien|pas) faire\b",
                          r"\bles clients (?:devraient|doivent|n'ont qu'a|ne lisent)\b",
                          r"\ble client (?:devrait|aurait du|n'avait qu'a)\b", r"\bla cliente (?:devrait|aurait du)\b",
                          r"\bmal fichu\b", r"\bmanque d'effort\b", r"\bse prennent en main\b",
                          r"\bc'est (?:toujours )?nous qui (?:prenons|prenions|payons|payions|trinquons|trinquions)\b",
                          r"\b(?:ils|elles) (?:n'ont|ont) (?:rien|mis)\b", r"\bpersonne (?:n'a|ne) (?:lu|verifie|"
                          r"aide|ecoute|repondu|bouge)", r"\bsous-effectif\b", r"\bhors de mon controle\b",
                          r"\bje n'y suis pour rien\b", r"\b(?:les|des) incompetents?\b"),
        "situation": rx(r"\b(?:un|ce) jour\b", r"\bune fois\b", r"\bl'(?:an|annee) (?:derniere?|passee)\b",
                        r"\b(?:le mois|la semaine) (?:dernier|derniere)\b", r"\bil y a (?:\w+ )?(?:ans?|mois|"
                        r"semaines?|jours?|annees?)\b", r"\b(?:quand|lorsque) (?:j'etais|je travaillais)\b",
                        r"\bdans mon (?:ancien|precedent|dernier|premier|poste|emploi|job|travail)\b",
                        r"\ba l'epoque\b", r"\blors (?:de|d')\b", r"\bje travaillais\b", r"\bj'etais (?:conseill"
                        r"|agent|charge|en poste|vendeu|hote|teleconseill|stagiaire|seule?|de permanence)",
                        r"\b(?:une|un) (?:cliente?|client|monsieur|dame|abonnee?|usager|passagere?)"
                        r" (?:m'a |a |nous a |avait )?(?:appele|ecrit|contacte|telephone|envoye|poste|"
                        r"appelait)(?:e|s|es)?\b",
                        r"\bc'etait (?:un|une|pendant|lors|en|au|le)\b", r"\ben (?:19|20)\d\d\b",
                        r"\bla situation\b", r"\ble contexte\b", r"\bau mois (?:de |d')\w+",
                        r"\b(?:en|debut|fin|mi-) ?(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|"
                        r"octobre|novembre|decembre)\b", r"\b(?:cet|l')(?:ete|hiver|automne) (?:la|dernier)\b"),
        "task": rx(r"\bje devais\b", r"\bil fallait que (?:je|j')\b", r"\bil (?:me )?fallait\b",
                   r"\b(?:mon|ma) (?:role|mission|objectif|tache|travail|but|priorite) (?:etait|c'etait|est|,)",
                   r"\bj'etais (?:chargee?|responsable|en charge|seule?|la seule|le seul|de permanence)\b",
                   r"\bon m'a demande\b", r"\bl'objectif (?:etait|c'etait)\b", r"\bmon but\b",
                   r"\b(?:il|elle|le client|la cliente) (?:voulait|avait besoin|attendait|demandait)\b",
                   r"\bje dois\b", r"\bnous devions\b", r"\bon devait\b"),
        "action": rx(rf"\b(?:alors|donc|ensuite|puis|d'abord|apres|et)\s+(?:j'|je {FR_PRONOUNS})ai\b",
                     rf"\b(?:j'|je {FR_PRONOUNS})ai\s+(?:\w+\s+)?(?:appele|rappele|demande|propose|explique|"
                     r"ecoute|verifie|ecrit|envoye|pris|fait|dit|offert|contacte|cherche|reformule|resume|note|"
                     r"trouve|organise|transmis|escalade|relance|rassure|excuse|presente|suivi|decide|commence|"
                     r"garde|repondu|rembourse|reserve|accompagne|prevenu|laisse|rappelee|recapitule)",
                     r"\bje me suis (?:excusee?|occupee?|assuree?|engagee?|mise?|rendu)\b",
                     r"\bje (?:lui|leur) ai\b"),
        "result": rx(r"\bau final\b", r"\bfinalement\b", r"\bresultat\b", r"\bbilan\b", r"\ba la fin\b",
                     r"\ben fin de compte\b", r"\bdu coup\b",
                     r"\b(?:il|elle|ils|le client|la cliente) (?:m'a |m'ont |nous a |a |ont )?(?:remercie|"
                     r"rappele|garde|renouvele|laisse|accepte|ecrit|repondu|souri|calme|revenu|reste|restee)",
                     r"\bdepuis\b", r"\bj'ai (?:appris|compris|retenu|realise)\b",
                     r"\bca a (?:marche|fonctionne|paye)\b", r"\b(?:a ete|etait) (?:regle|resolu|reglee|resolue)\b",
                     r"\bsatisfaite?\b", r"\bsatisfaction\b", r"\bavis\b", r"\bretour\b",
                     r"\bs'est (?:calmee?|apaisee?|resolue?|terminee?|bien passe|bien terminee?|detendue?)\b",
                     r"\ba permis\b", r"\ble lendemain\b", r"\bla semaine (?:suivante|d'apres)\b",
                     r"\bmaintenant,? je\b", r"\bdesormais\b",
                     r"\b(?:ca|tout|le \w+|la \w+) (?:marchait|fonctionnait|remarchait|etait regle|etait reglee|"
                     r"est arrivee?|a ete livree?|a ete rembourse)\b",
                     r"\b(?:il|elle|ils) m'(?:a|ont) (?:dit|ecrit) (?:que|merci)\b"),
        "sequence": rx(r"\bd'abord\b", r"\bensuite\b", r"\bpuis\b", r"\bapres\b", r"\benfin\b",
                       r"\bpour finir\b", r"\bpremier\b", r"\bdeuxieme\b", r"\betape\b", r"\ben premier\b"),
        "speech": rx(r'"', r"\bje (?:lui|leur) ai (?:dit|ecrit|repondu|demande|explique)\b", r"\bj'ai dit\b",
                     r"\b(?:il|elle) (?:m'a )?dit\b"),
        "hedge": rx(r"\bgenre\b", r"\btruc\b", r"\bun peu\b", r"\bpeut-etre\b", r"\bje crois\b", r"\bbref\b",
                    r"\bdes trucs\b", r"\bet tout\b", r"\bvoila\b", r"\bquoi\b", r"\ben gros\b"),
        "numbers": rx(r"\b\d+(?:[.,:h]\d+)?\b", r"\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|"
                      r"quinze|vingt|trente|quarante|cinquante|cent|demi|dizaine|quinzaine|vingtaine|douzaine)\b"),
        "units": rx(r"\b(?:minutes?|heures?|jours?|semaines?|mois|ans|annees?|euros?|secondes?|commandes?|"
                    r"tickets?|appels?|mails?|e-mails?|courriels?|%)\b"),
    },
}
STAR_PARTS = ("situation", "task", "action", "result")

# a capitalised word inside a sentence: a name, a brand, a place (specific stories name things)
NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-ZÀ-Ý][a-zà-ÿ]{2,}\b")
NOT_NAMES = frozenset({"I", "The", "My", "Je", "Le", "La"})

# an indicator that describes an absence ("no apology", "sans exemple") cannot be seen by word overlap
ABSENCE = frozenset(["no", "not", "never", "without", "little", "few", "nothing", "none", "lacks", "lacking", "fails",
                     "vague", "only", "aucun", "aucune", "pas", "sans", "peu", "jamais", "rien", "ni", "flou", "floue",
                     "vagues", "manque"])

# words of serving someone: an off-topic answer is about the candidate's life instead
CUSTOMER = re.compile(r"\b(?:customers?|clients?|callers?|members?|guests?|passengers?|users?|buyers?|subscribers?|"
                      r"patients?|clientes?|usagers?|abonnee?s?|appelante?s?|interlocut\w+|acheteu\w+|"
                      r"consommat\w+|voyageu\w+|ticket|tickets|dossiers?|case|cases|complaints?|reclamations?|"
                      r"order|orders|commandes?|refunds?|rembourse\w*|call|calls|appels?|chat|mails?|emails?)\b")


# --- off-topic cues: the answer turns away from the question --------------------------------
# An off-topic answer rarely lacks customer-service words; it changes the subject ("the real problem
# is...", "I'd rather tell you about..."), sells the candidate instead of telling what happened, says
# what the company should do, or talks about private life. Fixed EN/FR patterns, on folded text.

OFFTOPIC_LEX: dict[str, dict[str, re.Pattern[str]]] = {
    "en": {
        "deflect": rx(r"\bthe real (?:problem|question|issue|point|thing|subject)\b", r"\bi'd rather\b",
                      r"\bi (?:would )?prefer\b", r"\bwhat i (?:really )?(?:love|like|enjoy|prefer)\b",
                      r"\bthat reminds me\b", r"\bbefore (?:talking|we talk|i talk) about\b",
                      r"\bwhat i can tell you\b", r"\bi don't (?:really )?have (?:any |an )?(?:example|conflicts?)\b",
                      r"\bin life\b", r"\binstead,? let me\b", r"\bnot (?:really )?(?:about|my thing)\b"),
        "self_promo": rx(r"\bi'm (?:really |very )?(?:good|great) at\b", r"\b(?:that|which|this) shows (?:that )?i\b",
                         r"\bmy (?:main )?strengths?\b", r"\bi'm (?:a )?(?:very|really|real) \w+",
                         r"\bthat's (?:the kind of thing|what) i'm\b", r"\bi'm (?:quite |very )?proud\b",
                         r"\breally my thing\b", r"\b(?:fit|suit)s? (?:this|the) (?:position|role|job)\b",
                         r"\bi learn (?:really |very )?(?:fast|quickly)\b", r"\bteam player\b"),
        "systemic": rx(r"\b(?:the )?(?:company|companies|brands?|managers|call centres?|call centers?|operators|"
                       r"management|businesses|firms) (?:should|needs? to|ought to|must)\b",
                       r"\bi would (?:suggest|recommend) (?:the|that the) (?:company|team|business)\b",
                       r"\binvests? in\b"),
    },
    "fr": {
        "deflect": rx(r"\b(?:le vrai|la vraie) (?:sujet|probleme|souci|question)\b", r"\bje prefere\b",
                      r"\bce (?:que j'aime|qui me plait|qui me motive|qui compte|qui m'interesse)\b",
                      r"\bca me fait penser\b", r"\bavant de parler\b", r"\bj'ai pas d'exemple\b",
                      r"\bje n'ai pas (?:vraiment )?d'exemple\b", r"\bdans la vie\b", r"\bmoi,? ce qu"),
        "self_promo": rx(r"\b(?:ca|cela) montre que je\b", r"\bje maitrise\b",
                         r"\b(?:un|mon) (?:vrai |veritable )?(?:atout|talent|point fort)\b", r"\bmes points forts\b",
                         r"\bje suis (?:tres|tout a fait|super|vraiment|plus) \w+", r"\bje pense que j'ai (?:un|une)\b",
                         r"\bj'apprends (?:super |tres )?vite\b", r"\bfait partie de mon adn\b"),
        "systemic": rx(r"\bil faudrait\b", r"\bje proposerais\b", r"\b(?:entreprises?|marques?|boites|banques|sites?|"
                       r"societes?|managers?|la direction) devrai(?:t|ent)\b", r"\binvestir dans\b"),
    },
}
# private life instead of work: studies, hobbies, sport, friends and family, travel
LIFE = re.compile(r"\b(?:university|uni|school|studies|student|exams?|hobby|hobbies|sports?|marathon|running|yoga|"
                  r"gym|games?|gaming|friends?|family|cousin|aunt|uncle|holidays?|vacation|travel(?:led|ling)?|"
                  r"internship|career|cooking|music|"
                  r"universite|fac|ecole|etudes|etudiante?|examens?|partiels?|loisirs?|sport|trail|jeux|amis?|"
                  r"copains?|famille|colocataire|voyages?|voyage|vacances|stage|cuisine|musique|carriere)\b")


# abstract nouns (-tion, -ment, -ity, -ness, -ence, -ite...): coached and textbook answers are nominal,
# people telling what they did use verbs
NOMINAL = re.compile(r"(?:tion|sion|ment|ity|ness|ence|ance|ism|isme|ite|ivity|abilite|ability)s?$")
