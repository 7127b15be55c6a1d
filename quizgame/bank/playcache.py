"""Banks kept ready to play: the checked bank, its parsed article and resolved evidence, pickled.

Loading a bank for play means reading YAML, building and running pydantic's validators, parsing
the article and locating every evidence quote — most of quizgame's own start-up time. A bank that
loaded without errors is therefore stored in the user cache folder, keyed by its path and exact
bytes (and by quizgame's, Python's and pydantic's versions); the next game of the same bank reads
it back in a few milliseconds, after checking that the article's bytes are unchanged too. Any
change to either file is a miss, and the bank is loaded (and checked) again.

The cache is only a copy: a missing, unreadable or corrupt entry is a miss, and a cache that
cannot be written is skipped silently. `quizgame check` never reads it. The files are pickles,
written by quizgame into the user's own cache folder (created private to the user), so they carry
the same trust as the user's installed code; `QUIZGAME_CACHE_DIR` moves the folder, and
`QUIZGAME_NO_CACHE=1` turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

from quizgame import __version__
from quizgame.bank.loaded import LoadedBank
from quizgame.text.atomic import write_atomic

FORMAT = 1


@dataclass(frozen=True)
class _Entry:
    article_path: Path
    article_sha256: str
    loaded: LoadedBank


def cache_dir() -> Path:
    configured = os.environ.get("QUIZGAME_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("quizgame", appauthor=False)) / "banks"


def enabled() -> bool:
    return os.environ.get("QUIZGAME_NO_CACHE", "") in ("", "0")


def _entry_name(path: Path, raw: bytes) -> str:
    """`<bank path hash>-<hash of everything the entry depends on>.pickle`.

    The first part names the bank file, so storing a new version can remove the old ones.
    """
    import pydantic

    where = str(path.resolve()).encode("utf-8", "surrogateescape")
    h = hashlib.sha256()
    for part in (FORMAT, __version__, sys.version, pydantic.VERSION):
        h.update(str(part).encode() + b"\0")
    h.update(where + b"\0")
    h.update(raw)
    return f"{hashlib.sha256(where).hexdigest()[:16]}-{h.hexdigest()}.pickle"


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def cached(path: Path) -> LoadedBank | None:
    """The bank at `path` as last loaded, if neither it nor its article changed since."""
    if not enabled():
        return None
    try:
        raw = path.read_bytes()
        entry_file = cache_dir() / _entry_name(path, raw)
        entry = pickle.loads(entry_file.read_bytes())
    except Exception:  # missing, unreadable, corrupt or from another version: a miss
        return None
    if not isinstance(entry, _Entry) or not isinstance(entry.loaded, LoadedBank):
        return None
    if _sha256(entry.article_path) != entry.article_sha256:
        return None
    return entry.loaded


def store(path: Path, loaded: LoadedBank) -> None:
    """Keep `loaded` (a bank that loaded without errors) for the next game; never fails."""
    if not enabled() or loaded.article.path is None:
        return
    from quizgame.article.passages import decode_article

    try:
        # Key and check on the bytes that were loaded: a file saved again since then is skipped.
        raw = path.read_bytes()
        article_raw = loaded.article.path.read_bytes()
        if hashlib.sha256(raw).hexdigest()[:16] != loaded.content_hash:
            return
        if decode_article(article_raw) != loaded.article.text:
            return
        article_sha = hashlib.sha256(article_raw).hexdigest()
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = pickle.dumps(_Entry(loaded.article.path, article_sha, loaded))
        name = _entry_name(path, raw)
        write_atomic(folder / name, data, durable=False)  # entries are checked when read
        for old in folder.glob(name.split("-")[0] + "-*.pickle"):  # earlier versions of the bank
            if old.name != name:
                old.unlink(missing_ok=True)
    except Exception:  # a cache that cannot be written is no reason to stop a game
        return
