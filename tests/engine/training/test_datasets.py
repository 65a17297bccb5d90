"""Data sets: shapes, tasks, seeded splits, Iris, CSV import, bad input and augmentation."""

import csv

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.training.datasets import HELP, SCHEMA, TYPES, Dataset, augment, make_dataset

IRIS = resources.dataset_path("iris.csv")
TOYS = ("circle", "xor", "gaussians", "spiral", "moons")


def make(spec, seed=0, **kwargs):
    return make_dataset(spec, np.random.default_rng(seed), **kwargs)


def all_rows(d: Dataset):
    return np.vstack([d.x_train, d.x_val]), np.vstack([d.y_train, d.y_val])


def labels(y):
    return y.argmax(axis=1) if y.shape[1] > 1 else y[:, 0].astype(int)


def write_csv(path, header, rows):
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


# --- schema --------------------------------------------------------------------------------


def test_every_type_has_schema_and_help():
    assert set(TYPES) == set(SCHEMA) == set(HELP)
    for params in SCHEMA.values():
        for p in params:
            assert p.name and p.kind and p.help and p.title
            if p.kind == "choice":
                assert p.default in p.choices


def test_schema_defaults_are_the_documented_ones():
    defaults = {t: {p.name: p.default for p in SCHEMA[t]} for t in TYPES}
    spiral = {"n": 200, "noise": 0.1, "val_split": 0.2, "classes": 2, "seed": 0}
    assert defaults["spiral"] == spiral
    assert defaults["regression_1d"] == {"n": 30, "noise": 0.2, "val_split": 0.5, "seed": 0}
    assert defaults["iris"] == {"val_split": 0.2, "standardize": True}


# --- inline and truth tables ---------------------------------------------------------------


def test_inline_single_sample_is_the_lecture_example_unsplit():
    d = make({"type": "inline", "x": [[0.1, 0.2]], "y": [[0.4, 0.6]]})
    assert d.x_train.tolist() == [[0.1, 0.2]]
    assert d.y_train.tolist() == [[0.4, 0.6]]
    assert (d.n_train, d.n_val, d.n_features, d.n_outputs) == (1, 0, 2, 2)
    assert d.x_val.shape == (0, 2) and d.y_val.shape == (0, 2)
    assert d.task == "regression"


def test_inline_flat_y_is_one_output_and_zero_one_targets_are_binary():
    d = make({"type": "inline", "x": [[0, 0], [0, 1], [1, 0]], "y": [0, 1, 1]})
    assert d.y_train.shape == (3, 1)
    assert d.task == "binary"
    assert d.x_train.tolist() == [[0, 0], [0, 1], [1, 0]]  # no split: order kept


def test_inline_one_hot_targets_are_multiclass():
    d = make({"type": "inline", "x": [[0.0], [1.0], [2.0]], "y": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]})
    assert d.task == "multiclass"


def test_inline_with_val_split_is_split():
    x = [[float(i)] for i in range(10)]
    d = make({"type": "inline", "x": x, "y": list(range(10)), "val_split": 0.3})
    assert (d.n_train, d.n_val) == (7, 3)
    np.testing.assert_array_equal(np.sort(all_rows(d)[0][:, 0]), np.arange(10))


@pytest.mark.parametrize(
    ("gate", "table"),
    [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]), ("nand", [1, 1, 1, 0]), ("xor", [0, 1, 1, 0])],
)
def test_truth_tables_are_exact_and_in_order(gate, table):
    d = make({"type": "truth_table", "gate": gate}, seed=123)
    assert d.x_train.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert d.y_train.tolist() == [[v] for v in table]
    assert d.n_val == 0
    assert d.task == "binary"


# --- 2-D toys and the regression curve ------------------------------------------------------


@pytest.mark.parametrize("kind", TOYS)
def test_toy_shapes_and_split_sizes(kind):
    d = make({"type": kind, "n": 250, "val_split": 0.3})
    # round(0.3 * 250) = 75 validation rows.
    assert d.x_train.shape == (175, 2) and d.x_val.shape == (75, 2)
    assert d.y_train.shape == (175, 1) and d.y_val.shape == (75, 1)
    assert d.task == "binary"
    assert set(np.unique(d.y_train)) <= {0.0, 1.0}
    assert np.abs(all_rows(d)[0]).max() < 2.0  # about the [-1, 1] scale


@pytest.mark.parametrize("kind", TOYS)
def test_toys_use_sensible_defaults(kind):
    d = make({"type": kind})
    assert (d.n_train, d.n_val) == (160, 40)


@pytest.mark.parametrize("kind", [*TOYS, "regression_1d", "iris"])
def test_same_seed_same_arrays_different_seed_different_arrays(kind):
    a, b, c = make({"type": kind}, seed=7), make({"type": kind}, seed=7), make({"type": kind}, 8)
    for name in ("x_train", "y_train", "x_val", "y_val"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    assert not np.array_equal(a.x_train, c.x_train)


@pytest.mark.parametrize("kind", ["circle", "xor", "moons", "spiral", "gaussians"])
def test_two_class_toys_are_balanced(kind):
    d = make({"type": kind, "n": 301})
    counts = np.bincount(labels(all_rows(d)[1]), minlength=2)
    assert sorted(counts.tolist()) == [150, 151]


@pytest.mark.parametrize("kind", ["spiral", "gaussians"])
@pytest.mark.parametrize("k", [3, 4, 5])
def test_many_classes_are_one_hot_and_balanced(kind, k):
    d = make({"type": kind, "n": 200, "classes": k})
    assert d.task == "multiclass"
    assert d.n_outputs == k and len(d.target_names) == k
    y = all_rows(d)[1]
    np.testing.assert_array_equal(y.sum(axis=1), np.ones(200))
    counts = np.bincount(labels(y), minlength=k)
    assert counts.max() - counts.min() <= 1


def test_two_class_spiral_is_a_single_binary_output():
    d = make({"type": "spiral", "classes": 2})
    assert d.task == "binary" and d.n_outputs == 1


def test_circle_class_one_is_inside():
    d = make({"type": "circle", "n": 400, "noise": 0.0})
    x, y = all_rows(d)
    radius = np.hypot(x[:, 0], x[:, 1])
    assert radius[y[:, 0] == 1].max() <= 0.5 + 1e-12
    assert radius[y[:, 0] == 0].min() >= 0.7 - 1e-12


def test_xor_class_is_whether_the_signs_differ():
    d = make({"type": "xor", "n": 400, "noise": 0.0})
    x, y = all_rows(d)
    np.testing.assert_array_equal(y[:, 0], (x[:, 0] * x[:, 1] < 0).astype(float))


def test_gaussian_blobs_spread_by_noise():
    d = make({"type": "gaussians", "n": 20000, "noise": 0.05})
    x, y = all_rows(d)
    for c in (0, 1):
        assert x[y[:, 0] == c].std(axis=0) == pytest.approx([0.05, 0.05], rel=0.05)


def test_noise_moves_points_by_about_noise():
    clean = make({"type": "moons", "n": 5000, "noise": 0.0}, seed=5)
    noisy = make({"type": "moons", "n": 5000, "noise": 0.3}, seed=5)
    # Same seed, same draw order: the only difference is the added N(0, 0.3^2) jitter.
    moved = noisy.x_train - clean.x_train
    assert moved.std() == pytest.approx(0.3, rel=0.05)


def test_regression_curve_follows_sine_within_noise():
    d = make({"type": "regression_1d", "n": 1000, "noise": 0.2, "val_split": 0.0})
    assert d.x_train.shape == (1000, 1) and d.y_train.shape == (1000, 1)
    assert d.task == "regression"
    assert d.x_train.min() >= -1 and d.x_train.max() <= 1
    residual = d.y_train[:, 0] - np.sin(np.pi * d.x_train[:, 0])
    assert residual.std() == pytest.approx(0.2, rel=0.1)


def test_regression_defaults_split_half_of_thirty():
    d = make({"type": "regression_1d"})
    assert (d.n_train, d.n_val) == (15, 15)


def test_float32_dtype_is_honoured():
    d = make({"type": "spiral"}, dtype=np.float32)
    assert d.x_train.dtype == np.float32 and d.y_val.dtype == np.float32


def test_dataset_arrays_are_read_only():
    d = make({"type": "moons"})
    with pytest.raises(ValueError):
        d.x_train[0, 0] = 1.0


# --- Iris -----------------------------------------------------------------------------------


def read_iris():
    with IRIS.open() as handle:
        rows = list(csv.DictReader(handle))
    names = ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"]
    return np.array([[float(r[c]) for c in names] for r in rows]), [r["species"] for r in rows]


def test_iris_has_150_rows_4_features_3_one_hot_classes():
    d = make({"type": "iris"})
    assert (d.n_train, d.n_val) == (120, 30)
    assert (d.n_features, d.n_outputs) == (4, 3)
    assert d.task == "multiclass"
    assert d.target_names == ("setosa", "versicolor", "virginica")
    y = all_rows(d)[1]
    np.testing.assert_array_equal(y.sum(axis=1), np.ones(150))
    assert np.bincount(labels(y)).tolist() == [50, 50, 50]


def test_iris_standardizes_with_the_train_split_statistics():
    raw = make({"type": "iris", "standardize": False}, seed=3)
    std = make({"type": "iris"}, seed=3)
    mean, sd = raw.x_train.mean(axis=0), raw.x_train.std(axis=0)
    np.testing.assert_allclose(std.x_train, (raw.x_train - mean) / sd)
    np.testing.assert_allclose(std.x_val, (raw.x_val - mean) / sd)
    np.testing.assert_allclose(std.x_train.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(std.x_train.std(axis=0), 1)


def test_iris_rows_are_the_csv_rows_with_their_species():
    x_file, species = read_iris()
    d = make({"type": "iris", "standardize": False})
    x, y = all_rows(d)
    assert sorted(map(tuple, x.tolist())) == sorted(map(tuple, x_file.tolist()))
    names = np.array(d.target_names)[labels(y)]
    lookup = {tuple(row): s for row, s in zip(x_file.tolist(), species, strict=True)}
    assert all(lookup[tuple(row)] == s for row, s in zip(x.tolist(), names, strict=True))


# --- CSV import ----------------------------------------------------------------------------


def test_csv_numeric_regression_with_defaults(tmp_path):
    rows = [[i, 2 * i, 3 * i + 0.5] for i in range(10)]
    write_csv(tmp_path / "data.csv", ["a", "b", "out"], rows)
    d = make({"type": "csv", "path": "data.csv", "val_split": 0.0}, base_dir=tmp_path)
    assert d.task == "regression"
    assert d.feature_names == ("a", "b") and d.target_names == ("out",)
    x, y = all_rows(d)
    np.testing.assert_allclose(y[:, 0], 3 * x[:, 0] + 0.5)
    np.testing.assert_allclose(x[:, 1], 2 * x[:, 0])


def test_csv_string_labels_become_one_hot_classes(tmp_path):
    rows = [[i, -i, ["cat", "dog", "bird"][i % 3]] for i in range(9)]
    path = write_csv(tmp_path / "pets.csv", ["w", "h", "kind"], rows)
    d = make({"type": "csv", "path": str(path), "val_split": 0.0})
    assert d.task == "multiclass"
    assert d.target_names == ("bird", "cat", "dog")
    x, y = all_rows(d)
    expected = np.array(["cat", "dog", "bird"])[x[:, 0].astype(int) % 3]
    np.testing.assert_array_equal(np.array(d.target_names)[y.argmax(axis=1)], expected)


def test_csv_chosen_columns_and_zero_one_target_is_binary(tmp_path):
    rows = [[i, i % 2, 100 + i] for i in range(8)]
    write_csv(tmp_path / "d.csv", ["a", "flag", "c"], rows)
    spec = {"type": "csv", "path": "d.csv", "features": ["c", "a"], "target": "flag"}
    d = make(spec, base_dir=tmp_path)
    assert d.task == "binary" and d.feature_names == ("c", "a")
    x, y = all_rows(d)
    np.testing.assert_array_equal(x[:, 0], x[:, 1] + 100)
    np.testing.assert_array_equal(y[:, 0], x[:, 1] % 2)


def test_csv_numeric_classes_when_asked(tmp_path):
    write_csv(tmp_path / "d.csv", ["a", "grade"], [[i, 1 + i % 3] for i in range(9)])
    spec = {"type": "csv", "path": "d.csv", "task": "classification", "val_split": 0}
    d = make(spec, base_dir=tmp_path)
    assert d.task == "multiclass" and d.target_names == ("1", "2", "3")


def test_csv_standardize_uses_train_statistics(tmp_path):
    write_csv(tmp_path / "d.csv", ["a", "y"], [[i * i, i] for i in range(20)])
    raw = make({"type": "csv", "path": "d.csv"}, seed=1, base_dir=tmp_path)
    std = make({"type": "csv", "path": "d.csv", "standardize": True}, seed=1, base_dir=tmp_path)
    mean, sd = raw.x_train.mean(axis=0), raw.x_train.std(axis=0)
    np.testing.assert_allclose(std.x_val, (raw.x_val - mean) / sd)


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "named"),
    [
        ({"type": "spirall"}, "spirall"),
        ({"n": 10}, "type"),
        ({"type": "spiral", "nosie": 0.1}, "nosie"),
        ({"type": "spiral", "n": 0}, "'n'"),
        ({"type": "spiral", "n": 10_000_000}, "'n'"),
        ({"type": "spiral", "n": 2.5}, "'n'"),
        ({"type": "spiral", "n": "many"}, "'n'"),
        ({"type": "spiral", "n": True}, "'n'"),
        ({"type": "spiral", "noise": -0.1}, "'noise'"),
        ({"type": "spiral", "noise": float("nan")}, "'noise'"),
        ({"type": "spiral", "val_split": 0.95}, "'val_split'"),
        ({"type": "spiral", "classes": 6}, "'classes'"),
        ({"type": "circle", "classes": 3}, "'classes'"),
        ({"type": "iris", "standardize": "yes"}, "'standardize'"),
        ({"type": "truth_table", "gate": "nor"}, "'gate'"),
        ({"type": "truth_table", "val_split": 0.5}, "'val_split'"),
        ({"type": "spiral", "n": 4, "val_split": 0.9}, "'val_split'"),
        ({"type": "inline", "y": [[1]]}, "'x'"),
        ({"type": "inline", "x": [[1, 2], [3]], "y": [1, 2]}, "'x'"),
        ({"type": "inline", "x": [1, 2], "y": [1, 2]}, "'x'"),
        ({"type": "inline", "x": [[1], [2]], "y": [1, 2, 3]}, "'y'"),
        ({"type": "inline", "x": [[1], [2]], "y": [1, "a"]}, "'y'"),
        ({"type": "csv"}, "'path'"),
        ({"type": "csv", "path": "x.csv", "task": "guess"}, "'task'"),
        ({"type": "csv", "path": "x.csv", "features": "a"}, "'features'"),
    ],
)
def test_bad_specs_raise_an_error_naming_the_key(spec, named):
    with pytest.raises(DlsimError, match=named):
        make(spec)


def test_spec_must_be_an_object():
    with pytest.raises(DlsimError, match="dataset"):
        make_dataset([1, 2], np.random.default_rng(0))


def test_csv_missing_file_names_the_file(tmp_path):
    with pytest.raises(DlsimError, match="nothere.csv"):
        make({"type": "csv", "path": "nothere.csv"}, base_dir=tmp_path)


def test_csv_missing_column_names_file_and_column(tmp_path):
    write_csv(tmp_path / "d.csv", ["a", "b"], [[1, 2], [3, 4]])
    with pytest.raises(DlsimError, match=r"'zz'.*d\.csv"):
        make({"type": "csv", "path": "d.csv", "target": "zz"}, base_dir=tmp_path)
    with pytest.raises(DlsimError, match=r"'qq'.*d\.csv"):
        make({"type": "csv", "path": "d.csv", "features": ["a", "qq"]}, base_dir=tmp_path)


def test_csv_non_numeric_feature_names_file_line_and_column(tmp_path):
    write_csv(tmp_path / "d.csv", ["a", "b", "y"], [[1, 2, 0], [3, "oops", 1], [5, 6, 0]])
    # Header is line 1, so the second data row is line 3.
    with pytest.raises(DlsimError, match=r"d\.csv line 3, column 'b'.*oops"):
        make({"type": "csv", "path": "d.csv"}, base_dir=tmp_path)


def test_csv_text_target_cannot_be_regression(tmp_path):
    write_csv(tmp_path / "d.csv", ["a", "y"], [[1, "red"], [2, "blue"]])
    with pytest.raises(DlsimError, match=r"d\.csv line 2, column 'y'"):
        make({"type": "csv", "path": "d.csv", "task": "regression"}, base_dir=tmp_path)


def test_csv_ragged_row_names_the_line(tmp_path):
    (tmp_path / "d.csv").write_text("a,b,y\n1,2,0\n3,4\n")
    with pytest.raises(DlsimError, match=r"d\.csv line 3"):
        make({"type": "csv", "path": "d.csv"}, base_dir=tmp_path)


def test_csv_empty_file_names_the_file(tmp_path):
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(DlsimError, match="empty.csv"):
        make({"type": "csv", "path": "empty.csv"}, base_dir=tmp_path)


def test_csv_target_also_listed_as_feature_is_refused(tmp_path):
    write_csv(tmp_path / "d.csv", ["a", "y"], [[1, 0], [2, 1]])
    with pytest.raises(DlsimError, match="'y'"):
        make({"type": "csv", "path": "d.csv", "features": ["a", "y"]}, base_dir=tmp_path)


def test_csv_repeated_column_name_is_named(tmp_path):
    (tmp_path / "d.csv").write_text("a,b,a\n1,2,3\n")
    with pytest.raises(DlsimError, match=r"d\.csv.*'a'"):
        make({"type": "csv", "path": "d.csv"}, base_dir=tmp_path)


def test_csv_single_class_target_is_refused(tmp_path):
    write_csv(tmp_path / "d.csv", ["a", "kind"], [[1, "cat"], [2, "cat"]])
    with pytest.raises(DlsimError, match=r"'kind'.*d\.csv"):
        make({"type": "csv", "path": "d.csv", "val_split": 0}, base_dir=tmp_path)


# --- augmentation --------------------------------------------------------------------------


def test_augment_keeps_shape_and_jitters_by_about_noise():
    x = np.linspace(-1, 1, 40_000).reshape(20_000, 2)
    out = augment(x, np.random.default_rng(0), 0.05)
    assert out.shape == x.shape and out is not x
    assert (out - x).std() == pytest.approx(0.05, rel=0.05)
    assert abs((out - x).mean()) < 0.005
    np.testing.assert_array_equal(x, np.linspace(-1, 1, 40_000).reshape(20_000, 2))


def test_augment_is_seeded_and_zero_noise_is_a_copy():
    x = np.ones((3, 2))
    a = augment(x, np.random.default_rng(1), 0.1)
    b = augment(x, np.random.default_rng(1), 0.1)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(augment(x, np.random.default_rng(1), 0.0), x)


def test_augment_keeps_float32():
    x = np.zeros((4, 2), dtype=np.float32)
    assert augment(x, np.random.default_rng(0), 0.1).dtype == np.float32


def test_augment_rejects_negative_noise():
    with pytest.raises(DlsimError, match="noise"):
        augment(np.zeros((2, 2)), np.random.default_rng(0), -1.0)
