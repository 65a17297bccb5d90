"""Time travel's state, in one place: the past step on view and the runs kept as branches.

`TimeTravel` is a plain model: the timeline bar, the diagram's "Viewing step k" banner, the
loss plot's faded curves and the training controller's feed all derive from it and its two
signals. A new, opened or example document starts it afresh (nothing of the last document's
runs is kept); a graph edit or a reset goes back to now, since the run's past starts again there.
What it means for training (asking the training process for step k, branching) is
`rewind_controller`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QObject, Signal

from dlsim.ui.document import Document


@dataclass(frozen=True, eq=False)
class Branch:
    """A run that was left at `step` for another: its training-loss curve, kept to compare."""

    name: str
    step: int
    x: np.ndarray
    y: np.ndarray
    shown: bool = True


class TimeTravel(QObject):
    """The step on view (None: the run as it is now), the kept branches, the current run's name."""

    viewed_changed = Signal(object)  # the step, or None for now
    branches_changed = Signal()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.viewed: int | None = None
        self.branches: list[Branch] = []
        self.current = ""
        self.version = 0  # moves with every change of the branches or the current name
        self._runs = 0
        self.reset()
        document.document_replaced.connect(self.reset)
        document.structure_changed.connect(self.back_to_now)

    def view(self, step: int | None) -> None:
        """Show the run as it was after `step` steps (None: as it is now)."""
        if step != self.viewed:
            self.viewed = step
            self.viewed_changed.emit(step)

    def back_to_now(self) -> None:
        self.view(None)

    def reset(self) -> None:
        """A new document: now, no branches, the first run."""
        self.view(None)
        self.branches = []
        self._runs = 0
        self.current = self._next_name()
        self._changed()

    def branch(self, step: int, x: np.ndarray, y: np.ndarray) -> None:
        """The current run is left at `step` (its curve kept); a new run goes on from there."""
        self.branches.append(Branch(self.current, step, np.asarray(x), np.asarray(y)))
        self.current = self._next_name()
        self.viewed = None  # said once, with the branches: the views redraw from both
        self.viewed_changed.emit(None)
        self._changed()

    def rename(self, index: int | None, name: str) -> None:
        """Name branch `index` (None: the current run); blank names are ignored."""
        name = name.strip()
        if not name:
            return
        if index is None:
            self.current = name
        else:
            self.branches[index] = replace(self.branches[index], name=name)
        self._changed()

    def set_shown(self, index: int, shown: bool) -> None:
        """Overlay branch `index` on the loss plot, or not."""
        self.branches[index] = replace(self.branches[index], shown=bool(shown))
        self._changed()

    def delete(self, index: int) -> None:
        del self.branches[index]
        self._changed()

    def _next_name(self) -> str:
        self._runs += 1
        return self.tr("Run {0}").format(self._runs)

    def _changed(self) -> None:
        self.version += 1
        self.branches_changed.emit()
