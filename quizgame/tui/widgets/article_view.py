"""The article pane: numbered passages, dimmed asides, and evidence highlighted in place."""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizgame.article import Article, Passage
from quizgame.evidence import ResolvedEvidence
from quizgame.safetext import visible
from quizgame.tui.view import passage_class, passage_highlights

# Reverse + bold + underline: the span stands out without relying on colour alone.
HIGHLIGHT = Style(bold=True, underline=True, reverse=True)
GUTTER_MARK = Style(bold=True, color="yellow")


def highlighted_text(text: str, spans: Iterable[tuple[int, int]]) -> Text:
    """The passage text, literal (never markup), with `spans` styled as evidence."""
    out = Text(visible(text), end="")  # one char for one: offsets hold
    for start, end in spans:
        out.stylize(HIGHLIGHT, start, end)
    return out


class PassageView(Static):
    """One passage: its id in a gutter (`p4`), then its text exactly as in the article.

    One widget per passage (gutter and text share a grid renderable): an article has dozens of
    passages, and every extra widget costs start-up time.
    """

    DEFAULT_CSS = """
    PassageView { height: auto; margin-bottom: 1; }
    PassageView.-aside { color: $text-muted; text-style: italic; }
    PassageView.-headline { text-style: bold; }
    """

    def __init__(self, passage: Passage) -> None:
        self.passage = passage
        self.highlights: tuple[tuple[int, int], ...] = ()
        self.rendered = highlighted_text(passage.text, ())
        super().__init__(self._grid(), id=f"passage-{passage.id}", classes=passage_class(passage))

    def _grid(self) -> Table:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=4, no_wrap=True)
        grid.add_column(ratio=1)
        if self.highlights:
            gutter = Text(f"▶{self.passage.id}", style=GUTTER_MARK)
        else:
            gutter = Text(self.passage.id, style="dim")
        grid.add_row(gutter, self.rendered)
        return grid

    def set_highlights(self, spans: tuple[tuple[int, int], ...]) -> None:
        if spans == self.highlights:
            return
        self.highlights = spans
        self.rendered = highlighted_text(self.passage.text, spans)
        self.set_class(bool(spans), "-evidence")
        self.update(self._grid(), layout=False)  # same text, same wrapping: same height

    @property
    def highlighted_strings(self) -> list[str]:
        return [self.passage.text[s:e] for s, e in self.highlights]


class ArticleView(VerticalScroll):
    """Scrollable article; `show_evidence` highlights and scrolls to the proof."""

    DEFAULT_CSS = """
    ArticleView { padding: 0 1; }
    """

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        self.evidence: tuple[ResolvedEvidence, ...] = ()

    def compose(self) -> ComposeResult:
        for p in self.article.passages:
            yield PassageView(p)

    def passage_view(self, passage_id: str) -> PassageView:
        return self.query_one(f"#passage-{passage_id}", PassageView)

    def passage_views(self) -> list[PassageView]:
        return list(self.query(PassageView))

    def show_evidence(self, evidence: tuple[ResolvedEvidence, ...], *, scroll: bool = True) -> None:
        self.evidence = evidence
        first: PassageView | None = None
        for view in self.passage_views():
            spans = passage_highlights(view.passage, evidence)
            view.set_highlights(spans)
            if spans and first is None:
                first = view
        if first is not None and scroll:
            # Highlights never change a passage's height, so a laid-out article can scroll at once
            # (one frame fewer between the answer and the proof on screen).
            self.scroll_to_passage(first, now=True)

    def scroll_to_passage(self, view: PassageView, *, now: bool = False) -> None:
        """Centre `view`; `now` when the layout is current, else after the next refresh."""
        target = view

        def go() -> None:
            self.scroll_to_center(target, animate=False)

        if now and target.region and self.region:
            go()
        else:
            self.call_after_refresh(go)

    def scroll_to_evidence(self) -> None:
        for view in self.passage_views():
            if view.highlights:
                self.scroll_to_passage(view)
                return

    def clear_evidence(self) -> None:
        self.show_evidence((), scroll=False)

    def reveal(self, visible: Iterable[str]) -> None:
        """Guided reading: show only these passages."""
        keep = set(visible)
        last: PassageView | None = None
        for view in self.passage_views():
            shown = view.passage.id in keep
            view.display = shown
            if shown:
                last = view
        if last is not None:
            self.scroll_to_passage(last)
