"""The article pane: numbered passages, dimmed asides, and evidence highlighted in place.

One Line-API widget for the whole article, not a widget per passage: every widget on the play
screen is styled, arranged and cut into the compositor's chops on each layout, and an article has
dozens of passages (thousands, for a hostile one). The passages are wrapped once per width into
lines; only the lines on screen are rendered, and a highlight re-renders only its own passage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.selection import Selection
from textual.strip import Strip

from quizgame.article.evidence import ResolvedEvidence
from quizgame.article.passages import Article, Passage
from quizgame.play.presenter import passage_class, passage_highlights, step_stop
from quizgame.text.safe import visible
from quizgame.tui.textual_private import SizeUpdatedOnChange

# Reverse + bold + underline: the span stands out without relying on colour alone.
HIGHLIGHT = Style(bold=True, underline=True, reverse=True)
EVIDENCE_MARK = "▶"

# One wrapped line of the article: its segments and width in cells. Kept as plain data, not as a
# `Strip`: a Strip carries seven caches of its own (≈ 1 KiB even empty) and keeps in them every
# strip derived from it while drawing, for each of the article's lines — most of them off screen.
# `render_line` makes the Strip of a line when the line is drawn (issue 14, start-up memory).
Line = tuple[list[Segment], int]
BLANK_LINE: Line = ([Segment("")], 0)


def highlighted_text(text: str, spans: Iterable[tuple[int, int]]) -> Text:
    """The passage text, literal (never markup), with `spans` styled as evidence."""
    out = Text(visible(text), end="")  # one char for one: offsets hold
    for start, end in spans:
        out.stylize(HIGHLIGHT, start, end)
    return out


@dataclass(eq=False)
class PassageLines:
    """One passage as the pane shows it: its highlights, its text, and where its lines are."""

    passage: Passage
    highlights: tuple[tuple[int, int], ...] = ()
    display: bool = True
    top: int = 0  # first line in the pane (valid while `display`)
    height: int = 0  # wrapped lines, without the blank line after
    rendered: Text = field(init=False)

    def __post_init__(self) -> None:
        self.rendered = highlighted_text(self.passage.text, ())

    @property
    def highlighted_strings(self) -> list[str]:
        return [self.passage.text[s:e] for s, e in self.highlights]


class ArticleView(SizeUpdatedOnChange, can_focus=True):
    """Scrollable article; `show_evidence` highlights and scrolls to the proof."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--id",
        "article--mark",
        "article--aside",
        "article--headline",
    }
    DEFAULT_CSS = """
    ArticleView { padding: 0 1; overflow-x: hidden; scrollbar-gutter: stable; }
    ArticleView > .article--id { text-style: dim; }
    ArticleView > .article--mark { text-style: bold; color: $warning; }
    ArticleView > .article--aside { color: $text-muted; text-style: italic; }
    ArticleView > .article--headline { text-style: bold; }
    """

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        self.evidence: tuple[ResolvedEvidence, ...] = ()
        self._passages = [PassageLines(p) for p in article.passages]
        self._by_id = {pl.passage.id: pl for pl in self._passages}
        longest = max((len(p.id) for p in article.passages), default=2)
        self._gutter = longest + len(EVIDENCE_MARK) + 1
        self._lines: list[Line] = []
        self._wrapped_at = -1  # the width `_lines` were wrapped for; -1: wrap again
        self._made_with: tuple[Style, ...] = ()  # the component styles `_lines` were made with
        self._stop: int | None = None  # which evidence passage `e` / `E` last went to
        self._pending: PassageLines | None = None  # asked to scroll to before being laid out

    # the lines -----------------------------------------------------------------------------------

    def _text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - self._gutter)

    def _kind_styles(self) -> tuple[Style, ...]:
        return tuple(
            self.get_component_rich_style(name, partial=True)
            for name in ("article--id", "article--mark", "article--aside", "article--headline")
        )

    def _passage_lines(self, pl: PassageLines, console: Console, width: int) -> list[Line]:
        id_style, mark_style, aside_style, headline_style = self._made_with
        kind = passage_class(pl.passage)
        body = pl.rendered.copy()
        if kind == "-aside":
            body.stylize_before(aside_style)
        elif kind == "-headline":
            body.stylize_before(headline_style)
        if pl.highlights:
            label = Text(EVIDENCE_MARK + pl.passage.id, mark_style)
        else:
            label = Text(pl.passage.id, id_style)
        label.pad_right(self._gutter - label.cell_len)
        blank = " " * self._gutter
        lines: list[Line] = []
        for n, line in enumerate(body.wrap(console, width, overflow="fold") or [Text()]):
            row = Text.assemble(label if n == 0 else blank, line, end="")
            lines.append((list(row.render(console)), row.cell_len))
        return lines

    def _wrap(self) -> None:
        """Lay every shown passage out at the current width (one blank line between passages)."""
        width = self._text_width()
        console = self.app.console
        self._made_with = self._kind_styles()
        lines: list[Line] = []
        for pl in self._passages:
            if not pl.display:
                continue
            passage_lines = self._passage_lines(pl, console, width)
            pl.top, pl.height = len(lines), len(passage_lines)
            lines.extend(passage_lines)
            lines.append(BLANK_LINE)
        if lines:
            lines.pop()
        self._lines = lines
        self._wrapped_at = self.scrollable_content_region.width
        self.virtual_size = Size(self.scrollable_content_region.width, len(lines))

    def _ensure_wrapped(self) -> None:
        if self._wrapped_at != self.scrollable_content_region.width:
            self._wrap()

    def _rewrap_passage(self, pl: PassageLines) -> None:
        """Highlights never change where a passage wraps: replace its lines in place."""
        if self._wrapped_at < 0 or not pl.display:
            return
        lines = self._passage_lines(pl, self.app.console, self._text_width())
        if len(lines) != pl.height:  # cannot happen with today's styles; stay correct anyway
            self._wrapped_at = -1
            return
        self._lines[pl.top : pl.top + pl.height] = lines

    def on_resize(self) -> None:
        self._ensure_wrapped()
        if self._pending is not None:  # e.g. a review opened with its evidence highlighted
            pending, self._pending = self._pending, None
            self.scroll_to_passage(pending)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Called on every restyle of the screen (focus moves, classes change); the lines are made
        # again only if the passages' own styles (the theme) changed.
        if self._wrapped_at >= 0 and self._kind_styles() != self._made_with:
            self._wrapped_at = -1
            self.refresh()

    def render_line(self, y: int) -> Strip:
        self._ensure_wrapped()
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = scroll_y + y
        rich_style = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, rich_style)
        line = Strip(*self._lines[index])
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(index)) is not None:
            length = line.cell_length
            start, end = min(span[0], length), length if span[1] == -1 else min(span[1], length)
            selected = self.screen.get_component_rich_style("screen--selection")
            chosen = line.crop(start, end).apply_style(selected)
            line = Strip.join([line.crop(0, start), chosen, line.crop(end, length)])
        line = line.crop_extend(scroll_x, scroll_x + width, rich_style).apply_style(rich_style)
        return line.apply_offsets(scroll_x, index)  # lets the mouse select text (and copy it)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected article text, as shown (passage ids in the gutter included)."""
        self._ensure_wrapped()
        text = "\n".join("".join(segment.text for segment in line) for line, _ in self._lines)
        return selection.extract(text), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    # passages ------------------------------------------------------------------------------------

    def passage_view(self, passage_id: str) -> PassageLines:
        return self._by_id[passage_id]

    def passage_views(self) -> list[PassageLines]:
        return list(self._passages)

    def show_evidence(self, evidence: tuple[ResolvedEvidence, ...], *, scroll: bool = True) -> None:
        self.evidence = evidence
        self._stop = None
        changed: list[PassageLines] = []
        for pl in self._passages:
            spans = passage_highlights(pl.passage, evidence)
            if spans != pl.highlights:
                pl.highlights = spans
                pl.rendered = highlighted_text(pl.passage.text, spans)
                self._rewrap_passage(pl)
                changed.append(pl)
        if changed and self._wrapped_at < 0:
            self.refresh()
        else:  # only the changed passages' lines are drawn again (the rest are as they were)
            for pl in changed:
                if pl.display:
                    self.refresh_lines(pl.top, pl.height)
        if scroll:
            self.scroll_to_evidence()

    def scroll_to_passage(self, pl: PassageLines) -> None:
        """Centre the passage (its top, if it is taller than the pane)."""
        if not pl.display:
            return
        height = self.scrollable_content_region.height
        if height <= 0:  # not laid out yet: scroll once it is
            self._pending = pl
            return
        self._ensure_wrapped()
        y = pl.top - max(0, (height - pl.height) // 2)
        self.scroll_to(y=max(0, y), animate=False, immediate=True)

    def evidence_stops(self) -> list[PassageLines]:
        """The shown passages holding evidence, in reading order: where `e` / `E` go."""
        return [pl for pl in self._passages if pl.highlights and pl.display]

    def scroll_to_evidence(self) -> None:
        stops = self.evidence_stops()
        self._stop = 0 if stops else None
        if stops:
            self.scroll_to_passage(stops[0])

    def step_evidence(self, step: int) -> PassageLines | None:
        """Go to the next (`step` 1) or previous (-1) evidence passage, wrapping round."""
        stops = self.evidence_stops()
        self._stop = step_stop(len(stops), self._stop, step)
        if self._stop is None:
            return None
        self.scroll_to_passage(stops[self._stop])
        return stops[self._stop]

    @property
    def current_stop(self) -> PassageLines | None:
        stops = self.evidence_stops()
        if self._stop is None or self._stop >= len(stops):
            return None
        return stops[self._stop]

    def clear_evidence(self) -> None:
        self.show_evidence((), scroll=False)

    def reveal(self, visible: Iterable[str]) -> None:
        """Guided reading: show only these passages."""
        keep = set(visible)
        last: PassageLines | None = None
        changed = False
        for pl in self._passages:
            shown = pl.passage.id in keep
            changed |= shown != pl.display
            pl.display = shown
            if shown:
                last = pl
        if changed:
            self._wrapped_at = -1
            self._ensure_wrapped()
            self.refresh()
        if last is not None:
            self.scroll_to_passage(last)
