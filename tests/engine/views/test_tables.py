"""Plotted data as CSV."""

import csv
import io

import numpy as np

from dlsim.engine.views.tables import histogram_rows, table_csv, weight_rows


def test_table_csv_writes_exact_floats_and_pads_short_columns():
    text = table_csv({"step": [0, 1, 2], "loss": np.array([0.1, 1 / 3])})
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["step", "loss"]
    assert float(rows[2][1]) == 1 / 3, "round trip is exact"
    assert rows[3] == ["2", ""]


def test_weight_rows_list_every_entry_once():
    params = {"h": {"W": np.arange(6.0).reshape(2, 3), "b": np.array([7.0, 8.0, 9.0])}}
    cols = weight_rows(params)
    assert len(cols["value"]) == 6 + 3
    i = cols["value"].index(5.0)
    assert (cols["parameter"][i], cols["row"][i], cols["column"][i]) == ("W", 1, 2)


def test_histogram_rows_have_one_row_per_bin():
    stats = {
        "h": {
            "hist": np.array([1, 2]),
            "edges": np.array([0.0, 0.5, 1.0]),
            "dead_fraction": 0.25,
            "saturated_fraction": None,
        }
    }
    cols = histogram_rows(stats)
    assert cols["count"] == [1, 2] and cols["bin_right"] == [0.5, 1.0]
