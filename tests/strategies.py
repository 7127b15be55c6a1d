"""Hypothesis strategies that break banks the way editing really does.

Shared by the quick property tests (tests/bank/test_fuzz_check.py) and the long run (bench/fuzz.py).
Every mutation here is one that must make `check` fail; `random_bytes` may or may not.
"""

from __future__ import annotations

from hypothesis import strategies as st

from tests.conftest import BUNDLED_BANK

BANK_LINES = BUNDLED_BANK.read_bytes().split(b"\n")
# lines that hold a key a question cannot do without (deleting one must be an error)
REQUIRED_LINES = [
    i
    for i, line in enumerate(BANK_LINES)
    if line.strip().startswith((b"- id:", b"type:", b"explanation:", b"answer:", b"prompt: "))
    and line.startswith(b"    ")
    and not line.startswith(b"      ")
]
KEY_LINES = [
    i
    for i, line in enumerate(BANK_LINES)
    if b": " in line and not line.lstrip().startswith((b"#", b"- "))
]
INDENTED = [i for i, line in enumerate(BANK_LINES) if line.startswith(b"  ") and line.strip()]


def _join(lines: list[bytes]) -> bytes:
    return b"\n".join(lines)


@st.composite
def broken_bank(draw: st.DrawFn) -> bytes:
    """The bundled bank with one to three mutations, each of which must be reported as an error.

    Mutations hit distinct lines and are applied bottom-up, so an inserted line never shifts the
    index another mutation chose.
    """
    lines = list(BANK_LINES)
    chosen: dict[int, str] = {}
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(["delete", "duplicate", "tab", "retype", "bad-utf8", "nul", "unclosed"])
        )
        pool = {
            "delete": REQUIRED_LINES,
            "retype": REQUIRED_LINES,
            "duplicate": KEY_LINES,
            "unclosed": KEY_LINES,
            "tab": INDENTED,
        }.get(kind, list(range(len(lines))))
        chosen.setdefault(draw(st.sampled_from(pool)), kind)
    for i in sorted(chosen, reverse=True):
        kind = chosen[i]
        if kind == "delete":
            lines[i] = b"    # deleted"
        elif kind == "duplicate":
            lines.insert(i + 1, lines[i])
        elif kind == "tab":
            lines[i] = b"\t" + lines[i].lstrip(b" ")
        elif kind == "retype":
            key = lines[i].split(b":")[0]
            lines[i] = key + b": [" + draw(st.sampled_from([b"1, 2", b"{a: b}", b""])) + b"]"
        elif kind == "bad-utf8":
            lines[i] = lines[i] + draw(st.sampled_from([b"\xff", b"\xfe", b"\xc3(", b"\xe2\x80 "]))
        elif kind == "nul":
            lines[i] = lines[i] + b"\x00"
        else:
            lines[i] = lines[i].replace(b": ", b': "', 1)
    return _join(lines)


@st.composite
def random_bytes(draw: st.DrawFn) -> bytes:
    """The bank cut, spliced and sprinkled with arbitrary bytes: anything may happen but a crash."""
    raw = BUNDLED_BANK.read_bytes()
    cut = draw(st.integers(0, len(raw)))
    junk = draw(st.binary(max_size=64))
    where = draw(st.integers(0, cut))
    return raw[:where] + junk + raw[where:cut]


yaml_text = st.text(
    alphabet=st.sampled_from([*list("abc:- \n\t[]{}&*!|>'\"#%@`,?\\0123"), "é", "“", "\xa0"]),
    max_size=200,
)
