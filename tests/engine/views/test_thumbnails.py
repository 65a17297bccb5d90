"""The data-set pictures come from the engine's own generators: a picture's points are the data
set's samples, scaled into the unit square, coloured by class or by target."""

from __future__ import annotations

import numpy as np
import pytest

from dlsim.engine.training import datasets
from dlsim.engine.views.boundary import class_labels
from dlsim.engine.views.thumbnails import (
    PICTURE_NOISE,
    PICTURE_SEED,
    PICTURES,
    matching_picture,
    thumbnail,
)


@pytest.mark.parametrize("picture", PICTURES, ids=lambda p: p.key)
def test_a_picture_is_its_generators_samples_scaled_into_the_unit_square(picture):
    thumb = thumbnail(picture.spec, n=50)
    spec = {**picture.spec, "n": 50, "noise": PICTURE_NOISE, "val_split": 0.0}
    data = datasets.make_dataset(spec, np.random.default_rng(PICTURE_SEED))
    x = data.x_train if data.n_features == 2 else np.hstack([data.x_train, data.y_train])
    scaled = (x - x.min(axis=0)) / (x.max(axis=0) - x.min(axis=0))
    np.testing.assert_allclose(thumb.points, scaled)
    if data.task == "regression":
        assert thumb.classes == 0
        y = data.y_train[:, 0]
        np.testing.assert_allclose(thumb.colour, (y - y.min()) / (y.max() - y.min()))
    else:
        assert thumb.classes == 2
        np.testing.assert_array_equal(thumb.colour, class_labels(data.y_train))


def test_every_generated_2d_and_1d_data_set_has_a_picture_and_each_key_one_spec():
    keys = [p.key for p in PICTURES]
    assert len(keys) == len(set(keys))
    kinds = {p.spec["type"] for p in PICTURES}
    assert kinds == {k for k in datasets.TYPES if "noise" in {q.name for q in datasets.SCHEMA[k]}}


def test_the_documents_data_set_finds_its_picture():
    for picture in PICTURES:
        assert matching_picture({**picture.spec, "noise": 0.3, "seed": 2}) == picture.key
    assert matching_picture({"type": "function"}) == "function_sin"  # the default curve
    assert matching_picture({"type": "iris"}) is None
