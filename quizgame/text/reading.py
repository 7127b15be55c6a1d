"""The one way quizgame reads a file it was given: regular files only, never more than a limit.

A path in a bank or on the command line can name anything: `/dev/zero` and `/dev/urandom` never
end, a named pipe blocks until someone writes to it, a directory cannot be read. So:

- the file is opened with `O_NONBLOCK` (opening a FIFO for reading then returns at once instead of
  waiting for a writer) and `fstat` on the open descriptor decides: anything that is not a regular
  file is refused before a single byte is read (checking the descriptor, not the path, leaves no
  window for the path to be swapped between the check and the read);
- at most `limit + 1` bytes are read, so a file that grows, or lies about its size, still costs no
  more than the limit; one byte past the limit is how "too large" is told.

Errors are `ReadRefused` with a message in a teacher's words (no errno jargon, no traceback).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class ReadRefused(Exception):
    """The file cannot be read; `str(exc)` says why, `kind` says which case (for callers' codes)."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind  # "missing" | "directory" | "not-regular" | "too-large" | "unreadable"


def _describe(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_limited(path: str | Path, limit: int, *, what: str = "file") -> bytes:
    """The bytes of the regular file at `path`, refusing special files and files over `limit`.

    `what` names the file in messages ("article", "bank", …).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ReadRefused(f"{what} file not found", "missing") from None
    except IsADirectoryError:
        raise ReadRefused(f"{what} path is a directory, not a file", "directory") from None
    except OSError as exc:
        raise ReadRefused(f"cannot read {what}: {exc.strerror or exc}", "unreadable") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ReadRefused(f"{what} path is a directory, not a file", "directory")
        if not stat.S_ISREG(mode):
            raise ReadRefused(
                f"{what} path is {_describe(mode)}, not a regular file — give the path of a file",
                "not-regular",
            )
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise ReadRefused(f"cannot read {what}: {exc.strerror or exc}", "unreadable") from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > limit:
        raise ReadRefused(
            f"{what} is over the {limit:,}-byte limit",
            "too-large",
        )
    return raw


def utf16_or_32(raw: bytes) -> str | None:
    """ "UTF-16…" or "UTF-32…" (as iconv names them) when `raw` is text in one of them (by its byte-order mark, or by the
    zero bytes ASCII text has in them), else None: such files are not binary, just not UTF-8."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[:4096]
    if len(head) >= 8 and head.count(0) >= len(head) // 2 - 2:
        if head[1::4].count(0) == head[2::4].count(0) == head[3::4].count(0) == len(head) // 4:
            return "UTF-32LE"  # ASCII text: x 0 0 0
        if head[::4].count(0) == head[1::4].count(0) == head[2::4].count(0) == len(head) // 4:
            return "UTF-32BE"  # ASCII text: 0 0 0 x
    if len(head) >= 4:
        odd, even = head[1::2].count(0), head[::2].count(0)
        if max(odd, even) >= 0.9 * (len(head) // 2) and min(odd, even) < 0.1 * (len(head) // 2):
            return "UTF-16LE" if odd > even else "UTF-16BE"  # no mark: say which byte order
    return None


def convert_hint(encoding: str, name: str) -> str:
    """How to turn a UTF-16/32 file into UTF-8, in an editor or on the command line."""
    return (
        f"save it as UTF-8 in your editor (Save As → Encoding: UTF-8), or run "
        f"`iconv -f {encoding} -t UTF-8 {name} > utf8-{name}`"
    )
