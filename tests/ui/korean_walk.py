"""Collect every text a learner can read in a window, and tell Korean from English.

`readable_texts(widget)` walks the widget tree (labels, buttons, group boxes, tabs, combo items,
list/tree/table items and headers, tool tips, window titles, the text browsers' text), the
graphics scenes (axis labels, text items, item tool tips) and every menu action reachable from
the menu bar, tool bars and context menus a widget owns. `english_words(text)` names the words
of a text that are English and not a technical name a Korean course keeps in English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyqtgraph as pg
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QToolBar,
    QTreeWidget,
    QWidget,
)

from dlsim.engine.nn import activations, initializers, losses, optimizers
from dlsim.engine.nn.registry import REGISTRY
from dlsim.engine.training import datasets

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# An English word: two or more Latin letters, not part of an identifier (dense_1, x1, W5, a.py).
WORD = re.compile(r"(?<![A-Za-z0-9_.\\/])[A-Za-z]{2,}(?![A-Za-z0-9_])")
TAG = re.compile(r"<[^>]*>")
ENTITY = re.compile(r"&[a-z]+;|&#\d+;")
# Code as the lecture writes it (Dense(8, input_dim=4, init='uniform')): keyword arguments and
# quoted values are code, not prose.
CODE = re.compile(r"[A-Za-z_]+\s*=\s*'[^']*'|[A-Za-z_]+=|'[^']*'")
# A paper cited by its authors' names (Li et al. 2018), as Korean text cites it too.
CITATION = re.compile(r"\b[A-Z][a-z]+ et al\. \d{4}")
# Formulas and term lists in brackets: [−value, +value], [x1, x2, x1*x2].
BRACKETS = re.compile(r"\[[^\]]*\]")
PATH = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][^\s/\\]+)+")

# Technical names Korean course material keeps in English (issue 13), each with why:
ALLOWED = {
    # each language's name in itself (View ▸ Language)
    "English",
    # a layer's id as the .dlsim file names it ("id: h"), and "vs", which Korean writes as is
    "id",
    "vs",
    # the program and the file formats and tools it names
    "dlsim",
    "PyTorch",
    "Keras",
    "Python",
    "PNG",
    "CSV",
    # the lecture's gates and data sets, written as the slides write them
    "AND",
    "OR",
    "NAND",
    "XOR",
    "Iris",
    # optimizers, initializers and normalizations by their authors' names
    "SGD",
    "Adam",
    "AMSGrad",
    "RMSProp",
    "RMSprop",
    "Adagrad",
    "Nesterov",
    "He",
    "Glorot",
    "Xavier",
    "ReLU",
    "ELU",
    "Leaky",
    # mathematics: functions and the lecture's symbols
    "ln",
    "log",
    "exp",
    "max",
    "min",
    "sin",
    "cos",
    "pi",
    "tanh",
    "E_total",
    # keys on the keyboard as Qt names them in shortcuts
    "Ctrl",
    "Shift",
    "Alt",
    "Del",
    "Backspace",
    "Space",
    "PgUp",
    "PgDown",
}


def technical_names() -> set[str]:
    """Names that are identifiers in a .dlsim file (layer types, function, data-set and optimizer
    parameter names): the same word in every language, as the file and exported code spell them."""
    names = set(REGISTRY)
    for module in (activations, initializers, losses):
        names.update(module.NAMES)
    names.update(datasets.TYPES)
    names.update(p.name for p in optimizers.CLIP_SCHEMA)  # clipnorm: Keras spells it so
    return {word for name in names for word in WORD.findall(name)} | names


def english_words(text: str, allowed: set[str]) -> list[str]:
    """The English words in `text` outside `allowed`, whatever their case (HTML, code, paths,
    citations and bracketed formulas set aside)."""
    plain = PATH.sub(" ", CODE.sub(" ", TAG.sub(" ", ENTITY.sub(" ", text))))
    plain = CITATION.sub(" ", BRACKETS.sub(" ", plain))
    plain = plain.replace("&", "")  # mnemonics: "&File"
    lower = {a.lower() for a in allowed}
    return [w for w in WORD.findall(plain) if w.lower() not in lower]


def is_korean(text: str) -> bool:
    return bool(HANGUL.search(text))


def readable_texts(top: QWidget) -> set[str]:
    """Every text of `top` and its visible descendants, its menus and its graphics scenes."""
    texts: set[str] = set()
    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        if widget is not top and not widget.isVisibleTo(top) and not isinstance(widget, QMenu):
            continue
        texts.update(_widget_texts(widget))
    menus: list[QMenu] = list(top.findChildren(QMenu))
    if isinstance(top, QMainWindow):
        menus += [a.menu() for a in top.menuBar().actions() if a.menu() is not None]
    for toolbar in top.findChildren(QToolBar):
        texts.update(_action_texts(toolbar.actions()))
    for menu in _all_menus(menus):
        if menu.aboutToShow is not None:
            menu.aboutToShow.emit()  # menus filled on demand (Open Recent)
        texts.add(menu.title())
        texts.update(_action_texts(menu.actions()))
    return {t.strip() for t in texts if t and t.strip()}


def _all_menus(menus: Iterable[QMenu]) -> list[QMenu]:
    seen: list[QMenu] = []
    todo = list(menus)
    while todo:
        menu = todo.pop()
        if menu in seen:
            continue
        seen.append(menu)
        todo += [a.menu() for a in menu.actions() if a.menu() is not None]
    return seen


def _action_texts(actions) -> list[str]:
    out = []
    for action in actions:
        if action.isSeparator():
            continue
        out += [action.text(), action.iconText(), action.toolTip(), action.statusTip()]
    return out


def _widget_texts(widget: QWidget) -> list[str]:
    out = [widget.toolTip(), widget.statusTip(), widget.accessibleName()]
    if widget.isWindow() or isinstance(widget, QDockWidget):
        out.append(widget.windowTitle())
    if isinstance(widget, QLabel | QAbstractButton):
        out.append(widget.text())
    elif isinstance(widget, QGroupBox):
        out.append(widget.title())
    elif isinstance(widget, QLineEdit):
        out.append(widget.placeholderText())
    elif isinstance(widget, QTextEdit):
        out.append(widget.toPlainText())
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            out += [widget.tabText(i), widget.tabToolTip(i)]
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            out.append(widget.itemText(i))
    elif isinstance(widget, QListWidget):
        for i in range(widget.count()):
            item = widget.item(i)
            out += [item.text(), item.toolTip(), item.statusTip()]
    elif isinstance(widget, QTreeWidget):
        stack = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
        while stack:
            item = stack.pop()
            out += [item.text(0), item.toolTip(0), item.statusTip(0)]
            stack += [item.child(i) for i in range(item.childCount())]
    elif isinstance(widget, QTableWidget):
        for col in range(widget.columnCount()):
            header = widget.horizontalHeaderItem(col)
            if header is not None:
                out += [header.text(), header.toolTip()]
    elif isinstance(widget, QGraphicsView) and widget.scene() is not None:
        out += _scene_texts(widget)
    return out


def _scene_texts(view: QGraphicsView) -> list[str]:
    out = []
    for item in view.scene().items():
        out.append(item.toolTip())
        if isinstance(item, pg.AxisItem) and item.isVisible():
            out.append(item.labelText)
        elif isinstance(item, pg.TextItem):
            out.append(item.toPlainText())
        elif isinstance(item, pg.LabelItem):
            out.append(item.text)
    return out
