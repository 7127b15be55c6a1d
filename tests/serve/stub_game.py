"""A stand-in for a game process, speaking textual-serve's pipe protocol (fast to start).

Prints the ready line, one screen ("stub game <pid>"), echoes key data back, and exits on the
server's quit packet — unless started with `hang`, when it ignores quit and even the end of its
input (a game that is stuck).
"""

from __future__ import annotations

import json
import os
import sys
import time


def packet(kind: bytes, payload: bytes) -> bytes:
    return kind + len(payload).to_bytes(4, "big") + payload


def main() -> None:
    hang = "hang" in sys.argv[1:]
    out = sys.stdout.buffer
    out.write(b"__GANGLION__\n")
    out.write(packet(b"D", f"stub game {os.getpid()}\r\n".encode()))
    out.flush()
    stdin = sys.stdin.buffer
    while True:
        head = stdin.read(5)
        if len(head) < 5:
            while hang:
                time.sleep(60)  # stuck for good: only a kill ends it
            return
        body = stdin.read(int.from_bytes(head[1:], "big"))
        if head[:1] == b"D":
            out.write(packet(b"D", b"key:" + body))
            out.flush()
        elif head[:1] == b"M" and json.loads(body).get("type") == "quit" and not hang:
            return


if __name__ == "__main__":
    main()
