"""Plotted data as CSV: long-format columns for histograms and weights, exact floats."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np


def histogram_rows(stats: Mapping[str, Mapping[str, Any]]) -> dict[str, list[Any]]:
    """Activation histograms of every layer as long-format columns for a CSV file."""
    cols: dict[str, list[Any]] = {
        k: [] for k in ("layer", "bin_left", "bin_right", "count", "dead_fraction", "saturated")
    }
    for nid, s in stats.items():
        edges, counts = np.asarray(s["edges"]), np.asarray(s["hist"])
        for i, c in enumerate(counts):
            cols["layer"].append(nid)
            cols["bin_left"].append(float(edges[i]))
            cols["bin_right"].append(float(edges[i + 1]))
            cols["count"].append(int(c))
            cols["dead_fraction"].append(s.get("dead_fraction"))
            cols["saturated"].append(s.get("saturated_fraction"))
    return cols


def weight_rows(params: Mapping[str, Mapping[str, np.ndarray]]) -> dict[str, list[Any]]:
    """Every parameter entry as (layer, parameter, row, column, value) columns for a CSV file."""
    cols: dict[str, list[Any]] = {k: [] for k in ("layer", "parameter", "row", "column", "value")}
    for nid, values in params.items():
        for name, arr in values.items():
            a = np.atleast_2d(np.asarray(arr, dtype=np.float64))
            rows, columns = np.indices(a.shape)
            n = a.size
            cols["layer"].extend([nid] * n)
            cols["parameter"].extend([name] * n)
            cols["row"].extend(rows.ravel().tolist())
            cols["column"].extend(columns.ravel().tolist())
            cols["value"].extend(a.ravel().tolist())
    return cols


def table_csv(columns: Mapping[str, Sequence[Any] | np.ndarray]) -> str:
    """CSV text with one column per entry; shorter columns end in empty cells; floats exact."""
    names = list(columns)
    data = [
        list(np.asarray(c).tolist()) if isinstance(c, np.ndarray) else list(c)
        for c in columns.values()
    ]
    n = max((len(c) for c in data), default=0)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    for i in range(n):
        writer.writerow([_cell(c[i]) if i < len(c) else "" for c in data])
    return buf.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float | np.floating):
        return repr(float(value))
    return str(value)
