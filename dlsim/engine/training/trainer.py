"""The trainer: one `step()` is one mini-batch update, returning a record of what happened.

A record is cheap to make (it holds references to this step's fresh arrays) and computes its
statistics — gradient norms, activation histograms — only when someone asks. `step(trace=True)`
also copies out the whole computation so the step-through views can show it without recomputing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dlsim.engine.nn.activations import Activation
from dlsim.engine.nn.losses import Loss
from dlsim.engine.nn.network import Key, Network
from dlsim.engine.nn.optimizers import Optimizer
from dlsim.engine.training.augmentation import augment
from dlsim.engine.training.data_arrays import Dataset

HIST_BINS = 30
SUMMED_OVER_OUTPUTS = ("half_sse", "categorical_crossentropy")


@dataclass(frozen=True)
class LayerTrace:
    """One layer's part of a traced step: its values, parameter gradients, before and after."""

    node_id: str
    type: str
    sources: tuple[str, ...]
    activation: str | dict | None
    values: dict[str, np.ndarray]
    grads: dict[str, np.ndarray]
    before: dict[str, np.ndarray]
    after: dict[str, np.ndarray]


@dataclass(frozen=True)
class StepTrace:
    """Everything one training step computed, in the order it computed it.

    `layers` is in forward (topological) order. `output_losses[k]` is output k's share of the
    data loss (for half_sse, E_ok = ½(t_k − o_k)² averaged over the batch); `loss_after` is the
    loss on the same batch after the update, in inference mode.
    """

    step: int
    x: np.ndarray
    target: np.ndarray
    output: np.ndarray
    loss: float
    data_loss: float
    penalty: float
    output_losses: np.ndarray
    loss_name: str
    fused: bool
    optimizer: dict[str, Any]
    layers: dict[str, LayerTrace]
    loss_after: float
    outputs_after: dict[str, np.ndarray] = field(default_factory=dict)  # each layer's a, updated


class StepRecord:
    """What one step did: its loss and lazily computed per-layer statistics. Treat as read-only."""

    __slots__ = (
        "step",
        "epoch",
        "loss",
        "data_loss",
        "batch_size",
        "trace",
        "_acts",
        "_grads",
        "_kinds",
        "_norms",
        "_stats",
    )

    def __init__(
        self,
        step: int,
        epoch: int,
        loss: float,
        data_loss: float,
        batch_size: int,
        activations: dict[str, np.ndarray],
        grads: dict[Key, np.ndarray],
        kinds: dict[str, Activation | None],
        trace: StepTrace | None = None,
    ) -> None:
        self.step = step
        self.epoch = epoch
        self.loss = loss
        self.data_loss = data_loss
        self.batch_size = batch_size
        self.trace = trace
        self._acts = activations
        self._grads = grads
        self._kinds = kinds
        self._norms: dict[str, float] | None = None
        self._stats: dict[str, dict[str, Any]] | None = None

    def grad_norms(self) -> dict[str, float]:
        """L2 norm of each layer's parameter gradients (all its tensors together)."""
        if self._norms is None:
            sq: dict[str, float] = {}
            for (nid, _name), g in self._grads.items():
                flat = g.ravel()
                sq[nid] = sq.get(nid, 0.0) + float(flat @ flat)
            self._norms = {nid: float(np.sqrt(v)) for nid, v in sq.items()}
        return self._norms

    def detached(self) -> StepRecord:
        """A copy with the statistics computed and the batch's arrays dropped: small enough to
        send to another process many times a second."""
        out = StepRecord(
            self.step,
            self.epoch,
            self.loss,
            self.data_loss,
            self.batch_size,
            {},
            {},
            {},
            self.trace,
        )
        out._norms = self.grad_norms()
        out._stats = self.activation_stats()
        return out

    def activation_stats(self) -> dict[str, dict[str, Any]]:
        """Per layer: a histogram of the batch's outputs, mean/std, dead and saturated fractions."""
        if self._stats is None:
            self._stats = {nid: _stats(a, self._kinds.get(nid)) for nid, a in self._acts.items()}
        return self._stats


def histogram(values: np.ndarray, lo: float, hi: float) -> tuple[np.ndarray, np.ndarray]:
    """`np.histogram(values, HIST_BINS, range=(lo, hi))`, bin for bin, for finite values within
    the range — without its general-purpose overhead, which was most of a training snapshot's
    cost on small layers."""
    edges = np.linspace(lo, hi, HIST_BINS + 1)
    values = values.ravel()
    idx = ((values - edges[0]) * (HIST_BINS / (edges[-1] - edges[0]))).astype(np.intp)
    idx[idx == HIST_BINS] -= 1
    # the index can be off by one within an ULP of an edge; the edges themselves decide
    idx[values < edges[idx]] -= 1
    idx[(values >= edges[idx + 1]) & (idx != HIST_BINS - 1)] += 1
    return np.bincount(idx, minlength=HIST_BINS), edges


def _stats(a: np.ndarray, act: Activation | None) -> dict[str, Any]:
    finite = a[np.isfinite(a)]
    if finite.size:
        lo, hi = float(finite.min()), float(finite.max())
        if hi - lo < 1e-12:
            lo, hi = lo - 0.5, hi + 0.5
        counts, edges = histogram(finite, lo, hi)
    else:
        counts, edges = np.zeros(HIST_BINS, dtype=np.int64), np.linspace(-1, 1, HIST_BINS + 1)
    dead = act.dead_fraction(a) if act is not None else None
    saturated = act.saturated_fraction(a) if act is not None else None
    return {
        "hist": counts,
        "edges": edges,
        "mean": float(finite.mean()) if finite.size else float("nan"),
        "std": float(finite.std()) if finite.size else float("nan"),
        "dead_fraction": dead,
        "saturated_fraction": saturated,
    }


class Trainer:
    """Runs mini-batch updates of a network on a data set with a loss and an optimizer."""

    def __init__(
        self,
        network: Network,
        loss: Loss,
        optimizer: Optimizer,
        dataset: Dataset,
        rng: np.random.Generator,
        *,
        batch_size: int | None = None,
        shuffle: bool = True,
        augment_noise: float = 0.0,
        rule: str = "backprop",
    ) -> None:
        self.network = network
        self.loss = loss
        self.optimizer = optimizer
        self.dataset = dataset
        self.rng = rng
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.augment_noise = augment_noise
        self.rule = rule
        self.step_count = 0
        self.epoch = 0
        self._pos = 0
        self._order: np.ndarray | None = None
        out = network.output_layer
        act = out.activation
        self.fused = (
            rule == "backprop"
            and loss.fused_activation is not None
            and act is not None
            and act.name == loss.fused_activation
        )
        self._kinds = {nid: layer.activation for nid, layer in network.layers.items()}
        self._watched = [nid for nid in network.order if nid != network.input_id]

    @property
    def n_train(self) -> int:
        return self.dataset.n_train

    @property
    def effective_batch(self) -> int:
        n = self.n_train
        return n if self.batch_size is None else min(self.batch_size, n)

    @property
    def batches_per_epoch(self) -> int:
        return -(-self.n_train // self.effective_batch)

    def _next_batch(self) -> tuple[np.ndarray, np.ndarray]:
        x, y = self.dataset.x_train, self.dataset.y_train
        n, bs = self.n_train, self.effective_batch
        if bs >= n:
            self._pos = n
            return x, y
        if self._order is None:
            self._order = self.rng.permutation(n) if self.shuffle else np.arange(n)
        idx = self._order[self._pos : self._pos + bs]
        self._pos += bs
        return x[idx], y[idx]

    def _advance_epoch(self) -> None:
        if self._pos >= self.n_train:
            self._pos = 0
            self._order = None
            self.epoch += 1

    def step(self, trace: bool = False) -> StepRecord:
        """One mini-batch update; the record's loss is this batch's loss before the update."""
        net = self.network
        epoch = self.epoch
        x, t = self._next_batch()
        if self.augment_noise > 0:
            x = augment(x, self.rng, self.augment_noise)
        out, data_loss = self.forward_backward(x, t)
        penalty = net.penalty()
        loss = data_loss + penalty
        params = net.parameters()
        grads = net.gradients()
        before = {k: v.copy() for k, v in params.items()} if trace else None
        self.optimizer.step(params, grads)
        acts = {nid: net.layers[nid].a for nid in self._watched}
        step_trace = None
        if trace:
            step_trace = self._trace(x, t, out, loss, data_loss, penalty, grads, before)
        record = StepRecord(
            self.step_count,
            epoch,
            loss,
            data_loss,
            x.shape[0],
            acts,
            grads,
            self._kinds,
            step_trace,
        )
        self.step_count += 1
        self._advance_epoch()
        return record

    def forward_backward(self, x: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, float]:
        """Forward in training mode, then fill every layer's gradients; returns (output, data loss).

        The perceptron rule uses δ = y − t at the step output (no derivative), so a plain SGD
        update becomes w ← w + η(t − y)x.
        """
        net = self.network
        out = net.forward(x, training=True, rng=self.rng)
        if self.rule == "perceptron":
            data_loss = self.loss.value(out, t)
            net.backward(out - t, from_logits=True)
        elif self.fused:
            data_loss, delta = self.loss.value_and_grad_from_logits(net.output_layer.z, t)
            net.backward(delta, from_logits=True)
        else:
            data_loss = self.loss.value(out, t)
            net.backward(self.loss.grad(out, t))
        return out, data_loss

    def _trace(self, x, t, out, loss, data_loss, penalty, grads, before) -> StepTrace:
        net = self.network
        layers: dict[str, LayerTrace] = {}
        for nid in net.order:
            layer = net.layers[nid]
            values = {k: np.array(v, copy=True) for k, v in layer.trace().items() if v is not None}
            if nid == net.output_id and self.fused:
                values["grad_a"] = self.loss.grad(out, t)
            act = layer.activation
            layers[nid] = LayerTrace(
                node_id=nid,
                type=type(layer).type_name,
                sources=tuple(net.sources[nid]),
                activation=act.get_config() if act is not None else None,
                values=values,
                grads={name: grads[(nid, name)].copy() for name in layer.weights},
                before={name: before[(nid, name)] for name in layer.weights},
                after={name: arr.copy() for name, arr in layer.weights.items()},
            )
        after_out = net.forward(x, training=False)
        loss_after = self.loss.value(after_out, t) + net.penalty()
        outputs_after = {nid: np.array(net.layers[nid].a, copy=True) for nid in net.order}
        return StepTrace(
            step=self.step_count,
            x=x.copy(),
            target=t.copy(),
            output=out.copy(),
            loss=loss,
            data_loss=data_loss,
            penalty=penalty,
            output_losses=output_losses(self.loss, out, t),
            loss_name=self.loss.name,
            fused=self.fused,
            optimizer=self.optimizer.get_config(),
            layers=layers,
            loss_after=loss_after,
            outputs_after=outputs_after,
        )

    def evaluate(self, x: np.ndarray, y: np.ndarray) -> float:
        """Loss (data term + regularization) on (x, y) in inference mode; no update."""
        return self.loss.value(self.network.forward(x, training=False), y) + self.network.penalty()


def output_losses(loss: Loss, pred: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Each output's share of the data loss; the shares add up to the loss."""
    k = pred.shape[1]
    cols = np.array([loss.value(pred[:, j : j + 1], target[:, j : j + 1]) for j in range(k)])
    return cols if loss.name in SUMMED_OVER_OUTPUTS else cols / k


def accuracy(pred: np.ndarray, target: np.ndarray) -> float:
    """Share of samples classified right: argmax for several outputs, threshold 0.5 for one."""
    if pred.shape[0] == 0:
        return float("nan")
    if pred.shape[1] == 1:
        return float(np.mean((pred[:, 0] > 0.5) == (target[:, 0] > 0.5)))
    return float(np.mean(pred.argmax(axis=1) == target.argmax(axis=1)))
