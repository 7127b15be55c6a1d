"""Hypothesis strategies that break banks the way editing really does.

Shared by the quick property tests (tests/bank/test_fuzz_check.py) and the long run (bench/fuzz.py).
Every mutation here is one that must make `check` fail; `random_bytes` may or may not.
"""

from __future__ import annotations

from hypothesis import strategies as st

from tests.conftest import BUNDLED_BANK

BANK_LINES = BUNDLED_BANK.read_bytes().split(b"\n")


def _question_types() -> list[bytes]:
    """The `type:` of the question each line belongs to (b"" outside questions)."""
    out: list[bytes] = []
    current = b""
    for n, line in enumerate(BANK_LINES):
        if line.startswith(b"  - id:"):
            following = BANK_LINES[n + 1].strip() if n + 1 < len(BANK_LINES) else b""
            current = following.removeprefix(b"type:").strip()
        out.append(current)
    return out


_TYPES = _question_types()
# keys that a question of that type can do without (a cloze's prompt has a default)
_OPTIONAL = {b"cloze": (b"prompt: ",)}
# lines that hold a key a question cannot do without (deleting one must be an error)
REQUIRED_LINES = [
    i
    for i, line in enumerate(BANK_LINES)
    if line.strip().startswith((b"- id:", b"type:", b"explanation:", b"answer:", b"prompt: "))
    and line.startswith(b"    ")
    and not line.startswith(b"      ")
    and not line.strip().startswith(_OPTIONAL.get(_TYPES[i], ()))
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


# --- hostile shapes (issue 14): recursive aliases, special files, escapes in every field ----------

ARTICLE_LINE = next(i for i, line in enumerate(BANK_LINES) if line.startswith(b"article:"))
VALUE_LINES = [i for i in KEY_LINES if not BANK_LINES[i].rstrip().endswith(b":")]


@st.composite
def recursive_alias_bank(draw: st.DrawFn) -> bytes:
    """The bank with one value replaced by a list or mapping that contains an alias to itself,
    nested one to four levels deep (`&a [x, [*a]]`, `&a {k: {k: *a}}`): must be an error."""
    inner = b"*a"
    for _ in range(draw(st.integers(0, 3))):
        inner = draw(
            st.sampled_from([b"[" + inner + b"]", b"{k: " + inner + b"}", b"[x, " + inner + b"]"])
        )
    value = draw(st.sampled_from([b"&a [" + inner + b"]", b"&a {k: " + inner + b"}"]))
    lines = list(BANK_LINES)
    i = draw(st.sampled_from(VALUE_LINES))
    key = lines[i].split(b":")[0]
    lines[i] = key + b": " + value
    return _join(lines)


def special_article_bank(target: str) -> bytes:
    """The bank whose `article:` names `target` (a device, a pipe, a directory)."""
    lines = list(BANK_LINES)
    lines[ARTICLE_LINE] = b"article: " + target.encode()
    return _join(lines)


@st.composite
def hostile_field_bank(draw: st.DrawFn) -> bytes:
    """The bank with hostile text (terminal escapes, C1, bidi…) as one or more values or keys.

    JSON's string syntax is YAML's double-quoted syntax, so json.dumps writes the escapes."""
    import json

    from tests.data.hostile import HOSTILE

    lines = list(BANK_LINES)
    for i in sorted(
        set(draw(st.lists(st.sampled_from(VALUE_LINES), min_size=1, max_size=4))), reverse=True
    ):
        text = json.dumps(draw(st.sampled_from(sorted(HOSTILE.values())))[:200]).encode()
        key, _, _ = lines[i].partition(b":")
        if draw(st.booleans()):
            lines[i] = key + b": " + text
        else:
            lines[i] = key.replace(key.strip(), text) + b": 1"
    return _join(lines)
