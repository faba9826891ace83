import copy
import json
import pickle

from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.sentences import Sentence


def test_a_sentence_is_its_english_text() -> None:
    sentence = Sentence("{job} is not running at {station}.", job="WO-1 operation 10", station="WS-01")
    assert sentence == "WO-1 operation 10 is not running at WS-01."
    assert isinstance(sentence, str)
    assert json.dumps({"error": sentence}) == '{"error": "WO-1 operation 10 is not running at WS-01."}'
    assert sentence.template == "{job} is not running at {station}."
    assert sentence.values == {"job": "WO-1 operation 10", "station": "WS-01"}


def test_sentences_nest_and_survive_copies_and_pickles() -> None:
    job = Sentence("{work_order} operation {operation} ({name})", work_order="WO-1", operation=10, name="Cut")
    outer = Sentence("{job} cannot start: {reason}", job=job, reason="Work order WO-1 is on hold.")
    for again in (copy.deepcopy(outer), pickle.loads(pickle.dumps(outer))):
        assert again == outer == "WO-1 operation 10 (Cut) cannot start: Work order WO-1 is on hold."
        assert isinstance(again.values["job"], Sentence)
        assert again.values["job"].template == job.template


def test_format_conversions_in_the_template_apply() -> None:
    assert Sentence("There is no label size {size!r}.", size="5x5") == "There is no label size '5x5'."


@given(st.text(), st.integers())
def test_any_values_give_the_same_text_as_format(text: str, number: int) -> None:
    template = "{text} / {number}"
    assert Sentence(template, text=text, number=number) == template.format(text=text, number=number)
