"""The benchmark's artisans word their messages their own way, yet walk the same conversation to a case."""

from actions.handoff import normalise_phone
from bench.load import RELAIS_SCRIPT, relais_script

# Turns whose words fill a slot or answer a yes/no question: they must stay the canonical answers.
SLOT_TURNS = (0, 2, 3, 4, 5, 6, 7, 9, 10, 11, 14, 15)


def test_every_artisan_answers_the_questions_the_script_answers():
    for index in range(200):
        script = relais_script(index)
        assert len(script) == len(RELAIS_SCRIPT)
        assert [script[i] for i in SLOT_TURNS] == [RELAIS_SCRIPT[i] for i in SLOT_TURNS]
        assert "urssaf" in script[1] and "cotisations" in script[1]
        assert normalise_phone(script[13]), script[13]  # a number the handoff form accepts


def test_artisans_write_new_messages_so_no_cache_serves_them():
    scripts = [relais_script(index) for index in range(200)]
    difficulties = {script[1] for script in scripts}
    phones = {script[13] for script in scripts}
    amounts = {script[8] for script in scripts}
    assert len(phones) == 200
    assert len(difficulties) > 100
    assert len(amounts) > 150
    assert relais_script(3) == relais_script(3)  # the same artisan, the same words: runs are repeatable
