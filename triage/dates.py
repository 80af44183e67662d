"""Find upcoming deadlines in normalised French text: "demain", "vendredi", "dans 10 jours", "le 3 décembre"."""

from __future__ import annotations

import calendar
import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta

from french import MONTHS_FOLDED, NUMBER_WORDS, WEEKDAYS

_NUMBERS = {**NUMBER_WORDS, "quelques": 3}
_WEEKDAYS = WEEKDAYS
_MONTHS = MONTHS_FOLDED
_NUMBER = r"(\d{1,3}|" + "|".join(_NUMBERS) + r")"
_UNIT_DAYS = {"jour": 1, "jours": 1, "semaine": 7, "semaines": 7, "mois": 30}
# A date mentioned as past or habitual is no deadline.
# Whole words only: "opposition possible sous quinze jours" ends "possible", not "le" (retired v24).
_PAST_BEFORE = re.compile(r"\b(?:depuis|il y a|ca fait|cela fait|tous les|chaque|le|les) $")
# Round 32 (retired v36, fixu): a day and month then its year said as gone ("le 15 décembre de l'an dernier", "au 30
# juin de l'année passée"): last year's day, a penalty's cause, no deadline to come.
_PAST_AFTER = re.compile(
    r"^ (?:dernier|derniere|passee?|de retard|(?:de |d )?l (?:an|annee) (?:dernier|derniere|passee?))\b"
)
# Said in the past tense ("c'était le 15 novembre", "l'échéance était lundi", "c'est passé le 30/11"): a date that
# may be a past one is that past one, never next year's nor next week's (round 14: stored as the coming deadline).
_PAST_TENSE_BEFORE = re.compile(
    r"\b(?:c etait|c etaient|etait|etaient|est passee?|sont passee?s|c est passe|tombait)\b"
    # A date moved ("était reportée au 3") is the new one, to come.
    r"(?: (?!report|repouss|decal|avance|remis|fixe)\w+){0,3} $"
)
# Round 26 (r26c-07): a day that should have been ("ils auraient dû être payés le 30", said on 6 December) has gone
# by: 30 November, an overdue payment, never 30 December.
_SHOULD_HAVE_BEEN_BEFORE = re.compile(r"\b(?:aurai(?:en)?t|aurais|aurions|auriez) (?:du|d)(?: \w+){1,3} $")
# A past-tense date at most this far back is that past date; further back it is next year's ("l'audience était
# prévue le 20 janvier", said in December, is the coming 20 January).
_PAST_TENSE_DAYS = 183
# Without the past tense, a date this recently past is an event that happened, not a deadline.
_RECENT_PAST_DAYS = 60

# "ce matin" is nearly always when something happened (a letter, a call, a visit: round 17, retired v23, b2-008); a date
# due only after words that look ahead ("l'huissier vient ce matin", "à payer avant ce matin midi").
_AHEAD_BEFORE = re.compile(
    r"\b(?:va|vont|vais|doit|doivent|dois|devra|passe|passera|passent|vient|viendra|viennent|arrive|arrivera|"
    r"prevue?s?|fixee?s?|pour|avant|d ici|jusqu a|a payer|a regler|a rendre|a verser|expire|expirent|tombe|tombent)"
    r"(?: \w+){0,4} $"
)
# Round 33 (retired v37, fixu): "aujourd'hui" right after a claim or a notice in the present ("l'URSSAF me réclame
# aujourd'hui 7 900 €", "ma banque me prévient aujourd'hui", "on découvre aujourd'hui des cotisations impayées") is when
# it is said, now, not the day it is due.
_TOLD_NOW_BEFORE = re.compile(
    r"\b(?:reclame|reclament|demande|demandent|previent|previennent|annonce|annoncent|ecrit|ecrivent|informe|"
    r"informent|signale|signalent|notifie|notifient|apprend|apprends|apprenons|decouvre|decouvrons|decouvrent)"
    r"(?: (?:encore|enfin|deja|aussi|meme))? $"
)
_RELATIVE = [
    (re.compile(r"\b(?:aujourd hui|ce soir|ce matin|cet apres midi|ce midi|immediatement|tout de suite)\b"), 0),
    (re.compile(r"\bapres demain\b"), 2),
    (re.compile(r"\b(?<!apres )demain\b"), 1),
    (re.compile(r"\bsous huitaine\b"), 8),
    (re.compile(r"\bsous quinzaine\b"), 15),
    # "d'ici une dizaine de jours", "sous une quinzaine" (development v16): about ten, about fifteen days ahead.
    (re.compile(r"\b(?:dans|d ici|sous) (?:une |la )?dizaine de jours\b"), 10),
    (re.compile(r"\b(?:dans|d ici|sous) (?:une |la )?(?:quinzaine|huitaine)(?: de jours)?\b"), 15),
]
# "dans les 15 jours", "sous les huit jours" (development v22, b1-105): the same span with its article. A span said as a
# range ("dans deux ou trois semaines", "d'ici 10 à 15 jours": round 35, make run, no deadline read) counts from its
# sooner end.
_RANGE_END = r"(?: (?:ou|a) | ?- ?| (?=\d))(?:\d{1,3}|" + "|".join(_NUMBERS) + r")"
_IN_N = re.compile(
    r"\b(?:dans|d ici|sous|en moins de|moins de|d ici a peine)(?: les)? "
    + _NUMBER
    + rf"(?:{_RANGE_END})? (jours?|semaines?|mois)\b"
)
_HAVE_N = re.compile(
    r"\b(?:j ai|on m a donne|m a donne|m ont donne|me donne|me donnent|me laisse|me laissent|il me reste|"
    # "on m'a laissé quinze jours", "ils nous ont accordé dix jours" (round 33, fixu): the delay given, said as done.
    r"(?:m|nous) (?:a|ont) (?:laisse|accorde|octroye)|(?:m|nous) accordent?|nous laissent?|"
    r"me reste|plus que|delai de|encore|seulement|que|a peine) " + _NUMBER + r" (jours?|semaines?)\b"
)
# Round 36 (make run): "elle a 15 jours je crois, c'est marqué sur le papier" (a wife, of her contrainte) and "le courrier
# parlait de 15 jours" were no deadline, where "j'ai 15 jours" was one: the delay someone else has, or the one a letter
# names. Never days of something ("il a 15 jours d'arrêt", "on a 15 jours de congés").
_OTHERS_HAVE_N = re.compile(
    r"\b(?:(?:il|elle|on|ils|elles) (?:a|ont)|vous avez|nous avons|tu as|t as|"
    # What a letter names, not how long a body says it takes ("l'expert compte deux semaines avant sa visite").
    r"(?:courrier|lettre|papier|recommande|document|avis|jugement|commandement|contrainte|mise en demeure|acte|mail)"
    r"(?: \w+){0,2} (?:parle|parlait|mentionne|mentionnait|indique|indiquait|precise|precisait|dit|disait) (?:de|d))"
    r"(?: (?:encore|plus que|seulement|que|a peine))? " + _NUMBER + r" (jours?|semaines?)\b(?! (?:de|d) (?!delai))"
)
# A notice given in months ("il me donne deux mois", "un préavis de 3 mois": development v22, b2-042): far off.
_GIVEN_MONTHS = re.compile(
    r"\b(?:on m a donne|m a donne|m ont donne|me donne|me donnent|me laisse|me laissent|nous donne|nous donnent|"
    r"nous laisse|nous laissent|preavis de) " + _NUMBER + r" (mois)\b"
    # Not what is given in months' worth ("ils me donnent 3 mois de loyer d'avance": a sum, no delay).
    r"(?! (?:de|d) (?:loyer|loyers|salaire|salaires|avance|tresorerie|stock|travail|conges|chiffre)\b)(?! d avance\b)"
)
# A notice counted in days or weeks ("préavis de 60 jours", "avec 60 jours de préavis": round 21, retired v27): the date it
# ends, far off when it is long.
_NOTICE = re.compile(
    r"\bpreavis (?:de |d )" + _NUMBER + r" (jours?|semaines?)\b|\b" + _NUMBER + r" (jours?|semaines?) de preavis\b"
)
# Damage done, as a past participle ("a arraché", "a soulevé", "s'est effondré"): read on both sides of a weekday.
# Round 33 (retired v37, fixu): the day before its damage ("la tempête de jeudi a soulevé la tôle", "le coup de mistral de
# jeudi a arraché le store") is the day it struck, as the day after it already was (round 29).
_DAMAGE_DONE = (
    r"arrache|arrachee|emporte|emportee|detruit|detruite|endommage|endommagee|ravage|ravagee|devaste|devastee|noye|"
    r"noyee|souffle|soufflee|effondre|effondree|ecroule|ecroulee|envole|envolee|pete|petee|fendu|fendue|fissure|"
    r"souleve|soulevee|renverse|renversee|defonce|defoncee|abime|abimee|casse|cassee|inonde|inondee"
)
# A weekday told with what happened on it ("lundi le chantier a démarré", "mardi l'huissier est passé": development v22,
# b1-122): the last such day, not the next one. An auxiliary, then a past participle of an event, a few words on.
_TOLD_PAST_AFTER = re.compile(
    r"^(?: (?!(?:et|mais|puis|donc)\b)\w+){0,5}? (?:a|ont|est|sont|ai|avons|m a|m ont|nous a|nous ont|j ai|on a)"
    r"(?: (?:deja|bien|enfin|encore|tout|pas|jamais|meme))?(?: ete)? (?:demarre|commence|debute|ouvert|ferme|arrive|"
    r"arrivee|arrives|passe|passee|passes|venu|venue|venus|eu lieu|eu|recu|recue|appele|dit|envoye|ecrit|bloque|coupe|coupee|"
    r"saisi|saisie|pris|vole|casse|cassee|brule|inonde|inondee|installe|installes|pose|poses|lance|annonce|"
    r"prevenu|prevenus|rejete|refuse|signe|tombe|tombee|debarque|debarques|termine|fini|licencie|parti|partie|"
    r"explose|cambriole|cambrioles|cambriolee|cambriolees|inondes|inondees|fracture|fait|" + _DAMAGE_DONE + r")\b"
)
# The same day told after the event, a few words on ("il s'est coupé à la main avec la scie lundi", "ils ont coupé le
# courant deux fois cette semaine": round 17, retired v23, b1-049, b2-066): a past-tense verb earlier in the clause,
# nothing between that looks ahead ("pour", "avant", "qu'il", "doit") nor a comma.
_TOLD_PAST_BEFORE = re.compile(
    r"\b(?:a|ont|est|sont|ai|avons|m a|m ont|nous a|nous ont|s est|se sont|me suis|t a|l a|l ont)"
    # Round 24 (retired v30, urgency): the passive too ("le garage a été cambriolé pendant la coupure de lundi").
    # Round 36 (retired v40, fixu): or made to undergo it ("mon frère s'est fait écraser la main mardi", "on s'est fait voler
    # le camion jeudi"): the day it happened.
    r"(?: (?:deja|bien|encore|tout|meme|aussi))?(?: ete)? (?:fait (?:ecraser|renverser|percuter|faucher|mordre|voler|"
    r"cambrioler|agresser|braquer|arracher|casser|defoncer|bloquer|saisir|licencier|virer|piquer|embarquer)|demarre|"
    r"commence|debute|ouvert|ferme|arrive|arrivee|passe|passee|"
    r"venu|venue|venus|eu lieu|eu|recu|recue|appele|envoye|ecrit|coupe|coupee|coupes|pris|vole|vide|casse|cassee|brule|"
    r"inonde|inondee|rejete|refuse|tombe|tombee|debarque|termine|fini|licencie|parti|partie|explose|cambriole|"
    # Round 34 (retired v38, fixu): agreeing with "on" or "nous" ("nous avons été cambriolés jeudi soir").
    r"cambrioles|cambriolee|cambriolees|inondes|inondees|sinistres|evacues|"
    r"fracture|blesse|blessee|brise|brisee|abime|abimee|perdu|renverse|percute|embouti|crame|depose|deposee|prononce|prononcee|"
    r"signifie|signifiee|notifie|notifiee|"
    # "l'URSSAF a bloqué mon compte pro mardi" (round 19, r19z-06: read as next Tuesday, the wages due "le 10" missed).
    r"bloque|bloquee|bloques|annule|annulee|suspendu|suspendue|resilie|resiliee|relance|relancee|decede|decedee|"
    # Round 29 (retired v33, b1-118): damage told with its day ("un coup de vent a arraché la toiture samedi").
    + _DAMAGE_DONE
    + r"|"
    # Round 31 (retired v35, b2-038): an accident told with its day ("la jument l'a mordu lundi",
    # "il a glissé du toit jeudi"): the day it happened, not a date due.
    r"decoche|mordu|mordue|heurte|heurtee|glisse|glissee|chute|fauche|fauchee|coince|coincee|ecrase|ecrasee|accroche|"
    r"accrochee|bouscule|bousculee|tordu|tordue|foule|foulee|luxe|luxee|opere|operee|hospitalise|hospitalisee)\b"
    r"(?: (?!(?:pour|avant|d|jusqu|prevue?s?|fixee?s?|doit|dois|doivent|devra|va|vont|faut|faudra|qu|que|quand|sinon|"
    r"et|mais|puis|donc|prochaine?|payer|regler|verser|rembourser|rendre|quitter|reporte|reportee|repousse|avance|"
    # A creditor coming to take back ("m'a envoyé un courrier : ils viennent récupérer la machine lundi", retired v24).
    r"viennent|vient|viendra|viendront|passent|recuperer|reprendre|chercher|saisir|"
    # The visit made, then its return ("l'huissier est venu hier, il repasse mercredi": round 20, r20b-05).
    r"repasse|repassent|repassera|revient|reviennent|reviendra|reviendront)\b)\w+){0,10} $"
)
# Round 28 (retired v32, b1-039): a weekday followed by what it was ("samedi c'était ma dernière fournée avant la
# fermeture", "lundi il y a eu la visite"): a day gone by, told in the imperfect, not a day to come.
_WAS_AFTER = re.compile(
    r"^ (?:c etait|c etaient|ce fut|ca a ete|etait|etaient|j etais|on etait|nous etions|il y avait|il y a eu|y a eu)\b"
)
# A weekday right after a bare past participle of what came ("une mise en demeure reçue lundi", "la lettre arrivée
# mardi", "le commandement signifié vendredi": round 22, retired v28, urgency helper): the day it came, not a date due.
# Only participles that cannot be a present tense ("reçu", "arrivée", not "tombe", "arrive", "dépose").
_RECEIVED_BEFORE = re.compile(
    # Round 30 (retired v34, b1-021): not "tombe" nor "dépose", which are also the present ("le loyer tombe lundi", "il
    # dépose le dossier mardi"): a day to come.
    r"\b(?:recue?s?|arrivee|arrivees|arrives|envoyee?s?|expediee?s?|postee?s?|notifiee?s?|signifiee?s?|deposees?|deposes|"
    r"tombees?|tombes|delivree?s?|remise?|remises|datee?s? (?:de|du))"
    # Round 36 (retired v40, fixu): with who sent it between ("une requête déposée par mon avocat jeudi", "la lettre
    # envoyée par l'URSSAF lundi").
    r"(?: par (?:mon|ma|mes|notre|nos|le|la|les|l|un|une|son|sa|leur)(?: \w+){1,3}?)? (?:ce |le )?$"
)
# Round 35 (retired v39, fixu): a weekday right after the event it dates ("cambriolage dimanche soir", "l'incendie de
# mardi", "accident mercredi matin"): the day it struck, not a date due.
_EVENT_BEFORE = re.compile(
    r"\b(?:cambriolage|effraction|braquage|vol|incendie|inondation|degat des eaux|degats des eaux|orage|tempete|grele|"
    r"crue|explosion|accident|agression|chute|malaise|avc|infarctus)(?: (?:de|du|d))?(?: ce)? $"
)
# The same day told before a comma, then the event in the past tense ("en allant sur un chantier mercredi, un tracteur
# m'a coupé la route"): only when nothing before the day in its clause looks ahead ("je dois payer vendredi, ils m'ont
# relancé" keeps Friday a date due).
_AHEAD_IN_CLAUSE = re.compile(
    r"\b(?:doi[st]|doivent|devons|devra|faut|faudra|payer|regler|verser|rembourser|rendre|quitter|avant|pour|d ici|"
    r"jusqu|prevue?s?|fixee?s?|va|vont|vais|vient|viennent|viendra|passe|passent|passera|limite|echeance|audience|"
    r"convoque\w*|sinon|si)\b"
)
# A weekday that heads the letter it brought ("lundi, mise en demeure de l'URSSAF", round 17, retired v23, b2-058): the
# day it came, not a date due.
_TOLD_LETTER_AFTER = re.compile(
    r"^(?: ,)? (?:une |la |un |le |l )?(?:mise en demeure|relance|lettre|courrier|recommande|mail|notification|rappel)\b"
    r"(?! (?:pour|avant|a payer|a regler)\b)"
)


def _told_past_before(text: str, start: int) -> bool:
    """A past-tense verb a few words before ``start`` in the same stretch tells when the event happened."""
    return bool(_TOLD_PAST_BEFORE.search(text[max(0, start - 90) : start]))


# Round 30 (retired v34, b1-028): a weekday after "du" names the kind of day ("les clients du samedi ont disparu", "le
# marché du mardi"), never a date; not "à partir du", "jusqu'au" (a day to come).
_HABITUAL_DAY_BEFORE = re.compile(r"(?<!partir )(?<!compter )\bdu $")
_WEEKDAY = re.compile(
    r"\b(?:ce |cette |d ici |avant |jusqu a |pour |des |le )?(" + "|".join(_WEEKDAYS) + r")( prochain)?\b"
)
# The day's number after a weekday ("jeudi 26 novembre", "samedi 26"), not a time, a count or a sum ("lundi 14 heures").
_DAY_NUMBER_AFTER = re.compile(
    r" (\d{1,2}|1er|premier)\b(?! (?:h|heures?|jours?|semaines?|mois|ans?|euros?|e|fois|minutes?|min)\b)"
    # Round 33 (retired v37, fixu): nor the first digits of a sum written in groups ("paie de vendredi : 29 000").
    r"(?! \d{3}\b)"
    r"(?: (" + "|".join(_MONTHS) + r"))?"
)
# The day a delay is counted from ("un mois à compter du jeudi 26 novembre", the deadline slot's own words, round 27):
# where the delay starts, never the date due.
_COUNTED_FROM_BEFORE = re.compile(r"\ba compter (?:du|de|d)(?: (?:" + "|".join(_WEEKDAYS) + r"))? $")
_DAY_MONTH = re.compile(r"\b(?:le )?(\d{1,2}|1er|premier) (" + "|".join(_MONTHS) + r")(?: (\d{4}))?\b")
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b")
_YESTERDAY = re.compile(r"\b(avant )?hier\b")
# A part of a month ("mi janvier", "fin janvier", "début février", "courant mars", "fin du mois de janvier"; round 14:
# not understood, the question asked again). Read as a day: mid = the 15th, end = the last day, courant = the 15th,
# start = the 1st (the soonest the date can be: a deadline read early is met, one read late is missed).
_MONTH_PART = re.compile(
    r"\b(mi|fin|debut|courant)(?: (?:du|de) mois)?(?: de| d)? (" + "|".join(_MONTHS) + r")(?: (\d{4}))?\b"
)
_SINCE_BEFORE = re.compile(r"\b(?:depuis|ca fait|cela fait)(?: la| le| l)? $")
# The part of the month still running on a day of that month ("début décembre" said on the 5th is now).
_PART_LAST_DAY = {"debut": 10, "mi": 20, "courant": 31, "fin": 31}  # "courant" and "fin": the whole month
# "dans le 13", "du côté du 62" name a département, never the 13th of the month.
_DAY_OF_MONTH = re.compile(
    r"\b(?<!dans )(?<!vers )(?<!cote )(?<!pres )(?:avant le|le|au plus tard le|jusqu au|d ici le|pour le"
    # A date set or moved "au 12", a limit "du 19" (round 19, retired v25: "audience renvoyée au 9", "l'échéance du 20").
    r"|(?:fixee?s?|prevue?s?|programmee?s?|reportee?s?|renvoyee?s?|repoussee?s?|decalee?s?|avancee?s?) au"
    r"|(?:date limite|echeance|limite|prelevement|audience|convocation)(?: \w+)? du) (\d{1,2}|1er)\b(?!/\d)"
    # "le 9-3", "le 9 3": a département said digit by digit (Seine-Saint-Denis), never the 9th (round 25, s25b-02).
    r"(?!(?<=\b\d)[ -]\d\b)(?! (?:" + "|".join(_MONTHS) + r"|jours?|semaines?|mois|ans?|trimestres?|fois|euros?|%))"
)
_NEXT_MONTH_AFTER = re.compile(r" (?:du|de) mois (?:prochain|suivant|d apres)\b")
_WEEK = [
    (
        re.compile(r"\b(?:cette semaine|fin de (?:la )?semaine|ce week end|ce weekend|d ici la fin de la semaine)\b"),
        "end_of_week",
    ),
    (re.compile(r"\b(?:la semaine prochaine|semaine prochaine|debut de semaine prochaine)\b"), "next_week"),
    (
        re.compile(
            r"\b(?<!chaque )(?<!toutes les )(?<!les )(?:a la |en |pour la |d ici la |avant la )?fin (?:du|de) mois\b(?! (?:difficiles?|compliquees?|tendues?)|(?: de| d) (?:"
            + "|".join(_MONTHS)
            + r"))"
        ),
        "end_of_month",
    ),
    (re.compile(r"\b(?:debut du mois prochain|le mois prochain|mois prochain)\b"), "next_month"),
]


@dataclass(frozen=True)
class Deadline:
    days: int  # from today; 0 = today
    when: date
    start: int  # span in the normalised text
    end: int


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBERS[token]


def _is_past(text: str, start: int, end: int) -> bool:
    return bool(_PAST_BEFORE.search(text[max(0, start - 12) : start]) or _PAST_AFTER.match(text[end : end + 24]))


def _past_tense(text: str, start: int) -> bool:
    """The words before ``start`` in its clause say it in the past tense ("c etait le 15 novembre")."""
    before = text[max(0, start - 40) : start]
    return bool(_PAST_TENSE_BEFORE.search(before) or _SHOULD_HAVE_BEEN_BEFORE.search(before))


def _dated(day: int, month: int, year: int | None, today: date, past_tense: bool = False) -> date | None:
    """The date a day and a month name: this year's; a past one is that past date when it is recent (or said in the
    past tense, up to six months back), else next year's. None for a day that does not exist."""
    try:
        if year is not None:
            return date(year if year > 100 else 2000 + year, month, day)
        candidate = date(today.year, month, day)
    except ValueError:
        return None
    if candidate < today:
        back = (today - candidate).days
        if back <= _RECENT_PAST_DAYS or (past_tense and back <= _PAST_TENSE_DAYS):
            return candidate  # an event that happened, or a payment now overdue: no deadline to come
        try:
            candidate = date(today.year + 1, month, day)
        except ValueError:
            return None
    return candidate


def _month_part(part: str, month: int, year: int | None, today: date, past_tense: bool) -> date | None:
    """ "mi janvier" -> the 15th, "fin janvier" -> the 31st, "début février" -> the 1st, "courant mars" -> the 15th;
    a part of the current month still running ends the last day of that part ("début décembre" said on 5 December
    is by the 10th: neither a past date nor "aujourd'hui")."""
    year_ = today.year if year is None else (year if year > 100 else 2000 + year)
    last = calendar.monthrange(year_, month)[1]
    day = {"mi": 15, "courant": 15, "debut": 1}.get(part) or last
    if year_ == today.year and month == today.month and day < today.day <= _PART_LAST_DAY[part]:
        return date(year_, month, min(_PART_LAST_DAY[part], last))
    return _dated(day, month, year, today, past_tense)


def _numbered_weekday(day: int, weekday: int, today: date) -> date | None:
    """ "jeudi 26" without its month: the coming 26th that is a Thursday (this month's or next month's), else one of
    the last two weeks ("reçue jeudi 26"); none such (a slip in the weekday), this month's 26th when still to come,
    else next month's: a date read early is met. None for no such day."""
    months = [(today.year - (today.month == 1), (today.month - 2) % 12 + 1), (today.year, today.month)]
    months.append((today.year + (today.month == 12), today.month % 12 + 1))
    # a weekday then a nil sum ("carte refusée samedi, 0 € pour le plein"; retired v12, d-132): day 0 raised ValueError, and the deadline
    # question's reader with it; like "lundi, 50 centimètres d'eau", no day: no date.
    candidates = [date(year, month, day) for year, month in months if 1 <= day <= calendar.monthrange(year, month)[1]]
    fitting = [when for when in candidates if when.weekday() == weekday and (when - today).days >= -_WEEKDAY_SLIP_DAYS]
    if fitting:
        return min(fitting, key=lambda when: abs((when - today).days))
    ahead = [when for when in candidates if when >= today]
    return ahead[0] if ahead else None


# How far back a weekday with its day's number ("jeudi 26") may be a past one; further back, the weekday is a slip.
_WEEKDAY_SLIP_DAYS = 14


def _all_dates(text: str, today: date) -> list[Deadline]:
    """Every date the normalised text names, past ones included (``days`` below 0)."""
    found: list[Deadline] = []

    def add(when: date | None, match: re.Match[str]) -> None:
        if when is not None and not _COUNTED_FROM_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            found.append(Deadline((when - today).days, when, match.start(), match.end()))

    for pattern, days in _RELATIVE:
        for match in pattern.finditer(text):
            if match.group(0) == "ce matin" and not _AHEAD_BEFORE.search(
                text[max(0, match.start() - 60) : match.start()]
            ):
                continue  # "relance du SIE ce matin", "reçu ce matin": when it came, not a date due
            if match.group(0) == "aujourd hui" and _TOLD_NOW_BEFORE.search(
                text[max(0, match.start() - 30) : match.start()]
            ):
                continue
            add(today + timedelta(days=days), match)
    for match in _YESTERDAY.finditer(text):
        if _past_tense(text, match.start()):
            # "c'était hier": only in the past tense ("hier j'ai reçu ..." tells when a letter came, not a date due).
            add(today - timedelta(days=2 if match.group(1) else 1), match)
    for pattern in (_IN_N, _HAVE_N, _OTHERS_HAVE_N, _GIVEN_MONTHS):
        for match in pattern.finditer(text):
            if not _is_past(text, match.start(), match.end()):
                add(today + timedelta(days=_number(match.group(1)) * _UNIT_DAYS[match.group(2)]), match)
    for match in _NOTICE.finditer(text):
        count, unit = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        add(today + timedelta(days=_number(count) * _UNIT_DAYS[unit]), match)
    for match in _WEEKDAY.finditer(text):
        weekday = _WEEKDAYS.index(match.group(1))
        numbered = _DAY_NUMBER_AFTER.match(text, match.end())
        if numbered and not match.group(2):
            # "à compter du jeudi 26 novembre", "avant le samedi 26" (round 27, r27-a-11): the weekday names the day
            # of the number after it, never the next such weekday ("dans 4 jours" for a date 20 days away).
            if not numbered.group(2):  # with its month, _DAY_MONTH below reads it
                day = 1 if numbered.group(1) in ("1er", "premier") else int(numbered.group(1))
                add(_numbered_weekday(day, weekday, today), match)
            continue
        said_past = bool(_PAST_AFTER.match(text[match.end() : match.end() + 24])) or (
            not match.group(2)
            and (
                _past_tense(text, match.start())
                or (
                    match.group(0) == match.group(1)
                    and (
                        bool(_TOLD_PAST_AFTER.match(text[match.end() : match.end() + 60]))
                        or bool(_EVENT_BEFORE.search(text[max(0, match.start() - 40) : match.start()]))
                        or (
                            bool(re.match(r"^(?: (?:matin|soir|midi|apres midi|dans la nuit))? ,", text[match.end() :]))
                            and bool(
                                _TOLD_PAST_AFTER.match(
                                    re.sub(r"^(?: \w+){0,3}? ,", "", text[match.end() : match.end() + 80])
                                )
                            )
                            and not _AHEAD_IN_CLAUSE.search(text[max(0, match.start() - 60) : match.start()])
                        )
                        or bool(_TOLD_LETTER_AFTER.match(text[match.end() : match.end() + 40]))
                        or bool(_WAS_AFTER.match(text[match.end() : match.end() + 30]))
                        or _told_past_before(text, match.start())
                    )
                )
                or bool(_RECEIVED_BEFORE.search(text[max(0, match.start() - 60) : match.start()]))
            )
        )
        if said_past:
            # "lundi dernier", "l'échéance était lundi": the last such day before today.
            add(today - timedelta(days=(today.weekday() - weekday) % 7 or 7), match)
            continue
        if _is_past(text, match.start(1), match.end()) and not match.group(0).startswith(
            ("ce ", "avant ", "pour ", "d ici ")
        ):
            continue
        if match.group(0) == match.group(1) and _HABITUAL_DAY_BEFORE.search(
            text[max(0, match.start() - 20) : match.start()]
        ):
            continue  # "les clients du samedi", "le marché du mardi": a day of the week, no date
        ahead = (weekday - today.weekday()) % 7 or 7
        add(today + timedelta(days=ahead), match)
    for match in _DAY_MONTH.finditer(text):
        day = 1 if match.group(1) in ("1er", "premier") else int(match.group(1))
        year = int(match.group(3)) if match.group(3) else None
        month = _MONTHS.index(match.group(2)) + 1
        if year is None and _PAST_AFTER.match(text[match.end() : match.end() + 24]):
            # "le 15 décembre dernier", "au 15 décembre de l'an dernier" said on 5 December: last year's 15th.
            gone = re.match(r"^ (?:de |d )?l (?:an|annee)\b", text[match.end() : match.end() + 24])
            year = today.year - 1 if gone or (month, day) >= (today.month, today.day) else today.year
            with suppress(ValueError):
                add(date(year, month, day), match)
            continue
        add(_dated(day, month, year, today, _past_tense(text, match.start())), match)
    for match in _MONTH_PART.finditer(text):
        if _is_past(text, match.start(), match.end()) or _SINCE_BEFORE.search(text[: match.start()]):
            continue  # "fin janvier dernier", "depuis la mi janvier": when something happened or began
        year = int(match.group(3)) if match.group(3) else None
        month = _MONTHS.index(match.group(2)) + 1
        add(_month_part(match.group(1), month, year, today, _past_tense(text, match.start())), match)
    for match in _NUMERIC.finditer(text):
        year = int(match.group(3)) if match.group(3) else None
        if 1 <= int(match.group(2)) <= 12:
            add(_dated(int(match.group(1)), int(match.group(2)), year, today, _past_tense(text, match.start())), match)
    for match in _DAY_OF_MONTH.finditer(text):
        day = 1 if match.group(1) == "1er" else int(match.group(1))
        if not 1 <= day <= 31:
            continue
        month, year = today.month, today.year
        # "avant le 5 du mois prochain" (retired v29): next month's day, even one still ahead this month.
        if _NEXT_MONTH_AFTER.match(text[match.end() : match.end() + 30]):
            month, year = (1, year + 1) if month == 12 else (month + 1, year)
        elif day > today.day and _SHOULD_HAVE_BEEN_BEFORE.search(text[max(0, match.start() - 40) : match.start()]):
            # "ils auraient dû être payés le 30" said on the 6th: last month's 30th.
            month, year = (12, year - 1) if month == 1 else (month - 1, year)
            add(date(year, month, min(day, calendar.monthrange(year, month)[1])), match)
            continue
        elif " du " in match.group(0) and _TOLD_PAST_AFTER.match(text[match.end() : match.end() + 60]):
            # Round 35 (retired v39, fixu): the debit or the instalment of a day, then what befell it ("le prélèvement
            # URSSAF du 5 a été rejeté", said on the 5th): that day gone by, no date due.
            if day >= today.day:
                month, year = (12, year - 1) if month == 1 else (month - 1, year)
            add(date(year, month, min(day, calendar.monthrange(year, month)[1])), match)
            continue
        elif match.group(0).startswith("le ") and _told_past_before(text, match.start()):
            # Round 34 (retired v38, fixu): the day told with what happened on it ("le pont est parti avec la crue le
            # 14", "le mur s'est effondré le 20", said on the 5th): that day gone by, no date due.
            if day > today.day:
                month, year = (12, year - 1) if month == 1 else (month - 1, year)
            add(date(year, month, min(day, calendar.monthrange(year, month)[1])), match)
            continue
        elif day < today.day:
            if _past_tense(text, match.start()):
                add(date(year, month, day), match)  # "c'était le 3", said on the 5th: two days ago
                continue
            month, year = (1, year + 1) if month == 12 else (month + 1, year)
        add(date(year, month, min(day, calendar.monthrange(year, month)[1])), match)
    for pattern, kind in _WEEK:
        for match in pattern.finditer(text):
            if (
                kind == "end_of_week"
                and match.group(0) in ("cette semaine", "ce week end", "ce weekend")
                and _told_past_before(text, match.start())
            ):
                continue  # "ils ont coupé le courant deux fois cette semaine": when it happened
            if kind == "end_of_week":
                when = today + timedelta(days=max(4 - today.weekday(), 0))
            elif kind == "next_week":
                when = today + timedelta(days=7 - today.weekday() + 4)  # Friday of next week
            elif kind == "end_of_month":
                when = date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
            else:
                when = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
            add(when, match)
    return found


def find_deadlines(text: str, today: date) -> list[Deadline]:
    """Every future date the normalised text mentions, with its distance from `today` in days."""
    return [found for found in _all_dates(text, today) if found.days >= 0]


# No date to meet, said in so many words ("pas de date pour l'instant", "la banque ils m'ont pas dit de date", "aucune
# échéance", "toujours pas de date"): round 26, the learned urgency model read "la banque ... dit ... date" as haute.
# Not a payment plan refused ("pas de délai de paiement", "pas accordé de délai"), nor a callback's time.
_NO_DATE = re.compile(
    r"\b(?:pas|aucune?|jamais eu|sans)(?: (?:encore|vraiment|eu|dit|dite|donne|fixe|precise|communique|indique|annonce|"
    r"recu|parle|mis))?(?: (?:de|d|la|une|des))? (?:dates?|echeances?|date limite|delai|jour precis)\b"
    r"(?! (?:pour (?:le|la|l|mon|ma|un|une) (?:rappel|appel)|de (?:rappel|paiement)))"
)


def says_no_date(text: str) -> bool:
    """Whether the normalised words say there is no date to meet ("pas de date pour l instant", "ils m ont pas dit de
    date"): the one reader of the deadline question's "no date" (intake.facts.says_no_date) and of the urgency model's
    haute, which such words never give (triage.engine)."""
    return bool(_NO_DATE.search(text))


def find_past_dates(text: str, today: date) -> list[Deadline]:
    """The past dates the normalised text names as such ("c etait le 15 novembre", "lundi dernier", "le 30/11" said on
    5 December; ``days`` below 0): a payment now overdue, or something that happened, never a deadline to come."""
    return [found for found in _all_dates(text, today) if found.days < 0]


_MONTH_NAME = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")


def names_far_month(text: str, today: date, days: int) -> bool:
    """The normalised text names a month that starts more than `days` from `today` ("audience en mars", "renvoyé à
    février"; a month already begun counts as now). Past months count as next year's: far too. The learned urgency
    model does not raise haute on such a clause: the date says more than its words."""
    for match in _MONTH_NAME.finditer(text):
        month = _MONTHS.index(match.group(1)) + 1
        if month == today.month:
            continue
        year = today.year + (month < today.month)
        if (date(year, month, 1) - today).days > days:
            return True
    return False
