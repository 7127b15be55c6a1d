"""Banks kept ready to play: the checked bank, its article's passages and resolved evidence, as JSON.

Loading a bank for play means reading YAML, composing nodes, parsing the article and locating every
evidence quote — most of quizgame's own start-up time. A bank that loaded without errors is
therefore stored in the user cache folder, keyed by its path and exact bytes (and by quizgame's,
Python's and pydantic's versions); the next game of the same bank reads it back quickly, after
checking that the article's bytes are unchanged too. Any change to either file is a miss, and the
bank is loaded (and checked) again.

The entry is data, never code: the bank as pydantic's JSON (every value's type checked against the
models' fields when read back), and the article's passages, sentences and evidence spans as plain
JSON numbers and strings, checked against the article text before use. A corrupt, foreign or hostile entry is
therefore at worst a miss. The cache folder must also be the user's own and private (owner = the
current user, no access for group or others), whether quizgame created it or found it; otherwise
the cache is not used at all. `QUIZGAME_CACHE_DIR` moves the folder, and `QUIZGAME_NO_CACHE=1`
turns the cache off. `quizgame check` never reads it.
"""

from __future__ import annotations

import enum
import hashlib
import json
import os
import stat
import sys
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from quizgame import __version__
from quizgame.article.evidence import ResolvedEvidence
from quizgame.article.passages import (
    MAX_ARTICLE_BYTES,
    Article,
    Kind,
    Passage,
    Sentence,
    decode_article,
)
from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import QUESTION_TYPES, Bank
from quizgame.text.atomic import write_atomic
from quizgame.text.reading import read_limited

FORMAT = 3  # bump whenever the bank models or the entry layout change
SUFFIX = ".json"
MAX_ENTRY_BYTES = 64_000_000  # far above any real entry (a 10 MB bank, a 5 MB article's passages)
MAX_BANK_BYTES = 10_000_000  # the bank file's own limit (quizgame.bank.yamlnodes, not imported)


class _Bad(Exception):
    """The entry is not what quizgame writes: treated as a miss."""


def cache_dir() -> Path:
    configured = os.environ.get("QUIZGAME_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("quizgame", appauthor=False)) / "banks"


def enabled() -> bool:
    return os.environ.get("QUIZGAME_NO_CACHE", "") in ("", "0")


def private_folder(folder: Path) -> bool:
    """True when `folder` is a real directory owned by this user with no group or other access.

    Checked every time, not only when quizgame creates the folder: an existing folder (a shared
    `QUIZGAME_CACHE_DIR`, a world-writable /tmp path) could hold entries someone else planted."""
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False  # a symlink or a file: not ours to trust
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return not st.st_mode & (stat.S_IRWXG | stat.S_IRWXO)


def _entry_name(path: Path, raw: bytes) -> str:
    """`<bank path hash>-<hash of everything the entry depends on>.json`.

    The first part names the bank file, so storing a new version can remove the old ones.
    """
    import pydantic

    where = str(path.resolve()).encode("utf-8", "surrogateescape")
    h = hashlib.sha256()
    for part in (FORMAT, __version__, sys.version, pydantic.VERSION):
        h.update(str(part).encode() + b"\0")
    h.update(where + b"\0")
    h.update(raw)
    return f"{hashlib.sha256(where).hexdigest()[:16]}-{h.hexdigest()}{SUFFIX}"


def cached(path: Path) -> LoadedBank | None:
    """The bank at `path` as last loaded, if neither it nor its article changed since."""
    if not enabled():
        return None
    folder = cache_dir()
    if not private_folder(folder):
        return None
    try:
        raw = read_limited(path, MAX_BANK_BYTES, what="bank")
        entry = json.loads(read_limited(folder / _entry_name(path, raw), MAX_ENTRY_BYTES))
        return _from_json(path, entry)
    except Exception:  # missing, unreadable, corrupt, foreign or hostile (ReadRefused, _Bad,
        return None  # JSON or pydantic errors, a wrong shape): a miss, and the bank is loaded


def store(path: Path, loaded: LoadedBank) -> None:
    """Keep `loaded` (a bank that loaded without errors) for the next game; never fails."""
    if not enabled() or loaded.article.path is None:
        return
    try:
        # Key and check on the bytes that were loaded: a file saved again since then is skipped.
        raw = read_limited(path, MAX_BANK_BYTES, what="bank")
        article_raw = read_limited(loaded.article.path, MAX_ARTICLE_BYTES, what="article")
        if hashlib.sha256(raw).hexdigest()[:16] != loaded.content_hash:
            return
        if decode_article(article_raw) != loaded.article.text:
            return
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not private_folder(folder):
            return  # someone else's, or open to others: never write (or read) entries there
        data = json.dumps(
            _to_json(loaded, hashlib.sha256(article_raw).hexdigest()), ensure_ascii=False
        ).encode("utf-8")
        name = _entry_name(path, raw)
        write_atomic(folder / name, data, durable=False)  # entries are checked when read
        for old in folder.glob(name.split("-")[0] + "-*"):  # earlier versions of the bank
            if old.name != name and old.suffix in (SUFFIX, ".pickle"):
                old.unlink(missing_ok=True)
    except Exception:  # a cache that cannot be written is no reason to stop a game
        return


# --- the entry as JSON ----------------------------------------------------------------------------


def _evidence_json(ev: ResolvedEvidence) -> list[Any]:
    return [ev.quote, ev.passage_id, ev.kind.value, [list(s) for s in ev.spans]]


def _to_json(loaded: LoadedBank, article_sha: str) -> dict[str, Any]:
    article = loaded.article
    return {
        "format": FORMAT,
        "article_path": str(article.path),
        "article_sha256": article_sha,
        "content_hash": loaded.content_hash,
        "bank": json.loads(loaded.bank.model_dump_json(exclude_unset=True)),
        "passages": [
            [p.id, p.kind.value, p.start, p.end, [[s.id, s.start, s.end] for s in p.sentences]]
            for p in article.passages
        ],
        "evidence": {
            qid: [_evidence_json(e) for e in found] for qid, found in loaded.evidence.items()
        },
        "part_b": {
            qid: {choice: _evidence_json(e) for choice, e in found.items()}
            for qid, found in loaded.part_b.items()
        },
    }


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise _Bad
    return value


def _span(value: Any, length: int) -> tuple[int, int]:
    if not (isinstance(value, list) and len(value) == 2):
        raise _Bad
    start, end = value
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= length:
        raise _Bad
    return start, end


def _article(entry: Mapping[str, Any]) -> Article:
    """The article as stored, if its bytes on disk are the ones the entry was made from."""
    article_path = Path(_str(entry["article_path"]))
    article_raw = read_limited(article_path, MAX_ARTICLE_BYTES, what="article")
    if hashlib.sha256(article_raw).hexdigest() != _str(entry["article_sha256"]):
        raise _Bad
    text = decode_article(article_raw)
    passages = []
    for item in entry["passages"]:
        pid, kind, start, end, sentences = item
        start, end = _span([start, end], len(text))
        sents = []
        for sid, s_start, s_end in sentences:
            s_start, s_end = _span([s_start, s_end], len(text))
            sents.append(Sentence(_str(sid), s_start, s_end, text[s_start:s_end]))
        passages.append(Passage(_str(pid), Kind(kind), start, end, text[start:end], tuple(sents)))
    return Article(text, tuple(passages), path=article_path)


def _evidence(value: Any, article: Article) -> ResolvedEvidence:
    quote, pid, kind, spans = value
    passage = article.passage(_str(pid))
    if passage is None or not spans:
        raise _Bad
    resolved = tuple(_span(s, len(article.text)) for s in spans)
    return ResolvedEvidence(_str(quote), passage.id, Kind(kind), resolved)


def _build(tp: Any, value: Any) -> Any:
    """`value` (from JSON) as the type `tp` of a bank model's field, or _Bad when it is not one.

    Models are built with `model_construct` after this check of every value's type, instead of
    `model_validate`: the entry was made from a bank that passed every check, so only its shape
    needs checking, and building pydantic's validators would cost more than the rest of reading
    the entry (≈ 50 ms and 3 MiB at start-up). A value of the wrong type is a miss."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _build(typing.get_args(tp)[0], value)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(tp)
        if value is None and type(None) in options:
            return None
        models = [o for o in options if isinstance(o, type) and issubclass(o, BaseModel)]
        if models:  # the question union: told apart by `type`, as pydantic's discriminator does
            cls = QUESTION_TYPES.get(str(value.get("type"))) if isinstance(value, dict) else None
            if cls is None or cls not in models:
                raise _Bad
            return _model(cls, value)
        others = [o for o in options if o is not type(None)]
        if len(others) != 1:
            raise _Bad
        return _build(others[0], value)
    if origin is list:
        if not isinstance(value, list):
            raise _Bad
        (item,) = typing.get_args(tp)
        return [_build(item, v) for v in value]
    if origin is typing.Literal:
        if value not in typing.get_args(tp):
            raise _Bad
        return value
    if isinstance(tp, type):
        if issubclass(tp, BaseModel):
            return _model(tp, value)
        if issubclass(tp, enum.Enum):
            return tp(value)
        if tp is bool or tp is str:
            if type(value) is not tp:
                raise _Bad
            return value
        if tp is int or tp is float:
            if type(value) not in (int, float) or (tp is int and type(value) is not int):
                raise _Bad
            return tp(value)
    raise _Bad


def _model(cls: type[BaseModel], value: Any) -> BaseModel:
    if not isinstance(value, dict):
        raise _Bad
    fields = cls.model_fields
    if not set(value) <= set(fields):
        raise _Bad
    if any(f.is_required() and name not in value for name, f in fields.items()):
        raise _Bad
    data = {name: _build(fields[name].annotation, v) for name, v in value.items()}
    for name, f in fields.items():
        if name not in data:
            data[name] = _default(f)
    return cls.model_construct(_fields_set=set(value), **data)


def _default(field: FieldInfo) -> Any:
    """A field left out of the entry, filled in as pydantic would — but without `get_default`,
    which inspects each factory's signature (loading Python's tokenizer at start-up), nor a
    validated `Settings()`, whose validator pydantic would build just for it."""
    factory = field.default_factory
    if factory is None:
        return field.default  # the models' plain defaults are immutable: None, numbers, text, enums
    if isinstance(factory, type) and issubclass(factory, BaseModel):
        return _model(factory, {})
    return cast(Callable[[], Any], factory)()  # `list`: the models' only other factory


def _from_json(path: Path, entry: Any) -> LoadedBank:
    if not isinstance(entry, dict) or entry.get("format") != FORMAT:
        raise _Bad
    article = _article(entry)
    bank = _model(Bank, entry["bank"])
    if not isinstance(bank, Bank):
        raise _Bad
    evidence = {
        _str(qid): tuple(_evidence(e, article) for e in found)
        for qid, found in entry["evidence"].items()
    }
    part_b = {
        _str(qid): {_str(choice): _evidence(e, article) for choice, e in found.items()}
        for qid, found in entry["part_b"].items()
    }
    return LoadedBank(
        path=path,
        bank=bank,
        article=article,
        evidence=evidence,
        part_b=part_b,
        content_hash=_str(entry["content_hash"]),
    )
