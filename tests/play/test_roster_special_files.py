"""A class list path naming a named pipe or a device is refused at once, never waited on or read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizgame.play.roster import RosterError, read_roster


def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "class.txt"
    os.mkfifo(fifo)  # no writer: opening it for a plain read would block forever
    with pytest.raises(RosterError, match="class list path is a named pipe, not a regular file"):
        read_roster(fifo)


def test_a_device_is_refused() -> None:
    with pytest.raises(RosterError, match="is a device, not a regular file"):
        read_roster(Path("/dev/zero"))
