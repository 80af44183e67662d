"""Who writes outside the artisans' service (round 22, r22c-08, r22c-09, r22c-18).

The assistant is for artisans whose business is in difficulty. Two kinds of writer came in and were put through the
intake as if they owned a business in trouble:
- an apprentice or an employee writing about his *own* situation ("mon patron me paye pas", "il me crie dessus"): his
  boss was filed as short of cash, urgency haute, and he got mandat ad hoc and CODEFI. He is pointed, kindly, to the
  chamber's apprenticeship mediation (or the labour inspectorate for an employee), with no intake;
- someone with a project, a creation or a takeover ("je voudrais créer ma boîte", "reprendre la boucherie de mon patron
  qui part à la retraite"): a project is no difficulty; the chamber's creation and transmission service is named at
  once.

An apprentice writing *for* his boss (the boss in distress, the boss's debts) stays in the service (round 17, r17b-18),
and so does anything with a warning sign: the crisis comes first. Plain Python, no Rasa import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from french import fold

APPRENTICE, EMPLOYEE, PROJECT, CONSUMER = "apprenti", "salarie", "projet", "client"

# The writer says what he is: "jsuis apprenti boulanger", "moi je suis salariée", "je suis en alternance".
_ROLE = re.compile(
    r"\b(?:je suis|jsuis|j suis|chui|moi c'est|moi c est|suis)\s+(?:(?:un|une|l'|l|le|la|que|juste|seulement|qu'un|qu un)\s+)?"
    r"(?P<role>apprentie?s?|alternante?s?|en apprentissage|en alternance|en contrat d'apprentissage|"
    r"salariee?|employee?|ouvriere?|vendeuse|vendeur|commis|compagnon)\b"
    r"|\b(?P<minor>mon (?:cfa|contrat d'apprentissage|contrat d apprentissage|maitre d'apprentissage|maitre d apprentissage))\b"
)
# Employed by family, or manager of his own company: the business is the family's or his own, the service's case.
_OWN_OR_FAMILY_BUSINESS = re.compile(
    r"\b(?:salariee?|employee?)\s+(?:de|par|chez)\s+(?:mon|ma)\s+(?:mari|femme|epoux|epouse|conjointe?|compagnon|compagne|"
    r"pere|mere|papa|maman|frere|soeur|fils|fille|propre|sarl|sas|eurl|societe|entreprise|boite)\b|"
    r"\bgerante?s?\b|\bmes (?:salaries|employes|apprentis|ouvriers)\b|\bmon apprentie?\b"
)
# His own situation at his boss's: not paid, shouted at, his contract, his wages.
_BOSS = r"(?:patron|patronne|employeur|maitre d'apprentissage|maitre d apprentissage|maitre|chef|boss|responsable)"
_OWN_SITUATION = re.compile(
    rf"\b(?:mon|ma|le|la) {_BOSS}\b(?: [\w']+){{0,3}} (?:ne )?(?:me|m'|m )\s*(?:\w+ )?"
    r"(?:pa[iy]\w*|verse\w*|doi[st]\w*|cri\w*|hurl\w*|harcel\w*|insult\w*|menac\w*|vir\w*|licenci\w*|frapp\w*|"
    r"parle mal|traite mal|exploit\w*|fait bosser|fait travailler|oblig\w*)|"
    r"\b(?:je suis|jsuis|j suis|suis)\s+(?:pas|plus|toujours pas|jamais)\s+payee?s?\b|"
    r"\bpas (?:ete |encore ete )?payee?s? depuis\b|\b(?:mon|ma|mes) (?:salaires?|paies?|payes?|fiches? de paie|"
    r"contrat|heures sup\w*)\b|\brupture (?:de|du) (?:mon )?contrat\b|\bprud'? ?hom\w*|\binspection du travail\b|"
    r"\b(?:c'est|cest|c est|c|ce n'est|c'est) pas (?:mon|ma) (?:entreprise|boite|societe|affaire)\b"
)

# A project: creating a business, or taking one over, wished or planned (never "j'ai créé ma boîte en 2019").
_WISH = (
    r"(?:voudrais|voudrai|veux|veut|voulons|aimerais|aimerai|souhaite\w*|compte|comptons|pense|envisage\w*|projette|"
    r"prevois|prevoit|vais|va|allons|reve|revais|aimerait|cherche a|j'?ai (?:le |un )?projet de|projet de|"
    r"pour|comment|faut faire pour|dois faire pour)"
)
_BUSINESS = (
    r"(?:entreprise|boite|societe|affaire|commerce|boutique|salon|atelier|magasin|garage|fonds(?: de commerce)?|"
    r"labo|restaurant|activite|micro[- ]?entreprise|auto[- ]?entreprise|boulangerie|boucherie|patisserie|"
    r"charcuterie|coiffure|institut|cabinet|pressing|fleuriste|\w+erie)"
)
_PROJECT = re.compile(
    rf"\b{_WISH}\b(?: [\w']+){{0,3}}? (?:de |d'|d )?(?:creer|monter|lancer|ouvrir|demarrer|fonder|immatriculer)\s+"
    rf"(?:mon|ma|une|un|notre|nos|sa|son|ma propre|mon propre)\s+(?:propre\s+)?{_BUSINESS}|"
    rf"\b{_WISH}\b(?: [\w']+){{0,3}}? (?:de |d'|d )?(?:reprendre|racheter|rachete|reprise de)\s+"
    rf"(?:l'|l |la |le |les |une |un |cette |ce |sa |son )(?:{_BUSINESS})"
    r"|\b(?:m'installer|m installer|me mettre|m'etablir|me lancer)\s+(?:a|en tant qu\w*|comme)\s*(?:mon compte|artisan\w*|"
    r"auto\w*|micro\w*|independant\w*)|"
    r"\bdevenir (?:auto|micro)[- ]?entrepreneu\w*|\bcreation (?:d'|d |de )(?:mon |ma |une |l')?(?:entreprise|activite|"
    r"boite|societe|micro)|\bprojet de (?:creation|reprise|rachat)\b|\breprise d'(?:une )?entreprise\b|"
    r"\brepreneu\w*\b|\b(?:part|partir|depart) (?:a|en) (?:la )?retraite\b(?:[^.?!]*)\b(?:reprendre|racheter|reprise|rachat)"
)
# Words that make the "project" an owner's way out of a difficulty, or a past fact: the service's case.
_OWNER_ALREADY = re.compile(
    r"\b(?:j'ai|jai|j ai|on a|nous avons|avons)\s+(?:cree|monte|lance|ouvert|repris|rachete)\b|"
    r"\breprendre (?:mon|ma|mes|le travail|l'activite|l activite|les chantiers)\b"
)
# A question on the project after it was told ("vous pouvez m'aider pour la reprise ou pas ?").
_PROJECT_WORD = re.compile(r"\b(?:reprise|reprendre|rachat|racheter|creation|creer|installer|projet)\b")
_CONSUMER_WORD = re.compile(
    r"\b(?:plainte|plaindre|artisan\w*|client\w*|rembours\w*|acompte|reclamation|mediat\w*|conciliat\w*|signal\w*|"
    r"comprenez rien|pas artisan)\b"
)
_APPRENTICE_WORD = re.compile(r"\b(?:apprenti\w*|alternan\w*|mediat\w*|patron\w*|salaire|paye|paie|cfa)\b")


# Round 26 (r26c-13): a customer complaining about an artisan ("j'ai fait faire ma cuisine par un menuisier, il a
# encaissé l'acompte et ne vient plus, comment porter plainte ?", "je suis pas artisan moi, je suis la cliente", "je veux
# me plaindre d'un artisan") was triaged as an artisan short of cash, then got the callback consent. She says she is the
# customer, or complains of an artisan she hired: the consumer's own recourses, no intake.
_CUSTOMER_ROLE = re.compile(
    r"\b(?:je suis|jsuis|j suis|chui|moi je suis|suis)\s+(?:juste |seulement |que )?(?:la|le|une|un|qu'une?|qu une?)\s+"
    r"(?:cliente?|particuliere?|consommat(?:eur|rice))\b(?! (?:de|d'|d|chez|a) (?:la |ma |une )?banque)"
    r"|\b(?:c'est|c est|cest|c)\s+moi\s+(?:la|le)\s+(?:cliente?|consommat(?:eur|rice))\b"
    r"|\b(?:je suis|jsuis|j suis|chui|suis)\s+pas\s+(?:un |une )?artisane?s?\b[^.?!]{0,30}\b(?:client\w*|particulier\w*|consommat\w*)\b"
)
_ARTISAN = (
    r"(?:artisane?s?|entreprise|professionnel\w*|pro|menuisier|plombier|electricien|macon|couvreur|carreleur|peintre|"
    r"chauffagiste|garagiste|serrurier|cuisiniste|paysagiste|platrier|charpentier|vitrier|depanneur|installateur)"
)
_COMPLAINT_ABOUT_ARTISAN = re.compile(
    rf"\b(?:me plaindre|porter plainte|deposer (?:une )?plainte|faire une reclamation|reclamation|signaler)\s+"
    rf"(?:contre|d'|d |de|sur|a propos d'|a propos d )\s*(?:un|une|l'|l |le|la|cet|cette|mon|ma|ce)\s*{_ARTISAN}\b"
)
# "j'ai fait faire ma cuisine par un menuisier", beside a grievance: the writer is the artisan's customer.
_HIRED = re.compile(
    r"\b(?:j'ai|jai|j ai|on a|nous avons)\s+(?:fait\s+(?:faire|poser|installer|refaire|construire|renover|reparer)|"
    rf"engage|embauche|pris|contacte)\b[^.?!]{{0,60}}\b(?:par|a)\s+(?:un|une|l'|l |le|la|cet|cette)\s*{_ARTISAN}\b"
)
_GRIEVANCE = re.compile(
    r"\b(?:plainte|me plaindre|rembours\w*|acompte|ne vient plus|vient plus|repond plus|ne repond plus|malfacon\w*|"
    r"arnaque\w*|escroc\w*|litige|abandonn\w*|jamais fini\w*|pas fini\w*|mal fait\w*|disparu)\b"
)
# An artisan speaking of his own business: never a consumer's complaint.
_OWN_BUSINESS = re.compile(
    r"\b(?:sous-? ?trait\w*|mon chantier|mes chantiers|mon client|mes clients|ma cliente|mes clientes|ma boite|"
    r"mon entreprise|ma societe|mon atelier|mon salon|ma boutique|urssaf|impots?|mes salaries)\b"
)


def _consumer(words: str) -> bool:
    if _OWN_BUSINESS.search(words):
        return False
    if _CUSTOMER_ROLE.search(words) or _COMPLAINT_ABOUT_ARTISAN.search(words):
        return True
    return bool(_HIRED.search(words) and _GRIEVANCE.search(words))


def _folded(text: str) -> str:
    return " ".join(fold((text or "").replace("’", "'")).split())


def writer_outside(text: str | None) -> str | None:
    """APPRENTICE, EMPLOYEE or PROJECT when this one message says its writer is outside the artisans' service; None
    otherwise (an artisan, someone writing for one, or a warning sign: never turned away)."""
    if not text:
        return None
    words = _folded(text)
    kind = _kind(text, words)
    if kind is None:
        return None
    from triage.distress import find_signs

    return None if find_signs(text) else kind


def _kind(text: str, words: str) -> str | None:
    if _consumer(words):
        return CONSUMER
    role = _ROLE.search(words)
    if _OWN_OR_FAMILY_BUSINESS.search(words) and not re.search(r"\bpas (?:mon|ma) (?:entreprise|boite)\b", words):
        role = None
    if role and _OWN_SITUATION.search(words):
        said = role.group("role") or ""
        apprentice = not said or said.startswith(("apprenti", "alternan", "en "))
        return APPRENTICE if apprentice else EMPLOYEE
    if not role and re.search(rf"\b(?:mon|ma) {_BOSS}\b", words) and _OWN_SITUATION.search(words):
        # "mon patron me paye plus depuis 2 mois": only an employee has a boss who pays him.
        return APPRENTICE if re.search(r"\bapprenti|\bmaitre d", words) else EMPLOYEE
    project = _PROJECT.search(words)
    if project and not _OWNER_ALREADY.search(words):
        from triage import names_a_difficulty

        # The project's own words read apart ("me mettre à mon compte" is no bank account).
        if not names_a_difficulty(words[: project.start()] + " " + words[project.end() :]):
            return PROJECT
    return None


def conversation_outside(messages: Sequence[str]) -> str | None:
    """What the latest message says of its writer, read with the conversation: "vous pouvez m'aider pour la reprise ou
    pas ?" after the project was told, "c pas mon entreprise moi" after the apprentice's story."""
    if not messages:
        return None
    latest = writer_outside(messages[-1])
    if latest is not None:
        return latest
    earlier = next((kind for kind in map(writer_outside, reversed(messages[:-1])) if kind is not None), None)
    words = _folded(messages[-1])
    if earlier == PROJECT and _PROJECT_WORD.search(words):
        return PROJECT
    if earlier in (APPRENTICE, EMPLOYEE) and (_APPRENTICE_WORD.search(words) or _ROLE.search(words)):
        return earlier
    if earlier == CONSUMER and _CONSUMER_WORD.search(words):
        return CONSUMER
    return None


def outside_text(kind: str, chamber: object) -> str:
    """The kind redirect: what the assistant is for, and whom to ask instead, from the chamber's configuration."""
    name = getattr(chamber, "short_name", "la chambre")
    phone = getattr(chamber, "phone", "")
    hours = getattr(chamber, "hours_text", "")
    if kind == PROJECT:
        contact = getattr(chamber, "creation_service", None) or f"au {phone}, {hours}"
        return (
            "Avec plaisir pour votre projet, mais je suis là pour les artisans dont l'entreprise traverse une difficulté. "
            f"Le service création-reprise de la {name} accompagne justement la création et la reprise d'entreprise "
            f"(démarches, aides, financement) : vous pouvez le joindre {contact}."
        )
    if kind == CONSUMER:
        # The consumer's recourses (Code de la consommation L612-1, economie.gouv.fr/mediation-conso; service-public.fr
        # F1736, the conciliateur de justice; signal.conso.gouv.fr, the DGCCRF's platform), as guidance/knowledge_base.yml
        # cites them for the artisan's side.
        return (
            "Je suis désolé de ce qui vous arrive. Je suis là pour les artisans dont l'entreprise traverse une difficulté, "
            "pas pour les réclamations de leurs clients. Vous pouvez saisir gratuitement le médiateur de la consommation "
            "de l'artisan (ses coordonnées doivent figurer sur le devis) ou un conciliateur de justice, et signaler le "
            "problème sur signal.conso.gouv.fr."
        )
    if kind == APPRENTICE:
        contact = getattr(chamber, "apprenticeship_mediation", None)
        where = f", joignable {contact}" if contact else f" (joignable par la chambre au {phone}, {hours})"
        return (
            "Je suis désolé de ce que vous vivez. Je suis là pour les chefs d'entreprise artisanale, mais ce que vous "
            f"décrivez relève du médiateur de l'apprentissage de la {name}, gratuit et confidentiel{where}. "
            "Vous pouvez aussi en parler à votre CFA, ou à l'inspection du travail si vous n'êtes pas payé."
        )
    return (
        "Je suis désolé de ce que vous vivez. Je suis là pour les chefs d'entreprise artisanale, et votre situation de "
        "salarié relève de l'inspection du travail (DREETS), qui renseigne gratuitement sur vos droits, ou d'un "
        f"conseiller du salarié. Pour une question sur l'apprentissage, la {name} est joignable au {phone}, {hours}."
    )
