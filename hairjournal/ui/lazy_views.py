"""The window's views, each made (and its module imported) the first time it is needed.

Starting the app then costs one view, the dashboard, not six: the charts' plotting library,
the photo grid and the record tables are loaded when the user first goes to them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QStackedWidget, QWidget


class LazyViews(Mapping[str, QWidget]):
    """Views by name in ``stack``'s order; ``views[name]`` makes the view if it is not made yet."""

    def __init__(self, stack: QStackedWidget, makers: dict[str, Callable[[], QWidget]]) -> None:
        self.stack = stack
        self.makers = makers
        self.made: dict[str, QWidget] = {}
        for _name in makers:
            self.stack.addWidget(QWidget())  # a stand-in, until the view is made

    def __getitem__(self, name: str) -> QWidget:
        view = self.made.get(name)
        if view is None:
            view = self.made[name] = self.makers[name]()
            index = list(self.makers).index(name)
            current = self.stack.currentIndex()
            stand_in = self.stack.widget(index)
            self.stack.insertWidget(index, view)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.stack.setCurrentIndex(current)
        return view

    def __iter__(self) -> Iterator[str]:
        return iter(self.makers)

    def __len__(self) -> int:
        return len(self.makers)

    def is_made(self, name: str) -> bool:
        return name in self.made
