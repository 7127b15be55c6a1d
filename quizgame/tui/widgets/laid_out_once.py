"""A widget whose change of size does not make Textual lay the screen out a second time.

Textual lays the whole screen out again, one frame later, whenever a widget's virtual (content)
size changes — which is always the case for a widget just mounted, and for the question pane when
the feedback makes it scroll. For widgets whose content is placed by the layout that reported the
size (auto-height widgets, a vertical scroll of them), that second pass changes nothing; it only
delays the answer on screen by a frame and costs a full layout. Mixed in first, this records the
new virtual size and updates the scrollbars without asking for it.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget


class LaidOutOnce(Widget):
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)
