"""A class session filled with simulated students, for host screen tests and pictures."""

from __future__ import annotations

from quizgame.bank.loaded import LoadedBank
from quizgame.play.classroom import ClassSession, Pace, questions_of

NAMES = [
    "Ada", "Bo", "Chen Wei", "Dara", "Emeka", "Farah", "Gus", "Hana", "Ivo", "Jun",
    "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tariq",
    "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Aleksandra-Katarina", "Ben", "Cleo",
    "Dev", "Elif", "Finn", "Gia", "Hugo", "Ines", "Jonas", "Kai", "Luz", "Milo", "Noor",
]  # fmt: skip


def filled_session(
    loaded: LoadedBank, students: int = 40, *, pace: Pace = Pace.SELF
) -> ClassSession:
    """Student i has answered (i * 7) % 19 questions; every third answer is wrong (choice B)."""
    session = ClassSession("class-test0001", questions_of(loaded.bank), pace=pace)
    qs = session.questions
    for i in range(students):
        visitor = f"v{i:02d}"
        session.apply(
            visitor, {"event": "joined", "name": NAMES[i % len(NAMES)], "game_id": f"g{i}"}
        )
        score = 0.0
        for n, q in enumerate(qs[: (i * 7) % (len(qs) + 1)]):
            right = (i + n) % 3 != 0
            score += 1.0 if right else 0.0
            session.apply(
                visitor,
                {
                    "event": "answered",
                    "question_id": q.id,
                    "response": q.correct if right else "a wrong answer",
                    "outcome": "correct" if right else "wrong",
                    "final": True,
                    "score": score,
                },
            )
        if (i * 7) % (len(qs) + 1) == len(qs):
            session.apply(visitor, {"event": "finished", "score": score})
        if i % 11 == 5:
            session.gone(visitor)
    return session
