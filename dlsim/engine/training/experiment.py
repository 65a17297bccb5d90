"""An experiment: one .dlsim document made runnable (graph + data + loss + optimizer + seed).

This is the public scripting API and what the CLI, the session and the GUI all drive. The same
document and seed always give bit-identical runs: the seed feeds one SeedSequence whose three
children draw the data set, the initial weights and the training randomness (shuffling, dropout,
augmentation), so changing one of them does not disturb the others.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import losses, optimizers
from dlsim.engine.nn.graph import GraphSpec, Problem
from dlsim.engine.nn.network import Network
from dlsim.engine.nn.weight_carry import carry_weights, set_entries
from dlsim.engine.text import translate
from dlsim.engine.training import datasets
from dlsim.engine.training.doc_copy import copy_doc
from dlsim.engine.training.fileformat import assemble, migrate, read_document, write_document
from dlsim.engine.training.settings import merge_training, normalize_training
from dlsim.engine.training.timeline import DEFAULT_BUDGET, Timeline
from dlsim.engine.training.trainer import StepRecord, Trainer, accuracy
from dlsim.engine.views.confusion import split_confusions

DOCUMENT_KEYS = ("format", "version", "name", "description", "graph", "weights", "training", "view")
DATA_KEYS = ("dataset", "seed", "dtype")  # the training settings the data set is drawn from


def seed_streams(seed: int) -> list[np.random.SeedSequence]:
    """The seed's three independent streams: the data set, the initial weights, the training."""
    return np.random.SeedSequence(seed).spawn(3)


def training_data(cfg: dict[str, Any], base_dir: str | os.PathLike[str] | None = None):
    """The data set normalized training settings `cfg` draw (from the seed's data stream): the
    one an experiment of them trains on, for views that show it without building one."""
    data_ss = datasets.data_stream(cfg["dataset"], seed_streams(cfg["seed"])[0])
    base = Path(base_dir) if base_dir is not None else None
    return datasets.make_dataset(
        cfg["dataset"], np.random.default_rng(data_ss), dtype=np.dtype(cfg["dtype"]), base_dir=base
    )


class Experiment:
    """A runnable document: build it from a dict or a file, step it, evaluate it, save it."""

    def __init__(
        self,
        doc: dict[str, Any],
        base_dir: str | os.PathLike[str] | None = None,
        *,
        history_bytes: int = DEFAULT_BUDGET,
    ) -> None:
        """`history_bytes` is the memory the run's checkpoints for `state_at` may use."""
        doc = migrate(copy_doc(doc))
        self._history_bytes = history_bytes
        self.base_dir = Path(base_dir) if base_dir is not None else None
        self.name: str = str(doc.get("name", ""))
        self.description: str = str(doc.get("description", ""))
        self.view: dict[str, Any] = copy.deepcopy(doc.get("view", {})) or {}
        self.extra = {k: v for k, v in doc.items() if k not in DOCUMENT_KEYS}
        self.graph = GraphSpec.from_dict(doc.get("graph"))
        self.training = normalize_training(doc.get("training"))
        weights = doc.get("weights") or {}
        if not isinstance(weights, dict):
            raise DlsimError(
                translate("experiment", "'weights' must be an object keyed by node id")
            )
        self.initial_weights: dict[str, Any] = weights  # `doc` is this experiment's own copy
        # single weights typed by hand, (node id, name, index, value): continue_from sets them
        self.hand_set: list[tuple[str, str, tuple[int, ...], float]] = []
        self.reset()
        # checked by reset: kept as arrays, which a big network's copies, pickles and garbage
        # collections handle in one piece rather than number by number
        self.initial_weights = {
            nid: {name: np.array(v, dtype=np.float64) for name, v in values.items()}
            for nid, values in weights.items()
        }

    # --- construction -------------------------------------------------------------------------

    @classmethod
    def from_dict(
        cls, doc: dict[str, Any], base_dir: str | os.PathLike[str] | None = None
    ) -> Experiment:
        return cls(doc, base_dir)

    @classmethod
    def load(
        cls, path: str | os.PathLike[str], *, history_bytes: int = DEFAULT_BUDGET
    ) -> Experiment:
        """Open a .dlsim file; any problem raises DlsimError naming the file."""
        doc = read_document(path)
        try:
            return cls(doc, Path(path).resolve().parent, history_bytes=history_bytes)
        except DlsimError as exc:
            raise DlsimError(
                translate("experiment", "{0}: {1}").format(path, exc), node_id=exc.node_id
            ) from None

    def reset(self, seed: int | None = None) -> None:
        """Start over from the document: same seed → same data, same initial weights."""
        if seed is not None:
            self.training = normalize_training({**self.training, "seed": seed})
        cfg = self.training
        self.dtype = np.dtype(cfg["dtype"])
        _data_ss, init_ss, train_ss = seed_streams(cfg["seed"])
        self.dataset = training_data(cfg, self.base_dir)
        self.network = Network(self.graph, np.random.default_rng(init_ss), self.dtype)
        self._check_sizes()
        if self.initial_weights:
            self.network.set_weights(self.initial_weights)
        self._train_rng = np.random.default_rng(train_ss)
        self._build_trainer()
        self.timeline = Timeline(self, self._history_bytes)

    def continue_from(self, old: Experiment) -> None:
        """Go on from `old` after a graph edit: layers the edit left alone keep old's trained
        weights (edited ones keep their fresh start), and the step and epoch counts go on.

        Which layers count as left alone is `weight_carry`'s rule, the same as undo/redo's;
        `hand_set` entries (a weight typed in the neuron view) then win over the carried values.
        """
        if old.step_count != 0:
            fresh = self.network.get_weights()
            self.network.set_weights(carry_weights(self.graph, old.params(), old.graph, fresh))
            self.trainer.step_count = old.step_count
            self.trainer.epoch = old.epoch
        set_entries(self.network, self.hand_set)
        self.timeline = Timeline(self, self._history_bytes)

    def _check_sizes(self) -> None:
        net, data = self.network, self.dataset
        if net.n_inputs != data.n_features:
            raise DlsimError(
                translate(
                    "experiment",
                    "the Input layer '{0}' has {1} units but the data set has {2} features",
                ).format(net.input_id, net.n_inputs, data.n_features),
                node_id=net.input_id,
            )
        if net.n_outputs != data.n_outputs:
            raise DlsimError(
                translate(
                    "experiment",
                    "the output layer '{0}' has {1} units but the data set's targets have {2} "
                    "columns",
                ).format(net.output_id, net.n_outputs, data.n_outputs),
                node_id=net.output_id,
            )
        if self.training["rule"] == "perceptron":
            out = net.output_layer
            act = out.activation
            single = len(net.order) == 2 and type(out).__name__ == "Dense"
            if not single or act is None or act.name != "step":
                raise DlsimError(
                    translate(
                        "experiment",
                        "the perceptron rule trains a single Dense layer of step units; use "
                        "backprop for this network",
                    ),
                    node_id=net.output_id,
                )

    def _build_trainer(self) -> None:
        cfg = self.training
        self.loss = losses.get(cfg["loss"])
        self.optimizer = optimizers.get(cfg["optimizer"])
        self.trainer = Trainer(
            self.network,
            self.loss,
            self.optimizer,
            self.dataset,
            self._train_rng,
            batch_size=cfg["batch_size"],
            shuffle=cfg["shuffle"],
            augment_noise=cfg["augment_noise"],
            rule=cfg["rule"],
        )

    # --- running ------------------------------------------------------------------------------

    @property
    def step_count(self) -> int:
        return self.trainer.step_count

    @property
    def epoch(self) -> int:
        return self.trainer.epoch

    def step(self, trace: bool = False) -> StepRecord:
        """One mini-batch update; `record.loss` is its forward pass's loss, before the update."""
        record = self.trainer.step(trace=trace)
        self.timeline.after_step(self)
        return record

    @property
    def history_bytes(self) -> int:
        """The memory budget of the checkpoints `state_at` rebuilds past steps from."""
        return self.timeline.budget

    @history_bytes.setter
    def history_bytes(self, value: int) -> None:
        self._history_bytes = value
        self.timeline.set_budget(value)

    def state_at(self, step: int) -> Experiment:
        """A new experiment in exactly the state this run had after `step` steps (weights,
        optimizer, BatchNorm statistics, random streams, shuffle position), bit for bit; this
        one is untouched. Steps beyond `step_count`, or before the run's last reset, graph edit
        or branch point, raise DlsimError."""
        return self.timeline.state_at(self, step)

    def evaluate(self) -> float:
        """Loss on the whole training set in inference mode (no update)."""
        return self.trainer.evaluate(self.dataset.x_train, self.dataset.y_train)

    def metrics(self) -> dict[str, float]:
        """Loss (and accuracy for classification) on the training and validation sets."""
        data = self.dataset
        out: dict[str, float] = {}
        classify = data.task in ("binary", "multiclass")
        for prefix, x, y in (("", data.x_train, data.y_train), ("val_", data.x_val, data.y_val)):
            if x.shape[0] == 0:
                continue
            pred = self.network.forward(x, training=False)
            out[prefix + "loss"] = self.loss.value(pred, y) + self.network.penalty()
            if classify:
                out[prefix + "accuracy"] = accuracy(pred, y)
        return out

    def confusions(self) -> dict[str, Any]:
        """Train and validation confusion matrices when there are more than two classes."""
        if self.dataset.task != "multiclass":
            return {}
        return split_confusions(self)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The network's output for `x` in inference mode."""
        return self.network.forward(np.asarray(x, dtype=self.dtype), training=False)

    def params(self) -> dict[str, dict[str, np.ndarray]]:
        """Copies of every parameter (and running statistic), by node id and name."""
        return self.network.get_weights()

    params_copy = params

    def weight_range(self) -> tuple[float, float]:
        """(min, max) over every trainable weight, without copying (NaN if any is NaN)."""
        return self.network.weight_range()

    def set_training(self, changes: dict[str, Any]) -> None:
        """Change hyper-parameters between steps; optimizer state survives a changed rate. A new
        data set, seed or dtype redraws the data as `training_data` does (weights and step count
        kept), so the data trained on is always the one the settings name."""
        timeline = self.timeline
        self._apply_training(changes)
        self.timeline = timeline  # a redrawn data set resets, but the history goes on
        timeline.after_settings(self, changes)

    def _apply_training(self, changes: dict[str, Any]) -> None:
        cfg = normalize_training(merge_training(self.training, changes))
        old = self.training
        self.training = cfg
        if any(cfg[key] != old[key] for key in DATA_KEYS):
            weights = self.network.get_weights()
            steps = self.trainer.step_count
            self.reset()
            self.network.set_weights(weights)
            self.trainer.step_count = steps
            return
        t = self.trainer
        new_opt, old_opt = cfg["optimizer"], old["optimizer"]
        if new_opt["type"] == old_opt["type"]:
            changed = {
                key: new_opt.get(key)
                for key in (new_opt.keys() | old_opt.keys()) - {"type"}
                if new_opt.get(key) != old_opt.get(key)
            }
            if changed:
                self.optimizer.set_hyperparameters(changed)
        else:
            self.optimizer = t.optimizer = optimizers.get(cfg["optimizer"])
        if cfg["loss"] != old["loss"] or cfg["rule"] != old["rule"]:
            steps, epoch = t.step_count, t.epoch
            self._build_trainer()
            self.trainer.step_count, self.trainer.epoch = steps, epoch
            return
        t.batch_size = cfg["batch_size"]
        t.shuffle = cfg["shuffle"]
        t.augment_noise = cfg["augment_noise"]
        t._order, t._pos = None, 0

    def copy(self) -> Experiment:
        """An independent experiment starting from this one's current weights."""
        other = Experiment(self.to_dict(), self.base_dir, history_bytes=self.history_bytes)
        other.initial_weights = other.to_dict()["weights"]
        return other

    # --- saving -------------------------------------------------------------------------------

    def to_dict(self, include_weights: bool = True) -> dict[str, Any]:
        """The document, with the current weights written at full precision."""
        return assemble(
            name=self.name,
            description=self.description,
            graph=self.graph.to_dict(),
            weights=self.network.get_weights() if include_weights else None,
            training=self.training,
            view=self.view,
            extra=self.extra,
        )

    def save(self, path: str | os.PathLike[str]) -> None:
        write_document(path, self.to_dict())


def check_document(doc: Any, base_dir: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Every problem of a document at once (errors and warnings), each tied to its node."""
    return checked_experiment(doc, base_dir)[0]


def checked_experiment(
    doc: Any, base_dir: str | os.PathLike[str] | None = None
) -> tuple[list[Problem], Experiment | None]:
    """`check_document`'s problems and the experiment the check built (None when it could not
    be built): opening a big file checks it and prepares its run in one build, off the GUI."""
    try:
        doc = migrate(copy_doc(doc))
        graph = GraphSpec.from_dict(doc.get("graph"))
    except DlsimError as exc:
        return [Problem(exc.node_id, str(exc))], None
    problems = graph.validate()
    try:
        training = normalize_training(doc.get("training"))
    except DlsimError as exc:
        return [*problems, Problem(None, str(exc))], None
    problems.extend(_warnings(graph, training))
    if any(p.severity == "error" for p in problems):
        return problems, None
    try:
        experiment = Experiment(doc, base_dir)
    except DlsimError as exc:
        problems.append(Problem(exc.node_id, str(exc)))
        return problems, None
    return problems, experiment


def _warnings(graph: GraphSpec, training: dict[str, Any]) -> list[Problem]:
    """Things that run but are probably not what the student meant."""
    out: list[Problem] = []
    outputs = [n for n in graph.output_nodes() if graph.nodes[n].type != "Input"]
    loss = training["loss"]
    for nid in outputs:
        act = _activation_name(graph.nodes[nid].params.get("activation"))
        if graph.nodes[nid].type not in ("Dense", "Activation"):
            continue
        if act == "softmax" and loss != "categorical_crossentropy":
            out.append(
                Problem(
                    nid,
                    translate(
                        "experiment",
                        "a softmax output is meant for categorical_crossentropy, not {0}",
                    ).format(loss),
                    "warning",
                )
            )
        if loss == "categorical_crossentropy" and act != "softmax":
            out.append(
                Problem(
                    nid,
                    translate(
                        "experiment", "categorical_crossentropy expects a softmax output layer"
                    ),
                    "warning",
                )
            )
        if loss == "binary_crossentropy" and act not in ("sigmoid", "step"):
            out.append(
                Problem(
                    nid,
                    translate("experiment", "binary_crossentropy expects a sigmoid output layer"),
                    "warning",
                )
            )
    if training["rule"] == "backprop":
        for node in graph.nodes.values():
            if _activation_name(node.params.get("activation")) == "step":
                out.append(
                    Problem(
                        node.id,
                        translate(
                            "experiment",
                            "step units pass no gradient, so backprop cannot train the layers "
                            "before them (use sigmoid, or the perceptron rule for a single "
                            "layer)",
                        ),
                        "warning",
                    )
                )
    return out


def _activation_name(spec: Any) -> str | None:
    if isinstance(spec, dict):
        return spec.get("name")
    return spec if isinstance(spec, str) else None
