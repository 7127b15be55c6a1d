"""The bounded reader: regular files only (never a pipe, device or directory), never past a limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizgame.text.reading import ReadRefused, read_limited


def test_reads_a_regular_file_up_to_the_limit(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"x" * 10)
    assert read_limited(f, 10) == b"x" * 10


def test_one_byte_over_the_limit_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"x" * 11)
    with pytest.raises(ReadRefused, match="over the 10-byte limit") as exc:
        read_limited(f, 10, what="article")
    assert exc.value.kind == "too-large"


def test_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # no writer ever opens the pipe: a plain open() would block here forever
    with pytest.raises(ReadRefused, match="article path is a named pipe, not a regular file"):
        read_limited(fifo, 100, what="article")


def test_device_is_refused_before_reading(tmp_path: Path) -> None:
    with pytest.raises(ReadRefused, match="is a device, not a regular file") as exc:
        read_limited("/dev/zero", 1 << 40)  # a limit that could never be met
    assert exc.value.kind == "not-regular"


def test_directory_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadRefused, match="bank path is a directory") as exc:
        read_limited(tmp_path, 10, what="bank")
    assert exc.value.kind == "directory"
    with pytest.raises(ReadRefused, match="bank file not found") as exc:
        read_limited(tmp_path / "nope", 10, what="bank")
    assert exc.value.kind == "missing"


def test_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "article.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(ReadRefused, match="device"):
        read_limited(link, 1000)
