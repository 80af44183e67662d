"""Someone close writing "c'est mon mari qui a une lettre de l'urssaf" writes for him (round 36, make run: read as the
artisan writing, the husband's number went into the case "à la demande de l'artisan, qui a écrit lui-même")."""

import pytest

from actions.handoff import written_for


@pytest.mark.parametrize(
    "first, relative",
    [
        ("c'est mon mari qui a une contrainte de l'urssaf", "mari"),
        ("bonsoir, c'est ma mère qui a reçu un commandement de payer", "mere"),
        ("c'est mon fils qui doit 4000 euros aux impôts", "fils"),
        ("c'est ma femme qui tient le salon, la banque bloque tout", "femme"),
    ],
)
def test_a_business_trouble_said_to_be_a_relative_s_is_written_for_them(first, relative):
    assert (written_for([first]) or {}).get("relative") == relative


@pytest.mark.parametrize(
    "first",
    [
        "c'est ma femme qui a un cancer, moi je tiens la boucherie",  # her illness: the artisan writes
        "c'est ma femme qui gère les papiers de l'entreprise",  # who does the papers
        "c'est mon associé qui a vu la lettre de l'urssaf",  # "a vu": what he did, not what he has
        "j'ai mon atelier, c'est ma femme qui a la lettre de l'urssaf",  # the writer's own business said
    ],
)
def test_an_illness_a_task_or_the_writer_s_own_business_is_no_writing_for(first):
    assert written_for([first]) is None
