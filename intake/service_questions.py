"""Whether a question about the service asks what its stored answer answers.

Round 17 (r17b-04, 05, 10, 15; r17a-07, 08, 17): the response selector gives the nearest stored answer, fitting or not:
"est-ce qu'il doit prendre un avocat pour le tribunal ?" got "C'est entièrement gratuit"; "vous pensez que la banque peut
suspendre les mensualités ?" and "vous pensez que je vais m'en sortir ?" got "Non, la Chambre … n'est ni l'URSSAF…";
"vous allez lui dire ?" got the URSSAF/bank confidentiality line; "vous pouvez m'aider à récupérer l'argent ?" got what the
assistant can do in general. A stored answer is said only when the words ask what it answers; otherwise the caller
answers the question itself, or says honestly that it does not know.

Plain readings over folded text (no Rasa here)."""

from __future__ import annotations

import re

from french.text import fold
from french.words import ACCENTED_KIN, KIN


def _folded(text: str | None) -> str:
    return " ".join(re.sub(r"[^a-z0-9?' -]", " ", fold(text or "").replace("’", "'")).split())


# What each stored answer answers. A key absent from here is said as stored.
_FITS: dict[str, re.Pattern[str]] = {
    # The service's price: the words speak of a cost.
    "faq/is_free": re.compile(
        r"\b(?:gratuit\w*|payant\w*|payer (?:quelque chose|qqch|qq chose|pour (?:ca|ce service|vous|l'appel|le rappel))|"
        r"coute\w*|cout|couter|prix|tarif\w*|surtaxe\w*|combien (?:ca|c'est|vous)|factur\w*|frais|sous|"
        r"majorations?|penalites?|agios|interets)\b"
    ),
    # Secrecy towards the bodies: the words speak of secrecy, or of a body being told.
    "faq/confidential": re.compile(
        r"\b(?:confidenti\w*|secret\w*|anonym\w*|discret\w*|entre nous|transm[ie]\w*|fuiter|divulg\w*|"
        r"(?:au courant|prevenir|previendr\w*|informer|dire|signaler)\b.{0,30}\b(?:urssaf|impots?|fisc|banques?|"
        r"administration|etat))\b"
    ),
    # Whether the chamber is one of the bodies: "vous êtes l'URSSAF ?", "c'est les impôts ?", "vous travaillez pour…".
    "faq/other_bodies": re.compile(
        r"\b(?:vous etes|etes vous|etes-vous|t'es|c'est|vous travaillez|travaillez vous|vous bossez|vous dependez|"
        r"vous faites partie|vous etes lie\w*|lien avec|rapport avec|vous etes de|vous venez de|de meche)\b"
        r".{0,25}\b(?:urssaf|impots?|fisc|banques?|etat|administration|gouvernement|tresor public|rsi|finances publiques)\b"
    ),
    # What the assistant can do: the words ask about it, and no business matter.
    "faq/what_can_you_do": re.compile(
        r"\b(?:(?:vous|tu) (?:pouvez|peux|savez|sais) faire quoi|(?:vous|tu) (?:servez|sers) a quoi|a quoi (?:vous|tu|ca) "
        r"(?:servez|sers|sert)|(?:vous|tu) (?:faites|fais) quoi|qu'est ce que (?:vous|tu) (?:pouvez|peux|faites|fais|"
        r"proposez|proposes)|que (?:pouvez|faites|proposez)|comment (?:vous|tu) (?:pouvez|peux|allez|vas) m'aider|"
        r"c'est quoi (?:ce|votre) (?:service|site|truc|chat)|en quoi (?:vous|tu) (?:pouvez|peux)|"
        r"(?:vous|tu) (?:pouvez|peux) (?:m'aider|m'aidez|aider) \??$|vous proposez quoi)"
    ),
}


# Round 23 (r23b-14): "au fait c'est pas les impots le probleme, c'est mon associé qui veut partir" got "Non, la Chambre
# n'est ni l'URSSAF, ni les impôts…": a body named as not being the trouble, never a question whether we are that body.
_NOT_THE_TROUBLE = re.compile(
    r"\b(?:c'est pas|c pas|ce n'est pas|ce n est pas|c'est plus|ce n'est plus|pas) (?:vraiment |tellement |trop )?"
    r"(?:l'|la |le |les |avec l'|avec la |avec les )?(?:urssaf|impots?|fisc|banques?|tresor public|finances publiques|msa|rsi)"
    r"\b(?: \w+){0,2} (?:le |mon |notre |la |ma |un )?(?:probleme|souci|soucis|vrai probleme|vrai souci|plus gros souci|"
    r"plus gros probleme|urgence|urgent|priorite)\b"
)


# Round 25 (s25c-04, s25c-18, s25c-14): "et si je prends un avocat ça coûte combien ?" got "C'est entièrement gratuit, ici
# comme au téléphone avec nos conseillers."; "je suis obligée de la rembourser ?" got "Non, rien ne vous engage : c'est
# gratuit…". A price or an obligation asked of the artisan's own matter (a lawyer's fee, a refund, a debt, a procedure)
# is never the service's: the service's answer is said only when the words name the service or nothing else.
_OWN_MATTER = re.compile(
    r"\b(?:avocat\w*|honoraires?|huissier\w*|commissaire de justice|notaire\w*|expert\w*|comptable\w*|"
    r"procedure\w*|injonction\w*|assignation\w*|proces|tribunal|juge|greffe|audience|plainte|"
    r"rembours\w*|dettes?|creances?|creancier\w*|devis|amendes?|"
    r"(?:payer|paye|verser|regler|rendre) (?:la |le |les |l'|ma |mon |mes |sa |son |ses |tout|toute|cette|ce |ces )|"
    r"la (?:rembourser|payer)|le (?:rembourser|payer)|les (?:rembourser|payer)|lui (?:rendre|verser|payer)|"
    r"licenci\w*|indemnit\w*|caution|acompte)\b"
)
_THE_SERVICE = re.compile(
    r"\b(?:(?:votre|ce|le|cet|l') ?(?:service|aide|accompagnement|assistant|chat|site|truc|appli\w*)|la chambre|la cma|"
    r"le rappel|l'appel|votre appel|ce rappel|(?:le|un|vos|les|votre) conseill\w*|ici|chez vous|vous appeler|"
    r"(?:vous |vous en |en )?parler|repondre|accepter|dire oui|donner (?:mon|mes|votre))\b"
)


def asks_about_own_matter(text: str | None) -> bool:
    """A price or an obligation asked of the artisan's own matter ("combien ça coûte un avocat ?", "je suis obligée de
    la rembourser ?"), not of the service (the chamber, this assistant, the advisor, the call)."""
    folded = _folded(text)
    return bool(_OWN_MATTER.search(folded)) and not _THE_SERVICE.search(folded)


# What a payment plan or a delay costs with another body has its own reply (actions/faq_actions.py, round 12).
_PLAN_COST = re.compile(
    r"\b(?:echeanciers?|plan de reglement|delais? de paiement|etalement|etal(?:er|e|es|ant)|frais|majorations?|penalites?|"
    r"agios|interets)\b"
)


def asks_price_of_own_matter(text: str | None) -> bool:
    """A price asked of the artisan's own matter ("combien ça coûte un avocat ?"), not of a payment plan (which has its
    own reply) nor of the service."""
    folded = _folded(text)
    return asks_about_own_matter(folded) and not _PLAN_COST.search(folded)


def fits_stored_answer(key: str, text: str | None) -> bool:
    """Whether the words ask what the stored answer `key` answers (a key not checked here always fits)."""
    pattern = _FITS.get(key)
    folded = _folded(text)
    if key == "faq/other_bodies" and _NOT_THE_TROUBLE.search(folded):
        return False
    if key == "faq/is_free" and asks_price_of_own_matter(folded):
        return False
    return pattern is None or bool(pattern.search(folded))


def says_a_body_is_not_the_trouble(text: str | None) -> bool:
    """Words that put a body aside as the trouble ("c'est pas les impots le probleme, c'est mon associé")."""
    return bool(_NOT_THE_TROUBLE.search(_folded(text)))


# "vous pensez que je vais m'en sortir ?", "ça va s'arranger ?", "c'est foutu vous croyez ?": a hope asked for.
_OUTCOME = re.compile(
    r"\b(?:(?:je vais|on va|il va|elle va|on peut|je peux|je pourrai|on pourra) (?:m'en |s'en |nous en |en )?"
    r"(?:sortir|remonter|tenir le coup|s'en sortir|y arriver|m'en tirer|s'en tirer|nous en tirer|rebondir|sauver)|"
    r"(?:ca|tout ca|les choses) (?:va|vont) (?:s'arranger|aller|se regler|passer)|c'est (?:foutu|fichu|perdu|mort|"
    r"cuit|fini) (?:pour (?:moi|nous|lui|elle)|d'avance)?\s*\?|il y a (?:encore )?(?:de l'espoir|une chance|une solution|"
    r"des solutions)|y a (?:encore )?(?:de l'espoir|une chance|une solution|des solutions))"
)


def asks_about_the_outcome(text: str | None) -> bool:
    """A question about how it will end for the artisan ("vous pensez que je vais m'en sortir ?")."""
    folded = _folded(text)
    if not _OUTCOME.search(folded):
        return False
    return "?" in folded or bool(re.search(r"\b(?:pensez|croyez|dites|trouvez)\b", folded))


# Domain facts (the chamber's own words on its line): "in 90% of cases, difficulties taken in time are solved easily".
# No promise: what is true, warmly.
OUTCOME_ANSWER = (
    "Je ne peux pas vous le promettre, mais des difficultés prises à temps se règlent souvent, et vous êtes en train d'en "
    "parler. Un conseiller de la chambre pourra regarder avec vous ce qui est possible."
)


# "vous allez lui dire ?", "vous allez prévenir mon patron ?", "ma femme va le savoir ?": a person told, not a body.
_SOMEONE_TOLD = re.compile(
    r"\b(?:(?:vous|tu) (?:allez|vas|aller|pouvez|devez) (?:lui|leur) (?:dire|parler|en parler|raconter|ecrire|montrer|"
    r"transmettre)|(?:lui|leur) (?:dire|direz|raconter|racontez|en parler|en parlerez)|(?:vous|tu) (?:allez|vas|"
    r"allez-vous)? ?(?:prevenir|previendrez|appeler|contacter|avertir) (?:mon|ma|mes|son|sa|ses|le|la|les) ?(?:patron\w*|"
    r"employeur|chef|boss|femme|mari|epoux|epouse|conjoint\w*|famille|parents?|pere|mere|associe\w*|enfants?|"
    r"compagn\w*)|(?:mon|ma|mes|son|sa) (?:patron\w*|employeur|chef|boss|femme|mari|epoux|epouse|conjoint\w*|famille|"
    r"parents?|pere|mere|associe\w*|compagn\w*) (?:va|vont|pourra|pourront|risque|risquent) (?:le |l')?(?:savoir|"
    r"apprendre|etre prevenue?s?|etre au courant|lire|voir))\b"
)


def asks_if_someone_is_told(text: str | None) -> bool:
    """A question whether a person (the boss, a relative) will be told: not a body, which the stored answer names."""
    return bool(_SOMEONE_TOLD.search(_folded(text)))


# True to the software (utter_faq/who_reads): only the chamber's advisors read, and only with the person's agreement.
NOBODY_TOLD = (
    "Non, je ne préviens personne : rien de ce que vous écrivez ici n'est transmis sans votre accord. Si vous demandez "
    "un rappel, seuls les conseillers de la chambre le liront."
)


# Its twin for a body told ("vous allez appeler les flics ?", "vous prévenez l'URSSAF ?", intake.answers.fears_others_told;
# round 18, r18b-11): the bodies named, and the person's own circle too.
NO_AUTHORITY_TOLD = (
    "Non : je ne préviens personne, ni la police, ni l'URSSAF, ni vos proches. Ce que vous écrivez n'est lu que par "
    "les conseillers de la chambre, et rien ne leur est transmis sans votre accord."
)
# "le conseiller il va pas prévenir ma banque ?" (round 22, r22b-10: the bank's mediation advice): the bank answered.
NO_BANK_TOLD = (
    "Non : le conseiller travaille pour la chambre, pas pour votre banque, et il ne la prévient pas. Ce que vous "
    "écrivez n'est lu que par les conseillers de la chambre."
)
# "c'est confidentiel oui ou non ?", "est ce que c'est confidentiel vis à vis de l'urssaf" (round 24, r24c-09, r24c-01).
CONFIDENTIAL = (
    "Oui, c'est confidentiel : la chambre ne prévient personne, ni l'URSSAF, ni les impôts, ni votre banque. Ce que "
    "vous écrivez n'est lu que par les conseillers de la chambre, et rien ne leur est transmis sans votre accord."
)
_CONFIDENTIAL_WORD = re.compile(
    r"\b(?:confidenti\w*|anonyme\w*|reste(?:ra)? (?:entre nous|secret|ici)|entre nous|secret professionnel)\b"
)


def says_confidential(text: str | None) -> bool:
    """The words ask, in so many words, whether it is confidential ("c'est confidentiel oui ou non ?")."""
    return bool(_CONFIDENTIAL_WORD.search(_folded(text)))


# Round 26 (talk-c M2, r26c-01): "et la mediation du credit c'est payant ? ma banque va le savoir ?" got "Non : le
# conseiller ... ne la prévient pas": with the Médiation du crédit the banks are told the mediation is opened, so that they
# review their position (urssaf.fr, « La médiation du crédit aux entreprises », its five steps; free and confidential).
_MEDIATION_NAMED = re.compile(r"\b(?:mediation|mediateur|mediatrice) du credit\b")
MEDIATION_TELLS_THE_BANK = (
    "Avec la Médiation du crédit, oui : votre banque est informée de l'ouverture de la médiation, c'est le principe, "
    "pour qu'elle revoie sa position. La médiation reste gratuite et confidentielle, et ici la chambre ne prévient "
    "personne sans votre accord."
)
# The mandat ad hoc and the conciliation are confidential (Code de commerce L611-3, L611-15; the domain facts): not
# made public, the negotiation held with the creditors concerned only.
_MANDAT_NAMED = re.compile(r"\b(?:mandat ad ?hoc|mandataire ad ?hoc|conciliation)\b")
MANDAT_CONFIDENTIAL = (
    "Le mandat ad hoc et la conciliation sont confidentiels : rien n'est rendu public, et la négociation se fait "
    "seulement avec les créanciers concernés. Un conseiller de la chambre pourra vous expliquer comment cela se passe."
)
_NAMES_THE_BANK = re.compile(r"\b(?:banque|banquier|banquiere|conseillere? bancaire)\b")


def no_one_told_text(text: str | None) -> str:
    """The answer to a fear that someone is told: the bank when the words name it, another body named (round 23,
    r23b-18: "et les impots ils vont savoir ?"), else the authorities."""
    folded = _folded(text)
    if _MEDIATION_NAMED.search(folded):
        return MEDIATION_TELLS_THE_BANK  # round 26 (r26c-01): the mediator does contact the bank, never a bare "Non"
    if _MANDAT_NAMED.search(folded):
        return MANDAT_CONFIDENTIAL  # round 26 (r26c-10)
    if says_confidential(text):
        return CONFIDENTIAL  # "c'est confidentiel oui ou non ?" (round 24, r24c-09): a yes, never a "Non"
    if _NAMES_THE_BANK.search(folded):
        return NO_BANK_TOLD
    body = next(
        (name for name, pattern in _BODIES if name != "une banque" and re.search(rf"\b(?:{pattern})\b", folded)), None
    )
    if body is not None and body != "l'URSSAF":
        return (
            f"Non : la chambre ne prévient pas {body}, ni personne d'autre. Ce que vous écrivez n'est lu que par les "
            "conseillers de la chambre, et rien n'est transmis sans votre accord."
        )
    return NO_AUTHORITY_TOLD


# The thing a "pourquoi" names ("pourquoi vous voulez mon numéro ?"): the question whose reason is asked, whatever
# question is pending (r17b-15: at the consent question, the consent's reason was said, not the number's).
_NAMED_THINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("phone", re.compile(r"\b(?:numero|numeros|telephone|tel|portable|06|07|coordonnees)\b")),
    ("email", re.compile(r"\b(?:e-?mail|mail|adresse mail|courriel)\b")),
    ("contact_name", re.compile(r"\b(?:nom|prenom|identite)\b")),
    ("departement", re.compile(r"\b(?:departement|commune|ville|adresse|code postal)\b")),
    ("trade", re.compile(r"\b(?:metier|activite)\b")),
    ("employees", re.compile(r"\b(?:salaries?|employes?)\b")),
    ("health_consent", re.compile(r"\b(?:sante|maladie|medical\w*)\b")),
)


def slot_named_in_why(text: str | None) -> str | None:
    """The question a "why" names, when it names one ("pourquoi vous voulez mon numéro ?"), else None."""
    folded = _folded(text)
    if not re.search(r"\b(?:pourquoi|pk|pq|pour quoi faire|a quoi (?:ca )?(?:sert|servira))\b", folded):
        return None
    for slot, pattern in _NAMED_THINGS:
        if pattern.search(folded):
            return slot
    return None


# A business matter named in a question the stored answers do not fit ("vous pouvez m'aider à récupérer l'argent ?",
# "la banque peut suspendre les mensualités ?", "il doit prendre un avocat pour le tribunal ?"), beside the triage's
# categories: the question is the business's, answered from the knowledge base or honestly not known.
_BUSINESS_MATTER = re.compile(
    r"\b(?:argent|sous|fric|thune|recuperer|impayes?|paie pas|paye pas|payent pas|paient pas|me doit|me doivent|"
    r"promoteur|client\w*|fournisseur\w*|factur\w*|banque\w*|banquier\w*|mensualites?|pret|credit|emprunt|"
    r"assurance\w*|assureur\w*|avocat\w*|tribunal|audience|juge|huissier\w*|urssaf|impots?|tva|cfe|fisc|dettes?|"
    r"loyers?|bail|fonds de commerce|fonds|vendre|cession|ceder|apprenti\w*|apprentissage|salaries?|salaires?|"
    r"chantiers?|entreprise|boite|societe|atelier|boutique|commerce|echeancier|delai\w*)\b"
)


def names_business_matter(text: str | None) -> bool:
    """Whether the words name a matter of the business (money, a client, a body, the court, the shop...)."""
    return bool(_BUSINESS_MATTER.search(_folded(text)))


# ----------------------------------------------------------------------------------------- round 19 (service)
# Round 19 (r19c-04, r19c-01): "c'est vous l'URSSAF ?", "vous êtes l'URSSAF oui ou non ?", "vous êtes la CGSS ou la
# chambre ?" got the reason for the pending question or the general self-introduction, never a plain "non". The body
# asked about, as said back.
_BODIES: tuple[tuple[str, str], ...] = (
    ("l'URSSAF", r"urssaf"),
    ("la CGSS", r"cgss"),
    ("la MSA", r"msa"),
    ("la CAF", r"caf"),
    ("la CPAM", r"cpam|secu|securite sociale"),
    ("les impôts", r"impots?|fisc|sie|dgfip|tresor public|finances publiques"),
    ("France Travail", r"pole emploi|france travail"),
    ("une banque", r"banques?|banque de france"),
    ("le tribunal", r"tribunal|greffe"),
    ("l'État", r"etat|gouvernement|prefecture"),
)
_BODY_WORDS = "|".join(pattern for _, pattern in _BODIES)
_WE_ARE = re.compile(
    r"\b(?:vous etes|etes[- ]vous|etes vous|t'es|c'est vous|c vous|vous c'est|c'est bien vous|vous travaillez (?:pour|avec|a)|"
    r"travaillez[- ]vous (?:pour|avec)|vous dependez (?:de|du|des)|vous faites partie (?:de|du|des)|vous etes (?:lies?|"
    r"rattaches?|envoyes?) (?:a|par)|vous venez (?:de|du|des)|vous bossez (?:pour|avec))\b"
    rf"(?: \w+){{0,3}}? ?(?:l'|la |le |les |de la |du |des |une |un )?(?P<body>{_BODY_WORDS})\b"
)


def body_asked_about(text: str | None) -> str | None:
    """The body the words ask whether the service is ("c'est vous la CGSS ?" -> "la CGSS"), or None."""
    match = _WE_ARE.search(_folded(text))
    if match is None:
        return None
    said = match.group("body")
    return next(name for name, pattern in _BODIES if re.fullmatch(pattern, said))


def not_that_body_text(chamber_name: str, body: str) -> str:
    """A plain no, the body asked named first, and what the chamber does with them (no promise)."""
    others = [name for name in ("l'URSSAF", "les impôts", "une banque") if name != body]
    return (
        f"Non, ici c'est la {chamber_name} : nous ne sommes pas {body}, ni {others[0]}, ni {others[1]}. Rien ne leur est "
        "transmis sans votre accord, et un conseiller peut vous aider à vous adresser à eux."
    )


# Round 19 (r19c-09, r19c-16): "vous pouvez appeler ma banque pour moi ?" got "je ne préviens personne, ni la police…",
# "c'est vous qui allez appeler mon client ?" the self-introduction: a request that someone act for the artisan, not a
# fear of being reported.
_WHOM = (
    r"(?:(?:mon|ma|mes|notre|nos) (?:banque|banquier|conseiller bancaire|client\w*|fournisseur\w*|proprio\w*|"
    r"proprietaire|bailleur|comptable|assureur|assurance|creancier\w*|huissier)|l'urssaf|la cgss|la msa|les impots|"
    r"le fisc|le sie|la banque|le client|la mairie|le tribunal|l'assurance|l'huissier|(?:les|l'|le|la|lui|leur) )"
)
_ACT_VERB = r"(?:appeler|contacter|joindre|ecrire a|telephoner a|negocier avec|parler a|voir avec|relancer)"
_ACT_FOR_ME = re.compile(
    r"\b(?:(?:vous|tu) (?:pouvez|pourriez|pourrez|voulez bien|peux|pourrais)|(?:pouvez|pourriez|pourrez)[- ]vous|"
    rf"est-ce que vous (?:pouvez|pourriez))(?: pas)? {_WHOM}?{_ACT_VERB}\b(?: {_WHOM})?"
    r"|\bc'est (?:vous|le conseiller|la chambre) qui (?:va |allez |vas )?(?:appele\w*|contacte\w*|appelle\w*|ecri\w*|"
    rf"negoci\w*|relance\w*)\b(?: {_WHOM})?"
)
_OWNED = re.compile(
    r"\b(?P<own>mon|ma|mes|notre|nos) (?P<what>banque|banquier|conseiller bancaire|client\w*|fournisseur\w*|proprio\w*|"
    r"proprietaire|bailleur|comptable|assureur|assurance|creancier\w*|huissier)\b"
)
_FOR_ME = re.compile(r"\b(?:pour moi|a ma place|de ma part|pour nous|a notre place|a sa place|pour lui|pour elle)\b")
_SPOKEN_WHOM = {"mon": "votre", "ma": "votre", "mes": "vos", "notre": "votre", "nos": "vos"}


def asks_us_to_act(text: str | None) -> str | None:
    """Whom the words ask the service to call or contact for the artisan ("vous pouvez appeler ma banque pour moi ?" ->
    "votre banque"; "eux" when none is named), or None. A possessive creditor, "pour moi" or "c'est vous qui" makes it
    a request; "vous allez prévenir l'URSSAF ?" stays a fear (intake.answers.fears_others_told)."""
    folded = _folded(text)
    match = _ACT_FOR_ME.search(folded)
    if match is None:
        return None
    said = match.group()
    owned = _OWNED.search(said)
    if not (owned or _FOR_ME.search(folded) or said.startswith("c'est ")):
        return None
    if owned:
        return f"{_SPOKEN_WHOM[owned.group('own')]} {owned.group('what')}"
    return next((name for name, pattern in _BODIES if re.search(rf"\b(?:{pattern})\b", said)), "eux")


def act_for_you_text(whom: str) -> str:
    """Honest: the assistant calls nobody; an advisor looks at it with the artisan (the chamber acts as an intermediary
    with the bodies: domain facts), without promising that he will call."""
    whom = "eux" if whom in ("", "eux") else whom
    to_whom = f"à {whom}" if whom != "eux" else "à eux"
    to_whom = to_whom.replace("à le ", "au ").replace("à les ", "aux ")
    return (
        f"Je ne peux appeler personne moi-même. Un conseiller de la chambre peut regarder avec vous comment vous adresser "
        f"{to_whom}, et vous dire s'il peut faire l'intermédiaire."
    )


# Round 27 (r27-a-12, D20): "le conseiller il peut debloquer mon compte ou pas ?" got the CIP's free interviews. Whether
# the chamber itself can lift what a creditor did (unblock an account, lift a seizure, cancel a debt): honestly no; the
# chamber acts as an intermediary with the tax office and the URSSAF (the domain facts), the advisor helps to ask.
_UNDOER = (
    r"(?:(?:le|un|votre|vot|ce|vos|les) conseill\w*|la chambre|la cma|vous|vs|tu|(?P<pronoun>il|elle|ils)|"
    r"(?:pouvez|pourriez|pourrez)[- ]vous)"
)
_UNDO = (
    r"(?:debloqu\w*|lever|levez|annul\w*|effac\w*|suspend\w*|stopp\w*|arret\w*|faire sauter|supprim\w*|"
    r"faire (?:lever|annuler|arreter|stopper|debloquer|sauter|effacer|enlever)|enlever|enlevez)"
)
_UNDONE = (
    r"(?:compte|comptes|saisie|saisies|blocage|atd|satd|poursuites?|procedure|liquidation|dette|dettes|penalites?|"
    r"majorations?|contrainte|huissier|commissaire)"
)
_UNDO_ASKED = re.compile(
    rf"\b{_UNDOER},?(?: (?:il|elle|ils))? (?:(?:ne |n'? ?)?(?:peut|peuvent|pouvez|pourra|pourrait|pourriez|pourrez|va|vont|"
    rf"allez|sait|savez|arrive a|arrivez a)(?: pas)? )?(?:me |m'? ?|nous |le |la |les |l'? ?)?{_UNDO}\b"
    rf"(?![^.?!]{{0,12}}\b(?:argent|fonds|sous|somme|aide|aides|pret|credit)\b)"
    rf"(?:[^.?!]{{0,30}}\b{_UNDONE}\b|(?= ?(?:\?|ou pas|oui ou non|$)))"
)


def asks_if_we_can_undo_it(text: str | None) -> bool:
    """ "le conseiller il peut debloquer mon compte ou pas ?", "vous pouvez faire lever la saisie ?": whether the chamber
    itself can lift what a creditor did. A question only; money asked for ("débloquer une aide") is none."""
    folded = _folded(text)
    asked = _UNDO_ASKED.search(folded) if folded and not folded.startswith("/") else None
    if asked is None or (asked.group("pronoun") and not re.search(r"\b(?:conseill\w*|chambre|cma)\b", folded)):
        return False  # "il peut débloquer mon compte ?" of the banker is no question about us
    return "?" in folded or bool(re.search(r"\b(?:ou pas|oui ou non|est ce que|est-ce que)\b", folded))


CANNOT_UNDO_IT = (
    "Pas lui-même : ni la chambre ni son conseiller ne peuvent débloquer un compte, lever une saisie ou annuler une "
    "dette. Le conseiller peut en revanche vous aider à le demander à l'organisme qui l'a fait, et la chambre peut "
    "faire l'intermédiaire avec les impôts et l'URSSAF."
)


# Round 19 (r19c-10): "et si je rate l'appel ?" got "Je n'ai pas bien compris".
_MISSED_CALL = re.compile(
    r"\b(?:et )?si (?:je |j')?(?:ne )?(?:rate|loupe|manque|rat|louper|rater|manquer|decroche pas|reponds pas|repond pas|"
    r"suis pas (?:la|dispo\w*|joignable)|ne suis pas (?:la|dispo\w*|joignable)|peux pas (?:repondre|decrocher))\b"
    r"(?:[^.?!]{0,30}\b(?:appel\w*|rappel\w*|coup de fil|telephone|decroche\w*)\b|[^.!]{0,30}\?)"
    r"|\b(?:il|elle|le conseiller|on|vous) (?:me )?(?:re)?(?:rappelle\w*|rappeler\w*|essaie\w*|reessaie\w*) "
    r"(?:si|quand) (?:je |j')?(?:ne )?(?:reponds|repond|decroche|rate|loupe|suis)\b"
)


def asks_about_a_missed_call(text: str | None) -> bool:
    """A question about what happens if the advisor's call is missed ("et si je loupe son coup de fil ?")."""
    return bool(_MISSED_CALL.search(_folded(text)))


def missed_call_text(chamber_name: str, phone: str, hours: str, reference: str | None) -> str:
    """True to the software: it does not know whether the advisor tries again; the chamber's number is the way back."""
    ref = f", en donnant votre référence {reference}" if reference else ""
    return (
        "Je ne peux pas vous dire si le conseiller réessaiera de lui-même. Si vous manquez son appel, vous pouvez "
        f"appeler la {chamber_name} au {phone}, {hours}{ref}."
    )


# Round 19 (r19c-02, r19c-13): "on en était où ?" got "Je ne peux pas vous aider sur ce sujet"; "vous pouvez me redire ce
# que vous avez noté ?" was read as declining the call. Asking where the conversation stood, or what was noted.
_WHERE_WE_WERE = re.compile(
    r"\b(?:on en (?:etait|etais|etaient) (?:ou|a quoi)|ou (?:est-ce qu')?on en (?:etait|etais)|ou en etions[- ]nous|"
    r"ou en etait[- ]on|on en etait rendu ou|(?:me )?(?:re)?dire ce que vous avez (?:note|compris|retenu|garde|ecrit)|"
    r"(?:qu'est-ce que|qu'est ce que|ce que) vous avez (?:note|retenu|garde) (?:de moi|sur moi|pour moi|jusque la|\?|$)|"
    r"vous avez note quoi|rappelez[- ]moi ou (?:on en est|on en etait|nous en etions))"
)


def asks_where_we_were(text: str | None) -> bool:
    """A question where the conversation stood, or what was noted ("on en était où ?", "vous avez noté quoi ?")."""
    return bool(_WHERE_WE_WERE.search(_folded(text)))


# Round 20 (r20c-08): "vous pouvez me prêter 5000 euros ?" got "cela dépend de votre situation", as if the chamber
# might lend. It lends nothing: said plainly, with what it does.
_LENDER = r"(?:vous|tu|la chambre|la cma|la chambre des metiers)"
_LOAN = re.compile(
    rf"\b{_LENDER}\b(?: \w+){{0,3}} (?:m'|me |nous )?(?:preter|pretez|pretes|prete|pret|prets|avancer|avancez|financer|financez|"
    r"faire un pret|faire une avance)\b|"
    rf"\b{_LENDER}\b(?: \w+){{0,3}} (?:m'|me |nous )?(?:donner|donnez|verser|versez|filer)\b(?: \w+){{0,2}} (?:argent|sous|fric|"
    r"\d+ ?(?:euros?|eur|e|k)?\b)|\bemprunter (?:a|aupres de) (?:vous|la chambre|la cma)\b|\bvous emprunter\b"
)


def asks_for_a_loan(text: str | None) -> bool:
    """A question whether the chamber lends or gives money ("vous pouvez me prêter 5000 euros ?")."""
    folded = _folded(text)
    return bool(_LOAN.search(folded)) and ("?" in folded or bool(re.search(r"\b(?:oui ou non|est ce que)\b", folded)))


NO_LOAN = (
    "Non, la chambre ne prête pas d'argent et ne verse pas d'aide elle-même. Ce qu'elle fait : un conseiller regarde "
    "votre situation avec vous, vous aide à demander des délais aux organismes et à monter les demandes d'aide ou de "
    "financement auprès de ceux qui les accordent."
)


# Round 20 (r20b-06): "qu'est-ce que vous faites de mes données après ?", "vous les revendez pas ?" at the consent
# question got "je ne sais pas répondre": what the data is used for, said plainly (the consent is asked again after).
_DATA = r"(?:donnees|infos|informations|coordonnees|reponses|numero|numeros)"
_DATA_USE = re.compile(
    r"\b(?:(?:faites|ferez|fait|faire|fera|devient|deviennent|deviendront|passe|passent) (?:\w+ ){0,2}(?:de |d')?"
    rf"(?:mes|vos|les|ces) {_DATA}|(?:mes|les) {_DATA} (?:servent|serviront|vont servir|sont utilisees|seront utilisees)|"
    r"(?:vous|on|ils|la chambre) (?:les |me |nous )?(?:re)?vend(?:ez|ent|ra|rez|ront|re)?\b|(?:re)?vend\w* "
    rf"(?:mes|nos|les|vos|ces) {_DATA}|(?:mes|les|vos) {_DATA}\b.{{0,30}}\b(?:en )?(?:faites|ferez|fait|fera) quoi|"
    rf"(?:mes|les|vos) {_DATA}\b.{{0,30}}\b(?:pub|publicite\w*|demarchage|partenaires|commerci\w*))"
)


def asks_what_is_done_with_data(text: str | None) -> bool:
    """A question about what the data is used for or whether it is sold ("vous les revendez pas ?")."""
    folded = _folded(text)
    if "?" not in folded and not re.search(r"\b(?:est ce que|pas)\b", folded):
        return False
    return bool(_DATA_USE.search(folded))


DATA_USE = (
    "Ce que vous écrivez sert seulement à ce qu'un conseiller de la chambre vous rappelle et vous aide : rien n'est "
    "vendu, ni utilisé pour de la publicité, ni transmis à un autre organisme sans votre accord. Vous pouvez demander "
    "à tout moment que tout soit effacé."
)


# What is said to a question who reads (intake.answers.asks_who_reads): true to the software (utter_faq/who_reads).
WHO_READS_ONLY = (
    "Seuls les conseillers de la chambre liront ce que vous écrivez, et seulement si vous demandez à être rappelé : ni "
    "l'URSSAF, ni les impôts, ni votre banque n'y ont accès."
)
WHO_READS = (
    f"{WHO_READS_ONLY} Sans votre accord rien n'est transmis, et vous pouvez tout faire effacer quand vous voulez."
)


# Round 20 (r20c, M9): a message written in English got "je suis toujours là" or "pas bien compris". Said plainly, in
# French and in English, that the assistant answers in French. Common English words only French never writes.
_ENGLISH = re.compile(
    r"\b(?:hello|hi|please|thanks|thank you|call me|call back|can you|could you|i am|i'm|i need|i want|my business|"
    r"my company|help me|speak english|english|do you|what is|how do|i have|i owe|money|owe|taxes|the|is|are|you|"
    r"with|my|me|we|what|how|why|would|should|tomorrow|today)\b"
)
_FRENCH = re.compile(
    r"\b(?:je|j'|vous|le|la|les|un|une|des|est|et|mon|ma|mes|pour|pas|oui|non|merci|bonjour|avec|suis|ai|qui|que|"
    r"quoi|de|du|en|au|rappel\w*|appel\w*)\b"
)


def written_in_english(text: str | None) -> bool:
    """Words written in English, not in French ("hello, can you call me back please?"): two English words and no
    French one, or three and more than twice the French ones."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return False
    english = len(_ENGLISH.findall(folded))
    french = len(_FRENCH.findall(folded))
    return (english >= 2 and french == 0) or (english >= 3 and english > 2 * french)


_CALL_BACK_ENGLISH = re.compile(
    r"\b(?:call (?:me|us)(?: back)?|call ?back|ring me|phone me|talk to (?:a|an|someone))\b"
)


def asks_callback_in_english(text: str | None) -> bool:
    return bool(_CALL_BACK_ENGLISH.search(_folded(text)))


IN_FRENCH_ONLY = (
    "Je réponds uniquement en français, mais vous pouvez m'écrire simplement, avec vos mots. "
    "(I can only answer in French. You can write to me in simple French, or ask for an advisor's call: write "
    "« conseiller ».)"
)
IN_FRENCH_CALLBACK = (
    "Je réponds uniquement en français. Je note que vous voulez être rappelé : je vais vous poser quelques questions "
    "courtes pour cela. (I can only answer in French. I have noted that you want a call back: a few short questions "
    "follow, in French.)"
)


# Words that ask for advice on one's own case while telling it ("je peux vendre plutôt que fermer ?", "j'ai le droit de
# faire les démarches à sa place ?", "y a des aides ?"): answered, or said honestly to be the advisor's.
_ASKS_FOR_ADVICE = re.compile(
    r"\b(?:je peux|j'peux|on peut|il peut|elle peut|ils peuvent|peut[- ]on|puis[- ]je|je pourrais|je pourrai|"
    r"on pourrait|il pourrait|elle pourrait|c'?\s?est possible|c possible|"
    r"(?:j'ai|j ai|il a|elle a|on a|ai[- ]je) (?:le )?droit|y a(?:-t-il)? des aides|il y a des aides|des aides\b|"
    r"(?:je|on) fais? quoi|on fait quoi|c'?\s?est pour moi|ca peut (?:m'|m )?aider|comment (?:je|on) (?:fai|peu)\w*|"
    r"(?:et )?pour (?:etre|me faire|le|la|les|l') .{0,70}(?:\?|je fais|comment))"
)


def asks_for_advice(text: str | None) -> bool:
    """Words that ask for advice on one's own case ("je peux vendre plutôt que fermer ?", "y a des aides ?")."""
    return bool(_ASKS_FOR_ADVICE.search(_folded(text)))


QUESTION_FOR_THE_ADVISOR = (
    "Sur ce point précis, je ne peux pas vous répondre avec certitude ici : un conseiller de la chambre pourra vous "
    "le dire."
)


# Round 20 (r20b-06): "c est payant ?" at the consent question was not answered (read as neither a yes nor a no).
_PRICE_ASKED = re.compile(
    r"\b(?:c'?\s?est|c|ca|vous etes|votre (?:aide|service)|le (?:rappel|service|conseiller|conseil))\b(?: \w+){0,2} "
    r"(?:payant|gratuit)\b"
)


def asks_if_free(text: str | None) -> bool:
    """Whether the service costs anything ("c est payant ?", "le rappel c'est gratuit ?")."""
    folded = _folded(text)
    return "?" in folded and bool(_PRICE_ASKED.search(folded)) and not asks_price_of_own_matter(folded)


FREE = "C'est entièrement gratuit, ici comme au téléphone avec nos conseillers."

# Round 27 (r27-a-01, D1): "ok. et ca coute combien votre truc", read at an intake question, got "je ne sais pas répondre":
# the price of the service asked in other words than "c'est payant ?" (the service named, or nothing else named).
_PRICE_WORD = re.compile(
    r"\b(?:coute\w*|cout|couter|prix|tarifs?|payant\w*|gratuit\w*|(?:faut|il faut|dois|doit)(?: il)? payer|combien (?:ca|c'est) "
    r"(?:coute|fait))\b"
)


def asks_price_of_the_service(text: str | None) -> bool:
    """ "ca coute combien votre truc", "et c'est gratuit ?", "combien ça coûte ?": the service's price asked; never the
    price of the artisan's own matter ("combien ça coûte un avocat ?") nor of a payment plan."""
    folded = _folded(text)
    if not folded or folded.startswith("/") or not _PRICE_WORD.search(folded):
        return False
    if asks_price_of_own_matter(folded) or _PLAN_COST.search(folded):
        return False
    return bool(_THE_SERVICE.search(folded) or _BARE_PRICE.fullmatch(folded))


_BARE_PRICE = re.compile(
    r"(?:(?:ok|okay|d'accord|bon|ben|bah|ah|oui|ouais|merci|euh|et|mais|sinon|alors|du coup|au fait|juste)[\s,.!]+)*"
    r"(?:ca coute combien|combien ca coute|ca coute|c'est combien|c'est gratuit|c'est payant|c gratuit|c payant|"
    r"gratuit|payant)(?: ou (?:pas|quoi|payant|gratuit))?[\s?!.]*"
)


_ABOUT_THE_CALL = re.compile(
    r"\b(?:rappel\w*|rapel\w*|appel\w*|horaires?|heure du|conseill\w*|numero|dossier|demande)\b"
)


def about_the_call(text: str | None) -> bool:
    """Words about the callback or the case ("l'horaire du rappel je peux le modifier ?"), which have their own paths."""
    return bool(_ABOUT_THE_CALL.search(_folded(text)))


# Round 23 (r23b-10): "ya quelqu'un ?" got "Je n'ai pas bien compris, pardon.": whether someone is there, answered.
_SOMEONE_THERE = re.compile(
    r"^(?:(?:allo|allô|alo|hello|bonjour|bonsoir|salut|euh|he|hé|ohe)\s*[,!.]*\s*)*(?:(?:il )?y a|ya|y'a|il ya|yà|y a t il|"
    r"y a-t-il|est-ce qu'il y a|est ce qu'il y a) (?:quelqu'un|quelqu un|qqn|qq1|du monde|une personne)"
    r"(?: (?:la|ici|pour me repondre|qui (?:me )?(?:lit|repond|ecoute)))?\s*\?*$|"
    r"^(?:vous etes|t'es|tu es|etes[- ]vous) (?:la|toujours la|encore la)\s*\?+$|^(?:allo|allô|alo)\s*\?+$"
)


def asks_if_someone_is_there(text: str | None) -> bool:
    """ "ya quelqu'un ?", "allo ?", "vous êtes là ?": the whole message asks whether anyone answers."""
    return bool(_SOMEONE_THERE.search(_folded(text)))


SOMEONE_THERE = (
    "Oui, je suis là : je suis l'assistant automatique de la chambre, et un conseiller peut prendre le relais si vous "
    "le souhaitez. Dites-moi ce qui vous amène, avec vos mots."
)


# Round 23 (r23b-16): "ben je sais pas par ou commencer, vous voulez savoir quoi ?" got "Je n'ai pas bien compris" and
# became the case's request: what to say is guided.
_WHAT_TO_SAY = re.compile(
    r"\b(?:vous voulez (?:savoir|que je (?:vous )?dise) quoi|(?:qu'est ce que|qu'est-ce que|que) (?:vous voulez|"
    r"voulez-vous|je dois (?:vous )?(?:dire|ecrire|raconter)) (?:savoir|que je (?:vous )?(?:dise|ecrive|raconte))?|"
    r"je (?:dois|peux) (?:vous )?(?:dire|ecrire|raconter) quoi|je (?:vous )?(?:dis|ecris|raconte) quoi|"
    r"(?:je )?(?:ne )?sais pas (?:par ou|par quoi|comment) commencer|par ou (?:je )?commence\w*|"
    r"il faut (?:vous )?dire quoi|vous avez besoin de (?:savoir )?quoi)\b"
)


def asks_what_to_say(text: str | None) -> bool:
    """The person does not know what to tell ("vous voulez savoir quoi ?", "je sais pas par où commencer")."""
    return bool(_WHAT_TO_SAY.search(_folded(text)))


WHAT_TO_SAY = (
    "Ce que vous voulez, avec vos mots : votre métier, et ce qui vous inquiète en ce moment, par exemple une dette, un "
    "client qui ne paie pas ou un courrier reçu. Quelques mots suffisent, même en vrac."
)


# Round 25 (defect 2): the artisan, or someone close for them, asks whether they may call the chamber themselves ("il
# peut vous appeler lui ?", "est-ce qu'il peut appeler lui-même ?", "je peux vous appeler moi ?"): they got the offer or
# the consent question again, unanswered. Never a call to another body ("je peux appeler le 3114 ?"), nor the advisor
# calling the writer ("il peut m'appeler ?": the advisor is "il" there).
_CALLER = r"(?:je|j'? ?|jpeux|moi,? je|on|nous|moi|il|elle|lui|(?:mon|ma) (?:" + KIN + r"))"
_CAN = r"(?:peux|peut|peu|pe|pourrais|pourrait|pourrai|pouvons|pourrions|pourra|pourrons)"
_CALL_VERB = r"(?:r?ap+el+(?:er|e)|telephon(?:er|e)|joindre|contacter|passer un coup de fil)"
_TO_US = r"(?:vous|vs|la chambre|la cma|le conseiller|un conseiller|les conseillers|votre standard)"
_SELF = (
    r"(?:moi|lui|elle|nous|moi-meme|lui-meme|elle-meme|nous-memes|moi meme|lui meme|elle meme|directement|plutot|"
    r"aussi|de (?:son|mon) cote|a (?:sa|ma) place|a la place|si besoin|sinon|alors|du coup|vous|la chambre|la cma|"
    r"non|svp|stp|hein|ou pas|c'est possible|possible|ca marche|ca va)"
)
_AFTER_THE_CALL = rf"(?:(?: |,|-)+{_SELF})*(?: ?\?| *$)"
_CALLS_US = re.compile(
    rf"(?:^|(?<=[\s,']))(?P<caller>{_CALLER}) ?(?:(?:ne |n'? ?)?{_CAN} (?:pas )?(?:{_TO_US} )?|(?:prefere\w*|voudrais|"
    rf"voudrait|veux|veut) (?:plutot )?(?:{_TO_US} )?){_CALL_VERB}{_AFTER_THE_CALL}|"
    rf"\b(?:puis|peut|pourrait|pourrais)[- ](?P<inverted>je|il|elle) (?:{_TO_US} )?{_CALL_VERB}{_AFTER_THE_CALL}|"
    rf"\b(?:possible|mieux) (?:que |qu'? ?)(?P<subject>{_CALLER}) (?:{_TO_US} )?(?:appelle|telephone|contacte)"
    rf"{_AFTER_THE_CALL}"
)
_KIN_CALLER = re.compile(r"\b(?:mon|ma) (?P<kin>" + KIN + r")\b")


def who_calls_us(text: str | None) -> str | None:
    """ "writer" when the words ask whether the writer may call the chamber themselves ("je peux vous appeler moi ?"),
    "il", "elle" or the relative ("pere") when they ask it of the person they write for ("il peut vous appeler lui ?",
    "mon père peut appeler lui-même ?"); None otherwise. Only a question, or a wish said so ("je préfère vous appeler")."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return None
    for part in re.split(r"(?<=\?)|[.;!]", folded):
        clause = part.strip(" ,")
        said = _CALLS_US.search(clause)
        if not said:
            continue
        asked = "?" in clause or re.match(r"(?:et )?est-?(?: )?ce (?:que|qu)", clause) or said.group("inverted")
        if not (asked or re.search(r"\b(?:prefere\w*|voudrais|voudrait|veux|veut)\b", said.group(0))):
            continue
        caller = said.group("caller") or said.group("inverted") or said.group("subject") or ""
        kin = _KIN_CALLER.match(caller)
        if kin:
            return kin.group("kin")
        if caller in ("il", "elle", "lui"):
            return "elle" if caller == "elle" else "il"
        return "writer"
    return None


def call_us_yourself_text(caller: str, chamber_name: str, phone: str, hours: str) -> str:
    """Yes, with the chamber's own number and hours (from its configuration): said of the writer or of whom they name."""
    if caller == "writer":
        return f"Oui, bien sûr : vous pouvez appeler vous-même la {chamber_name} au {phone}, {hours}."
    if caller in ("il", "elle"):
        return f"Oui, bien sûr : {caller} peut appeler {caller}-même la {chamber_name} au {phone}, {hours}."
    return (
        f"Oui, bien sûr : votre {ACCENTED_KIN.get(caller, caller)} peut appeler la {chamber_name} au {phone}, {hours}."
    )


# Round 26: "j'ai reçu un SMS de l'URSSAF qui me demande de payer par lien, c'est une arnaque ?" was read as an URSSAF
# debt (the payment plan, the ACED). A message said to come from the URSSAF, doubted or asking to pay through a link, is
# answered with how to check it: never through the link, in one's own URSSAF space (the URSSAF's and the Sécurité
# sociale des indépendants' advice on fraud attempts).
_COLLECTOR = r"(?:urssaf|cgss|autoentrepreneur|auto-entrepreneur|secu(?:rite sociale)? des independants|rsi)"
_MESSAGE = r"(?:sms|textos?|mails?|e-mail|email|courriel|messages?|liens?|appel|coup de fil|whatsapp)"
_DOUBT = (
    r"(?:arnaque\w*|arnak\w*|escroqu\w*|fraud\w*|phishing|hameconnage|faux|fausse|fake|bidon|louche|suspect\w*|pirat\w*|"
    r"c'est (?:bien |vraiment )?(?:vrai|officiel|normal|serieux|eux|l'urssaf)|(?:vrai|officiel) ou (?:pas|faux|non|fake)|"
    r"je (?:dois|peux) (?:cliquer|payer|y aller)|faut (?:il )?(?:cliquer|payer))"
)
_BY_LINK = r"(?:payer|regler|paiement|virement|rembours\w*)\b.{0,40}\b(?:par|via|avec|sur) (?:un |le |ce |leur )?lien|cliquer sur (?:un |le |ce )?lien"
_URSSAF_MESSAGE = re.compile(
    rf"(?=.*\b{_COLLECTOR}\b)(?=.*\b{_MESSAGE}\b)(?=.*(?:\b{_DOUBT}\b|\b(?:{_BY_LINK})\b.*\?))"
)
URSSAF_SCAM_CHECK = (
    "Ne cliquez pas sur ce lien : l'URSSAF ne vous demande jamais vos coordonnées bancaires ni votre mot de passe par "
    "courriel ou par téléphone. Pour vérifier, connectez-vous vous-même à votre espace sur urssaf.fr (ou "
    "autoentrepreneur.urssaf.fr) : si une somme est vraiment due, elle y figure. Les bons réflexes face à ces arnaques : "
    "secu-independants.fr/cpsti/actualites/arnaques"
)


def asks_if_urssaf_message_is_a_scam(text: str | None) -> bool:
    """A message said to come from the URSSAF, doubted ("c'est une arnaque ?") or asking to pay through a link."""
    folded = _folded(text)
    return bool(folded) and not folded.startswith("/") and bool(_URSSAF_MESSAGE.match(folded))


_SENTENCES = re.compile(r"(?<=[.?!])\s+")
_ABOUT_THE_MESSAGE = re.compile(rf"\b(?:{_MESSAGE}|{_DOUBT})\b")


def without_scam_question(text: str | None) -> str:
    """The words less the sentences about a doubtful URSSAF message (the message, the link, the doubt): no debt of the
    artisan's is said there. Words that ask nothing of the kind are returned as they are."""
    if not text or not asks_if_urssaf_message_is_a_scam(text):
        return text or ""
    kept = [sentence for sentence in _SENTENCES.split(text) if not _ABOUT_THE_MESSAGE.search(_folded(sentence))]
    return " ".join(kept)


# Round 26 (talk-c M1: r26c-02, 04, 06, 17, 20): "je risque quoi si je paye pas l'urssaf", "je risque quoi si je paye pas
# les impots", "et si je paye l'urssaf avant mardi ca s'arrete ?" got "D'accord, c'est noté", the summary again, "je ne
# sais pas répondre" or the revenu-estimé card. What happens when a debt stays unpaid is answered in the steps every
# such debt goes through, and what can still be asked; never an outcome promised.
_RISK = (
    r"(?:\b(?:je |j'? ?|on |nous )?ris(?:k|que|ques|quons)\b\s*(?:quoi|koi|kwa|quelque chose|gros)\b|"
    r"\bqu'? ?est[- ]ce (?:que|qu) (?:je |j'? ?|on )(?:ris(?:k|que))\b|\bque risque[- ]?t[- ]?on\b|\bquels? (?:sont les )?risques?\b|"
    r"\b(?:il (?:se passe|va se passer|m'arrive|arrive|va m'arriver)|ca (?:se passe|donne)|qu'? ?est[- ]ce qui (?:se passe|va se "
    r"passer|arrive|m'attend|va m'arriver)|que se passe[- ]?t[- ]?il|(?:ils|elle|l'urssaf|les impots|le fisc) (?:peuvent|peut|"
    r"vont|va) (?:me )?faire)(?: quoi| koi)?\b)"
)
_UNPAID = (
    r"(?:\bsi (?:jamais )?(?:je |j'? ?|on |nous )?(?:ne |n'? ?)?(?:pa[iy]\w*|rembours\w*|regl\w*|arrive|peux|peut|verse)\s+"
    r"(?:pas|pa|plus|rien|jamais)\b|\bsans (?:rien )?payer\b)"
)
_WHAT_IF_UNPAID = re.compile(rf"{_RISK}[^.!?]*{_UNPAID}|{_UNPAID}[^.!?]*{_RISK}|{_RISK}\s*\??$")
_PAYING_STOPS = re.compile(
    r"\bsi (?:je |j'? ?|on )?(?:pa[iy]\w*|regl\w*|rembours\w*|verse)\b[^?.!]{0,50}?\b(?:ca|tout|ils|elle|l'urssaf|les impots|"
    r"la procedure|les poursuites|la saisie)\s+(?:s'arret\w*|arret\w*|stopp?\w*|laiss\w* tomber|c'est (?:fini|bon|regle|termine))|"
    r"\b(?:ca|tout|les poursuites|la procedure|la saisie) (?:s'arret\w*|stopp?\w*|sera (?:fini|regle|termine))\w* si "
    r"(?:je |j'? ?|on )?(?:pa[iy]|regl|rembours)"
)
_URSSAF_WORDS = re.compile(r"\b(?:l?urssaf|cotis\w*|cgss|msa|secu|rsi)\b")
_TAX_WORDS = re.compile(r"\b(?:impots?|tva|cfe|fisc|fiscal\w*|sie|taxes?|tresor public|finances publiques)\b")

# Code de la sécurité sociale L244-2 (the mise en demeure) and R133-3 (the contrainte, as opposition_contrainte_urssaf
# cites it), majorations de retard (previssima, as urssaf_revenu_estime cites it): the URSSAF's steps.
UNPAID_URSSAF = (
    "Sans paiement, l'URSSAF ajoute des majorations de retard et envoie une mise en demeure ; ensuite, elle peut "
    "délivrer une contrainte, qui permet une saisie. Vous pouvez demander un délai de paiement à tout moment, de "
    "préférence avant ces étapes ; un conseiller de la chambre pourra regarder votre cas précis."
)
# BOFiP BOI-REC-PREA-10-20 (relance, mise en demeure de payer, then the poursuites) and the saisie administrative à tiers
# détenteur, as impots_avis_avant_saisie and impots_saisie_faite cite them; the plan at the SIE (impots.gouv.fr).
UNPAID_TAXES = (
    "Sans paiement, les impôts ajoutent des pénalités de retard et envoient une mise en demeure de payer ; ensuite, ils "
    "peuvent saisir votre compte ou ce que vos clients vous doivent (saisie administrative à tiers détenteur). Vous "
    "pouvez demander un plan de règlement à votre service des impôts des entreprises, de préférence avant ces étapes ; "
    "un conseiller de la chambre pourra regarder votre cas précis."
)
UNPAID_ANY = (
    "Je ne peux pas vous répondre avec certitude : cela dépend de qui réclame la somme et de ce que dit le courrier. "
    "En général, des relances et une mise en demeure viennent avant une saisie, et un délai de paiement peut être "
    "demandé ; un conseiller de la chambre pourra vous le dire pour votre cas."
)
PAYING_STOPS = (
    "Je ne peux pas vous le garantir : cela dépend de ce que dit le courrier et de ce qui reste dû, majorations "
    "comprises. Si vous ne pouvez pas tout payer, un délai peut être demandé ; un conseiller de la chambre pourra le "
    "vérifier avec vous."
)


def asks_what_if_unpaid(text: str | None) -> bool:
    """ "je risque quoi si je paye pas l'urssaf ?", "il se passe quoi si je peux pas payer ?": what an unpaid debt leads to."""
    folded = _folded(text)
    return bool(folded) and not folded.startswith("/") and bool(_WHAT_IF_UNPAID.search(folded))


def asks_if_paying_stops_it(text: str | None) -> bool:
    """ "et si je paye l'urssaf avant mardi ca s'arrete ?": whether paying ends the procedure."""
    return bool(_PAYING_STOPS.search(_folded(text)))


def unpaid_answer(text: str | None, categories: object = ()) -> str | None:
    """The answer to what an unpaid debt leads to, or whether paying stops it: the body the words name, else the one
    difficulty the conversation holds (URSSAF or taxes), else the honest general word; None when nothing such is asked."""
    stops, unpaid = asks_if_paying_stops_it(text), asks_what_if_unpaid(text)
    if not (stops or unpaid):
        return None
    folded = _folded(text)
    urssaf, taxes = bool(_URSSAF_WORDS.search(folded)), bool(_TAX_WORDS.search(folded))
    if not (urssaf or taxes):
        held = set(categories) if isinstance(categories, (list, tuple, set, frozenset)) else set()
        urssaf, taxes = "cotisations_sociales" in held, "impots" in held
    if stops:
        # Of an URSSAF or tax debt only: "si je paye les chèques ça s'arrête ?" (the bank's ban) has its sourced step.
        return PAYING_STOPS if urssaf or taxes else None
    if urssaf and not taxes:
        return UNPAID_URSSAF
    if taxes and not urssaf:
        return UNPAID_TAXES
    return UNPAID_ANY


# "bah alors comment je fais pour parler à quelqu'un ?" after a refused consent (round 28, r28-a-13: "un conseiller de la
# chambre pourra vous le dire"): how to reach a person, asked in so many words.
_REACH_SOMEONE = re.compile(
    r"\b(?:comment|je fais comment|on fait comment|je peux|puis-je|est-ce que je peux|y a moyen|il y a moyen|moyen)\b"
    r"[^?]{0,40}?\b(?:parler a|joindre|contacter|avoir|appeler|tomber sur)\s+"
    r"(?:quelqu'un|qqn|un conseiller|une conseillere|une personne|un humain|une vraie personne|un vrai conseiller|"
    r"quelqu'un de (?:la chambre|chez vous)|la chambre|vos conseillers)\b"
)


def asks_how_to_reach_someone(text: str | None) -> bool:
    """Whether the words ask how to reach a person ("comment je fais pour parler à quelqu'un ?", "je peux joindre un
    conseiller comment ?"); never a wish said ("je veux parler à quelqu'un": the call asked for)."""
    folded = _folded(text)
    if not folded or not _REACH_SOMEONE.search(folded):
        return False
    return "?" in folded or bool(re.search(r"\bcomment\b", folded))


def reach_someone_text(chamber_name: str, phone: str, hours: str) -> str:
    """Both ways to a person: calling the chamber (its number and hours from its configuration), or being called back."""
    return (
        f"Vous pouvez appeler la {chamber_name} au {phone}, {hours}. Si vous préférez qu'un conseiller vous rappelle, "
        "écrivez « conseiller » : il me faudra alors votre accord, un prénom et un numéro."
    )
