"""Step records: the activation histograms the plots show are NumPy's, bin for bin."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from dlsim.engine.training.trainer import HIST_BINS, histogram

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False, width=64)


@settings(max_examples=300, deadline=None)
@given(arrays(np.float64, st.integers(1, 300), elements=finite))
def test_histogram_counts_like_numpy(values):
    lo, hi = float(values.min()), float(values.max())
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    counts, edges = histogram(values, lo, hi)
    expected_counts, expected_edges = np.histogram(values, HIST_BINS, range=(lo, hi))
    np.testing.assert_array_equal(counts, expected_counts)
    np.testing.assert_array_equal(edges, expected_edges)
    assert counts.sum() == values.size, "every value lands in a bin"


def test_values_on_bin_edges_fall_in_the_upper_bin_except_the_last():
    values = np.linspace(0.0, 3.0, HIST_BINS + 1)  # exactly the edges of range (0, 3)
    counts, _edges = histogram(values, 0.0, 3.0)
    assert counts.tolist() == [1] * (HIST_BINS - 1) + [2]
