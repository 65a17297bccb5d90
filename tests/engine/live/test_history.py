"""Metric histories: bounded memory, honest bucket means, and no NaN handed to a plot."""

import threading
import time
import tracemalloc

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dlsim.engine.errors import DlsimError
from dlsim.engine.live.history import DecimatingSeries, MetricsHistory


def _true_buckets(y: np.ndarray, x_stored: np.ndarray) -> tuple[np.ndarray, ...]:
    """Mean, min and max of the raw values each stored point stands for: [x_k, x_{k+1})."""
    starts = x_stored.astype(np.int64)
    counts = np.diff(np.append(starts, len(y)))
    return (
        np.add.reduceat(y, starts) / counts,
        np.minimum.reduceat(y, starts),
        np.maximum.reduceat(y, starts),
    )


def test_a_million_appends_stay_within_capacity_and_keep_true_bucket_means():
    n = 1_000_000
    i = np.arange(n)
    y = np.sin(i / 5000.0) * 10 + (i % 7)  # a slow wave with a fast saw-tooth riding on it
    s = DecimatingSeries(capacity=4096)
    for k in range(n):
        s.append(k, y[k])

    x, ym = s.arrays()
    assert len(x) <= 4096 and len(s) <= 4096
    assert s.count == n
    # The whole range is covered: from the first x to within one bucket of the last.
    assert x[0] == 0
    assert np.all(np.diff(x) == s.stride)
    assert 0 <= (n - 1) - x[-1] < s.stride
    # Each stored y is the mean of exactly the raw values it summarises; min/max likewise.
    mean, lo, hi = _true_buckets(y, x)
    np.testing.assert_allclose(ym, mean, rtol=1e-12, atol=1e-12)
    xe, ymin, ymax = s.envelope()
    np.testing.assert_array_equal(xe, x)
    np.testing.assert_array_equal(ymin, lo)
    np.testing.assert_array_equal(ymax, hi)


def test_halving_by_hand():
    # capacity 4, y = 0..7: after four points pairs merge to means 0.5 and 2.5 (stride 2);
    # 4,5 and 6,7 fill it again → means (0+1+2+3)/4 = 1.5 at x=0 and (4+5+6+7)/4 = 5.5 at x=4.
    s = DecimatingSeries(capacity=4)
    for k in range(8):
        s.append(k, k)
    x, y = s.arrays()
    np.testing.assert_array_equal(x, [0, 4])
    np.testing.assert_array_equal(y, [1.5, 5.5])
    assert s.stride == 4
    # A ninth point opens a new bucket that is shown at once, not after three more points.
    s.append(8, 100.0)
    x, y = s.arrays()
    np.testing.assert_array_equal(x, [0, 4, 8])
    np.testing.assert_array_equal(y, [1.5, 5.5, 100.0])


def test_memory_stays_flat_after_the_buffers_fill():
    s = DecimatingSeries(capacity=1024)
    for k in range(5000):  # past the first halvings
        s.append(k, k * 0.5)
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        for k in range(5000, 305_000):
            s.append(k, k * 0.5)
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert after - before < 4096  # bytes: nothing grows with the number of appends
    assert len(s) <= 1024


def test_appending_is_cheap():
    s = DecimatingSeries()
    t0 = time.perf_counter()
    for k in range(200_000):
        s.append(k, 1.0)
    per_append = (time.perf_counter() - t0) / 200_000
    assert per_append < 10e-6  # well under the 20 µs a 50k steps/s run allows


def test_nonfinite_values_are_flagged_never_averaged_in():
    s = DecimatingSeries(capacity=4)
    for k, v in enumerate([1.0, np.nan, 3.0, np.inf]):
        s.append(k, v)
    # Merged pairs: {1, NaN} → mean of the finite values = 1; {3, inf} → 3.
    x, y = s.arrays()
    np.testing.assert_array_equal(x, [0, 2])
    np.testing.assert_array_equal(y, [1.0, 3.0])
    np.testing.assert_array_equal(s.nonfinite_x(), [0, 2])
    # A bucket with nothing finite in it is left out of the plot data…
    s.append(4, np.nan)
    s.append(5, -np.inf)
    x, y = s.arrays()
    np.testing.assert_array_equal(x, [0, 2])
    assert np.all(np.isfinite(y))
    # …but kept, as NaN, when asked for explicitly, and reported as non-finite.
    x_all, y_all = s.arrays(finite_only=False)
    np.testing.assert_array_equal(x_all, [0, 2, 4])
    assert np.isnan(y_all[2])
    np.testing.assert_array_equal(s.nonfinite_x(), [0, 2, 4])
    assert s.last == (5.0, -np.inf)  # the raw last value, for a readout


def test_arrays_are_copies():
    s = DecimatingSeries(capacity=8)
    s.append(0, 1.0)
    x, y = s.arrays()
    x[0], y[0] = 99.0, 99.0
    assert s.arrays()[0][0] == 0.0 and s.arrays()[1][0] == 1.0


def test_capacity_must_be_even_and_at_least_two():
    for bad in (0, 1, 7):
        with pytest.raises(DlsimError, match="capacity"):
            DecimatingSeries(capacity=bad)


def test_clear_forgets_points_but_not_capacity():
    s = DecimatingSeries(capacity=4)
    for k in range(10):
        s.append(k, k)
    s.clear()
    assert len(s) == 0 and s.count == 0 and s.stride == 1 and s.last is None
    s.append(0, 2.0)
    np.testing.assert_array_equal(s.arrays()[1], [2.0])


def test_metrics_history_creates_series_on_first_append_and_counts_versions():
    h = MetricsHistory(capacity=16)
    v0 = h.version
    assert h.names() == []
    x, y = h.series("val_loss")  # not there yet: empty, so a plot can be made before training
    assert x.size == 0 and y.size == 0
    h.append("loss", 0, 1.0)
    h.extend(1, {"loss": 0.5, "grad_norm/h": 2.0})
    assert h.names() == ["loss", "grad_norm/h"]
    assert h.version == v0 + 2
    np.testing.assert_array_equal(h.series("loss")[0], [0, 1])
    np.testing.assert_array_equal(h.series("loss")[1], [1.0, 0.5])
    assert h.last("grad_norm/h") == (1.0, 2.0)
    h.add_event(1, "something happened")
    assert h.events() == [(1.0, "something happened")]
    h.clear()
    assert h.names() == [] and h.events() == [] and h.version == v0 + 4


def test_reader_and_writer_threads_see_consistent_series():
    h = MetricsHistory(capacity=256)
    n = 100_000
    problems: list[str] = []

    def write() -> None:
        for k in range(n):
            h.extend(k, {"loss": 1.0 / (k + 1), "grad_norm/h": float(k)})

    writer = threading.Thread(target=write)
    writer.start()
    reads = 0
    while writer.is_alive() or reads == 0:
        for name in ("loss", "grad_norm/h"):
            x, y = h.series(name)
            if len(x) != len(y) or np.any(np.diff(x) <= 0) or not np.all(np.isfinite(y)):
                problems.append(f"{name}: inconsistent read")
        reads += 1
    writer.join(timeout=30)
    assert not problems
    x, y = h.series("grad_norm/h")
    stride = x[1] - x[0]
    assert len(x) <= 256 and x[0] == 0 and 0 <= (n - 1) - x[-1] < stride
    # y = x, so a full bucket's mean is x + (stride - 1)/2; the open last one ends at n - 1.
    np.testing.assert_allclose(y[:-1], x[:-1] + (stride - 1) / 2)
    assert y[-1] == (x[-1] + n - 1) / 2


def _apply(history: MetricsHistory, op: tuple) -> None:
    kind = op[0]
    if kind == "extend":
        history.extend(op[1], op[2])
    elif kind == "append":
        history.append(op[1], op[2], op[3])
    elif kind == "event":
        history.add_event(op[1], op[2])
    else:
        history.clear()


_names = st.sampled_from(["loss", "val_loss", "grad_norm/h"])
_values = st.floats(allow_nan=True, allow_infinity=True, width=64)
_ops = st.lists(
    st.one_of(
        st.tuples(st.just("extend"), st.integers(0, 10**6), st.dictionaries(_names, _values)),
        st.tuples(st.just("append"), _names, st.integers(0, 10**6), _values),
        st.tuples(st.just("event"), st.integers(0, 10**6), st.text(max_size=5)),
        st.tuples(st.just("clear")),
    ),
    max_size=200,
)


@settings(max_examples=150, deadline=None)
@given(_ops, st.lists(st.integers(1, 40), min_size=1))
def test_a_replayed_journal_gives_an_identical_history(ops, chunks):
    """What a training process records, replayed in the window's process in any number of
    deliveries, reads exactly the same: points, envelopes, NaN markers, events."""
    source, replica = MetricsHistory(8), MetricsHistory(8)
    source.keep_journal()
    i = 0
    for size in chunks * (len(ops) // max(sum(chunks), 1) + 1):
        for op in ops[i : i + size]:
            _apply(source, op)
        i += size
        replica.replay(source.take_journal())
        if i >= len(ops):
            break
    assert replica.names() == source.names()
    assert replica.events() == source.events()
    for name in source.names():
        for got, want in zip(replica.series(name, False), source.series(name, False), strict=True):
            np.testing.assert_array_equal(got, want)
        for got, want in zip(replica.envelope(name), source.envelope(name), strict=True):
            np.testing.assert_array_equal(got, want)
        np.testing.assert_array_equal(replica.nonfinite_x(name), source.nonfinite_x(name))
        assert replica.last(name) == source.last(name)


def test_a_history_without_a_journal_records_nothing():
    history = MetricsHistory()
    history.extend(0, {"loss": 1.0})
    assert history.take_journal() == []
