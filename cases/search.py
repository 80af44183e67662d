"""Finding cases by what an advisor types: words without accents, or a phone number however it is written."""

from __future__ import annotations

import re

from cases.models import Case
from cases.text import normalise_text


def _phone_forms(phone: str | None) -> list[str]:
    if not phone:
        return []
    forms = [phone, phone.lstrip("+")]
    if phone.startswith("+33"):
        forms += ["0" + phone[3:], phone[3:]]
    return forms


def refresh_search_text(case: Case) -> None:
    parts: list[str] = [case.reference, case.contact_name or "", case.email or "", case.summary or ""]
    parts += _phone_forms(case.phone)
    parts += [case.departement or "", case.callback_slot or "", " ".join(case.categories)]
    parts += [str(v) for v in case.situation.values()]
    parts += [" ".join(map(str, v)) for v in case.reasons.values()]
    parts += [str(e.get("text", "")) for e in case.transcript]
    parts += [n.body for n in case.notes]
    case.search_text = normalise_text(" \n".join(p for p in parts if p))


def like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_terms(query: str) -> list[str]:
    compact = re.sub(r"[\s.\-]", "", query)
    if re.fullmatch(r"\+?\d{6,}", compact):  # a phone number typed with spaces or dots
        return [compact.lstrip("+")]
    return [t for t in normalise_text(query).split() if t]
