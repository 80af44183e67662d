"""What an answer to a question is, read from the artisan's words (plain Python).

``kind("pas encore")`` -> ``"hesitation"``: a yes/no question ("Voulez-vous qu'un conseiller vous
rappelle ?") gets many answers that are neither. A hesitation or a call for help is a request for
help, never a refusal; a question back gets its answer, then the question again; a correction ("non
c'est la Somme") corrects a fact and refuses nothing; anything else is new facts for the triage, and the
question is asked again.

``is_skip("j'aime autant ne pas en parler")``: a polite way of passing a question (every intake question
may be skipped). ``is_hesitation("attendez je réfléchis")``: never a goodbye nor a refusal;
``is_waiting`` is the part of it that is no answer yet ("euh", "attendez"), unlike "je ne sais pas".
"""

from __future__ import annotations

import re

from french.words import FILLERS, person_put_right as put_right
from intake.facts import (
    creditor_names_meant,
    extract_facts as extract_facts,  # re-exported: actions.crisis_actions reads it here
    fold,
    sum_put_right,
)

YES, NO, HESITATION, QUESTION, CORRECTION, OTHER = "yes", "no", "hesitation", "question", "correction", "other"

# What the bot says to someone who is thinking: the question waits (asked again after it), nothing ends.
# Never "rien ne presse": it was said to artisans whose urgency was high (round 7, an "avis avant saisie").
TAKE_YOUR_TIME = "Prenez votre temps. Je vous repose la question :"
TAKE_YOUR_TIME_NO_QUESTION = "Prenez votre temps : je reste là quand vous voulez m'écrire."

# "attendez", "attends": time asked; never someone who waits ("il attend l'argent du promoteur", "j'attends le virement":
# a fact of the business; make run, lead-r26-2, at the deadline question, got "Prenez votre temps").
_ASKS_TO_WAIT = r"(?<!\bj')(?<!\bil )(?<!\belle )(?<!\bon )(?<!\bqui )(?<!\bnous )(?:attendez|attends|attend)"
_HESITATION = re.compile(
    r"\b(?:je (?:ne )?(?:sais|sait|sai) (?:pas|plus)|j(?:e |')?sais pas|jsp|chais pas|chai pas|sais pas|"
    r"je ne sais|pas encore|peut[- ]?etre|p[- ]?e\b|je (?:vais )?(?:reflechi\w*|hesit\w*)|j'hesite|hesite|a voir|"
    r"(?:laissez|laisse)[- ]moi (?:reflechir|le temps|chercher|une minute|une seconde)|je reflechi\w*|je cherche|"
    r"(?:un|1) (?:instant|moment|sec|minute)|(?:une|1|deux|2) (?:secondes?|minutes?|sec)|minute|" + _ASKS_TO_WAIT + r"|"
    r"je regarde|je verifie|je vais voir|je dois verifier|il faut que je (?:verifie|regarde|reflechisse)|"
    r"je ne suis pas (?:sur|sure)|pas (?:sur|sure)|aucune idee|qui (?:m'|m |me )?adresser|quoi faire|"
    r"par ou commencer|perdu|perdue|aidez[- ]moi|besoin d'aide|besoin qu'on m'aide|comment faire|"
    r"ca depend|je sais vraiment pas|bof|euh+|hmm+|pas maintenant|plus tard)\b"
)
# "bon ok", "ben non", "ah oui": a filler before the yes or the no changes nothing.
_FILLER_BEFORE = rf"^(?:(?:{FILLERS}|beh|mm+h?|eh bien|et bien|alors)[ ,!.]+)?"
_NO = re.compile(
    _FILLER_BEFORE + r"(?:non|nan|nope|no|pas besoin|pas la peine|ca ira|ca va aller|sans facon|non merci|"
    r"je (?:ne )?(?:veux|prefere|souhaite) pas|pas question|surtout pas|jamais|"
    r"non c'est bon|c'est bon merci|pas pour l'instant|non pas pour le moment|je refuse|pas d'accord)\b"
)
# Round 29 (r29-a-09): "attendez en fait non, je vais d'abord voir avec mon comptable" to the consent was read as a
# pause ("Prenez votre temps. Je vous repose la question"): a mind changed, said with "en fait", "finalement",
# "tout compte fait" next to the no, is a no whatever waiting word opens it.
_MIND_CHANGED = (
    r"(?:en fait|finalement|tout compte fait|tout bien reflechi|reflexion faite|a la reflexion|apres reflexion)"
)
_CHANGED_MIND_NO = re.compile(
    r"^(?:(?:attendez|attends|ah|oh|euh+|bon|ben|bah|hm+|mais|et puis|oui|ok|pardon|non)[ ,.!]+)*"
    r"(?:" + _MIND_CHANGED + r"[ ,.!]+(?:non|nan|plutot pas|pas maintenant|pas tout de suite|pas pour l'instant|"
    r"pas pour le moment|je (?:ne )?(?:veux|prefere) pas)|(?:non|nan)[ ,.!]+" + _MIND_CHANGED + r")\b"
    r"(?![ ,.!]+(?:je (?:ne )?sais (?:pas|plus)|jsp|j'?\s?sais pas))"
)
_YES = re.compile(
    _FILLER_BEFORE + r"(?:oui|ouais|ouai|oue|wi|yes|ok|okay|oki|d'accord|dac|d'acc|ca marche|volontiers|je veux bien|"
    r"avec plaisir|bien sur|evidemment|pourquoi pas|allez|allons-y|go|parfait|super|carrement|(?:vas?[- ]?y|vazy)(?! (?:non|pas)\b)|"
    r"absolument|tout a fait|j'accepte|j'accepte|c'est d'accord|ca me va|oui svp|stp|svp|je suis d'accord)\b"
)


# Passing a question politely: "j'aime autant ne pas en parler", "je préfère ne pas répondre", "joker".
_SKIP_WHOLE = re.compile(
    r"^(?:/skip_question|passer|passe|je passe|on passe|passons|skip|joker|suivante?|question suivante|"
    r"je zappe|zappe|on zappe|je saute|sans reponse|pas de reponse|sans commentaire|no comment|"
    r"je prefere passer|on peut passer|(?:passez|sautez|zappez) (?:cette|la) question)"
    r"(?: (?:celle[- ]la|celle[- ]ci|cette question|la question|svp|s'il vous plait|merci|desole|pardon))*$"
)
# "laisse tomber", "bof laissez tomber", "on oublie (le mail)" said alone: this question dropped, never the request, which
# a withdrawal names (round 21, r21y-15, r21y-21: at the e-mail question it erased the case). Not "je laisse tomber",
# the artisan giving up.
_DROP_THE_QUESTION = re.compile(
    r"^(?:(?:bof|bon|ben|bah|ok|okay|euh|ah|oh|alors|pfff*|tant pis|non)[ ,.!]+)*"
    r"(?:laisse[zr]? tomber|laisse[zr]?[- ]tomber|on laisse tomber|on oublie|oubliez|oublie[zr]?|tant pis)"
    r"(?: (?:l'e?-?mail|le e?-?mail|le mel|le courriel|l'adresse(?: mail| e-?mail)?|(?:pour|pour le|pour l') ?"
    r"(?:e?-?mail|mail|adresse|courriel)|cette question|la question|ca|cela))?"
    r"(?:[ ,.!]+(?:alors|du coup|finalement|c'est pas grave|pas grave|tant pis|merci|svp|s'il vous plait|"
    r"c'est bon|desole|pardon))*[ .!]*$"
)
_SKIP_ANYWHERE = re.compile(
    r"\b(?:ne (?:pas|rien) (?:en )?(?:parler|repondre|dire|preciser|le dire|vous le dire|donner)|"
    r"(?:prefere|aime autant|aime mieux|prefererais|prefere encore) (?:ne pas|pas|ne rien|rien)\b(?! de)|"
    r"(?:veux|souhaite|voudrais|tiens a) (?:pas|rien) (?:en )?(?:parler|repondre|dire|preciser|donner)|"
    r"pas envie d'? ?en parler|pas envie de (?:repondre|le dire|en parler)|je garde (?:ca|cela) pour moi|"
    r"je (?:le|la|les) garde pour moi|(?:je prefere|j'aime mieux) (?:le|la|les) garder pour moi|"
    r"ca (?:ne )?vous regarde pas|je (?:ne )?(?:peux|veux) pas (?:le )?dire)\b"
)
# Time asked to think or to look something up: the question waits, the conversation goes on.
# "laissez-moi" waits only for what it asks time for ("laissez-moi réfléchir", "laisse moi 2 minutes"); alone or "laissez-moi
# tranquille" it asks to be left alone (round 22, r22a-07: "non. laissez moi" to the callback offer after the crisis got
# "Prenez votre temps. Je vous repose la question").
_WAIT = re.compile(
    r"\b(?:" + _ASKS_TO_WAIT + r"|un (?:instant|moment|sec)|une (?:seconde|minute|sec)|deux (?:secondes|minutes|sec)|"
    r"2 (?:secondes|minutes|sec|min)|(?:laissez|laisse)[- ]moi(?= (?:un peu |encore )?(?:le temps|du temps|\d|deux|"
    r"trois|quelques|une? (?:instant|moment|minute|seconde|sec|peu)|y (?:reflechir|penser)|reflechir|penser|chercher|"
    r"regarder|voir|verifier|trouver|retrouver|demander|consulter|en parler|finir)\b)|"
    r"je reflechi\w*|je vais reflechir|je dois reflechir|"
    r"faut que je reflechisse|je cherche|je regarde|je verifie|je vais voir|je reviens|pas si vite|minute|"
    r"besoin (?:de|d'un peu de) (?:reflechir|reflexion|temps)|le temps de (?:reflechir|chercher|regarder))\b"
)
# Who calls the artisan away: someone there, never us ("vous m'appelez" asks for the call).
_SOMEONE = (
    r"on|il|elle|ils|elles|(?:mon|ma|mes|le|la|les|un|une) (?:client|cliente|clients|clientes|femme|mari|fils|fille|"
    r"enfants?|gamins?|patron|patronne|associee?|collegue|mere|pere|frere|soeur|chef|fournisseur|banque|comptable|"
    r"copain|copine|compagnon|compagne|telephone|portable)"
)
# What "je vous laisse" leaves that is no leave-taking: "je vous laisse mon numéro", "je vous laisse voir avec lui".
_LEFT_WITH = r"mon|ma|mes|le|la|les|l'|un|une|des|vos|votre|ce|cette|juger|voir|choisir|faire|decider|regarder|lire"
# Taking leave, also indirectly ("je vais réfléchir, merci pour tout", "je vous laisse"): never a pause to think.
_LEAVING = re.compile(
    # "salut" opening a message is a greeting ("salut, je suis serrurier à Grenoble"); anywhere else, or alone, a farewell.
    r"(?<!^)\bsalut\b|^salut$|"
    # "à plus" takes leave; "il a plus payé" (SMS for "il n'a plus") does not: no word after it but "tard".
    r"\b(?:au revoir|bonne (?:journee|soiree|nuit|fin de (?:journee|soiree)|continuation)|a plus(?! (?!tard\b)\w)|a\+|bye|"
    r"ciao|adieu|a bientot|a demain|a la prochaine|merci pour tout|merci (?:pour|de) (?:votre|vos|les|l')\s?"
    r"(?:aide|temps|infos?|informations?|conseils?|reponses?|renseignements?)|"
    rf"(?:je (?:vous|te) laisse|je vais (?:vous|te) laisser)\b(?! (?:{_LEFT_WITH})\b)|"
    r"je m'en vais|j'y vais|je file|je me deconnecte|c'est tout pour (?:moi|aujourd'hui))\b|"
    # Round 19 (r19c-12, Martinique: "mèsi, man ka alé" got "Je n'ai pas bien compris"): leaving said in Creole
    # ("man ka alé", "mwen ka ay": I'm going; "a pita", "a talè": see you later; "orevwa").
    r"\b(?:man|mwen|mo|an) (?:ka|k'|ke|pe) (?:ale|alle|ay|ayen|parti)\b|\borevwa\b|\ba (?:pita|tale)(?=\s*$|\s*[,.;!])|"
    # Round 14 (509 goodbye examples of nlu/, 62 missed): farewells of the regions and of SMS ("tchao", "kenavo", "à la
    # revoyure", "a toute", "à tantôt"), "au plaisir" said alone or "de vous relire" (never "de travailler avec vous").
    r"\b(?:aurevoir|tchao|tchoa|tcho|kenavo|adessias|adishatz|a la revoyure|revoyure|see you|see ya|"
    r"a tout a l'heure|a tantot|a un de ces (?:jours|quatre)|a une (?:prochaine|autre)(?: fois)?|"
    r"portez[- ]vous bien|porte[- ]toi bien|je (?:vous|te) dis (?:bonsoir|bonne nuit)|"
    r"au plaisir(?= de (?:vous |te )?(?:re)?(?:lire|voir|parler|ecrire|retrouver|croiser|rencontrer)\b|\s*$|\s*[,.;!])|"
    # leaving the chat in so many words ("je vous quitte", "je raccroche", "je déconnecte", "je prends congé")
    r"je (?:vous |te )?quitte(?= *$| *[,.;!]| la *$| la *[,.;!]| ici\b| pour (?:ce soir|aujourd'hui|le moment))|"
    r"je (?:vous|te) quitte(?! pas)|je (?:vais )?raccroche[rz]?(?! (?:au nez|jamais|pas))|"
    r"je deconnecte|je (?:prends|vais prendre) conge(?! (?:le|la|les|du|de|des|en|cet|cette|pour|demain|\d))|"
    # "je coupe" (the chat, the tablet): never "je coupe les cheveux", "je coupe du bois".
    r"je coupe(?= *$| *[,.;!]| la *$| la *[,.;!]| ici\b| court\b| tout\b| le (?:chat|tel|telephone|pc|portable|wifi|reseau)\b|"
    r" l'ordi\w*| la (?:conversation|discussion|tablette|connexion))|"
    r"(?:il )?(?:va falloir|faudra|faudrait|faut) que j'y aille|"
    # "terminé pour ce soir" (never "c'est fini pour moi", "c'est bon pour moi": despair, or a yes)
    r"(?:c'est )?termine pour (?:ce soir|aujourd'hui|moi|le moment)|(?:c'est )?(?:fini|bon) pour (?:ce soir|aujourd'hui))\b|"
    # "a toute", "a tte" said as a farewell (never "à toute vitesse"); "a plus" opening a message ("a plus jsuis au
    # volant"), never "a plus de 60 ans".
    r"\ba (?:toute|tte|tt)(?=\s*$|\s*[,.;!])|^(?:(?:bon|allez|aller|ok|alors|ben|bah)[ ,]+)*a plus\b(?! (?:de|d'|du|des|que|qu'|rien|personne|jamais|aucun)\b)|"
    # "on se revoit la semaine prochaine", "à la semaine prochaine" opening a clause (never "il paiera à la semaine
    # prochaine").
    r"\bon se (?:revoit|reverra)\b|(?:^|[,.;!] ?)(?:(?:bon|allez|aller|ok|alors|et|ben|bah)[ ,]+)*a (?:la semaine prochaine|"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce soir|cet apres-midi|tout de suite)(?=\s*$|\s*[,.;!]))\b|"
    # "salut" opening a farewell all the same: "salut merci", "salut, je reprends la route", "salut, je reviens dès que
    # j'ai les papiers" (never "salut je reviens vers vous pour mon dossier", a greeting on coming back).
    r"^salut[ ,!.]+(?:et )?merci(?: (?:beaucoup|bien|encore|bcp))?[ !.]*$|^salut[ ,!.]+(?:je (?:reprends|reprend) la route|"
    r"je (?:reviens|repasse) (?:des que|quand|plus tard|apres|demain|ce soir|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"la semaine)|j'y retourne)\b|"
    # Someone calls me away ("jdois y aller elle m'appelle", "on m'appelle", "mon client m'appelle"): round 5 read
    # "elle m'appelle" as a request for our call. Said alone, or after a word of leaving.
    rf"^(?:{_SOMEONE}) m'appelle(?:nt)?(?: la| deja)?$|"
    r"\b(?:je dois|jdois|j'dois|faut que j'|il faut que j'|je vais|doit)\s?(?:y aller|filer|partir|(?:y )?aller|"
    rf"raccrocher|vous laisser)\b.*\b(?:{_SOMEONE}) m'appelle(?:nt)?\b"
)
# A farewell told about someone else ("j'ai dit au revoir à mes clientes", "dire adieu à l'atelier") takes
# no leave of us; "je voulais vous dire au revoir" does.
_REPORTED_FAREWELL = re.compile(
    r"\b(?:dit|dire|dis|dirai|dirais|dira|disons|disent|faut dire|souhaite|souhaiter)\s+(?:au revoir|adieu|bye)"
    r"\s+(?:a|aux|au)\s+(?!vous\b|toi\b)"
)


# Leave taken without a word of farewell (round 9, r9a C and r9b-07: "merci beaucoup, je ne vous embête pas plus",
# "je repasserai plus tard, là j'ai une cliente" got "Y a-t-il autre chose ?" or the question again). Five ways:
_INDIRECT_LEAVING = re.compile(
    # wishing a good week or week-end ("une bonne semaine" is a duration: "depuis une bonne semaine");
    r"(?<!une )(?<!un )\b(?:bonne (?:semaine|fin de semaine|apres-midi|apres midi|aprem)|bonnes fetes|"
    r"bon (?:week-?end|weekend|dimanche|apres-midi|aprem))\b|"
    # not wanting to bother any longer ("je ne veux pas vous déranger" alone opens a conversation politely);
    r"\bje (?:ne |n')?vous (?:embete|derange|ennuie|importune|embeterai|derangerai) (?:pas )?(?:plus|davantage)\b|"
    r"\bje (?:ne |n')?vous retiens (?:pas|plus)\b|"
    r"\bje (?:ne |n')?(?:vais|veux) (?:pas|plus) (?:vous )?(?:embeter|deranger|ennuyer|importuner) (?:plus|davantage)\b|"
    r"\bje (?:ne |n')?(?:vais|veux) (?:pas|plus) (?:vous retenir|abuser\b(?: de votre (?:temps|patience|gentillesse))?|"
    r"vous prendre (?:plus de |davantage de |trop de )(?:votre )?temps)|"
    r"\bje vais (?:arreter|cesser) de vous (?:embeter|deranger|ennuyer)\b|"
    r"\bje vous ai (?:deja )?(?:assez|suffisamment|bien|trop) (?:embete|derange|ennuye|pris (?:de )?(?:votre )?temps)\b|"
    # thinking it all over ("je vais réfléchir à tout ça"; "je vais réfléchir" alone lets the question wait);
    r"\bje (?:vais|dois) (?:y )?(?:reflechir|penser|mediter|voir) (?:a|sur) (?:tout ca|tout cela|tout ce que vous|"
    r"ce que vous m'avez|vos conseils|vos explications|tout)\b|"
    # coming back later ("je reviendrai sur ce point" comes back to a subject, not here);
    r"\bje (?:reviendrai|repasserai|reviendrais|repasserais)\b(?! sur\b)|"
    r"\bje (?:reviens|repasse|reprends|recommence|reecris) (?:plus tard|demain|ce soir|cet apres-midi|"
    r"tout a l'heure|la semaine prochaine|vers vous|une autre fois)\b|"
    r"\bje vous (?:recontacte|recontacterai|reecris|reecrirai|ecrirai|rappellerai|appellerai)\b|"
    # Round 19 (r19c-09: "bon je vais réfléchir, je vous redis" got the question again): the answer promised for later,
    # ending the message or a clause (never "je vous redis mon numéro", "je vous dis ça parce que...").
    r"\bje vous (?:redis|redirai|dirai|dis ca|redis ca|tiens au courant|tiendrai au courant|fais signe|ferai signe)"
    r"(?: (?:ca|cela|plus tard|demain|bientot|ce soir|la semaine prochaine|quoi|tout ca))?(?=$|\s*[,.;!])|"
    # Round 19 (r19c-02: "attendez y a un client qui arrive je dois filer" got "Prenez votre temps"): having to go, said
    # alone or with what calls away (never "je dois partir à la retraite", "je dois filer 2000 € au fournisseur").
    r"\b(?:je dois|jdois|j'dois|je vais devoir|(?:il )?faut que je|faut que j') ?(?:vite )?(?:y aller|filer|file|partir|"
    r"parte|me sauver|sauve|vous laisser|laisse|raccrocher|raccroche|y retourner|retourne)"
    r"(?=$|\s*[,.;!]|\s+(?:la|maintenant|vite|tout de suite|desolee?|pardon|merci|bye|salut|a plus|a\+)\b)|"
    r"\bje me sauve\b|"
    # "je verrai ça plus tard", "ok ça marche, je verrai" ending the message (never "je verrai avec mon comptable").
    r"\bje verrai(?: (?:ca|cela|tout ca))?(?: plus tard| une autre fois)?$|"
    r"\bon (?:en )?(?:se )?(?:reparle|reparlera|recause|recausera|reprendra|reprend ca)\b|"
    # having to go: the children, the work, a rest, a customer there now.
    # "faut que jaille chercher le petit", "jdois aller chercher les enfants" typed without the apostrophe (round 18,
    # r18a-04: not understood).
    r"\b(?:j(?:e |')?(?:dois|vais)|(?:il )?faut que j(?:'|e | )?aille) (?:vite )?(?:aller |y aller |passer )?"
    r"(?:chercher|recuperer) "
    r"(?:les|mes|ma|mon|le|la) (?:petits?|petites?|enfants?|gamins?|gamines?|gosses?|minots?|fille|fils|filles|"
    r"loulous?|pitchouns?|bambins?|marmots?)\b|"
    r"\bje (?:dois|vais) (?:vite )?(?:y )?retourner(?: (?:bosser|travailler|au (?:travail|boulot|chantier|salon|garage|"
    r"fournil|magasin|taf)|a l'atelier|a la boutique|en cuisine))?(?=$|\s*[,.;!])|"
    r"\bje vais (?:aller )?(?:m'allonger|m'etendre|me reposer(?! sur)|faire une sieste|faire un somme)\b|"
    r"\bla,? j'ai (?:un|une|des|mon|ma) (?:client|cliente|clients|clientes|livreur|livraison|patient|patiente|"
    r"rendez-vous|rdv)(?: qui (?:arrive|arrivent|attend|attendent|m'attend|m'attendent|est la|sont la|vient d'arriver|"
    r"entre))?(?=$|\s*[,.;!])|"
    r"(?:^|[,.;!] ?)(?:un|une|mon|ma|le|la) (?:client|cliente|livreur|patient|patiente) (?:qui )?(?:arrive|est la|"
    r"m'attend|vient d'arriver|entre)(?=$|\s*[,.;!])|"
    # "le chantier de zinguerie à Quimper m'attend", "ma femme m'attend" (never "la faillite m'attend": who or what waits
    # is named here, and nothing may follow).
    r"(?:^|[,.;!] ?)(?:le|la|l'|mon|ma|mes|les|un|une) ?(?:chantier|clients?|clientes?|livreur|boulot|travail|taf|atelier|"
    r"four|fournil|camion|tournee|femme|mari|fils|fille|enfants|gamins?|rdv|rendez-vous|patron|patronne)"
    r"(?: [^,.;!?]{1,40}?)? m'attend(?:ent)?(?=$|\s*[,.;!])"
)
# "je vais voir" or "je vais réfléchir" with a thanks: a way of leaving ("JE VAIS VOIR, JE VOUS REMERCIE", r9b-07);
# "merci, attendez je réfléchis" (present tense) is still thinking.
_THINKING_LATER = re.compile(r"\b(?:je (?:vais|dois) (?:y )?(?:reflechir|voir|penser|regarder)|je verrai|on verra)\b")
_THANKS = re.compile(r"\b(?:merci|mrc|mci|remercie|remercions)\b")
_SHORT_PAUSE = re.compile(
    r"\b(?:attendez|attends|(?:un|une|deux|2|cinq|5) (?:instant|moment|sec|secondes?|minutes?|min))\b"
)
# What comes after the words of leaving and keeps the conversation going ("je ne veux pas abuser, mais ...", "je vous
# recontacte ? ...") or makes them a story ("car je dois aller chercher les petits"): no leave taken.
_MORE_AFTER = re.compile(r"\?|\bmais\b|\bpar contre\b|\b(?:une|autre|derniere) question\b|\bsinon\b")
_STORY_BEFORE = re.compile(
    r"\b(?:car|parce que|parce qu|puisque|quand|lorsque|si|chaque fois|tous les|depuis que|alors que|comme)\b[^,.;!?]*$"
)
# Farewells are short: a longer message telling a story is read as one, whatever words of leaving it holds.
_MAX_INDIRECT_WORDS = 24


def _leaves_indirectly(folded: str) -> bool:
    if len(folded.split()) > _MAX_INDIRECT_WORDS:
        return False
    matches = list(_INDIRECT_LEAVING.finditer(folded))
    if _THANKS.search(folded) and not _SHORT_PAUSE.search(folded):
        matches += list(_THINKING_LATER.finditer(folded))
    return any(
        not _MORE_AFTER.search(folded[match.end() :]) and not _STORY_BEFORE.search(folded[: match.start()])
        for match in matches
    )


def _takes_leave(folded: str) -> bool:
    unreported = _REPORTED_FAREWELL.sub(" ", folded)
    return bool(_LEAVING.search(unreported)) or _leaves_indirectly(unreported)


# "non c'est la Somme", "ah non, en fait depuis janvier": a no followed by what is meant instead.
_CORRECTION_START = re.compile(
    r"^(?:(?:ah|oh|euh|ben|bah|oups|pardon|mince|attendez)[ ,]+)?(?:non|nan|pardon|oups|erreur|en fait)\b(?:[ ,!]+(?:non|nan|attendez|attends|pardon)\b)*[ ,!]*"
    r"(?:c'est|c est|cest|c|plutot|en fait|je me suis trompee?|je rectifie|je voulais dire|pardon|erreur)\b"
)


_CORRECTION_ANYWHERE = re.compile(
    r"\b(?:je rectifie|je corrige|rectification|correction|je me suis trompee?|erreur de ma part|je voulais dire)\b"
)


# "je viens de le dire", "comme je disais", "je l'ai écrit plus haut" after an answer (round 4 of off-script
# conversations stored "électricienne je viens de le dire" as the trade and "Marc je vous l'ai dit" as the name).
_SAID_BEFORE = re.compile(
    r"[ ,.;:!]+(?:comme je (?:vous )?(?:l'|l’)?(?:disais|ai dit|ai écrit|ai ecrit)|je (?:vous )?(?:l'|l’)?ai (?:déjà |deja )?"
    r"(?:dit|écrit|ecrit|donné|donne)|je viens de (?:le dire|l'écrire|l'ecrire|vous le dire)|déjà dit|deja dit|"
    # "Marie-Ange comme tout a l'heure" (round 26, r26b-15: stored whole as the name).
    r"comme (?:tout à l'heure|tout a l'heure|toute à l'heure|toute a l'heure|tt a l'heure|avant|la dernière fois|"
    r"la derniere fois|la première fois|la premiere fois|au début|au debut))"
    r"(?: plus haut| avant| tout à l'heure| tout a l'heure)?[ .!?]*$",
    re.IGNORECASE,
)


def without_said_before(text: str) -> str:
    """The answer without "je viens de le dire" after it: "électricienne je viens de le dire" -> "électricienne"."""
    return _SAID_BEFORE.sub("", text) or text


def _folded(text: str | None) -> str:
    return " ".join(fold(text or "").replace("’", "'").split()).strip(" .!")


# Round 19 (r19a-01, 06, 16): taking back the call in SMS spelling ("jveux pu qu'on m'appelle", "jveux pa ke on m'apel",
# "annulé le rapel svp", "jappelerai moi meme") was read as no answer, and the number asked again. The readers of a
# refusal or a withdrawal read the words a second time written out: the triage's table of SMS spellings
# (triage/rules/spellings.yml, one shared reading), the elided letter given back its apostrophe, and the words of a call.
_CALL_STEM = re.compile(
    r"\b(r?)ap{1,2}el{1,2}(|e|ee|ees|es|ent|le|les|lent|er[a-z]*|ez|ons|iez|ions|ais|ait|aient|e[rz]?)\b"
)
_ELISION = re.compile(r"\b(qu|[jlmnstd]) (?=[aeiouyh])")


def _call_word(match: re.Match[str], folded: str) -> str:
    """ "apel", "rapele", "appelerai" -> "appelle", "rappele", "appellerai" (the spelling the readers are written for)."""
    again, ending = match.group(1), match.group(2)
    before = folded[: match.start()]
    object_before = re.search(r"(?:\b(?:me|te|vous|nous)|\b[mtl]')\s?$", before)
    if ending.startswith("l"):
        ending = ending[1:]
        doubled = True
    else:
        doubled = False
    if ending in ("", "es", "ent") and (object_before or doubled or ending):
        return f"{again}appell{ending or 'e'}"
    if ending == "e" and not re.search(r"\b(?:etre|ete|ai|a|as|avez|ont|suis|es|est|sera|serai)\s$", before):
        return f"{again}appell{ending}" if object_before or doubled else f"{again}appel{ending}"
    if ending.startswith("er") and len(ending) > 2:
        return f"{again}appell{ending}"  # the future: "j'appellerai", "rappellerez"
    return f"{again}appel{ending}"


def respelled(text: str | None) -> str:
    """The folded words with SMS and spoken spellings written out ("jveux pa ke on m apel" -> "je veux pas qu'on
    m'appelle"), for the readers that take nothing back on a word they do not know."""
    from triage.normalise import normalise_word

    folded = _folded(text)
    if not folded:
        return folded
    words = re.sub(r"[a-z0-9]+", lambda match: normalise_word(match.group()), folded)
    words = _ELISION.sub(r"\1'", words)
    words = re.sub(r"\bque on\b", "qu'on", words)
    words = re.sub(r"\b(veux|veut|voudrais|souhaite) pu\b", r"\1 plus", words)
    words = re.sub(r"\bpu (besoin|la peine)\b", r"plus \1", words)
    words = re.sub(r"\bm (?=r?ap)", "m'", words)
    # "japelerai", "jrapelerai", "jvous": the "je" glued to a word of the call or to a pronoun.
    words = re.sub(r"\bj(?=ap{1,2}el)", "j'", words)
    words = re.sub(r"\bj(?=(?:rap{1,2}el|vous\b|te\b|les\b|la\b|lui\b|leur\b))", "je ", words)
    words = _CALL_STEM.sub(lambda match: _call_word(match, words), words)
    # "laissé tombé", "annulé le rappel" opening the message or a clause: the imperative, as it is said.
    lead = r"(^|[,.;!] ?|\b(?:en fait|finalement|non|bon|ben|bah|svp) )"
    words = re.sub(lead + r"laisse[rz]? tombe[rz]?\b", r"\1laissez tomber", words)
    words = re.sub(lead + r"annule\b", r"\1annulez", words)
    return " ".join(words.split())


def is_skip(text: str | None) -> bool:
    """A polite way of passing the question ("j'aime autant ne pas en parler", "joker")."""
    folded = _folded(text)
    return bool(folded) and bool(
        _SKIP_WHOLE.match(folded) or _SKIP_ANYWHERE.search(folded) or _DROP_THE_QUESTION.match(folded)
    )


def drops_the_question(text: str | None) -> bool:
    """ "laisse tomber", "bof laissez tomber", "on oublie le mail" said alone: the question open is passed (is_skip),
    never the whole request taken back, which a withdrawal names (round 21, r21y-15)."""
    folded = _folded(text)
    return bool(folded) and bool(_DROP_THE_QUESTION.match(folded))


def is_hesitation(text: str | None) -> bool:
    """Time asked to think ("attendez je réfléchis", "euh", "je ne sais pas trop"), never a goodbye or a
    stop: the question waits. A message that also takes leave ("je réfléchis, au revoir") is a goodbye."""
    if is_waiting(text):
        return True
    folded = _folded(text)
    # "merci, ma fille vous recontactera peut-être" (round 35, make run, r35-z: "Prenez votre temps" and the e-mail question
    # again): a hand-over with a doubt is a leave-taking too.
    return bool(folded) and not _takes_leave(folded) and not hands_over(folded) and kind(text) == HESITATION


_FILLER = re.compile(r"^(?:e+u+h*|h?e+u+h+|hm+|hum+|mmh*|bof|ben|bah|pfff*|\.+|…+)(?: (?:e+u+h*|hm+|\.+|…+))*$")


# "bon je vais réfléchir", "laissez-moi y penser" (round 21, r21z-02: "Je vous repose la question" at once): a wish to
# think a yes/no over, not a pause of a few seconds ("attendez", "je regarde").
_THINKING_IT_OVER = re.compile(
    # Thinking later, not now: "je réfléchis", "laissez-moi réfléchir" are a pause, the question waits.
    r"\b(?:je (?:vais|dois|veux|voudrais|prefere) (?:y )?(?:reflechir|penser)|(?:j'ai )?besoin (?:de|d'un peu de) "
    r"(?:reflechir|reflexion)|faut que j(?:e |')?(?:y )?(?:reflechisse|pense)|je (?:vais|dois) en parler (?:a|avec) )"
)


# Round 35 (make run, r35-c): a daughter at the callback offer, "faudrait que je lui demande avant", got "Je n'ai pas bien
# compris". Asking the person concerned first ("je dois voir avec mon mari", "faut que j'en parle à ma femme d'abord") is
# time to think, as "je vais réfléchir" is; "il faut lui demander de payer" asks nothing of anyone close.
_ASKS_SOMEONE_FIRST = re.compile(
    r"\b(?:faut|faudrait|faudra|dois|devrais|vais|veux|voudrais|prefere|prefererais) (?:que j(?:e |'|))?"
    r"(?:d'abord |avant )?(?:lui|leur|en) (?:en )?(?:demander|demande|parler|parle|poser la question|pose la question|causer|cause)"
    r"(?: (?:a|avec) (?:lui|elle|eux|mon|ma|mes|son|sa|ses) ?[\w']*)?"
    r"(?: (?:avant|d'abord|son avis|leur avis|ce qu'(?:il|elle|ils) en pense(?:nt)?|s'(?:il|ils) (?:veut|veulent|est|sont)"
    r"(?: d'accord)?|si elle (?:veut|est d'accord)))*\s*(?:[,.;!?…]|$)"
    r"|\b(?:faut|faudrait|faudra|dois|devrais|vais) (?:que j(?:e |'|))?(?:d'abord |avant )?(?:voir|voie|verifier|verifie)"
    r" (?:ca |cela |tout ca )?(?:d'abord |avant )?avec (?:lui|elle|eux|mon|ma|mes|son|sa|ses)\b"
)


def thinks_it_over(text: str | None) -> bool:
    """The artisan wants time to think the question over ("bon je vais réfléchir"), or to ask the person concerned first
    ("faudrait que je lui demande avant"): respected, never asked again in the same breath."""
    folded = _folded(text)
    return (
        bool(folded)
        and bool(_THINKING_IT_OVER.search(folded) or _ASKS_SOMEONE_FIRST.search(folded))
        and not is_correction(text)
    )


# Round 23 (r23b-05, r23b-18): "bon je vais réfléchir" alone, at an intake question, got "Prenez votre temps. Je vous
# repose la question"; with a thanks it took leave. Said alone, thinking it over later is leaving for now.
_LEAVES_TO_THINK = re.compile(
    r"^(?:(?:bon|ok|okay|bah|ben|bon ben|bon bah|ok ben|d'accord|dac|alors|bon alors|eh bien|bon ok)\s*,?\s*)*"
    r"je (?:vais|dois|vai) (?:y )?(?:reflechir|penser|voir)(?: (?:un peu|a tout ca|a ca|de mon cote|alors|tranquillement))?"
    r"(?: (?:et je (?:reviendrai|repasserai|vous redis)))?\s*[.!…]*$"
)


def leaves_to_think(text: str | None) -> bool:
    """The whole message says the artisan will think it over later ("bon je vais réfléchir"): leave taken for now."""
    return bool(_LEAVES_TO_THINK.search(_folded(text)))


def is_waiting(text: str | None) -> bool:
    """The artisan is thinking ("attendez je réfléchis", "euh", "...") and has not answered yet; unlike
    "je ne sais pas", which is an answer (the advisor will ask again)."""
    raw = " ".join((text or "").split())
    if raw and all(char in ".…" for char in raw):
        return True
    folded = _folded(text)
    if not folded or _takes_leave(folded):
        return False
    if _FILLER.match(folded):
        return True
    # "non attendez en fait c'est pas l'urssaf c'est les impôts" (round 21, r21z-23: "Prenez votre temps" after the
    # correction): a fact put right in the same breath is said, not waited for.
    # "attendez en fait non, je vais voir avec mon comptable" (round 29, r29-a-09): a mind changed, no pause.
    return (
        bool(_WAIT.search(folded))
        and not is_correction(text)
        and not _CHANGED_MIND_NO.search(folded)
        and not _REAL_TROUBLE_TOLD.search(folded)
    )


# "attendez en fait le vrai souci c'est mon associé, il est parti avec la caisse" (round 29, r29-b-18: "Prenez votre
# temps. Je vous repose la question"): the real trouble told after the wait word is said, not waited for.
_REAL_TROUBLE_TOLD = re.compile(
    r"\b(?:le|la|mon|ma|notre) (?:vrai|vraie|principal|principale|plus gros|plus grosse|gros|grosse) "
    r"(?:souci|soucis|probleme|problemes|truc|sujet|difficulte|galere|urgence)\b|"
    r"\ben fait (?:c'?(?: )?est|le|la|les|mon|ma|mes|il|elle|on|j'ai|jai|ils) (?!(?:je|j)\b)\w+ \w+"
)


def is_correction(text: str | None) -> bool:
    """A no that corrects a fact ("ah non c'est la Somme pas le Nord"): it refuses nothing."""
    folded = _folded(text)
    if person_put_right(text) or sum_put_right(text):
        return True  # "non c'est pas 8000 c'est 18000 le client" (round 21, r21z-13): a sum put right
    if _CORRECTION_START.search(folded) or _CORRECTION_ANYWHERE.search(folded):
        # "non en fait c'est l'urssaf pas les impôts" (round 6, p14): a creditor corrected is a fact corrected.
        return bool(extract_facts(text or "")) or bool(creditor_names_meant(text or ""))
    # "c'est pas à Lille c'est à Lens": a place said wrong and the place meant.
    import places

    return bool(places.negated_departements(text)) and "departement" in extract_facts(text or "")


def person_put_right(text: str | None) -> bool:
    """The person meant is corrected ("non c'est mon père, pas ma mère", at the callback offer in round 15, r15b-08,
    read as a refusal): someone close wrote about the wrong one, and nothing is refused."""
    return put_right(_folded(text)) is not None


# Round 22 (r22c-07, r22c-07b: "super c'est ce que je voulais savoir, bonne journée" at the callback offer brought the
# consent text): the answer received was enough. Its "super", "parfait", "ok" praise the answer, they accept nothing.
_SATISFIED = re.compile(
    r"\b(?:c'est|c est|cest|c|voila|c'etait|c etait) (?:tout |exactement |justement |bien |pile |juste )?"
    r"(?:ce que |ce qu'|ce qu )(?:je |j'|j )?(?:voulais|voulait|voudrais|cherchais|cherchait|avais besoin de|"
    r"attendais|souhaitais|esperais) (?:a )?(?:savoir|entendre|lire|comprendre|verifier|confirmer|comme info|comme reponse)|"
    r"\b(?:ca|cela|vous|vs) (?:repond|repondez|a repondu|avez repondu|m'avez repondu) (?:bien |parfaitement |tout a fait )?"
    r"a (?:ma|mes) questions?|"
    r"\bj'?(?:ai|e) (?:eu |bien eu |bien )?(?:ma|mes|la|les|une|toutes mes) reponses?\b(?! a\b)|"
    r"\bc'est (?:tout |exactement |bien )?ce qu'il me fallait\b|\b(?:c'est|c est|cest|c) bon a savoir\b|"
    r"\bvous m'avez (?:bien |beaucoup |bien bien )?(?:aidee?|renseignee?|eclairee?|rassuree?)\b|"
    r"\bje sais (?:maintenant )?(?:ce que j'ai a faire|quoi faire|ce qu'il me reste a faire)\b"
)
# A yes said in so many words beside the satisfaction ("super, oui rappelez-moi"): still a yes.
_EXPLICIT_YES = re.compile(
    r"\b(?:oui|ouais|ouai|wi|yes|je veux bien|volontiers|avec plaisir|pourquoi pas|j'accepte|je suis d'accord|"
    r"(?:ok|d'accord) pour|rappel\w*|appel\w*|contact\w*)\b"
)


def says_satisfied(text: str | None) -> bool:
    """The answer received was enough ("super c'est ce que je voulais savoir", "parfait ça répond à ma question",
    "top j'ai ma réponse merci"), with no yes said in words: a leave-taking at a yes/no question, never a yes."""
    folded = _folded(text)
    return bool(_SATISFIED.search(folded)) and not _EXPLICIT_YES.search(folded)


def _leaves_satisfied(folded: str) -> bool:
    """A satisfied word that ends the message ("top, ça répond à ma question merci"): leave taken; never with something
    asked after it ("c'est ce que je voulais savoir. et pour la banque ?")."""
    found = _SATISFIED.search(folded)
    return (
        found is not None
        and len(folded.split()) <= _MAX_INDIRECT_WORDS
        and not _EXPLICIT_YES.search(folded)
        and not _MORE_AFTER.search(folded[found.end() :])
        and not re.search(r"\b(?:pour|et|sur|concernant) (?:la|le|les|l'|mon|ma|mes) ", folded[found.end() :])
    )


def kind(text: str | None) -> str:
    """ "yes", "no", "hesitation", "question", "correction" or "other"."""
    folded = _folded(text)
    if not folded:
        return OTHER
    if folded in ("/affirm",):
        return YES
    if folded in ("/deny",):
        return NO
    if folded in ("/skip_question", "passer", "passe", "je passe", "skip"):
        return HESITATION
    if is_correction(text):
        return CORRECTION
    if _NO.search(folded) and not re.match(r"^non,? je (?:ne )?sais pas", folded):
        # "Non, pas maintenant" is a no, said kindly; "pas encore" alone is a hesitation.
        return NO
    if _CHANGED_MIND_NO.search(folded):
        return NO  # "attendez en fait non, je vais d'abord voir avec mon comptable" (round 29, r29-a-09)
    if says_satisfied(text):
        return OTHER  # "super c'est ce que je voulais savoir": the answer praised, nothing accepted (round 22, r22c-07)
    # A filler before the yes changes nothing, "euh" included: "euh oui pourquoi pas" to the offer is a yes (make run,
    # 2026-12-05: it got the explanation of what an advisor does, and the question again).
    if _HESITATION.search(re.sub(_FILLER_BEFORE, "", folded, count=1)):
        return HESITATION
    # "ui", "wai", "ouep", "ok ok" (round 19, r19a-13: "ui" refused three times at the health question): the words of a
    # bare yes that says_only_yes knows are a yes here too, one reading for every yes/no question.
    if (
        _YES.search(folded)
        or re.match(r"^c(?:'est| est|est)? (?:ok|bon|d'accord|entendu|parfait)\b", folded)
        or says_only_yes(text)
    ):
        return YES
    # "c'est" opens a question only with a question word: "c'est ok de mon côté" agrees.
    if folded.endswith("?") or re.match(
        r"^(?:est-ce|est ce|c'est (?:quoi|qui|combien|comment|ou|gratuit|payant|confidentiel)|pourquoi|comment|"
        r"combien|qui|quand|ou|vous etes|tu es|ca coute)\b",
        folded,
    ):
        return QUESTION
    return OTHER


# The words of a bare yes, SMS spellings and fillers included ("ouii", "wi", "si si", "bah oui bien sûr", "si
# finalement oui"): at a question that is no yes/no question ("Depuis quand ?"), such a message answers nothing.
_YES_WORDS = frozenset(
    [
        "oui",
        "ouai",
        "ouais",
        "ouep",
        "oue",
        "ui",
        "wi",
        "wai",
        "yes",
        "yep",
        "ok",
        "okay",
        "oki",
        "okk",
        "si",
        "exact",
        "exactement",
        "voila",
        "affirmatif",
        "absolument",
        "daccord",
        "d'accord",
        "dac",
        "dacc",
        "d'acc",
        "entendu",
        "certes",
        "effectivement",
        "evidemment",
        "carrement",
        "volontiers",
    ]
)
_YES_PHRASES = re.compile(r"\b(?:tout a fait|bien sur|bien entendu|en effet|c(?:'| )?est (?:ca|exact|bien ca))\b")
_YES_FILLERS = frozenset(
    [
        "bon",
        "ben",
        "bah",
        "beh",
        "eh",
        "ah",
        "oh",
        "alors",
        "euh",
        "bien",
        "mais",
        "enfin",
        "en",
        "fait",
        "finalement",
        "quand",
        "meme",
    ]
)


# How hard it is, and nothing else ("c'est dur", "pas facile tout ça", "je suis un peu perdue"): said at a question,
# it is heard, never stored as the answer.
_FEELING_ONLY = re.compile(
    # "Pardon, c'est dur" (round 21, r21z-07, a widow at the legal-form question): an apology first is still a feeling.
    r"^(?:(?:oui|ben|bah|bof|oh|ah|euh|enfin|franchement|vraiment|honnetement|bon|pfff*|pff|pardon|desolee?|dsl|"
    r"excusez[- ]moi|excuse[z]?[- ]moi|excuse[sz]?)[ ,.!]+)*"
    r"(?:(?:c'est|c est|cest|c|ca reste|ca a ete|c'etait|c etait|la c'est|tout ca c'est|tout ca est|je (?:le )?trouve ca) )?"
    r"(?:(?:tres|trop|vraiment|super|tellement|hyper|un peu|assez|quand meme|si) )*"
    r"(?:dur|difficile|complique|penible|lourd|rude|pas facile|pas simple|pas evident|la galere|galere|l'enfer|"
    r"je suis (?:un peu |completement |totalement |tellement )?(?:perdue?|paumee?|depassee?)|j'en ai marre|je suis a plat)"
    r"(?: (?:en ce moment|ces temps ci|ces temps-ci|ces jours ci|ces jours-ci|pour moi|tout ca|a vivre|a gerer|"
    r"depuis|vous savez|quand meme|franchement))*$"
)


def says_only_a_feeling(text: str | None) -> bool:
    """A message that only says how hard things are, with no answer in it ("c'est dur", "je suis perdue")."""
    folded = re.sub(r"[!?.…]+", " ", _folded(text).replace("’", "'"))
    return bool(_FEELING_ONLY.match(" ".join(folded.split())))


def says_only_yes(text: str | None) -> bool:
    """A message that is a yes and nothing else ("oui", "ouiii", "si finalement oui", "ben oui bien sûr")."""
    folded = _folded(text).replace("’", "'")
    if folded in ("/affirm",):
        return True
    # Letters typed again for emphasis ("ouiii", "okkk", "siii") are one letter.
    plain = re.sub(r"(\w)\1{2,}", r"\1", re.sub(r"[^\w' ]+", " ", folded))
    words = _YES_PHRASES.sub(" oui ", plain).split()
    words = [re.sub(r"(i)\1+$", r"\1", word) for word in words]  # "ouii", "sii"
    return (
        bool(words)
        and any(word in _YES_WORDS for word in words)
        and all(word in _YES_WORDS or word in _YES_FILLERS for word in words)
    )


# When or how to call, said right after words that would otherwise refuse the call or drop something ("je veux pas être
# rappelée avant 10h", "ne m'appelez pas le matin", "laissez tomber le matin, plutôt l'aprem", "pas sur le portable"):
# a constraint on the call, never its withdrawal (round 14: the case was erased). A moment may follow a comma ("ne me
# rappelez pas, avant 10h je suis au chantier"); how or on what condition only follows the words themselves.
_PART_OF_DAY = r"(?:matin|matinee|midi|apres[- ]?midi|aprem|apm|soir|soiree|nuit|journee|week-?end|semaine)"
_DAY_NAME = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?"
_ON_THE_MOMENT = (
    # a limit or a window ("avant 10h", "pas avant lundi", "entre midi et deux"), not "après tout ce que vous m'avez dit";
    r"(?:avant|apres|entre|pendant|vers|jusqu'? ?(?:a|au)|a partir d(?:e|u|')|passe|d'ici)\b(?! ?(?:ce qu|ca\b|cela|tout))|"
    r"des (?=\d|midi|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|le )|"
    r"(?:(?:plus|trop|si|aussi) )?(?:tot|tard)\b|au plus t|"
    r"(?:demain|apres-demain|aujourd'hui|maintenant|tout de suite|tt de suite|de suite|ce jour)\b|"
    # a part of the day, a day, an hour ("le matin", "en soirée", "le mercredi", "à 9h", "le 14").
    r"(?:(?:le|la|l'|les|en|au|a|ce|cet|cette|ces|dans la|dans l'|en fin de|en debut de|du|tous les|toute la) ?)?"
    rf"(?:{_PART_OF_DAY}|{_DAY_NAME})\b|"
    r"(?:(?:a|vers|le|les) )?(?:\d{1,2} ?(?:h|heures?)(?:\d{2})?|\d{1,2}:\d{2})(?!\w)|le (?:1er|\d{1,2})\b|"
    r"(?:a|aux|a l'|pendant les|pendant mes|sur mes|sur les|en) ?(?:heures?|horaires?)\b"
)
_ON_HOW = (
    # how, where or on what condition ("pas sur le portable", "pas chez moi", "pas par mail", "pas quand je suis au
    # chantier", "pas si c'est pour..."), never "par vous" ("je souhaite plus être contactée par vous": round 13).
    r"(?:quand|lorsque|si|sauf|hors|en dehors|chez|sur|trop|plutot|au (?:fixe|portable|bureau|boulot|travail|magasin|"
    r"chantier|atelier|tel|telephone)|par (?!vous|la chambre|la cma|un conseiller|une conseillere|le conseiller|"
    r"les conseillers|votre))\b"
)
_BY_THE_WAY = r"(?:(?:svp|stp|s'il vous plait|surtout|juste|par contre|non plus)[ ,]+)?"
_WHEN_OR_HOW_AHEAD = rf"(?:[ ,]+{_BY_THE_WAY}(?:{_ON_THE_MOMENT})| {_BY_THE_WAY}(?:{_ON_HOW}))"
_NOT_WHEN_OR_HOW = rf"(?!{_WHEN_OR_HOW_AHEAD})"
_WHEN_OR_HOW_AHEAD_RE = re.compile(_WHEN_OR_HOW_AHEAD)

# A moment said anywhere after a change of mind ("en fait non, pas avant 10h", "finalement non l'aprem c'est mieux"):
# the moment is corrected, the call kept. Never a farewell ("bonne soirée", "à demain") nor "ce matin", "cette nuit"
# (often what happened: "finalement non, c'est réglé ce matin").
_MOMENT_SAID = re.compile(
    r"\b(?:avant|apres|entre|vers|a partir d(?:e|u|')|jusqu'? ?(?:a|au)|des) (?:\d|midi|le |la |l'|demain|"
    rf"{_DAY_NAME})|\b\d{{1,2}} ?(?:h|heures?)(?!\w)|"
    r"(?:\b(?:le|la|a|en|au|dans la|en fin de|en debut de|plutot|pas|sauf|vers) |\bl' ?|\bdans l' ?)"
    r"(?:matin|matinee|midi|apres[- ]?midi|aprem|apm|soir|soiree|week-?end)\b|"
    rf"\b{_DAY_NAME}\b|(?<!a )\bdemain\b|\bapres-demain\b"
)


def when_or_how_follows(folded: str, end: int) -> bool:
    """Whether the folded words from ``end`` on say when or how to call (" avant 10h", " le matin", " sur le fixe"):
    the words before them, that would refuse the call, refuse only that moment or that way (round 14). The one reading
    of it, for every check of a withdrawal."""
    return bool(_WHEN_OR_HOW_AHEAD_RE.match(folded, end))


# The call itself refused, "ne" often dropped as people write ("je veux pas être rappelé").
_CALLBACK_REFUSAL_WORDS = (
    r"(?:(?:ne|n') ?)?(?:veux|souhaite|voudrais|desire) (?:plus|pas|finalement pas|plus du tout|pas du tout) "
    r"(?:etre rappelee?|etre appelee?|qu'on me (?:rappelle|telephone|contacte|appelle)|qu'on m'(?:appelle|telephone)|"
    r"de (?:rappel|appel|coup de fil)|"
    r"que vous (?:me |m')?(?:rappeliez|appeliez|contactiez)|d'(?:un )?(?:rappel|appel|conseiller))|"
    r"ne me (?:rappelez|appelez|contactez) (?:pas|plus)|ne m'appelez (?:pas|plus)|"
    r"(?:pas la peine|pas besoin) (?:de me (?:rappeler|contacter)|de m'appeler|qu'on me (?:rappelle|contacte)|"
    r"qu'on m'appelle|d'(?:un )?(?:rappel|appel)|de coup de (?:fil|telephone))|"
    # "non merci pas de rappel" (make run, 2026-12-04: at the creditors question it was read as "aucune dette"); not
    # a payment reminder ("pas de rappel de l'urssaf").
    r"pas (?:besoin )?de (?:rappel|coup de fil)(?! (?:de|du|des|d')\b)|"
    # "je vous ai pas demandé de m'appeler": the call refused before it was even offered.
    r"(?:je (?:ne )?vous ai|j'ai|je n'ai) (?:pas|jamais|rien) demande (?:de (?:me |m')?(?:rappeler|appeler|contacter)|"
    r"d'appeler|a etre (?:rappelee?|appelee?)|qu'on me (?:rappelle|contacte)|qu'on m'appelle|(?:un|de) (?:rappel|appel))"
)
# ... unless only a moment or a way of calling is refused ("je veux pas être rappelée avant 10h", "ne m'appelez pas le
# matin", "pas de rappel avant lundi"): what every reader of a refusal or a withdrawal sees (round 14).
_CALLBACK_REFUSAL = rf"(?:{_CALLBACK_REFUSAL_WORDS})\b{_NOT_WHEN_OR_HOW}"
# What a "laissez tomber" names when it takes the request back: the call, the request, the data, or all of it.
_WHAT_IS_DROPPED = (
    r"(?:tout(?: ca| cela)?|(?:le |la |l'|ma |mon |mes |cette |ce |votre |vos |les )"
    r"(?:rappel|appel|coup de fil|demande(?: de rappel)?|dossier|conseiller|coordonnees|donnees|infos|informations))"
)
# Taking back a request for a callback once agreed: said of the call, the request or the data ("ne me
# rappelez pas", "annulez ma demande", "effacez mes coordonnées", "je retire mon accord")...
_WITHDRAWAL_EXPLICIT = re.compile(
    rf"\b(?:{_CALLBACK_REFUSAL}|"
    r"(?:j'annule|annulez|annuler|on annule)(?: (?:ma|la|cette) demande(?: de (?:rappel|contact|conseiller|rendez-vous))?"
    r"| (?:le|mon) (?:rappel|appel)| l'appel| tout(?: ca)?)?"
    # ... said alone, or with its reason after a comma ("annulez tout, mon frère va me prêter de l'argent": round 4),
    # a word of a changed mind between ("annulez ma demande finalement, un client vient de payer": round 17, r17a-08),
    # or the reason said with "car", "parce que".
    r"(?: (?:svp|s'il vous plait|merci|finalement|en fait|du coup|alors|tout compte fait|plutot|c'est bon))*"
    r"(?=$|\s*[,.;!]| (?:car|parce que|parce qu'|puisque|vu que|j'ai|on a|c'est regle)\b)|"
    r"(?:je )?(?:retire|reprends|retirer|reprendre) (?:mon|votre|ma) (?:accord|consentement|demande)|"
    r"je ne (?:suis|serai) plus d'accord|"
    r"(?:effacez|supprimez|effacer|supprimer|oubliez) (?:tout|(?:toutes )?(?:mes|mon|ma|les) (?:donnees|coordonnees|"
    r"dossier|demande|numero|informations|infos))|"
    # "laissez tomber le rappel", "on oublie tout": said of the call, the request or the data (round 21, r21y-15:
    # "laisse tomber" alone, at the e-mail question, erased the case; said alone it passes the question: is_skip).
    # "laissez tomber le matin, plutôt l'aprem" drops a moment, not the call.
    rf"(?:laisse[zr]? tomber|on laisse tomber|on oublie|oubliez)(?: {_WHAT_IS_DROPPED})\b{_NOT_WHEN_OR_HOW}|"
    # "laissez tomber, je vais me débrouiller": the artisan manages alone, the call dropped.
    r"(?:laisse[zr]? tomber|on laisse tomber|on oublie)[ ,.!]+(?:je (?:vais|prefere) (?:plutot )?(?:me debrouiller|"
    r"me demerder|gerer|faire sans|m'en occuper|m'en sortir)|je me (?:debrouille|debrouillerai|demerde)|"
    r"je (?:gere|m'en occupe)))"
)
_CALLBACK_REFUSAL_RE = re.compile(rf"\b(?:{_CALLBACK_REFUSAL})\b")
# ... or a no that says a mind was changed ("non finalement je ne veux pas", "en fait non").
_WITHDRAWAL_CHANGE_OF_MIND = re.compile(
    # "attendez finalement non, je vais d'abord essayer toute seule" (round 4: read as a pause at the phone question).
    r"^(?:(?:bon|ben|bah|euh|ah|oh|eh bien|et bien|attendez|attends|hmm|hum)[ ,]+){0,2}(?:non[ ,]+)?"
    r"(?:(?:finalement|en fait|reflexion faite|tout compte fait|apres reflexion|a la reflexion|j'ai change d'avis)[ ,]+"
    r"(?:non\b|je (?:ne )?(?:veux|souhaite|prefere) (?:pas|plus)|pas (?:la peine|besoin)|plus besoin|ca ira|"
    r"c'est bon|je laisse)|je (?:ne )?(?:veux|souhaite) plus(?: rien)?$|(?:finalement|en fait|j'ai change d'avis)$)"
)


def refuses_callback(text: str | None) -> bool:
    """Words that refuse the advisor's call itself ("je veux pas être rappelé", "ne me rappelez pas"), whatever
    question they come at; unlike `is_withdrawal`, nothing said of the data or of the whole conversation."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return False
    # "jveux pa ke on m'apel" (round 19): read again written out.
    return bool(_CALLBACK_REFUSAL_RE.search(folded) or _CALLBACK_REFUSAL_RE.search(respelled(text)))


# Round 18 (r18b-15): "je voulais seulement des renseignements" with the refusal of the call: what the artisan came for
# is the first steps, now, not the rest of the questions (he left with none). Past or present, "juste", "seulement".
_INFORMATION_ONLY = re.compile(
    r"\b(?:je |j')?(?:voulais|voudrais|veux|souhaitais|souhaite|cherchais|cherche|venais|viens)\s+"
    r"(?:(?:juste|seulement|simplement|uniquement|que|qu')\s*)+(?:pour )?(?:avoir |obtenir |chercher |prendre )?"
    r"(?:des |un |quelques |les |vos )?(?:renseignements?|infos?|informations?|conseils?|pistes?|demarches?|"
    r"me renseigner|m'informer|savoir|comprendre|me faire une idee)\b|"
    r"\b(?:c'etait|c'est) (?:juste |seulement |simplement |uniquement )?pour (?:des |un |quelques )?"
    r"(?:renseignements?|infos?|informations?|me renseigner|m'informer|savoir)\b"
)


def wants_information_only(text: str | None) -> bool:
    """Words that say the artisan came only for information ("je voulais seulement des renseignements", "c'était juste
    pour me renseigner"): the first steps are given at once."""
    folded = _folded(text)
    return bool(folded) and not folded.startswith("/") and bool(_INFORMATION_ONLY.search(folded))


# A no whose object is a fact of the situation, not the call ("non pas d'échéance mais...", "non, aucune dette à part
# ça", round 18, r18b-16: read as a refusal of the callback, "je ne transmets rien").
# The no first, or the fact denied with its subject and the no after ("il a pas de salarié non", make run round 28: a
# wife answering a question not asked, at the offer, was told "C'est entendu. Je ne transmets rien").
_NO_TO_A_FACT = re.compile(
    # "euh non pas de date je crois" (round 31, make run: read as refusing the call, no case): a filler first.
    rf"^(?:(?:{FILLERS}|alors)\b[\s,.]*)*"
    r"(?:(?:non|nan|nope)\b[\s,.!]*(?:(?:il )?n'?y a |y a |j'ai |je n'ai |on n'a |on a )?|"
    r"(?:(?:il|elle|on) (?:n'?)?a |j'?ai |je n'ai |(?:il )?n'?y a |y a ))(?:pas|aucune?|plus|rien)\s+"
    r"(?:d'|de |du |des |d )?(?:echeances?|date|dates|dettes?|salaries?|employes?|apprentis?|huissiers?|audiences?|"
    r"credits?|prets?|retards?|impayes?|saisies?|convocations?|lettres?|courriers?|jugements?|urgences?)\b"
)


# Safety said in so many words ("oui oui à l'abri", "oui je suis en sécurité", round 18, r18b-04: taken at the callback
# offer for a yes to the call): an answer to the safety question, which the call is not named in.
_SAFE_IN_WORDS = re.compile(r"\b(?:en securite|a l'abri|hors de danger|pas en danger)\b")


def says_safe_in_words(text: str | None) -> bool:
    """The words say the writer is safe, and nothing of the call ("oui en sécurité", "oui oui, à l'abri chez moi")."""
    folded = _folded(text)
    if (
        not _SAFE_IN_WORDS.search(folded)
        or asks_for_callback(text)
        or re.search(r"\b(?:pas|plus) en securite\b", folded)
    ):
        return False
    return not re.search(r"\b(?:appel\w*|rappel\w*|conseill\w*|joindre|contacte\w*)\b", folded)


def no_to_another_question(text: str | None) -> bool:
    """A no that answers a question about the situation ("non pas de date limite, mais le fournisseur m'a bloqué"),
    said at a yes/no question about the call: no refusal of the call, which is not named in the words."""
    folded = _folded(text)
    if not _NO_TO_A_FACT.search(folded) or refuses_callback(text) or asks_for_callback(text):
        return False
    return not re.search(r"\b(?:appel\w*|rappel\w*|conseill\w*|personne|joindre|contacte\w*)\b", folded)


# Asking for the call in so many words, wherever it comes ("oui je veux bien qu'on m'appelle" at another question).
_CALLBACK_REQUEST = re.compile(
    # "on veut bien être rappelé", "nous voulons bien" (round 20, r20c-07: a couple writing, not taken).
    r"\b(?:(?:je |on |nous )?(?:veux|voudrais|souhaite|souhaiterais|aimerais|veux bien|voudrais bien|prefere|prefererais|"
    r"veut bien|voudrait bien|voulons bien|voudrions bien|souhaitons|aimerions) "
    r"(?:bien |toujours |quand meme |tout de meme |encore |vraiment )?"
    r"(?:etre rappelee?s?|etre appelee?s?|qu'on me (?:rappelle|telephone|contacte)|qu'on m'(?:appelle|telephone)|"
    r"que vous (?:me )?(?:rappeliez|appeliez|contactiez)|qu'un conseiller (?:me )?(?:rappelle|appelle|contacte)|"
    r"(?:un|le) (?:rappel|appel)|parler a (?:un conseiller|une conseillere|quelqu'un|une personne|un humain))|"
    r"(?:rappelez|appelez|contactez)[- ]moi|"
    # "vous pouvez me rappeler demain ?", "Pourriez-vous m'appeler demain ?" (round 28, make run: at the offer, answered
    # "Je ne sais pas répondre à cette question ici"); never a reminder asked ("pourriez-vous me rappeler ce qu'est la
    # CCSF ?", "me rappeler votre numéro").
    r"(?:(?:pouvez|pourriez)[- ]vous|vous (?:pourriez|pouvez)) (?:bien )?m(?:e |')(?:rappeler|appeler|recontacter|contacter|"
    r"telephoner)\b(?! (?:ce qu|ce que|ce qui|ce dont|comment|pourquoi|quel|quelle|quels|quelles|qui|quoi|ou |combien|"
    r"quand est|votre|vos|le nom|le numero|l'adresse|la date|le montant|les (?:etapes|demarches|documents|papiers)|"
    r"de quoi|a quoi|si ))|"
    # "bon ok, un conseiller qui me rappelle oui" (round 23, r23c-03: at an intake question, the question came again).
    r"(?<!eu )(?<!avais )(?<!avait )\b(?:un|qu'un|une) (?:conseill(?:er|ere)|humain|personne) (?:qui|pour) me (?:rappelle|rappeler|appelle|appeler|"
    r"contacte|contacter)\b|"
    # "j'ai besoin qu'on m'appelle quand même" (round 23, r23b-05, after an erasure: "D'accord. Je reste là").
    r"(?:j'ai|on a|nous avons) (?:vraiment |quand meme |juste )?besoin (?:d'etre (?:rappelee?s?|appelee?s?)|"
    r"qu'on me (?:rappelle|telephone|contacte)|qu'on m'(?:appelle|telephone)|que vous (?:me )?(?:rappeliez|appeliez)|"
    r"de parler a (?:un conseiller|une conseillere|quelqu'un|une personne|un humain))|"
    # "vous pouvez me faire rappeler ?", "faites-moi rappeler" (round 21, r21y-07: read as a question about the service,
    # it got the chamber's number and no handoff).
    r"(?:(?:vous )?(?:pouvez|pourriez|pouvez-vous|pourriez-vous)(?: vous)? |(?:je |j')?(?:veux|voudrais|souhaite|aimerais|"
    r"peux|pourrais|demande a) )(?:bien )?me faire (?:rappeler|appeler|recontacter|contacter)|"
    r"faites[- ]moi (?:rappeler|appeler|recontacter|contacter)|"
    # "oui qu'on la rappelle, ou moi plutôt" (round 21, r21z-21: a daughter writing, read as an answer to the legal form).
    r"(?:oui|ouais|ok|d'accord|volontiers|je veux bien)[ ,]+(?:bien sur[ ,]+)?(?:qu'on|que vous|qu'un conseiller) "
    # "oui qu'on m'appelle" (round 28, r28-a-10: at the deadline question, read as "yes, there is a deadline").
    r"(?:me |m'|la |le |les |nous |l')?(?:rappelle|rappeliez|appelle|appeliez|contacte|contactiez|telephone)"
    r"(?! pas\b| jamais\b| plus\b)|"
    # "si rapelé moi mé lundi matin", "rapeler moi" (round 19, r19a-01: SMS spelling, the time lost on the second yes).
    r"(?<!pas )(?<!ne )(?<!jamais )(?<!besoin de )(?<!inutile de )(?:rappele|rappeler|appele|appeler)[- ]moi|"
    # "mon fils pense que je devrais accepter l'appel finalement" (round 18, r18a-13: the questions started again).
    r"(?:je (?:devrais|vais|veux bien|peux)|j'accepte|d'accord pour) (?:finalement )?(?:accepter )?"
    r"(?:l'appel|le rappel|votre appel|votre rappel|qu'on me rappelle|qu'on m'appelle))\b"
)
# "urssaf. 3000. rappel." (round 5: ignored): the word alone as a clause, never "un rappel de l'urssaf".
# "rappel oui", "oui un rappel" (round 11, r11a-12: read as a skip mid-intake): the yes said around the word.
_CALLBACK_WORD = re.compile(
    r"(?:^|[.,;!?:]\s*)(?:(?:oui|ouais|ok|d'accord|volontiers|je veux bien),? )?(?:(?:je veux|je voudrais|demande de|"
    r"pour) )?(?:un )?rappel(?: (?:svp|stp|s'il vous plait|merci|please|urgent|vite|rapide|oui|ouais|ok|volontiers|"
    r"je veux bien))*\s*(?:$|[.,;!?])"
)


# The offer taken up in so many words, typically on coming back ("c'est encore moi, j'ai réfléchi, ok pour le
# conseiller", "oui pour le conseiller": round 10, r10a-05, 21-23, read as a farewell or a greeting, and told goodbye).
_OFFER_TAKEN_UP = re.compile(
    r"\b(?:ok|oui|ouais|d'accord|c'est d'accord|c'est bon|va pour|je veux bien|j'accepte|partant|partante)"
    r"(?: (?:alors|finalement|du coup|donc))? (?:pour )?(?:le |un |une |qu'un |qu'une )?(?:conseiller|conseillere|rappel|"
    r"(?:qu'on|que vous|qu'il|qu'elle) (?:me )?(?:rappelle|rappeliez|appelle|appeliez|recontacte)|"
    r"etre (?:rappelee?|appelee?|recontactee?))\b(?! (?:bancaire|de la|de ma|du|des|municipal|financier))"
)


def names_the_callback(text: str | None) -> bool:
    """ "rappel", "rappel svp", "un rappel" said as a clause of its own ("urssaf. 3000. rappel."): a callback asked
    for in one word, which the classifier does not read so; or the offer taken up in so many words ("j'ai réfléchi,
    ok pour le conseiller")."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return False
    return bool(_CALLBACK_WORD.search(folded)) or bool(_OFFER_TAKEN_UP.search(folded))


def called_away(text: str | None) -> bool:
    """Leave taken because someone calls the artisan ("jdois y aller elle m'appelle", "on m'appelle"): a goodbye,
    never a request for our call (round 5 asked for the consent)."""
    folded = _folded(text)
    return bool(folded) and "m'appelle" in folded and is_closing(text) and not _CALLBACK_REQUEST.search(folded)


# Being written to rather than called ("pas de téléphone, je préfère par mail", "plutôt par écrit").
_WRITING_PREFERRED = re.compile(
    r"\b(?:par (?:e ?-?mail|mail|courriel|ecrit|message|sms)|(?:un |des )?(?:e ?-?mails?|mails?|courriels?)\b"
    r"|m'ecrire|m'envoyer un (?:mail|message|courriel)|pas (?:de |par )?(?:telephone|tel|appel)\b"
    # "pas de portable, écrivez-moi plutôt à ..." (make run, 2026-12-03: the phone was asked again).
    r"|pas (?:de |d')(?:portable|mobile|numero)|ecrive[zr][ -]moi|envoye[zr][ -]moi un (?:mail|message|courriel))"
)


def prefers_writing(text: str | None) -> bool:
    """The artisan would rather be written to than called, with no yes or no to the call itself."""
    folded = _folded(text)
    return bool(folded) and not folded.startswith("/") and bool(_WRITING_PREFERRED.search(folded))


# A request said under doubt ("je sais pas si je veux qu'on m'appelle", "je me demande si je voudrais être rappelée":
# round 36, make run, at the since-when question: the consent was asked at once): a hesitation, no request yet.
_DOUBT_BEFORE = re.compile(
    r"\b(?:sais|sait|savons|saurais) (?:pas|plus|trop|pas trop|pas encore|pas bien|plus trop)|"
    r"\b(?:suis|sommes|est) (?:pas|plus) (?:sure?s?|certaine?s?)|\b(?:me|nous|se) demande|\bhesit\w*|\bj'hesite"
)


# The wish itself in doubt, right before the request's words: "si je veux", "si on voudrait", "j'hésite à"; never the
# means ("je sais pas si vous pouvez me rappeler demain" asks, politely).
_WISH_IN_DOUBT = re.compile(r"(?:\bsi|\bhesit\w* a)(?: (?:je|j'|on|nous|vraiment|encore|bien))*\s*$")


def _doubted(folded: str, start: int) -> bool:
    """The request at ``start`` is said under doubt in its own clause ("je sais pas si je veux ...")."""
    clause = re.split(r"[.;!?]| mais ", folded[:start])[-1]
    return (
        bool(_DOUBT_BEFORE.search(clause))
        and bool(_WISH_IN_DOUBT.search(clause))
        and not re.match(r"(?:vous )?(?:pouvez|pourriez)\b", folded[start:])
    )


def _requested(pattern: re.Pattern[str], folded: str) -> bool:
    return any(not _doubted(folded, match.start()) for match in pattern.finditer(folded))


def asks_for_callback(text: str | None) -> bool:
    """Words that ask for the advisor's call ("je veux bien qu'on m'appelle", "rappelez-moi"), never a refusal nor a
    request under doubt ("je sais pas si je veux qu'on m'appelle")."""
    folded = _folded(text)
    if not folded or folded.startswith("/") or refuses_callback(text):
        return False
    sms = respelled(text)  # "rapelé moi" (round 19, r19a-01)
    return (
        _requested(_CALLBACK_REQUEST, folded)
        or bool(_CALLBACK_WORD.search(folded))
        or _requested(_CALLBACK_REQUEST, sms)
    )


def is_withdrawal(text: str | None, *, explicit_only: bool = False) -> bool:
    """The artisan takes back the callback they agreed to: of the call, the request or the data in so many
    words ("annulez ma demande", "ne me rappelez pas"), or, unless ``explicit_only``, with a no that says
    a mind was changed ("non finalement je ne veux pas", "en fait non"). A correction ("non en fait c'est
    la Somme") and a plain no ("non merci", the answer to an optional question) are not withdrawals; nor is
    when or how to call ("je veux pas être rappelée avant 10h", "en fait non, pas le matin"). SMS spellings are read
    written out ("jveux pu qu'on m'appelle", "annulé le rapel svp": round 19)."""
    if _withdraws(text, explicit_only):
        return True
    sms = respelled(text)
    return sms != _folded(text) and _withdraws(sms, explicit_only)


# Round 19 (r19a-06, r19a-16): "non attendez finalement jvais me debrouiller seul" at the phone question (read as a pause):
# a changed mind, then the artisan manages alone. Said whole: never "... pour être là lundi".
_CHANGE_WORD = (
    r"(?:non|nan|finalement|en fait|tout compte fait|reflexion faite|apres reflexion|j'ai change d'avis|laissez tomber)"
)
_LEAD_WORD = r"(?:bon|ben|bah|euh|ah|oh|attendez|attends|ok|merci|c'est bon|du coup|alors)"
_ON_MY_OWN = re.compile(
    rf"^(?:{_LEAD_WORD}[ ,.!]+)*{_CHANGE_WORD}[ ,.!]+(?:(?:{_LEAD_WORD}|{_CHANGE_WORD})[ ,.!]+)*"
    r"(?:je (?:vais|prefere|prefererais) (?:plutot )?(?:me debrouiller|me demerder|gerer|m'en occuper|m'en sortir|faire sans)|"
    r"je me (?:debrouille|debrouillerai|demerde|demerderai)|je (?:gere|gererai|m'en occupe|m'en occuperai))"
    r"(?: (?:tout |toute )?seule?| moi[- ]meme| par moi[- ]meme| sans vous| sans (?:rappel|appel)| autrement| de mon cote)?"
    r"(?: (?:merci|svp|s'il vous plait|quand meme))*$"
)


def _withdraws(text: str | None, explicit_only: bool) -> bool:
    folded = _folded(text)
    if not folded or folded.startswith("/") or is_correction(text):
        return False
    if part_to_remove(text):
        return False  # "je retire mon accord pour l'information de santé": that part only (round 17, r17a-06)
    if _WITHDRAWAL_EXPLICIT.search(folded):
        return True
    if explicit_only:
        return False
    if _ON_MY_OWN.search(folded):
        return True
    changed = _WITHDRAWAL_CHANGE_OF_MIND.search(folded)
    # "en fait non, pas avant 10h", "finalement je veux pas le matin": the mind changed about the moment only.
    return changed is not None and not _MOMENT_SAID.search(folded, changed.end())


# A thanks or a farewell that closes the conversation ("merci c'est tout", "je dois filer"), unlike "merci".
_CLOSING = re.compile(
    r"\b(?:ce sera tout|ca sera tout|rien d'autre|ca ira|ca suffit(?! (?:pas|plus|jamais|meme pas))|j'y vais|(?:je|j'?) ?(?:dois|vais) "
    rf"(?:y aller|filer|partir|vous laisser|raccrocher|fermer)|je vous laisse(?! (?:{_LEFT_WITH})\b)|je file|je m'en vais|"
    r"bonne continuation|"
    r"a la prochaine|(?:il )?faut que (?:j'y aille|je (?:file|parte|y aille|me sauve|vous laisse))|je me sauve|"
    r"je vais me debrouiller|"
    # Back later, or off to bed (round 4 of off-script conversations: "bon je reflechis et je reviens", "je vais me
    # coucher c'est tout" got the next question).
    r"je (?:reviens|reviendrai|repasserai|repasse)(?: (?:vers vous|plus tard|demain|dans \w+|quand|apres|si))*$|"
    r"je (?:vais|dois) (?:aller )?(?:me coucher|dormir|au lit)|bonne nuit)\b|(?:^|\s)a\+(?:\s|$)|"
    # "ça va aller merci", "ça ira merci" said alone: the help declined politely, a leave-taking (round 11's test).
    r"^(?:(?:bon|ok|non|ben|bah)[ ,]+)?(?:ca va aller|ca ira)[ ,]*(?:merci|c'est gentil)(?: (?:beaucoup|bien|bcp))?$"
)


# Round 35 (make run, r35-f): a widow at the employees question, "merci vous êtes gentille, je vais laisser ma fille
# regarder tout ça", got "Je vous en prie." and the next question. Handing the matter over to someone close or to one's
# adviser is leaving for now: the way back is said, never the next question.
_CLOSE_ONES = (
    r"(?:ma|mon|mes|notre|nos) (?:fille|fils|filles|enfants?|gendre|belle-fille|belle fille|frere|soeur|neveu|niece|"
    r"mari|femme|epouse|compagnon|compagne|comptable|notaire|avocate?|associee?)"
)
_HANDS_OVER = re.compile(
    rf"\bje (?:vais|prefere|prefererais|prefere encore) (?:laisser|passer la main a|confier (?:ca|tout ca|le dossier|ca) a) "
    rf"{_CLOSE_ONES}\b|"
    rf"\b{_CLOSE_ONES} (?:va|vont|ira|iront|pourra|pourront|viendra|viendront) (?:s'en occuper|s'occuper de (?:tout|ca|tout ca)|"
    r"(?:tout )?regarder|voir (?:tout )?ca|tout gerer|gerer (?:tout )?ca|reprendre (?:tout )?ca|vous (?:re)?contacter|"
    r"vous (?:re)?ecrire|revenir vers vous|revenir ici)\b|"
    rf"\b{_CLOSE_ONES} (?:s'en occupera|s'en occuperont|regardera|regarderont|vous (?:re)?contactera|vous (?:re)?ecrira|"
    r"reviendra vers vous|reviendra ici)\b"
)
# Said with a "mais" or a question after it, the conversation goes on ("ma fille va regarder mais je peux vous demander
# ... ?").
_GOES_ON_AFTER = re.compile(r"^[^.!]*(?:\bmais\b|\?)")


def hands_over(text: str | None) -> bool:
    """The matter handed over for now to someone close or to one's adviser ("je vais laisser ma fille regarder tout
    ça", "mon fils s'en occupera... va s'en occuper")."""
    folded = _folded(text)
    handed = _HANDS_OVER.search(folded)
    return handed is not None and not _GOES_ON_AFTER.match(folded[handed.end() :])


def is_closing(text: str | None) -> bool:
    """Words that take leave: a farewell ("au revoir", "bonne journée") or a thanks that ends ("merci c'est
    tout", "je dois filer, merci"), or the matter handed over to someone close for now. A plain "merci" is no
    leave-taking. SMS spellings and slips of the keyboard are read written out (``_leave_written_out``)."""
    folded = _folded(text)
    if not folded:
        return False
    # "mardi ça ira aussi", "le matin ça ira" (round 27, lead-r27-05: at the e-mail question, read as a goodbye and the
    # moment lost): "ça ira" after a moment agrees to that moment; it takes leave only said of the help.
    folded = _MOMENT_THEN_AGREED.sub(lambda match: match.group("moment"), folded)
    return any(
        _takes_leave(words)
        or _CLOSING.search(words)
        or _THATS_ALL.search(words)
        or _leaves_satisfied(words)
        or hands_over(words)
        for words in dict.fromkeys((folded, _leave_written_out(folded)))
    )


_MOMENT_THEN_AGREED = re.compile(rf"(?P<moment>(?:{_MOMENT_SAID.pattern})[^.!?;]{{0,25}}?)\bca (?:ira|irait)\b")


# Round 22 (r22b-06: "bon jv y aller la, merci" after the number got "Je suis toujours là ... je vous repose la
# question", while "bon je vais y aller" closed): the words of leaving as typed on a phone, written out for the readers
# above. "jv", "j vais", "ja vais", "g vais" -> "je vais"; "jy vais", "g y vais" -> "j'y vais"; "jvous", "je vs" -> "je
# vous"; "y allé" -> "y aller"; "@+" -> "a+".
_LEAVE_SPELLINGS = (
    (re.compile(r"\b(?:jv|jvais|jvai|jve|jvay|j vais|j vai|ja vais|jai vais|g vais|g vai|je vai)\b"), "je vais"),
    (re.compile(r"\b(?:jdois|jdoi|j dois|j doi|je doi|je doit|g dois)\b"), "je dois"),
    (re.compile(r"\b(?:jy|j y|gy|g y|je y)(?= (?:vais|vai|ve|vay|go|aille|ailles)\b)"), "j'y"),
    (re.compile(r"\bj'y (?:vai|ve|vay|go)\b"), "j'y vais"),
    (re.compile(r"\b(?:jvous|jvs|j vous|j vs|je vs|jte|j te|je te(?= lais))\b"), "je vous"),
    (re.compile(r"\b(?:vous|vs|te) (?:laise|lesse|laisses|laiss)\b"), "vous laisse"),
    (
        re.compile(
            r"\b(?:vous|vs|te) (?:laiser|laissez|lesser)(?=$|\s*[,.;!]|\s+(?:la|maintenant|merci|bonne|au revoir))"
        ),
        "vous laisser",
    ),
    (re.compile(r"\by ?(?:alle|ale|aler|allez|yaller)\b"), "y aller"),
    (re.compile(r"\byaller\b"), "y aller"),
    (re.compile(r"(?:^|(?<=\s))@ ?\+(?=\s|$)"), "a+"),
)


def _leave_written_out(folded: str) -> str:
    for spelling, written in _LEAVE_SPELLINGS:
        folded = spelling.sub(written, folded)
    return folded


# "c'est tout" takes leave alone, after a thanks or a no ("merci c'est tout", "non c'est tout"), or as a sentence of its
# own; after a state it says "nothing more to it" (round 19, r19b-02: "il est rincé c'est tout, il bosse 60h par
# semaine", at the direct question, got "Très bien, on s'arrête là").
_THATS_ALL = re.compile(
    r"(?:^|[.!?;]\s*|\b(?:merci|non|nan|ok|okay|bon|voila|oui|ouais|alors|ben|bah|euh|bref|donc|d'accord|rien|bien|"
    r"beaucoup|bcp|moi)\b[ ,.!]*)c'est tout\b|\bc'est tout pour\b"
)


# A short answer giving only what an intake question asks for: an amount, a number, a duration, a date.
# Never a frequency ("plusieurs fois", "toujours", "depuis longtemps"): after "pensez-vous au suicide ?"
# those answer the question.
_LEAD = (
    r"(?:(?:environ|a peu pres|pres de|plus de|moins de|presque|au moins|dans les|un peu plus de|un peu moins de|"
    r"genre|vers|depuis|des|il y a|ca fait|cela fait|le|la|les|l|en|a|au|aux|dans|fin|debut|mi|d ici|avant|apres|"
    r"jusqu a|pour|on est|nous sommes|j ai|j en ai|ils sont|c est|ca)\s+)*"
)
_QUANTITY = (
    r"(?:\d[\d .,]*(?:k|ke|k€|€|e|eur|m)?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|"
    r"vingt|trente|quarante|cinquante|cent|mille)"
    r"(?:\s+(?:€|euros?|eur|balles|mille|milles|k|jours?|semaines?|mois|ans?|annees?|trimestres?|salaries?|"
    r"employes?|personnes?|apprentis?|ouvriers?|gars))*"
)
_WHEN = (
    r"(?:(?:le )?(?:\d{1,2}|1er|premier) )?(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
    r"novembre|decembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?: \d{4})?|"
    r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{4}|demain|apres demain|hier|la semaine (?:prochaine|derniere)|"
    r"le mois (?:prochain|dernier)|l an dernier|l annee derniere|cette annee|ce mois ci|cette semaine|"
    r"le covid|noel|l ete|l hiver|la rentree"
)
_FACT_ALONE = re.compile(rf"^{_LEAD}(?:{_QUANTITY}|{_WHEN})$")
_PLACE_LEAD = re.compile(
    r"^(?:je suis |on est |c est |j habite |je travaille |installee? )?"
    r"(?:a|au|aux|en|dans le|dans la|dans les|dans l|sur|pres de|vers|du cote de)\s+"
)
_PRECISE_TIME = re.compile(
    rf"\d|\b(?:{_WHEN})\b|\b(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente) "
    r"(?:jours?|semaines?|mois|ans?|annees?|trimestres?)\b"
)
_YES_OR_NO = re.compile(r"^(?:oui|ouais|non|nan|si|ok)\b")


def is_intake_answer(text: str | None) -> bool:
    """A short message that only answers an intake question ("depuis décembre", "à Calais", "8000 euros",
    "3", "je suis plombier"): what an artisan writes when the previous question is still on their mind."""
    words = re.sub(r"[^\w€/.,]+", " ", _folded(text).replace("'", " ").replace("-", " ")).strip(" .,")
    if not words or len(words.split()) > 5 or _YES_OR_NO.match(words):
        return False
    if _FACT_ALONE.match(words):
        return True
    facts = extract_facts(text or "")
    if facts:
        # "depuis longtemps", "depuis des mois": after the direct question, a vague duration may answer it.
        return set(facts) != {"since_when"} or bool(_PRECISE_TIME.search(words))
    import places  # a place alone ("Lille", "dans le 62"); lazily, as in is_correction

    place = _PLACE_LEAD.sub("", words)
    return len(place.split()) <= 4 and places.resolve(place, typos=False).status == places.FOUND


# A no that puts the matter off ("non pas pour l'instant je vais voir avec mon comptable"): a no, not a pause to
# think (round 7: "rien ne presse" and the offer again).
_FOR_NOW = re.compile(
    r"\b(?:pas pour (?:l'instant|le moment|aujourd'hui)|pas maintenant|plus tard|je (?:vais|dois) (?:voir|en parler|"
    r"verifier) avec|je (?:vais|dois) d'?\s?abord|je verrai|on verra|d'abord|d abord)\b"
)


def is_no_for_now(text: str | None) -> bool:
    """A no said with a "not now" or "I'll see with someone first": a no, never read as a pause."""
    return kind(text) == NO and bool(_FOR_NOW.search(_folded(text)))


# Asking to be written to rather than called ("vous pouvez pas m'écrire par mail plutôt ?", "envoyez-moi un mail"):
# a request for contact by e-mail, never a refusal of the advisor (round 7: answered "C'est entendu, je ne transmets
# rien").
_WRITE_TO_ME = re.compile(
    r"\b(?:m'ecrire|me repondre par (?:e-?mail|mail|ecrit)|ecrive[zr][ -]moi|m'envoyer (?:plutot |juste )?(?:un|des) (?:e-?mails?|mails?|"
    r"messages?|courriels?)|envoye[zr][ -]moi (?:plutot |juste |donc )?(?:un|des) (?:e-?mails?|mails?|courriels?)|me contacter par "
    r"(?:e-?mail|mail|ecrit|courriel)|(?:on|vous|le conseiller|un conseiller) (?:peut|pourrait|pouvez|pourriez) "
    r"(?:pas )?me (?:contacter|repondre) par (?:e-?mail|mail|courriel|ecrit))"
)
# The chamber's address asked for ("vous avez pas une adresse mail ?", "je peux vous écrire où ?").
_CHAMBER_ADDRESS = re.compile(
    r"\b(?:vous avez|vous n'avez|avez-vous|y a|il y a|ya|vous auriez|c'est quoi|quelle est|donnez[- ]moi) (?:pas )?"
    r"(?:une |un |votre |l'|d')?(?:adresse (?:e-?mail|mail|courriel)|e-?mail|mail|courriel)\b|"
    r"\b(?:je peux|on peut|peut-on|puis-je) vous (?:ecrire|envoyer un (?:e-?mail|mail|courriel))\b"
)


def asks_to_be_written(text: str | None) -> bool:
    """The artisan asks to be contacted by e-mail rather than called ("vous pouvez m'écrire par mail ?")."""
    folded = _folded(text)
    return bool(folded) and not folded.startswith("/") and bool(_WRITE_TO_ME.search(folded))


def asks_chamber_address(text: str | None) -> bool:
    """The artisan asks for the chamber's e-mail address ("vous avez pas une adresse mail ?")."""
    folded = _folded(text)
    return bool(folded) and not folded.startswith("/") and bool(_CHAMBER_ADDRESS.search(folded))


# "non pas besoin, je voulais juste savoir pour l'indemnisation ... ?": a no, then what they wanted to know.
_WANTED_TO_KNOW = re.compile(
    r"\b(?:je (?:voulais|voudrais|veux) (?:juste |seulement |simplement )?savoir|ma question)\b"
)


def question_after_no(text: str | None) -> str | None:
    """The question asked with a no ("non pas besoin, je voulais juste savoir X ?" -> the words after the no), so
    that it gets an answer rather than the offer again (round 7); None when the no comes alone."""
    if kind(text) != NO:
        return None
    words = " ".join((text or "").split())
    folded = _folded(text)
    if "?" not in words and not _WANTED_TO_KNOW.search(folded):
        return None
    rest = re.split(r"[,.;!]", words, maxsplit=1)
    return rest[1].strip() if len(rest) > 1 and rest[1].strip() else None


# How long what is said is kept ("vous gardez mes infos combien de temps ?", "mes données restent jusqu'à quand ?"):
# a question about the retention, never a request to erase (round 9, r9a-20: it got the offer to erase, and the
# "ok oui" that followed erased a callback request). A duration asked of something else ("ça dure combien de temps
# l'appel ?") is not about the data.
_HOW_LONG = re.compile(
    r"\b(?:combien de (?:temps|jours|mois|annees?)|jusqu'a quand|pendant combien|quelle duree|(?:la |quelle )?duree de "
    r"(?:conservation|stockage|garde)|delai de (?:conservation|suppression|effacement)|au bout de combien|"
    r"(?:gardez|conservez|stockez|gardes?|gardees?|conservees?|stockees?|restent|reste)(?: \w+)? longtemps|longtemps (?:chez vous|dans vos (?:fichiers|serveurs|dossiers))|"
    # "et c'est effacé quand ?", "vous effacez quand mes infos ?" (round 10, r10a-14, 15: the offer to erase, and the
    # "oui" that followed erased a callback request).
    r"(?:efface\w*|supprime\w*|detrui\w*|jete\w*) quand|quand (?:est-ce que |est-ce qu'|est ce que |est ce qu')?"
    r"(?:vous )?(?:les |la |le |l')?(?:effacez|supprimez|detruisez|jetez)|quand (?:c'est|ce sera|ca sera|est-ce) "
    r"(?:efface|supprime|detruit))\b"
)
_KEPT_DATA = re.compile(
    r"\b(?:gard\w*|conserv\w*|stock\w*|archiv\w*|efface\w*|supprim\w*|detrui\w*|restent|reste|donnees?|infos?|"
    r"informations?|messages?|conversations?|echanges?|dossiers?|coordonnees|numero|nom|prenom|traces?|fichiers?)\b"
)
# An erasure asked for in so many words ("effacez mes données", "je veux que vous supprimiez tout", "droit à l'oubli",
# "je ne veux plus que vous gardiez mes coordonnées"), or the how of it ("comment effacer mes données ?").
_ERASE_ORDER = re.compile(
    r"\b(?:effacez|supprimez|suprimez|detruisez|retirez|videz|oubliez|effacer|supprimer|suprimer|detruire|vider)\b|"
    r"\b(?:veux|voudrais|souhaite|souhaiterais|aimerais|demande|exige)\b[^.?!]{0,40}\b(?:effac|supprim|suprim|detrui|"
    r"retir|disparai)\w*|"
    r"\bdroit (?:a l'oubli|de suppression|a l'effacement|d'effacement|de retrait)|\brgpd\b|\boubli\b|"
    r"\b(?:aucune|plus de|pas de) traces?\b|\b(?:pas|jamais|rien) laisser (?:de |aucune )?traces?\b|"
    r"\bje retire mon (?:accord|consentement)\b|"
    r"\b(?:ne|n') ?(?:veux|souhaite) (?:plus|pas) que (?:vous|la chambre|vous les|vous le|vous la) "
    r"(?:gardiez|garde|conserviez|conserve)\b|\bfaire disparaitre\b"
)
_ERASE_WORD = re.compile(r"\b(?:effac|supprim|suprim|suppression|detrui|destruction|retir|vid|disparai)\w*")


def asks_how_long_kept(text: str | None) -> bool:
    """A question about how long the data is kept ("vous gardez mes infos combien de temps ?")."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return False
    how_long = _HOW_LONG.search(folded)
    if not how_long:
        return False
    # "ça dure combien de temps l'appel ?": a duration asked of the call, the data named nowhere.
    return bool(_KEPT_DATA.search(folded)) or bool(re.search(r"\b(?:gardez|conservez|stockez)\b", folded))


def asks_to_erase(text: str | None) -> bool:
    """Words that ask to erase what was said, or how to ("effacez mes données", "comment supprimer la conversation
    ?"); a question about how long it is kept ("combien de temps avant que ce soit effacé ?") is no such request."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return False
    if asks_how_long_kept(text):
        # Only an order said beside the question ("supprimez tout, vous gardez ça combien de temps ?") asks it; the
        # question's own words ("vous effacez quand ?") are no order.
        rest = _HOW_LONG.sub(" ", folded)
        return bool(re.search(r"\b(?:effacez|supprimez|suprimez|detruisez|retirez|videz)\b|\bje retire mon\b", rest))
    return bool(_ERASE_ORDER.search(folded) or _ERASE_WORD.search(folded))


def mentions_erasing(text: str | None) -> bool:
    """A word of erasing anywhere ("... et je peux les faire supprimer ?"), asked or not."""
    folded = _folded(text)
    return bool(folded) and not folded.startswith("/") and bool(_ERASE_WORD.search(folded))


# How one is, said in passing ("jsuis mort de fatigue mais bon ca va, c surtout la trésorerie"): round 11, r11b-03 got
# "Prenez soin de vous" and the intake closed. Tiredness said of oneself, or "ça va" with more said beside it; a
# leave-taking in the same words (is_closing) is still one, and "ça va aller, merci" alone may be a goodbye.
_TIRED = re.compile(
    r"\b(?:(?:je suis|jsuis|j'suis|chuis|suis|je me sens|on est)\s+(?:\w+\s+)?(?:mort|morte|creve|crevee|epuise|epuisee|"
    r"fatigue|fatiguee|naze|lessive|lessivee|vanne|vannee|claque|claquee|rince|rincee|vide|videe|a plat|a bout|"
    r"sur les rotules|au bout du rouleau)|(?:mort|morte|creve|crevee) de fatigue)\b"
)
_DOING_OK = re.compile(
    r"\b(?:ca va|ca peut aller|ca va aller|ca ira|je vais bien|on fait aller|ca fait aller|je tiens le coup|on tient le "
    r"coup|on tient|ca roule|on fait avec|ca pourrait etre pire)\b"
)
_FILLER_WORDS = re.compile(
    r"\b(?:bon|ben|bah|mais|oui|ouais|merci|beaucoup|ok|d'accord|enfin|sinon|euh|et|vous|toi|bien|encore|quand meme)\b"
)


def says_how_one_is(text: str | None) -> bool:
    """The words say how the artisan is ("mort de fatigue mais bon ça va", "je suis crevé, c'est surtout la
    trésorerie", "ça va, c'est le client qui paye pas"): never a leave-taking by themselves (round 11, r11b-03)."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return False
    if _TIRED.search(folded):
        return True
    if not _DOING_OK.search(folded):
        return False
    rest = _FILLER_WORDS.sub(" ", _DOING_OK.sub(" ", folded))
    return len(re.findall(r"\w+", rest)) >= 2  # "ça va, c'est surtout le client": more than "ça va aller, merci"


# "je suis pas parti", "je suis toujours là", "j'ai pas fini" after a farewell the bot read (round 11, r11b-03: "euh
# non je suis pas parti, c'est le client qui paye pas" got "D'accord. Je reste là si vous voulez ...").
_STILL_HERE = re.compile(
    r"\b(?:je (?:ne )?(?:suis|sui) pas (?:partie?|parti\w*)|jsuis pas partie?|je (?:ne )?pars pas|je suis (?:toujours|encore) "
    r"la|j'ai pas fini|je n'ai pas fini|j'avais pas fini|je n'avais pas fini|c'etait pas un au revoir|"
    r"je (?:ne )?(?:vous )?(?:disais|dis) pas au revoir|"
    # Back after leaving (round 14, r14b-08: "me revoila. on en était où ?" got the out-of-scope reply).
    r"me (?:re)?voila|me revoici|(?:je suis|j'?suis|chuis) (?:de retour|revenue?)|(?:c'est|cest|c) (?:encore|re) ?moi)\b"
)


def says_still_here(text: str | None) -> bool:
    """The artisan says they have not left ("euh non je suis pas parti"): the conversation goes on."""
    folded = _folded(text)
    return bool(folded) and not folded.startswith("/") and bool(_STILL_HERE.search(folded))


# "ben le crédit de 40000", "bah le 2 décembre", "euh… 3 salariés" (round 12, r12c-07 and r12c-14: stored with the
# filler in the case). The words that open a spoken answer say nothing the advisor needs.
_OPENING_FILLER = re.compile(
    rf"^(?:(?:{FILLERS}|beh|bé|hum+|eh bien|et bien|alors|ouais|pfff*|mmh*)\b[\s,.!…]*)+",
    re.IGNORECASE,
)


def without_opening_filler(text: str) -> str:
    """The answer without the fillers that open it ("ben le crédit de 40000" -> "le crédit de 40000"); the words as
    they are when nothing else is said ("ben" alone stays, read by the callers as no answer)."""
    rest = _OPENING_FILLER.sub("", text.strip())
    return rest if re.search(r"\w", rest) else text


# "je l'ai donné au début", "c'est le même qu'au début", "voir plus haut" (round 12, r12c-14): the number said before.
_NUMBER_GIVEN_BEFORE = re.compile(
    r"\b(?:je (?:vous )?l'?ai (?:deja |mis |ecrit |donne |dit |envoye |marque )+|(?:deja|vous l'avez) (?:donne|dit|ecrit)|"
    r"(?:c'est |c )?(?:le|celui) (?:meme|d'avant|de tout a l'heure|du debut|d'en haut|de (?:mon|votre) premier message|"
    r"(?:que je vous ai |que j'ai |deja )(?:donne|dit|ecrit))|plus haut|au debut|dans (?:mon|le) (?:premier )?message|"
    r"comme (?:je l'ai |j'ai )?dit)"
)


def refers_to_number_given(text: str | None) -> bool:
    """The words send back to a number said earlier, without giving one ("je l'ai donné au début", "le même")."""
    folded = _folded(text).replace("’", "'")
    return bool(folded) and not folded.startswith("/") and bool(_NUMBER_GIVEN_BEFORE.search(folded))


# One part of what was given taken back, not the whole (round 17, r17a-06, r17a-02: "enlevez la partie sur le cancer du
# dossier", "je retire mon accord pour l'information de santé", "non pas tout, juste la santé", "c'est juste la partie
# sur ma femme" got the all-or-nothing offer to erase, then "D'accord, je n'efface rien"). An order addressed to us
# ("enlevez", "vous pouvez retirer", "que vous supprimiez"), never what someone else did ("ils m'ont retiré un rein").
_HEALTH_PART = (
    r"(?:sante|medica\w*|maladies?|malade|cancers?|operations?|opere\w*|hopital|hospitalis\w*|arrets? (?:de travail|"
    r"maladie)|chimio\w*|traitements?|avc|depression|burn[ -]?out|handicap\w*|diagnostic|soins|infos? medica\w*)"
)
_REMOVE_ORDER = (
    r"(?:enlevez|retirez|supprimez|suprimez|effacez|otez|virez|enleviez|retiriez|supprimiez|effaciez|otiez|viriez|"
    r"enleve|efface|supprime|(?:pouvez|pourriez|pouvez-vous|merci de|voudrais|veux|aimerais|prefere|prefererais|"
    r"souhaite|faut|faudrait|peut|peux|pourrait)(?: [\w'-]+){0,3}? (?:l'|les |le |la )?(?:enlever|retirer|supprimer|suprimer|effacer|oter|virer))"
)
_CONSENT_TAKEN_BACK = (
    r"(?:je )?(?:retire|reprends|retirer|reprendre|annule|annuler) (?:mon|ma|votre) (?:accord|consentement)"
)
_NOT_KEPT = r"(?:ne |n')?(?:gardez|conservez|transmettez|gardiez|conserviez|transmettiez|garder|conserver|transmettre) (?:pas|plus)"
_A_PART = (
    r"(?:(?:la|une|cette) partie|le (?:passage|paragraphe|bout|morceau|detail)|(?:les|ces) (?:passages?|details?)|"
    r"ce (?:passage|paragraphe|bout)|ce que j'ai (?:dit|ecrit|mis|raconte|explique) (?:sur|de|a propos|au sujet|concernant)|"
    r"ce qui (?:concerne|touche|parle))"
)
_ONLY = r"(?:juste|seulement|uniquement|simplement|que)"
_WORDS = r"(?:[ ,]+[\w'-]+){0,8}?[ ,]+"
_HEALTH_REMOVED = re.compile(
    rf"\b(?:{_REMOVE_ORDER}|{_CONSENT_TAKEN_BACK}|{_NOT_KEPT}){_WORDS}(?:\w+ )?{_HEALTH_PART}\b|"
    rf"\b{_HEALTH_PART}\b{_WORDS}(?:{_REMOVE_ORDER}|{_NOT_KEPT})\b"
)
_PART_REMOVED = re.compile(rf"\b{_REMOVE_ORDER}{_WORDS}{_A_PART}\b|\b{_A_PART}\b{_WORDS}{_REMOVE_ORDER}\b")
# Right after the offer to erase everything: the part named without a verb ("non pas tout, juste la santé", "c'est juste
# la partie sur ma femme").
_ONLY_HEALTH = re.compile(rf"\b(?:pas tout|{_ONLY})\b(?:[ ,]+[\w'-]+){{0,5}}?[ ,]+{_HEALTH_PART}\b")
_ONLY_A_PART = re.compile(
    rf"\b(?:{_ONLY}|surtout)\b(?:[ ,]+[\w'-]+){{0,3}}?[ ,]+{_A_PART}\b|\bpas tout\b[ ,]+{_ONLY}\b"
)
_KEEP_THE_CALL = re.compile(
    r"\b(?:(?:je )?(?:veux|voudrais|souhaite|aimerais) (?:quand meme|toujours|tout de meme|bien) (?:qu'on me rappelle|"
    r"qu'on m'appelle|etre rappelee?|etre appelee?|le rappel|garder (?:ma|la) demande)|gardez (?:ma|la) demande|"
    r"(?:pas|sans) (?:annuler|effacer) (?:ma|la) demande)\b"
)
_WHOLE_REMOVED = re.compile(
    rf"\b{_REMOVE_ORDER}(?:-moi|-les| moi| les)? (?:tout|tt|toutes? (?:mes|les)|(?:mes|les) (?:donnees|messages|infos|"
    r"informations|coordonnees)|ma demande|mon dossier|(?:la|cette|notre) (?:conversation|discussion))\b"
    r"(?! (?:ce qu|sur|de|du|des|d'|concernant|a propos|qui (?:concerne|touche)|medica\w*|personnel\w*|perso))"
)
HEALTH, PART = "sante", "partie"


def part_to_remove(text: str | None, *, after_offer: bool = False) -> str | None:
    """What the artisan takes back when it is one part only: ``"sante"`` for what was said of health ("enlevez la
    partie sur le cancer", "je retire mon accord pour l'information de santé", "ne transmettez pas ma maladie"),
    ``"partie"`` for another passage ("effacez le passage sur ma femme"); None for the whole ("effacez tout", "annulez
    ma demande") or nothing taken back. ``after_offer``: the words answer the offer to erase everything, where the
    part alone says it ("non pas tout, juste la santé")."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return None
    if _WHOLE_REMOVED.search(folded):
        return None  # "je suis malade, effacez tout": everything
    if _HEALTH_REMOVED.search(folded) or (after_offer and _ONLY_HEALTH.search(folded)):
        return HEALTH
    if _PART_REMOVED.search(folded) or (after_offer and _ONLY_A_PART.search(folded)):
        return PART
    if (
        re.search(_A_PART, folded)
        and _ERASE_WORD.search(folded)
        and re.search(r"\b(?:surtout|juste|seulement)\b", folded)
    ):
        return PART  # "... surtout le passage perso. vous pouvez effacer ?"
    return None


def cancels_request(text: str | None) -> bool:
    """The request cancelled, taken back or erased in so many words ("annulez ma demande finalement, un client vient de
    payer", "je retire mon accord"), not only the call refused: a control message, whose reason is no new fact for
    the case it cancels (round 17, r17a-08: "un des pressings vient de payer" made the trade "pressings" and added a
    court procedure to the case made when she came back)."""
    folded = _folded(text)
    if not folded or folded.startswith("/") or not is_withdrawal(text, explicit_only=True):
        return False
    found = _WITHDRAWAL_EXPLICIT.search(folded)
    return found is not None and not _CALLBACK_REFUSAL_RE.match(folded, found.start())


def keeps_the_call(text: str | None) -> bool:
    """The callback kept in so many words beside what is taken back ("non je veux quand même qu'on me rappelle")."""
    return bool(_KEEP_THE_CALL.search(_folded(text)))


# The consent given in so many words inside a longer sentence ("finalement si, j'accepte", "je veux être rappelé ! oui
# j'accepte", "non attendez je me suis trompé, oui j'accepte que vous gardiez mes infos": round 17, r17a-16/17, read as
# neither and the consent asked again). Never negated ("j'accepte pas", "je n'accepte pas"), nor with a "mais pas".
_ACCEPTS = re.compile(
    r"\b(?:j'accepte|j accepte|jaccepte|je (?:vous )?donne mon (?:accord|consentement)|(?:oui|ok|bon),? (?:je suis|jsuis) "
    r"d'accord|c'est ok pour moi)\b(?! (?:pas|plus|rien|aucun|que si|sous)\b)(?![^.!?]*\bmais (?:pas|non|sans)\b)"
)
_REFUSED_AFTER = re.compile(r"\b(?:finalement|en fait) (?:non|pas)\b|\bje refuse\b|\bn'accepte\b")


def accepts_in_words(text: str | None) -> bool:
    """The consent given in so many words, wherever in the message; the last word said wins ("non ... oui j'accepte")."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return False
    found = list(_ACCEPTS.finditer(folded))
    if not found:
        return agrees_to_keeping(text)  # "ok pour que vous gardiez mes coordonnées" (round 19, r19c-03)
    return not _REFUSED_AFTER.search(folded, found[-1].end())


# The data kept agreed to in so many words, with or before the yes to the call ("oui rappelez-moi, d'accord pour garder
# mes infos": round 19, r19c-03, the consent asked anyway, then every detail answered "j'ai besoin de votre accord", and
# no case). What is kept is named; never negated ("pas d'accord pour garder"), never a question ("vous gardez mes infos
# ?"), nor with a "mais pas".
_KEPT_THINGS = (
    r"(?:(?:toutes? )?(?:mes|mon|ma|les|ces|vos) (?:infos?|informations?|donnees|coordonnees|numero|prenom|"
    r"renseignements|details|reponses)|tout ca|tout ce que je vous ai dit|ce que je vous ai dit)"
)
_KEEPING = r"(?:garder|conserver|noter|enregistrer|stocker|transmettre)"
_KEEPING_YOU = r"(?:gardiez|conserviez|notiez|enregistriez|stockiez|transmettiez)"
_KEEPING_AGREED = re.compile(
    r"(?<!pas )(?<!plus )(?<!\bne )\b(?:(?:je suis |jsuis )?(?:d'accord|daccord|ok|okay|c'est ok|c'est bon|pas de (?:souci|probleme)|"
    rf"ca me va) (?:pour (?:que vous {_KEEPING_YOU}|(?:me |les )?{_KEEPING})|que vous {_KEEPING_YOU}|(?:de |pour )?{_KEEPING})|"
    rf"vous pouvez (?:bien )?{_KEEPING}|(?<!vous )(?<!si )(?:gardez|conservez|notez|enregistrez))(?: bien)? {_KEPT_THINGS}\b"
    r"(?![^.!?]*\?)(?![^.!?]*\bmais (?:pas|non|sans)\b)"
)


def agrees_to_keeping(text: str | None) -> bool:
    """The keeping of the data agreed to in so many words ("d'accord pour garder mes infos", "vous pouvez noter mes
    coordonnées"): the consent, even said before its question. The last word said wins ("... ah non en fait non")."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return False
    found = list(_KEEPING_AGREED.finditer(folded))
    return bool(found) and not _REFUSED_AFTER.search(folded, found[-1].end())


# Worries and questions at the consent questions (round 17, r17a-08, r17a-14: "quelle info de santé ? j'ai juste dit que
# j'étais fatiguée" got "Je vous repose la question"; "attendez non, si mon ex tombe dessus ? il a accès à mes mails" got
# "Prenez votre temps" and was stored as the request).
_WHICH_HEALTH = re.compile(
    r"\b(?:quelles?|quels?|quoi|laquelle|c'est quoi|de quoi|comment ca)\b[^.!?]{0,30}\b(?:infos?|informations?|sante|"
    r"medica\w*|maladie)\b|\b(?:infos?|informations?) (?:de sante|medica\w*) (?:de quoi|quoi|laquelle)\b|"
    r"\b(?:j'ai (?:juste|seulement|simplement) dit|je (?:ne )?suis pas malade|c'est pas (?:de la sante|medical|une maladie)|"
    r"j'ai jamais parle de (?:ma )?sante)\b"
)
_SOMEONE_CLOSE = (
    r"(?:mon ex|ma ex|mon ancien(?:ne)? (?:mari|femme|compagnon|compagne|conjoint)|ma femme|mon mari|mon conjoint|"
    r"ma conjointe|mon compagnon|ma compagne|mes parents|ma famille|mes enfants|mon patron|ma patronne|mon associee?|"
    r"mon banquier|ma banque|mon comptable|ma belle-famille|mon proprio|quelqu'un|quelqu'un d'autre|les voisins)"
)
_SEES = (
    r"(?:tombe|tombait|voit|voie|voyait|lit|lise|lisait|sache|savait|apprenne|apprend|decouvre|decouvrait|trouve|"
    r"trouvait|a acces|ait acces|accede|fouille|regarde)"
)
_WORRY_SOMEONE_SEES = re.compile(
    rf"\b{_SOMEONE_CLOSE}\b[^.!?]{{0,40}}?\b{_SEES}\b|\b(?:il|elle|ils) (?:a|ont) acces a (?:mes|mon|ma) "
    r"(?:mails?|e-?mails?|messagerie|telephone|portable|ordi|ordinateur|compte)\b"
)


def asks_which_health(text: str | None) -> bool:
    """A question back about the health information the question speaks of ("quelle info de santé ?", "j'ai juste dit
    que j'étais fatiguée", "je suis pas malade moi")."""
    folded = _folded(text)
    return bool(folded) and not folded.startswith("/") and bool(_WHICH_HEALTH.search(folded))


# Who reads, who calls back ("c'est qui qui lit tout ça ?", "qui va me rappeler, quelqu'un de Nîmes ?"), and the fear
# that someone is told ("vous allez prévenir la gendarmerie ?"): round 18, r18b-04, r18b-11, r18b-13, unanswered or
# pasted into the case as the request.
_WHO_READS = re.compile(
    r"\b(?:qui (?:est-ce qui |c'est qui |qui )?(?:va |vont |pourra |peut )?(?:lit|lira|lire|lisent|liront|voit|verra|voir|"
    # "c'est qui qui rappelle, quelqu'un de la Réunion ou de Paris ?" (round 18, r18a-05): without "me".
    r"me rappelle\w*|m'appelle\w*|me rappeler|m'appeler|me contacte\w*|me telephone\w*|rappelle|rappellera)|"
    r"c'est qui qui (?:lit|lira|va lire|voit|me rappelle\w*|m'appelle\w*|va me rappeler|va m'appeler|rappelle|rappellera|"
    r"va rappeler)|qui (?:sont|est) (?:les |le )?(?:conseillers?|personnes?) "
    r"qui)\b"
)
_TOLD_OTHERS = re.compile(
    r"\b(?:vous|tu|on)\b[^.!?]{0,15}?\b(?:appele\w*|prevenir|previen\w*|alerte\w*|signale\w*|envoye\w*|denonce\w*|"
    # Round 20 (r20c-18): "est ce que vous transmettez a l'urssaf ?", "ce que je vous dis va a l'urssaf ?".
    r"(?<!\bme )(?<!\bnous )(?:transm[ie]\w*|communique\w*|refile\w*))\b[^.!?]{0,25}"
    r"\b(?:flics?|police|gendarme\w*|pompiers|samu|urssaf|impots|fisc|banque|huissiers?)\b"
    r"|\bce que je (?:vous |te )?(?:dis|ecris|raconte) (?:va|ira|part|arrive|remonte) (?:a|aux|chez) (?:l'|l |la |les )?"
    r"(?:urssaf|impots|fisc|banque|police)\b"
    # Round 22 (r22b-10): "le conseiller il va pas prévenir ma banque ?", "vous allez le dire à ma banque ?", "est-ce que
    # ma banque sera au courant ?" (the bank's mediation advice, then the consent question again).
    r"|\b(?:le|un|ce|votre|vot) conseiller\b,?(?: (?:il|elle))?[^.!?]{0,15}?\b(?:appele\w*|prevenir|previen\w*|"
    r"alerte\w*|avert\w*|signale\w*|contacte\w*|informe\w*|dire|dira|transm[ie]\w*|communique\w*)\b[^.!?]{0,25}"
    r"\b(?:flics?|police|gendarme\w*|urssaf|impots|fisc|banque|banquier|huissiers?)\b"
    r"|\b(?:vous|tu|on)\b[^.!?]{0,15}?\b(?:le |l'|l |leur |lui )?(?:dire|dites|direz|informe\w*|mettre au courant)\b"
    r"[^.!?]{0,10}\b(?:a|aux) (?:ma |mon |la |l'|l |les )?(?:urssaf|impots|fisc|banque|banquier|police|gendarme\w*)\b"
    r"|\b(?:(?:ma|la) banque|mon banquier)\b[^.!?]{0,12}\b(?:sera|va etre|pourra|va|saura)\b[^.!?]{0,8}"
    r"\b(?:au courant|prevenue?|informee?|le savoir|savoir(?! (?:quoi|comment|ce|si|pourquoi|combien|ou|faire))|"
    r"l'apprendre)\b"
    # Round 23 (r23b-01, r23b-18): "est ce que l'urssaf va savoir que je vous ai parlé ?", "si je vous parle l'urssaf le
    # saura ?", "et les impots ils vont savoir ?" got "je ne sais pas répondre", while the bank's version was answered.
    r"|\b(?:l'|l |la |les |le )?(?:urssaf|impots|fisc|sie|tresor public|finances publiques|msa|cgss|caf|police|"
    r"gendarmes?|huissiers?|administration)\b(?:,? (?:ils?|elles?|eux|ca))?[^.!?]{0,12}\b(?:sera|seront|va etre|vont etre|"
    r"pourra|pourront|va|vont|saura|sauront|risque|risquent)\b[^.!?]{0,8}\b(?:au courant|prevenue?s?|informee?s?|le savoir|"
    r"savoir(?! (?:quoi|comment|ce|si|pourquoi|combien|ou|faire))|l'apprendre)\b"
    r"|\b(?:l'|l |la |les |le )?(?:urssaf|impots|fisc|banque|sie)\b(?:,? (?:ils?|elles?|eux))? (?:le |l')?(?:saura|sauront)\b(?= ?(?:\?|$|que\b|qu'|,|rien\b))"
)


# Round 27 (r27-b-18, r27-b-03): "qui a acces a mes infos exactement ?", "ok mais qui le lit ?" got "je n'ai pas bien
# compris" or nothing: who reads what is written here, asked of no body in particular (a body named is
# intake.asked_back.asks_if_a_body_learns). True to the software (utter_faq/who_reads): only the chamber's advisors,
# only with the person's agreement.
_WHO_HAS_ACCESS = re.compile(
    r"\bqui (?:est ce qui |c est qui )?(?:y )?(?:a|aura|auront|ont|aurait|peut avoir|pourra avoir|va avoir) (?:acces|access)\b"
    # Never a thing of one's own ("qui a accès à mon compte, l'huissier ?").
    r"(?! (?:a|au|aux) (?:mon|ma|mes|son|sa|ses|notre|nos)? ?(?:compte|comptes|maison|chantier|atelier|garage|local|"
    r"boutique|coffre|bureau|dossier medical))"
    r"|\bqui (?:est ce qui )?(?:le |la |les |l |me |ca |nous )?(?:lit|lira|liront|lisent|lirait|voit|verra|voient|verront|"
    r"consulte|consultera|peut lire|peut voir|va lire|va voir|vont lire|vont voir|pourra lire|pourra voir)\b"
    r"|\b(?:c est |c |ce sera |ca sera |c est )?(?:lu|vu|lus|consulte) par qui\b"
    r"|\bqui (?:est ce )?(?:qui )?(?:s occupe de|recoit|recevra) (?:mes|ces|vos|les) (?:messages|infos|informations|donnees)\b"
)
_WHO_READS_ASKED = re.compile(r"\b(?:savoir|dites moi|dites-moi|demande|demandais|aimerais savoir)\b")


def asks_who_reads(text: str | None) -> bool:
    """A question back about who reads, sees or has access to what is written here, or who calls ("c'est qui qui lit
    ?", "qui a accès à mes infos ?", "jvoulais savoir qui lit mes messages"): asked with a question mark, or with words
    that ask."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return False
    asked = "?" in (text or "")
    if asked and _WHO_READS.search(folded):
        return True
    plain = " ".join(re.sub(r"[^a-z0-9?' -]", " ", folded).split())  # "qui a accès" with its punctuation gone
    return bool(_WHO_HAS_ACCESS.search(plain)) and (asked or bool(_WHO_READS_ASKED.search(plain)))


# Round 24 (talk-c, r24c-09, r24c-17, r24c-01, r24c-04): whether what is written stays confidential, asked plainly or as
# a body reached ("c'est confidentiel oui ou non ?", "ça va remonter à l'urssaf ?", "ce que j'écris ici peut être transmis
# à l'URSSAF ?", "mon banquier peut voir ça ?"): "je n'ai pas bien compris" four times, or the question made a difficulty.
# A body reached is read by intake.asked_back.asks_if_a_body_learns, the reader of the path outside the intake too.
_ASKED = re.compile(r"^(?:\w+[ ,.]+){0,3}(?:est[- ]ce que|est[- ]ce qu')|\boui ou non\b|\bou pas\b|\bou quoi\b")


def asks_if_confidential(text: str | None) -> bool:
    """A question whether what is written stays confidential or reaches a body ("c'est confidentiel oui ou non ?",
    "attendez, si je vous dis que j'ai des dettes, ça va remonter à l'urssaf ?", "mon banquier peut voir ça ?")."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return False
    from intake.asked_back import asks_if_a_body_learns
    from intake.service_questions import says_confidential

    if asks_if_a_body_learns(text):
        return True
    if not says_confidential(text):
        return False
    return "?" in (text or "") or bool(_ASKED.search(folded) or _WORRY_WORDS.search(folded))


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def without_service_questions(text: str | None) -> str:
    """The words less their sentences that only ask whether it stays confidential or reaches a body ("c'est confidentiel
    vis à vis de l'urssaf ?", "mon banquier peut voir ça ?"): a question about the service is no difficulty of the
    artisan's (round 24, r24c-17: "cotisations URSSAF impayées" from the question; he owed the URSSAF nothing)."""
    if not text or text.startswith("/"):
        return text or ""
    from intake.service_questions import without_scam_question

    # "j'ai reçu un SMS de l'URSSAF avec un lien pour payer, c'est une arnaque ?" (round 26): no URSSAF debt said.
    text = without_scam_question(text)
    health_asked = asks_what_health_means(text)
    kept = [
        sentence
        for sentence in _SENTENCE_END.split(text)
        if not (
            # "c'est quoi l'info sante ? le fait que je dors pas ?" (round 25, s25a-09): a question about the health
            # question, never quoted as health information.
            (health_asked and ("?" in sentence or asks_what_health_means(sentence)))
            or asks_if_confidential(sentence)
            or ("?" in sentence and (fears_others_told(sentence) or asks_who_reads(sentence)))
        )
    ]
    return " ".join(kept)


_HEALTH_MEANT = re.compile(
    r"\b(?:c'?est quoi|c quoi|quoi|quelle?s?|qu'?est[- ]ce que|ca veut dire quoi|de quoi)\b(?:\s+[\w']+){0,3}?\s+"
    r"(?:l'|l |les |une |des |cette )?info(?:rmation)?s?\s+(?:de |sur |a propos de )?(?:ma |la |votre )?sante\b"
)


def asks_what_health_means(text: str | None) -> bool:
    """ "c'est quoi l'info santé ?", "quelle information de santé ?": what the health-consent question means."""
    return bool(_HEALTH_MEANT.search(_folded(text)))


def fears_others_told(text: str | None) -> bool:
    """A question back or a fear that the police, the URSSAF or the bank is told ("vous allez prévenir les gendarmes ?")."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return False
    if not _TOLD_OTHERS.search(folded):
        return asks_if_confidential(text)
    from intake.service_questions import asks_us_to_act

    if asks_us_to_act(text) is not None:
        return False  # "vous pouvez appeler ma banque pour moi ?" asks for help (round 19, r19c-09), it fears nothing
    return "?" in (text or "") or bool(_WORRY_WORDS.search(folded))


# "je ne veux pas que ça se sache à Roanne", "le conseiller, il connaît le garage ?" (round 18, r18a-09: asked three times,
# never answered): the fear that the situation becomes known around the artisan.
_GETS_KNOWN = re.compile(
    r"\b(?:que (?:ca|cela|c|tout ca) se (?:sache|saura|repande|ebruite)|(?:ca|cela) (?:va|risque de) se (?:savoir|repandre)|"
    r"(?:les gens|tout le monde|le village|le quartier|mes clients|mes confreres|mes voisins) (?:vont|va|vont le|va le) "
    r"(?:savoir|l'apprendre|le savoir)|(?:le|un|ce) conseiller,? (?:il |elle )?(?:me connai(?:t|tra)|connai(?:t|tra) "
    r"(?:mon |ma |mes |le garage|la boutique|le magasin|le salon|l'atelier|l atelier|quelqu'un d'ici|du monde ici)))"
)


# "parce que le décalage horaire..." (round 18, r18a-05: answered with the confidentiality text only).
_TIME_DIFFERENCE = re.compile(
    r"\bdecalage(?: horaire)?\b|\bheure (?:de paris|de metropole|locale|de chez (?:moi|nous))\b"
)


def mentions_time_difference(text: str | None) -> bool:
    """The time difference between an overseas place and the chamber's hours, spoken of."""
    return bool(_TIME_DIFFERENCE.search(_folded(text)))


def fears_it_gets_known(text: str | None) -> bool:
    """A worry that the situation becomes known around the artisan ("je veux pas que ça se sache au village")."""
    folded = _folded(text)
    return bool(folded) and not folded.startswith("/") and bool(_GETS_KNOWN.search(folded))


def fears_someone_sees(text: str | None) -> bool:
    """A worry that someone close would see what is written or kept ("si mon ex tombe dessus ?", "il a accès à mes
    mails", "et si ma femme le lit ?")."""
    folded = _folded(text)
    if not folded or folded.startswith("/") or not _WORRY_SOMEONE_SEES.search(folded):
        return False
    return "?" in (text or "") or bool(_WORRY_WORDS.search(folded))


_WORRY_WORDS = re.compile(
    r"\b(?:et si|si jamais|peur|crains|craint|risque|inquiet\w*|angoiss\w*|(?:je )?(?:ne )?(?:veux|voudrais|souhaite) "
    r"(?:pas|surtout pas) qu(?:e|')|pas envie qu(?:e|')|surtout pas)\b|^si\b|[,.] ?si\b"
)


# Round 20 (r20c-01): "vous pouvez ajouter ça à mon dossier ?", "j'ai oublié de vous dire que ...": something to add to
# the request already made, never a request to erase ("oublié" was read as the right to be forgotten).
_ADD_TO_CASE = re.compile(
    r"\b(?:j'?ai oublie de (?:vous )?(?:dire|preciser|signaler|mentionner)|oublie de (?:vous )?(?:dire|preciser)|"
    r"(?:ajouter|ajoutez|rajouter|rajoutez|mettre|mettez|noter|notez|completer|completez)(?: [\w']+){0,2} "
    r"(?:a|dans|sur) (?:mon|ma|le|la|votre|notre) (?:dossier|demande|fiche))\b"
)


def adds_to_the_case(text: str | None) -> bool:
    """Words that add to what was already told or asked ("vous pouvez ajouter ça à mon dossier ?", "j'ai oublié de
    dire que le château est en redressement")."""
    folded = _folded(text)
    return bool(folded) and not folded.startswith("/") and bool(_ADD_TO_CASE.search(folded))


# Words about the data or erasing it: only these get the answer on erasing (round 20, r20c-13: "on peut demander
# d'enlever la majoration ?" got it). Erasing said of a debt ("supprimer les pénalités") is none.
_ABOUT_THE_DATA = re.compile(
    r"\b(?:effac\w*|supprim\w*|suprim\w*|suppression|detrui\w*|rgpd|donnees|coordonnees|traces?|historique|"
    r"conversations?|discussion|droit a l'oubli|oubliez|oublier (?:tout|ce que|mes|ma|cette|notre|moi)|"
    r"ce que (?:j'ai|je vous ai) (?:ecrit|dit))\b"
)
_A_DEBT_ERASED = re.compile(
    r"\b(?:dettes?|penalites?|majorations?|decouverts?|interets|frais|amendes?|impots?|cotisations?|loyers?|factures?)\b"
)


def about_the_data(text: str | None) -> bool:
    """Whether words taken for a request to erase speak of the data or of erasing it, not of a debt or a fact."""
    folded = _folded(text)
    if not folded or not _ABOUT_THE_DATA.search(folded):
        return False
    return not (_A_DEBT_ERASED.search(folded) and not re.search(r"\b(?:donnees|traces?|conversation|ecrit)\b", folded))


# "oui je veux un conseiller", "oui appelez-moi" to "est-ce qu'il vous arrive de penser au suicide ?" (round 28,
# r28-a-01: the case said « a dit avoir des pensées suicidaires »): the yes goes with what follows it, the call.
_YES_TO_THE_CALL = re.compile(
    rf"^(?:{FILLERS} )*(?:oui|ouais|ouai|si|yes|ok|d'accord)\b[ ,.!]*"
    r"(?:je (?:veux|voudrais|veux bien|voudrais bien|souhaite|aimerais)(?: bien)? (?:un |une |parler a (?:un |une )?)?"
    r"(?:conseill(?:er|ere)|humain|personne|quelqu'un|rappel|appel)\b|"
    r"(?:un |le )?(?:conseill(?:er|ere)|rappel)\b|"
    r"(?:r?appelez|contactez)[- ]moi\b|(?:qu'on|que vous|qu'un conseiller) m(?:e |')(?:r?appel|contact|telephon))"
)


def yes_for_the_call(text: str | None) -> bool:
    """A yes said of the call or the advisor ("oui je veux un conseiller", "oui rappelez-moi"), whatever was asked: no
    answer to a question about something else. Never a yes that goes on about the thoughts ("oui, et je veux un
    conseiller": the thoughts said first)."""
    folded = _folded(text)
    return bool(folded) and bool(_YES_TO_THE_CALL.match(folded))
