"""Questions about the business asked where no guidance is pending (at a handoff question, after the crisis reply): one
first step from the sourced knowledge base, chosen for the words the question names. Shared by the crisis, handoff and
intake actions (its own module: the crisis actions and the handoff actions import each other's callers)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from chamber import Chamber
from guidance.knowledge import GuidanceEntry
from intake.facts import fold

# Round 12 (r12b-02, 03, 19): after the crisis part, the first steps come short: two, under a gentle word.
STEPS_AFTER_CRISIS = 2
STEPS_AFTER_CRISIS_INTRO = "Pour la suite, voici de premières démarches concrètes, à votre rythme :"


def safety_part_done(tracker: Tracker) -> bool:
    """The crisis numbers were given and the answer to the safety question replied to, with no crisis reply since
    (a crisis reply clears `safe_now` and waits for its own answer)."""
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") == "action_after_safety_answer":
            return True
        if event.get("event") == "slot" and event.get("name") == "safe_now" and event.get("value") is None:
            return False
    return False


def first_steps_after_crisis(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The first practical steps for someone on the crisis path who stays in the chat, once the safety part is done.

    Round 12 (r12b-02, 03, 19): action_give_guidance returned nothing whenever the `distress` slot was set, and the
    crisis path sets it for the rest of the conversation, so nobody who went through it got a single step ("bon alors
    pour l'urssaf je fais quoi concretement" then the département, then nothing). Guidance waits behind the crisis reply,
    not forever: two steps not given yet, the most fitting first; nothing before the safety question is answered."""
    from dataclasses import replace

    from actions.conversation import situation
    from guidance import render_guidance
    from guidance.select import select_guidance
    from triage import Assessment

    assessment = Assessment.from_slots(tracker.slots)
    if assessment is None or not assessment.categories or not safety_part_done(tracker):
        return []
    question = _latest_question(tracker)
    if question is not None and tracker.get_slot("guidance_given"):
        # Round 16 (r16b-11: "et pour l'audience du 12 je dois preparer quoi" got the rétablissement professionnel and
        # the CIP): once first steps were given, a question gets its answer, from the knowledge base when a step speaks
        # of it, else an honest word. Before any step, the first steps answer "je fais quoi" (round 12).
        return _answer_the_question(dispatcher, tracker, question)
    chamber = services.chamber()
    already = list(tracker.get_slot("guidance_given") or [])
    given = {entry.get("id") for entry in already if isinstance(entry, dict)}
    entries = [
        entry
        for entry in select_guidance(
            services.knowledge_base(),
            replace(assessment, distress=False),
            chamber,
            situation(tracker.slots),
            limit=12,
            today=services.chamber_today(),
        )
        if entry.id not in given
    ][:STEPS_AFTER_CRISIS]
    if not entries:
        return []
    dispatcher.utter_message(text=STEPS_AFTER_CRISIS_INTRO)
    for message in render_guidance(entries, chamber):
        dispatcher.utter_message(text=message)
    return [SlotSet("guidance_given", already + [{"id": e.id, "name": e.name, "link": e.link} for e in entries])]


# Round 16 (r16b-11, r16b-03, r16b-02): "l'audience du 12 je dois preparer quoi", "pour le client qui paie pas on peut faire
# quoi", "pour la banque je fais koi": what to do, asked with the question word last and no question mark.
_ASKS_WHAT_TO_DO = re.compile(
    r"\b(?:je|j|on|il|elle|ils|elles|nous|vous)\b(?: \w+){0,3} (?:fais|fait|faire|font|prepare|preparer|dois|doit|devons|"
    r"peux|peut|pouvons|faut)\b(?: \w+){0,2} (?:quoi|koi|comment|kwa)"
    r"(?: (?:alors|du coup|donc|maintenant|concretement|exactement|au juste|moi|la))*\s*\??$"
    r"|^(?:et )?(?:(?:du coup|donc|alors|sinon) )?(?:pour|pr|pour ce qui est de) (?:la|le|les|l|mon|ma|mes|ce|cette)\b"
    r".{0,60}\b(?:je fais|on fait|je dois faire|on doit faire) ?(?:quoi|koi|comment|kwa)?"
    r"(?: (?:alors|du coup|donc|maintenant|concretement|exactement|au juste|moi|la))*\s*\??$"
    # Round 26 (r26c-03): "je fais quoi pour les impots du coup", the matter after the question word.
    r"|^(?:et )?(?:(?:du coup|donc|alors|bon) )?(?:je|j|on) (?:fais|fait|dois faire|doit faire|peux faire|peut faire) "
    r"(?:quoi|koi|kwa|comment) (?:pour|avec|pr) (?:la|le|les|l|mon|ma|mes|ce|cette)\b.{0,50}$"
)


def asks_what_to_do(text: str | None) -> bool:
    """A question about what to do, even without its question mark ("pour la banque je fais koi")."""
    folded = " ".join(re.sub(r"[^a-z0-9? ]", " ", fold(text or "")).split())
    return bool(folded) and bool(_ASKS_WHAT_TO_DO.search(folded))


def _latest_question(tracker: Tracker) -> str | None:
    """The artisan's latest message when it asks something about the business, else None."""
    from actions.intake import is_question

    text = (tracker.latest_message or {}).get("text") or ""
    if not text or text.startswith("/") or not (is_question(text) or asks_what_to_do(text)):
        return None
    return text


def _answer_the_question(dispatcher: CollectingDispatcher, tracker: Tracker, question: str) -> list[EventType]:
    from guidance.crisis import BUSINESS_QUESTION_UNKNOWN

    answered = answer_with_entry(tracker, question)
    if answered is None:
        dispatcher.utter_message(text=BUSINESS_QUESTION_UNKNOWN)
        return []
    text, entry = answered
    dispatcher.utter_message(text=text)
    already = list(tracker.get_slot("guidance_given") or [])
    if any(isinstance(given, dict) and given.get("id") == entry.id for given in already):
        return []
    return [SlotSet("guidance_given", [*already, {"id": entry.id, "name": entry.name, "link": entry.link}])]


def answer_to_business_question(tracker: Tracker, question: str) -> str | None:
    """One sourced first step for a question about the business asked at a handoff question ("je peux avoir un délai
    urssaf ou pas ?", "qu'est-ce que je dois préparer pour l'audience ?"), or None. After the crisis path no guidance had
    been given (it waits behind the crisis reply), and such questions got "je ne sais pas répondre" (rounds 9 and 10,
    r9b-04, r9b-24, r10b): the numbers came first, the question is answered now.

    Round 16: the step must speak of what the question asks (r16b-14: "l'assurance a le droit de refuser ?" got the
    ACED, an URSSAF aid, as "Pour votre question"; r16b-17: "ils peuvent saisir ma maison ?" got the URSSAF payment
    plan); a step already given that answers it is said again (r16b-02: "pour la banque je fais koi" got "je ne peux pas
    vous répondre" after the Médiation du crédit); the conversation's procedure stage and what it ruled out count (r16b-11:
    the sauvegarde to someone in redressement). None: the caller says honestly that an advisor will answer."""
    from actions.service_answers import service_question_text

    # Round 20 (r20c-08, r20c-18): "vous pouvez me prêter 5000 euros ?", "vous transmettez à l'urssaf ?" are about the
    # service, never "cela dépend de votre situation".
    service = service_question_text(tracker, question)
    if service is not None:
        return service
    answered = answer_with_entry(tracker, question)
    return answered[0] if answered is not None else None


_INJONCTION_CAUSES = frozenset({"injonction_recue", "injonction_a_demander", "injonction_menacee"})


def answer_with_entry(tracker: Tracker, question: str) -> tuple[str, GuidanceEntry] | None:
    """The answer to a question about the business and the entry it comes from, or None (see above)."""
    from dataclasses import replace

    from actions.conversation import situation
    from guidance import render_guidance
    from guidance.facts import Facts, cause_categories, read_causes, read_stage
    from guidance.select import CHAMBER_ADVISORS, select_guidance
    from triage import Assessment, assess

    asked = assess([question])
    if asked.distress or asks_whether_owed(question):
        return None
    named_causes = read_causes([question])
    if named_causes & _INJONCTION_CAUSES or "injonction" in fold(question):
        # Round 24 (r24a-06, r24a-11): "et pour l'injonction de payer ?" takes its direction from the conversation: an
        # artisan owed money asks about making one, one threatened by a supplier about the threat.
        said_so_far = read_causes([*_user_texts(tracker), question])
        named_causes = (named_causes - _INJONCTION_CAUSES) | (said_so_far & _INJONCTION_CAUSES)
    # A question naming a subject and no cause of its own ("pour le promoteur je fais comment ?") refers back to
    # what was said: the conversation's causes count (the step must still speak of the subject).
    refers_back = bool(_subjects_and_stems(question)[0]) and not named_causes
    least = 1  # the topic score a step needs to answer
    if not asked.categories:
        # "la contrainte, j'ai combien de temps pour contester ?" (round 11, r11b-25): no category in the question's
        # words, but a cause the knowledge base knows, and so its category.
        named = {cause_categories()[cause] for cause in named_causes}
        if not named and _subjects_and_stems(question)[0]:
            # "mais pour le promoteur je fais comment ?" (round 17, r17a-02, after 23 000 euros unpaid were said): a
            # subject named, the categories the conversation found; the step must still speak of the subject.
            known_categories = Assessment.from_slots(tracker.slots)
            named = set(known_categories.categories) if known_categories is not None else set()
        if not named and tracker.get_slot("difficulty_categories"):
            # Round 24 (r24a-04): "ça fait combien le solde insaisissable ?" right after that step, no category or
            # subject of its own: the conversation's, and the step must share two words with the question.
            known_categories = Assessment.from_slots(tracker.slots)
            named = set(known_categories.categories) if known_categories is not None else set()
            refers_back, least = True, 2
        if not named:
            return None
        asked = replace(asked, categories=tuple(sorted(named)))
    asked = replace(asked, distress=False)
    chamber = services.chamber()
    knowledge_base = services.knowledge_base()
    today = services.chamber_today()
    known = situation(tracker.slots)
    # What the question names triggers the steps; the whole conversation says who asks (form, stage, what rules a step
    # out: a client in liquidation, no debt of one's own...).
    facts = Facts.build(asked, known, messages=[question], chamber=chamber, today=today)
    said = _user_texts(tracker)
    conversation = Assessment.from_slots(tracker.slots)
    context = Facts.build(conversation, known, messages=[*said, question], chamber=chamber, today=today)
    ruling_out = {cause for entry in knowledge_base for cause in entry.excludes_causes}
    facts = replace(
        facts,
        profile=context.profile,
        stage=facts.stage or context.stage,
        # A question that refers back ("pour le promoteur") takes the causes said before; else only those ruling out.
        causes=(facts.causes - _INJONCTION_CAUSES)
        | (named_causes & _INJONCTION_CAUSES)
        | (context.causes if refers_back else context.causes & ruling_out),
        debts="yes" if "yes" in (facts.debts, context.debts) else (facts.debts or context.debts),
    )
    steps = [
        entry
        for entry in select_guidance(
            knowledge_base, asked, chamber, known, limit=12, messages=[question], today=today, facts=facts
        )
        if entry.id != CHAMBER_ADVISORS
    ]
    given = {entry.get("id") for entry in tracker.get_slot("guidance_given") or [] if isinstance(entry, dict)}
    named_stage = read_stage([question])
    scored = [(topic_score(question, entry, named_causes, named_stage), entry) for entry in steps]
    scored = [(score, entry) for score, entry in scored if score >= least]
    if not scored:
        return None
    # The step that speaks most of what the question names; a new one before one already given, at the same score.
    _, best = max(scored, key=lambda pair: (pair[0], pair[1].id not in given))
    if best.id in given and asks_about_notice(question):
        # The notice itself is not sourced: the step already said is no answer to it (r22c-01). Not yet said, it is
        # still what helps (r12b: right after a no to the advisor, "an advisor will tell you" would be a dead end).
        return None
    text = _after_colon(render_guidance([best], chamber)[0])
    if best.id in given:
        return f"Pour votre question, comme je vous l'indiquais : {text}", best
    return f"Pour votre question : {text}", best


# Round 17 (r17b-14: "et pour la cfe je dois la payer si je ferme en décembre ?" got the tax payment plan): whether a
# sum is owed at all is not how to pay it; the knowledge base says nothing of what is owed, an advisor will.
_WHETHER_OWED = re.compile(
    r"\b(?:dois|doit|devons|devez|devrai|devrais|faut|faudra|faudrait)\b(?: (?:il|je|on))?(?: (?:quand meme|encore|"
    r"vraiment|la|le|les|l|tout|toute))* (?:payer|regler|rembourser)\b"
)
_HOW_OR_WHEN = re.compile(
    r"\b(?:comment|quand(?! meme)|ou|delai|delais|etaler|etalement|echeancier|plusieurs fois|a qui)\b"
)


# Round 22 (r22c-01): "elle peut me couper le découvert du jour au lendemain ?" got the Médiation du crédit said again. How
# much notice the other side must give is a rule the knowledge base does not source: an advisor will say it.
_ABOUT_NOTICE = re.compile(
    r"\b(?:du jour au lendemain|sans (?:me |nous )?(?:prevenir|avertir|preavis|delai)|preavis|d un coup|d un seul coup|"
    r"(?:combien de temps|quel delai) (?:avant|a l avance)|(?:doit|doivent|faut|oblige\w*) (?:me |nous )?(?:prevenir|avertir))\b"
)


def asks_about_notice(text: str | None) -> bool:
    """A question on how much notice the other side must give ("elle peut me couper le découvert du jour au lendemain ?")."""
    folded = " ".join(re.sub(r"[^a-z0-9 ]", " ", fold(text or "")).split())
    return bool(_ABOUT_NOTICE.search(folded))


def asks_whether_owed(text: str | None) -> bool:
    """A question whether a sum must be paid ("je dois la payer si je ferme ?"), not how or when to pay it."""
    folded = " ".join(re.sub(r"[^a-z0-9 ]", " ", fold(text or "")).split())
    return bool(_WHETHER_OWED.search(folded)) and not _HOW_OR_WHEN.search(folded)


def _user_texts(tracker: Tracker) -> list[str]:
    return [
        str(event.get("text"))
        for event in tracker.events
        if event.get("event") == "user" and event.get("text") and not str(event.get("text")).startswith("/")
    ]


# Round 16: what a question is about, in the words that name it ("maison" is the "résidence principale" of the steps).
# A subject the question names must be in the step that answers it; a refusal asked about, too (r16b-14: the insurer's
# refusal was answered with the URSSAF's aid).
_SUBJECTS: dict[str, tuple[str, ...]] = {
    "residence": ("maison", "domicile", "logement", "residence", "appartement", "appart", "baraque"),
    "assurance": ("assurance", "assurances", "assureur", "assureurs", "assure"),
    "refus": ("refus", "refuse", "refusent", "refuser", "refusee", "refuses"),
    "audience": ("audience", "audiences"),
    "client": (
        "client",
        "clients",
        "cliente",
        "clientes",
        "facture",
        "factures",
        "impaye",
        "impayes",
        "impayee",
        "promoteur",
    ),
    # Round 17 (r17b-17: "je peux racheter mon assurance vie pour payer ?"; r17b-04: "il doit prendre un avocat ?"): a
    # life insurance is not the business's insurance, and a lawyer asked about must be in the step that answers.
    "assurance_vie": ("assurancevie",),
    "avocat": ("avocat", "avocats", "avocate", "avocates"),
    "banque": ("banque", "banques", "banquier", "banquiere", "bancaire", "decouvert"),
    "impots": ("tva", "impot", "impots", "fisc", "fiscal", "fiscale", "cfe"),
    # Round 27 (r27-a-18, D25): "j'ai droit au chomage ?" after a liquidation got nothing: the allowance for the
    # self-employed (ATI) is its step, and no other step answers it.
    "chomage": ("chomage", "chomeur", "chomeuse", "allocation", "allocations", "ati"),
}
_SUBJECT_OF = {word: subject for subject, words in _SUBJECTS.items() for word in words}
# Said in a question, these subjects must be answered by the step (a bank or a client named may be the context only).
_REQUIRED_SUBJECTS = frozenset({"residence", "assurance", "refus", "audience", "assurance_vie", "avocat", "chomage"})
_QUESTION_STOP_WORDS = frozenset(
    (
        *("peuvent", "peut", "pouvez", "pourrai", "pourrais", "droit", "prendre", "faire", "besoin", "demande"),
        *("demander", "concretement", "maintenant", "encore", "toujours", "combien", "temps", "aussi", "depuis"),
        *("quand", "fais", "faites", "dois", "doit", "donc", "mais", "sinon", "vraiment", "normal", "possible"),
    )
)


def _subjects_and_stems(text: str) -> tuple[set[str], set[str]]:
    words = re.findall(r"[a-z]{3,}", re.sub(r"\bassurances?[ -]vies?\b", "assurancevie", fold(text or "")))
    subjects = {_SUBJECT_OF[word] for word in words if word in _SUBJECT_OF}
    stems = {
        word[:5]
        for word in words
        if len(word) >= 5 and word not in _STOP_WORDS and word not in _QUESTION_STOP_WORDS and word not in _SUBJECT_OF
    }
    return subjects, stems


# Round 24 (r24a-06): "pas d'audience non, c'est moi qui voudrais attaquer le client !" names no hearing to answer: a
# subject denied is not asked about.
_DENIED_SUBJECT = re.compile(
    r"\b(?:pas|aucune?|sans|jamais eu)(?: \w+)? (?:d |de |d')?(?:"
    + "|".join(sorted(word for subject in _REQUIRED_SUBJECTS for word in _SUBJECTS[subject]))
    + r")\b"
)


def topic_score(
    question: str,
    entry: GuidanceEntry,
    named_causes: frozenset[str] = frozenset(),
    named_stage: str | None = None,
) -> int:
    """How much the step speaks of what the question asks: 0 when it does not (a subject the question names is absent
    from it, or nothing in common: no word, no cause or procedure stage the question names and the step is for)."""
    asked_subjects, asked_stems = _subjects_and_stems(_DENIED_SUBJECT.sub(" ", fold(question or "")))
    step_subjects, step_stems = _subjects_and_stems(
        " ".join([entry.name, entry.summary, *entry.how, entry.caveat or ""])
    )
    required = asked_subjects & _REQUIRED_SUBJECTS
    if required and not required <= step_subjects:
        return 0
    score = 3 * len(asked_subjects & step_subjects) + len(asked_stems & step_stems)
    if set(entry.offered_for.causes) & named_causes:
        score += 2
    if named_stage is not None and named_stage in entry.offered_for.stages:
        score += 2
    return score


# Round 12 (B19, r12b-09: "Pour votre question : Votre service…"): after a colon, a common word takes no capital; a
# name ("URSSAF", "Le Médiateur des entreprises" written as a name) is left as it is.
_COMMON_FIRST_WORDS = frozenset(
    (
        *("votre", "vous", "vos", "pour", "une", "un", "le", "la", "les", "si", "hors", "en", "il", "elle", "dans"),
        *("avant", "apres", "après", "demandez", "contactez", "faites", "écrivez", "ecrivez", "adressez", "lorsque"),
        *("quand", "lors", "depuis", "des", "du", "au", "aux", "devant"),
    )
)


def _after_colon(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first.lower() in _COMMON_FIRST_WORDS and first[:1].isupper() and not first.isupper():
        return text[:1].lower() + text[1:]
    return text


_STOP_WORDS = frozenset(
    [
        "bien",
        "faut",
        "contacter",
        "savoir",
        "voulais",
        "juste",
        "quoi",
        "comment",
        "pour",
        "dans",
        "avec",
        "sans",
        "alors",
        "votre",
        "notre",
        "cette",
        "celle",
        "celui",
        "entre",
        "avant",
        "apres",
        "comme",
        "est-ce",
        "quelle",
        "quelles",
        "quels",
    ]
)


def content_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]{5,}", fold(text or "")) if word not in _STOP_WORDS}


def answer_here(dispatcher: CollectingDispatcher, tracker: Tracker, words: str) -> list[EventType]:
    """A question about the business that no stored answer fits, at any point (round 17: "c'est quoi les démarches pour
    vendre un fonds ?", "mais pour le promoteur je fais comment ?" got "Je ne peux pas vous aider sur ce sujet"; "vous
    pouvez m'aider à récupérer l'argent ?" got what the assistant can do in general): one sourced step, else an honest
    word; before any difficulty, what to write next; a trade said in it is kept (r17a-13: "cordonnier-clés minute,
    j'aimerais savoir comment on fait pour prendre un apprenti ?" then "Quel est votre métier ?")."""
    from actions.conversation import said_before
    from actions.intake import NO_DIFFICULTY_YET
    from guidance.crisis import BUSINESS_QUESTION_UNKNOWN, STEP_SAID_ABOVE
    from guidance.welcome import FIRST_QUESTION
    from intake.facts import extract_facts

    text = answer_to_business_question(tracker, words) or BUSINESS_QUESTION_UNKNOWN
    dispatcher.utter_message(text=STEP_SAID_ABOVE if said_before(tracker.events, text) else text)
    if not tracker.active_loop_name and not any(
        tracker.get_slot(name) for name in ("difficulty_categories", "case_reference", "distress")
    ):
        opening = FIRST_QUESTION if not said_before(tracker.events, FIRST_QUESTION) else NO_DIFFICULTY_YET
        if not said_before(tracker.events, opening):
            dispatcher.utter_message(text=opening)
    trade = extract_facts(words, today=services.chamber_today()).get("trade")
    return [SlotSet("trade", trade)] if trade and not tracker.get_slot("trade") else []


# Round 20 (r20c-01, r20c-07, r20c-19): "et donc je fais quoi ?", "concrètement je fais quoi demain matin", "je fais quoi
# en premier ?" got the reason of the pending question or "Un conseiller peut faire avec vous ce que je ne peux pas".
# A what-to-do that names no subject of its own asks for the first step of the guidance, said plainly.
_FIRST_STEP = re.compile(
    r"\b(?:je|j|on|nous)\b(?: \w+){0,2} (?:fais|fait|faire|dois faire|doit faire|commence|attaque)\b"
    r"(?: \w+){0,2} (?:quoi|koi|kwa|par quoi|comment)\b|\bpar (?:quoi|ou) (?:je |on )?commence\w*|"
    r"\bqu'? ?est[- ]ce (?:que|qu'il faut que|qu il faut que) je (?:dois faire|fais|fasse)\b|\b(?:que|quoi) faire\b(?: \w+){0,2} ?\?|"
    r"\bla premiere (?:chose|etape|demarche)\b|"
    # Round 22 (r22c-01, r22c-11): "c'est quoi le plus urgent ?", "par quoi commencer", "dans quel ordre ?".
    r"\b(?:c'? ?est quoi|quoi|qu'? ?est[- ]ce qui est|quel est|quelle est|quelle serait) (?:le|la) plus (?:urgent|urgente|presse|pressant|pressante|"
    r"important|importante)\b|\ble plus (?:urgent|presse|important)(?: \w+){0,3} ?\?|\bpar (?:quoi|ou) commencer\b|\bdans quel ordre\b|"
    r"\bqu'? ?est[- ]ce qui (?:presse|est urgent)\b|\b(?:quoi|qu'? ?est[- ]ce que je fais) (?:en premier|d'? ?abord)\b"
)


# Round 25 (s25c-01, -15, -16): "ce qui est le plus urgent", "je paie d'abord l'urssaf ou les salaires ?", "c'est quoi le
# plus urgent, le grossiste ou l'urssaf ?", "je paye qui en premier ?", "jcommence par koi" were never answered: an order
# asked between the matters said is the first-step question too, though it names them.
_PRIORITY_ASKED = re.compile(
    r"\bce qui est (?:le|la) plus (?:urgent|urgente|presse|pressant|important)\b|"
    r"\b(?:le plus urgent|le plus presse|en priorite)\b[^?.!]*\bou\b(?! pas\b)|"
    r"\b(?:paie|paye|payer|regle|regler|rembourse|rembourser|commence|traite)\w* (?:d'? ?abord|en premier|en priorite)\b"
    r"[^?.!]*\bou\b|"
    r"\b(?:je|j|on) ?(?:paie|paye|payer|rembourse|regle)\w* (?:qui|quoi|lequel|laquelle) (?:en premier|d'? ?abord|en priorite)\b|"
    r"\bj ?(?:commence|attaque) par (?:quoi|koi|kwa|ou)\b"
)


def asks_first_step(text: str | None) -> bool:
    """ "et donc je fais quoi ?": what to do first, no subject named (a subject named gets its own answer); an order
    asked between the matters said ("je paie d'abord l'urssaf ou les salaires ?") is asked first too."""
    folded = " ".join(re.sub(r"[^a-z0-9?' ]", " ", fold(text or "").replace("’", "'")).split())
    if not folded or folded.startswith("/"):
        return False
    if _PRIORITY_ASKED.search(folded):
        return True
    if not _FIRST_STEP.search(folded):
        return False
    from intake.service_questions import names_business_matter

    # "et pour l'urssaf je fais quoi ?" names its matter: that matter's own answer, never the first step of all.
    return not _subjects_and_stems(folded)[0] and not names_business_matter(folded)


_YES_OR_NO_FIRST = re.compile(r"(?:oui|ouais|ok|d'accord|volontiers|je veux bien|non|nan|pas besoin|ca ira)\b")


def says_yes_or_no_first(words: str | None) -> bool:
    """ "Non. Mais est-ce que ... ?": a yes or a no said first, the answer to the question pending."""
    return bool(_YES_OR_NO_FIRST.match(fold(words or "").strip()))


FIRST_STEP_INTRO = "Pour commencer, une seule chose :"
FIRST_STEP_AGAIN_INTRO = "Pour commencer, comme je vous l'indiquais :"


def first_step_text(tracker: Tracker) -> tuple[str, GuidanceEntry] | None:
    """The single most fitting first step for this conversation, said plainly, and its entry; the first one given
    when guidance was given already. None without a difficulty, or on the crisis path (its own steps wait)."""
    from dataclasses import replace

    from actions.conversation import situation
    from guidance import render_guidance
    from guidance.select import CHAMBER_ADVISORS, select_guidance
    from triage import Assessment

    assessment = Assessment.from_slots(tracker.slots)
    if assessment is None or not assessment.categories or tracker.get_slot("distress"):
        return None
    chamber = services.chamber()
    knowledge_base = list(services.knowledge_base())
    given = [entry.get("id") for entry in tracker.get_slot("guidance_given") or [] if isinstance(entry, dict)]
    by_id = {entry.id: entry for entry in knowledge_base}
    first_given = next((by_id[step] for step in given if step in by_id and step != CHAMBER_ADVISORS), None)
    if first_given is not None:
        shown = [by_id[step] for step in given if step in by_id and step != CHAMBER_ADVISORS]
        if len(shown) > 1:
            return in_order(shown, chamber, again=True)
        text = _after_colon(render_guidance([first_given], chamber)[0])
        return f"{FIRST_STEP_AGAIN_INTRO} {text}", first_given
    entries = [
        entry
        for entry in select_guidance(
            knowledge_base,
            replace(assessment, distress=False),
            chamber,
            situation(tracker.slots),
            limit=12,
            messages=_user_texts(tracker),
            today=services.chamber_today(),
        )
        if entry.id != CHAMBER_ADVISORS
    ]
    if not entries:
        return None
    if len(entries) > 1:
        return in_order(entries[:ORDERED_STEPS], chamber)
    return f"{FIRST_STEP_INTRO} {_after_colon(render_guidance([entries[0]], chamber)[0])}", entries[0]


# Round 22 (r22c-01, r22c-11): "c'est quoi le plus urgent ?", "je commence par quoi ?" got the next intake question or the
# steps with no order said. The steps (at most three), the most urgent first (the knowledge base's `priority`: an
# audience, a seizure, a claim's deadline before a payment plan), in one message of three sentences: the first, the
# others in their order, then how to begin the first and its page.
ORDERED_STEPS = 3
ORDER_INTRO = "Pour commencer, le plus pressé :"
ORDER_AGAIN_INTRO = "Pour commencer, comme je vous l'indiquais, le plus pressé :"


def in_order(entries: Sequence[GuidanceEntry], chamber: Chamber, again: bool = False) -> tuple[str, GuidanceEntry]:
    """ "Pour commencer, le plus pressé : A ; ensuite B, puis C. Pour cette première démarche : <how> En savoir plus : <link>",
    and the first entry."""
    from guidance.render import NBSP, after_caveat, entry_words

    first, *others = sorted(entries[:ORDERED_STEPS], key=lambda entry: entry.priority)
    condition = ""
    if first.caveat_shown and first.caveat:
        caveat = first.caveat.format(**entry_words(first, chamber)).rstrip(" ,")
        condition = f", {caveat[:1].lower()}{caveat[1:]}"
    how = after_caveat(first.how[0].format(**entry_words(first, chamber)))
    then = f" ; ensuite {', puis '.join(after_caveat(entry.name) for entry in others)}" if others else ""
    intro = ORDER_AGAIN_INTRO if again else ORDER_INTRO
    link = f" En savoir plus{NBSP}: {first.link}" if first.link else ""
    return f"{intro} {first.name}{then}. Pour cette première démarche{condition} : {how}{link}", first


def first_step_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """ "et donc je fais quoi ?" answered with the first step (recorded as given); None when the words ask no first
    step or no step fits (the caller answers as before)."""
    words = (tracker.latest_message or {}).get("text") or ""
    if not asks_first_step(words):
        return None
    if tracker.active_loop_name == "handoff_form" and _YES_OR_NO_FIRST.match(fold(words).strip()):
        return None  # "oui d'accord. et donc je fais quoi ?" at the consent: the answer first (the handoff's own paths)
    found = first_step_text(tracker)
    if found is None:
        return None
    text, entry = found
    dispatcher.utter_message(text=text)
    already = list(tracker.get_slot("guidance_given") or [])
    if any(isinstance(given, dict) and given.get("id") == entry.id for given in already):
        return []
    return [SlotSet("guidance_given", [*already, {"id": entry.id, "name": entry.name, "link": entry.link}])]
