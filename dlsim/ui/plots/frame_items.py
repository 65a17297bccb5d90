"""Plot items that cost little per frame. pyqtgraph's own items rebuild a colour table, a path
or their bounds on every update; a view that redraws several of them at 25 frames a second
feels that.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QImage, qRgba


class ShadeImage(pg.ImageItem):
    """An ImageItem of uint8 colour indices into a fixed RGBA lookup table: drawn as an indexed
    picture whose colour table is built once (pyqtgraph builds it anew at every setImage)."""

    def __init__(self, lut: np.ndarray) -> None:
        super().__init__(axisOrder="row-major")
        self.setLookupTable(lut)  # what pyqtgraph's own rendering (an export) uses
        self._table = [qRgba(*rgba) for rgba in lut.tolist()]

    def render(self) -> None:
        image = self.image
        if image is None or image.size == 0 or image.dtype != np.uint8 or image.ndim != 2:
            super().render()
            return
        self.qimage = pg.functions.ndarray_to_qimage(
            np.ascontiguousarray(image), QImage.Format.Format_Indexed8
        )
        self.qimage.setColorTable(self._table)
        self._renderRequired = False
        self._unrenderable = False
