# The fixed part of every exported PyTorch script: dlsim.export.pytorch copies this file's text
# (below the marker line) into the script, between the generated model and the generated data.
# It is never imported by dlsim itself; torch is not a dependency of dlsim.
# --- script text starts here ---
import argparse
import json
import math
import os
import sys

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F  # noqa: N812  (the usual PyTorch spelling)
from torch import nn

EPS = 1e-7  # dlsim clips probabilities to [EPS, 1 − EPS] inside a cross-entropy's logarithm


# --- several processes (torchrun) -----------------------------------------------------------


class Team:
    """Who am I among the processes torchrun started (one process without torchrun)?

    Every process holds the whole data set and draws the whole batch's random numbers, then keeps
    its own rows of the batch: K processes together do exactly what one process does.
    """

    def __init__(self, device: str) -> None:
        self.distributed = "WORLD_SIZE" in os.environ and int(os.environ["WORLD_SIZE"]) > 1
        if self.distributed:
            backend = "nccl" if device == "cuda" else "gloo"
            dist.init_process_group(backend)
            self.rank, self.size = dist.get_rank(), dist.get_world_size()
            local = int(os.environ.get("LOCAL_RANK", 0))
            self.device = torch.device(f"cuda:{local}" if device == "cuda" else "cpu")
        else:
            self.rank, self.size = 0, 1
            self.device = torch.device(device)

    def rows(self, n: int) -> slice:
        """This process's share of a batch of n rows (contiguous, as even as possible)."""
        start = self.rank * n // self.size
        return slice(start, (self.rank + 1) * n // self.size)

    def sum(self, t: torch.Tensor) -> torch.Tensor:
        """Sum of t over all processes; gradients flow back to every process's part."""
        return SumOverProcesses.apply(t) if self.distributed else t

    def close(self) -> None:
        if self.distributed:
            dist.destroy_process_group()


class SumOverProcesses(torch.autograd.Function):
    """y = Σ over processes of t; the gradient of a sum reaches every term: dt = Σ dy."""

    @staticmethod
    def forward(ctx, t: torch.Tensor) -> torch.Tensor:
        t = t.clone()
        dist.all_reduce(t)
        return t

    @staticmethod
    def backward(ctx, grad: torch.Tensor) -> torch.Tensor:
        grad = grad.clone()
        dist.all_reduce(grad)
        return grad


# --- dlsim's training randomness ------------------------------------------------------------


class TrainingStream:
    """dlsim's training randomness: ONE NumPy generator, seeded the way dlsim seeds it.

    dlsim splits its seed with SeedSequence(seed).spawn(3) into the data set's, the initial
    weights' and the training's streams; training draws, step by step, the epoch's shuffle order,
    then the augmentation noise, then each random layer's numbers in graph order. Drawing the
    same numbers in the same order gives the same run.
    """

    def __init__(self, seed: int, team: Team) -> None:
        self.rng = np.random.default_rng(np.random.SeedSequence(seed).spawn(3)[2])
        self.team = team
        self.batch_rows = 0

    def uniform(self, units: int) -> np.ndarray:
        """U[0, 1) for the whole batch (batch_rows × units); this process's rows."""
        full = self.rng.random((self.batch_rows, units))
        return full[self.team.rows(self.batch_rows)]

    def normal(self, units: int, std: float) -> np.ndarray:
        """N(0, std²) for the whole batch; this process's rows."""
        full = self.rng.normal(0.0, std, size=(self.batch_rows, units))
        return full[self.team.rows(self.batch_rows)]


def numpy_dtype(dtype: torch.dtype) -> np.dtype:
    return np.dtype({torch.float32: np.float32, torch.float64: np.float64}[dtype])


def step_fn(z: torch.Tensor) -> torch.Tensor:
    """The perceptron's threshold: 1 where z > 0; no gradient passes (its slope is 0)."""
    return (z > 0).to(z.dtype) + 0.0 * z


# --- batches --------------------------------------------------------------------------------


class Batches:
    """Which rows each step trains on: the whole set, or mini-batches of an epoch's order.

    An epoch's order is drawn when the epoch starts (a permutation when shuffling); the last
    batch of an epoch takes what is left, as dlsim does.
    """

    def __init__(self, n: int, batch_size: int | None, shuffle: bool, rng) -> None:
        self.n = n
        self.size = n if batch_size is None else min(batch_size, n)
        self.shuffle, self.rng = shuffle, rng
        self.order, self.pos = None, 0

    def next(self) -> np.ndarray | slice:
        if self.size >= self.n:
            return slice(None)
        if self.order is None:
            self.order = self.rng.permutation(self.n) if self.shuffle else np.arange(self.n)
        rows = self.order[self.pos : self.pos + self.size]
        self.pos += self.size
        if self.pos >= self.n:
            self.order, self.pos = None, 0
        return rows


# --- loss, regularization, clipping ----------------------------------------------------------


class StraightThroughClip(torch.autograd.Function):
    """p clipped to [lo, hi], with the gradient passed straight through to p: dlsim evaluates a
    cross-entropy's gradient at the clipped probability, also where p itself was clipped."""

    @staticmethod
    def forward(ctx, p: torch.Tensor, lo: float, hi: float) -> torch.Tensor:
        return p.clamp(lo, hi)

    @staticmethod
    def backward(ctx, grad: torch.Tensor):
        return grad, None, None


def straight_through_clip(p: torch.Tensor, lo: float, hi: float) -> torch.Tensor:
    return StraightThroughClip.apply(p, lo, hi)


def loss_sum(name: str, out: torch.Tensor, t: torch.Tensor, logits: bool) -> torch.Tensor:
    """The loss summed over this process's rows (divide by `loss_count` for the mean).

    With `logits` the output is the last layer's z and the sigmoid/softmax is fused into the
    loss (log-sum-exp), which stays finite where log(softmax) would not.
    """
    if name == "mse":
        return ((out - t) ** 2).sum()
    if name == "half_sse":
        return 0.5 * ((t - out) ** 2).sum()
    if name == "binary_crossentropy":
        if logits:
            return F.binary_cross_entropy_with_logits(out, t, reduction="sum")
        p = straight_through_clip(out, EPS, 1 - EPS)
        return -(t * torch.log(p) + (1 - t) * torch.log(1 - p)).sum()
    if name == "categorical_crossentropy":
        if logits:
            return F.cross_entropy(out, t, reduction="sum")
        return -(t * torch.log(straight_through_clip(out, EPS, 1))).sum()
    raise ValueError(f"unknown loss {name}")


def loss_count(name: str, rows: int, outputs: int) -> int:
    """What the summed loss is divided by: every output of every sample (mse, binary
    cross-entropy) or every sample (half_sse, categorical cross-entropy)."""
    return rows * outputs if name in ("mse", "binary_crossentropy") else rows


def penalty(model: nn.Module, regularizers: dict) -> torch.Tensor:
    """L1/L2 regularization: λ1·Σ|W| + λ2·ΣW², added to the loss."""
    total = torch.zeros((), dtype=torch.float64)
    for attr, (l1, l2) in regularizers.items():
        w = getattr(model, attr).weight
        if l1:
            total = total + l1 * w.abs().sum()
        if l2:
            total = total + l2 * (w * w).sum()
    return total


def clip_gradients(params: list, clipnorm, global_clipnorm, clipvalue) -> None:
    """The lecture's clipping, in its order: each tensor's norm, then the joint norm, then
    each value (PyTorch's clip_grad_norm_ adds 1e-6 to the norm; dlsim does not)."""
    if clipnorm is not None:
        for p in params:
            norm = math.sqrt(float((p.grad * p.grad).sum()))
            if norm > clipnorm:
                p.grad.mul_(clipnorm / norm)
    if global_clipnorm is not None:
        norm = math.sqrt(sum(float((p.grad * p.grad).sum()) for p in params))
        if norm > global_clipnorm:
            for p in params:
                p.grad.mul_(global_clipnorm / norm)
    if clipvalue is not None:
        for p in params:
            p.grad.clamp_(-clipvalue, clipvalue)


def make_optimizer(params: list, cfg: dict) -> torch.optim.Optimizer:
    """The same optimizer and hyper-parameters as in dlsim (whose names are Keras')."""
    kind = cfg["type"]
    if kind == "sgd":
        return torch.optim.SGD(
            params, lr=cfg["lr"], momentum=cfg["momentum"], nesterov=cfg["nesterov"]
        )
    if kind == "adagrad":
        return torch.optim.Adagrad(params, lr=cfg["lr"], eps=cfg["epsilon"])
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=cfg["lr"], alpha=cfg["rho"], eps=cfg["epsilon"])
    if kind == "adam":
        return torch.optim.Adam(
            params,
            lr=cfg["lr"],
            betas=(cfg["beta_1"], cfg["beta_2"]),
            eps=cfg["epsilon"],
            amsgrad=cfg["amsgrad"],
        )
    raise ValueError(f"unknown optimizer {kind}")


# --- weights in dlsim's layout ---------------------------------------------------------------


def load_weights(model: nn.Module, weights: dict, names: dict) -> None:
    """Put dlsim's weights into the model (a Dense W of shape (inputs, units) is transposed
    into nn.Linear's (units, inputs))."""
    state = model.state_dict()
    with torch.no_grad():
        for node, values in weights.items():
            for name, value in values.items():
                key, transposed = names[node][name]
                arr = torch.as_tensor(np.asarray(value), dtype=state[key].dtype)
                state[key].copy_(arr.T if transposed else arr)


def dlsim_params(model: nn.Module, names: dict) -> dict:
    """Every parameter and running statistic as nested lists, in dlsim's layout and order."""
    state = model.state_dict()
    out = {}
    for node, entries in names.items():
        out[node] = {}
        for name, (key, transposed) in entries.items():
            value = state[key].detach().cpu()
            out[node][name] = (value.T if transposed else value).tolist()
    return out


# --- training ---------------------------------------------------------------------------------


def train(args, net_class, settings: dict, data: dict, weights: dict, names: dict) -> None:
    """Train as dlsim does, step by step, and print what `dlsim run` prints."""
    team = Team(args.device)
    dtype = torch.float64 if settings["dtype"] == "float64" else torch.float32
    np_dtype = numpy_dtype(dtype)
    stream = TrainingStream(settings["seed"], team)
    model = net_class(stream).to(dtype)
    load_weights(model, weights, names)
    model.to(team.device)
    net = model
    if team.distributed:
        # Gradients are averaged over the processes after every backward pass.
        net = nn.parallel.DistributedDataParallel(model)
    params = list(model.parameters())
    optimizer = make_optimizer(params, settings["optimizer"])
    x_all = np.asarray(data["x_train"], dtype=np_dtype).reshape(-1, model.n_inputs)
    y_all = np.asarray(data["y_train"], dtype=np_dtype).reshape(-1, model.n_outputs)
    batches = Batches(len(x_all), settings["batch_size"], settings["shuffle"], stream.rng)
    loss_name, logits = settings["loss"], settings["logits"]
    noise = settings["augment_noise"]
    history = []
    model.train()
    for step in range(args.steps):
        rows = batches.next()
        x, t = x_all[rows], y_all[rows]
        if noise > 0:  # augmentation: jitter every input value by Gaussian noise
            x = (x + noise * stream.rng.standard_normal(x.shape)).astype(np_dtype, copy=False)
        n = len(x)
        stream.batch_rows = n
        mine = team.rows(n)
        x = torch.from_numpy(np.ascontiguousarray(x[mine])).to(team.device)
        t = torch.from_numpy(np.ascontiguousarray(t[mine])).to(team.device)
        # Forward pass, loss, backward pass (the chain rule, layer by layer), update.
        optimizer.zero_grad(set_to_none=False)
        out = net(x)
        data_sum = loss_sum(loss_name, out, t, logits)
        count = loss_count(loss_name, n, model.n_outputs)
        reg = penalty(model, settings["regularizers"]).to(team.device)
        # Each process's share of the mean loss, times the number of processes because
        # DistributedDataParallel averages the processes' gradients.
        (data_sum * (team.size / count) + reg).backward()
        for p in params:
            if p.grad is None:
                p.grad = torch.zeros_like(p)
        clip_gradients(
            params,
            settings["optimizer"].get("clipnorm"),
            settings["optimizer"].get("global_clipnorm"),
            settings["optimizer"].get("clipvalue"),
        )
        optimizer.step()
        with torch.no_grad():
            loss = float(team.sum(data_sum.detach().clone())) / count + float(reg)
        history.append({"step": step, "loss": loss})
    final_loss = evaluate(model, x_all, y_all, loss_name, logits, settings, team.device)
    if team.rank == 0:
        report(args, history, final_loss, model, names)
    if args.save and team.rank == 0:
        torch.save(model.state_dict(), args.save)
    team.close()


def evaluate(model, x, y, loss_name, logits, settings, device) -> float:
    """Loss on the whole training set in inference mode (dropout off, running averages)."""
    model.eval()
    with torch.no_grad():
        out = model.predict(torch.from_numpy(np.ascontiguousarray(x)).to(device))
        t = torch.from_numpy(np.ascontiguousarray(y)).to(device)
        value = float(loss_sum(loss_name, out, t, logits=False))
        value /= loss_count(loss_name, len(x), model.n_outputs)
        return value + float(penalty(model, settings["regularizers"]))


def report(args, history, final_loss, model, names) -> None:
    diverged = [h for h in history if not math.isfinite(h["loss"])]
    if diverged:
        first = diverged[0]
        print(
            f"warning: the loss became {first['loss']} at step {first['step']}; "
            "try a lower learning rate or gradient clipping (clipnorm)",
            file=sys.stderr,
        )
    if args.json:
        out = {
            "steps": args.steps,
            "history": history,
            "final_loss": final_loss,
            "params": dlsim_params(model, names),
        }
        print(json.dumps(out, allow_nan=True))
    else:
        first = f"{history[0]['loss']:.8g}" if history else "n/a"
        print(f"{args.steps} steps, first loss {first}, final loss {final_loss:.8g}")


def main(net_class, settings: dict, data: dict, weights: dict, names: dict) -> None:
    parser = argparse.ArgumentParser(description=settings["name"] or "exported from dlsim")
    parser.add_argument("--steps", type=int, default=settings["steps"], help="training steps")
    parser.add_argument(
        "--json", action="store_true", help="print what `dlsim run FILE --steps N --json` prints"
    )
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    parser.add_argument("--save", metavar="OUT.pt", help="save the trained state_dict")
    args = parser.parse_args()
    if args.device == "cuda" and not torch.cuda.is_available():
        parser.error("--device cuda: no CUDA device is available")
    torch.set_num_threads(1)  # one thread: sums are added in one order, run after run
    train(args, net_class, settings, data, weights, names)
