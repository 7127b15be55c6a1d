"""Small articles for generation and lint tests: every rule is shown on a text a few lines long."""

from __future__ import annotations

from quizgame.article.passages import Article, parse_article
from quizgame.authoring.attribution import extract
from quizgame.authoring.context import Context

PORT = """Ministers clash over port plan

Transport minister Anna Berg said on Monday that the new port would open in May. "The port will bring hundreds of jobs to the whole region," Berg said.

Opposition leader Tomas Vik denied that the port would open on time. Union chief Lena Dahl also denied that the port would open on time.

Mayor Oskar Lind praised the plan for the harbour. "This is a good day for everyone in our town," Lind said.

Officials said the budget was already spent. "We will not pay a single krona more for this project," Vik told reporters.

"The region needs the port more than ever before," Dahl said. "Our members are ready to work on it," she added.
"""


def article(text: str = PORT) -> Article:
    return parse_article(text)


def context(text: str = PORT) -> Context:
    art = article(text)
    return Context(art, extract(art))
