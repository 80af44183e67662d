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
        r"\b(?:confidenti\w*|secret\w*|anonym\w*|discret\w*|entre nous|transmi\w*|transmettre|fuiter|divulg\w*|"
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


def fits_stored_answer(key: str, text: str | None) -> bool:
    """Whether the words ask what the stored answer `key` answers (a key not checked here always fits)."""
    pattern = _FITS.get(key)
    return pattern is None or bool(pattern.search(_folded(text)))


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
