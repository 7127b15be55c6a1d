"""The run-at-a-time normaliser gives exactly what the character-at-a-time definition gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgame.text.normalise import _CHAR_MAP, _ZERO_WIDTH, normalise


def reference(source: str, fold_case: bool = True) -> tuple[str, list[int]]:
    """The definition, one character at a time (quizgame's implementation before it was sped up)."""
    out: list[str] = []
    origin: list[int] = []
    pending = -1
    for i, ch in enumerate(source):
        if ch in _ZERO_WIDTH:
            continue
        if ch.isspace():
            if pending < 0:
                pending = i
            continue
        if pending >= 0:
            if out:
                out.append(" ")
                origin.append(pending)
            pending = -1
        mapped = _CHAR_MAP.get(ch, ch)
        if fold_case:
            mapped = mapped.lower()
        for piece in mapped:
            out.append(piece)
            origin.append(i)
    return "".join(out), origin


TRICKY = list(
    "ab AB\n\t\r\u00a0\u2003\u200b\u200c\ufeff\u00ad\u2026\u2019\u201c\u2014İßẞ.,-'\"\x1c\u2028"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=40), st.booleans())
def test_same_as_the_definition_on_tricky_text(text: str, fold_case: bool) -> None:
    got = normalise(text, fold_case=fold_case)
    want_text, want_origin = reference(text, fold_case)
    assert got.text == want_text
    assert list(got.origin) == want_origin
    assert [got.origin[i] for i in range(-len(want_origin), 0)] == want_origin


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_same_as_the_definition_on_any_text(text: str) -> None:
    got = normalise(text)
    assert (got.text, list(got.origin)) == reference(text)
