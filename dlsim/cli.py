"""The `dlsim` command: `run`, `validate`, `examples` and `export` work headless; anything else
goes to dlsim.ui.app (which answers `--version` and the desktop entry options before Qt starts). A
diagram is a file or the name of a shipped example (`dlsim run xor_learn`).

Bad input never produces a traceback: it becomes one line on stderr naming the file and the
problem, and exit status 2. Nothing here writes to the user's file.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from dlsim.engine.errors import DlsimError

HEADLESS = ("run", "validate", "examples", "export")
MAX_STEPS = 10_000_000
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"dlsim {self.prog.split()[-1]}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dlsim", description="dlsim headless commands")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="train a diagram headless")
    run.add_argument("file", type=Path, help="a .dlsim file or an example's name")
    run.add_argument("--steps", type=int, required=True, help="number of training steps")
    run.add_argument("--json", action="store_true", help="print one JSON object with the results")
    run.add_argument("--seed", type=int, default=None, help="override the file's seed")
    validate = sub.add_parser("validate", help="list every problem of a diagram")
    validate.add_argument("file", type=Path, help="a .dlsim file or an example's name")
    sub.add_parser("examples", help="list the shipped examples by name")
    export = sub.add_parser("export", help="write a diagram as a PyTorch script or Keras code")
    export.add_argument("file", type=Path, help="a .dlsim file or an example's name")
    export.add_argument("--to", choices=("pytorch", "keras"), required=True)
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    return parser


def diagram_path(text: Path) -> Path:
    """The file a `file` argument means: an existing path, else the shipped example of that name.

    A bare name that is neither says so and lists the examples; a path (a folder or a suffix in
    it) is left to the reader, which names the missing file."""
    from dlsim import resources

    if text.exists() or len(text.parts) > 1 or text.suffix:
        return text
    if resources.is_example_name(str(text)):
        return resources.example_path(str(text))
    names = ", ".join(resources.example_names())
    raise DlsimError(f"{text}: no such file or example (examples: {names})")


def cmd_examples(_args: argparse.Namespace) -> int:
    """Print each shipped example's name and title, in teaching order."""
    from dlsim.examples import list_examples

    infos = list_examples()
    width = max((len(info.key) for info in infos), default=0)
    for info in infos:
        print(f"{info.key:<{width}}  {info.title}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Train for --steps steps and report each step's loss and the final parameters."""
    from dlsim.engine.training.experiment import Experiment

    if not 0 <= args.steps <= MAX_STEPS:
        raise DlsimError(f"--steps must be from 0 to {MAX_STEPS:,}, not {args.steps}")
    args.file = diagram_path(args.file)
    exp = Experiment.load(args.file)
    if args.seed is not None:
        try:
            exp.reset(seed=args.seed)
        except DlsimError as exc:
            raise DlsimError(f"{args.file}: {exc}") from None
    history = []
    diverged_at = None
    # A diverging run overflows; say so once, plainly, instead of NumPy's warnings.
    with np.errstate(all="ignore"):
        for _ in range(args.steps):
            record = exp.step()
            history.append({"step": record.step, "loss": record.loss})
            if diverged_at is None and not math.isfinite(record.loss):
                diverged_at = record.step
        final_loss = exp.evaluate()
    if diverged_at is not None:
        print(
            f"dlsim: warning: {args.file}: the loss became {history[diverged_at]['loss']} at step "
            f"{diverged_at}; try a lower learning rate or gradient clipping (clipnorm)",
            file=sys.stderr,
        )
    if args.json:
        params = {
            nid: {name: arr.tolist() for name, arr in values.items()}
            for nid, values in exp.params().items()
        }
        out = {"steps": args.steps, "history": history, "final_loss": final_loss, "params": params}
        print(json.dumps(out, allow_nan=True))
    else:
        name = exp.name or args.file.name
        first = f"{history[0]['loss']:.8g}" if history else "n/a"
        print(f"{name}: {args.steps} steps, first loss {first}, final loss {final_loss:.8g}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Print every problem; exit 0 when there is no error (warnings alone are fine)."""
    from dlsim.engine.training.experiment import check_document
    from dlsim.engine.training.fileformat import read_document

    args.file = diagram_path(args.file)
    doc = read_document(args.file)
    problems = check_document(doc, args.file.resolve().parent)
    for problem in problems:
        print(f"{args.file}: {problem}")
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        return EXIT_BAD_INPUT
    print(f"{args.file}: valid" + (f" ({len(problems)} warning(s))" if problems else ""))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the diagram, with the weights in the file, as code for another framework."""
    from dlsim.engine.training.experiment import Experiment
    from dlsim.engine.training.fileformat import write_text
    from dlsim.export import export

    args.file = diagram_path(args.file)
    exp = Experiment.load(args.file)
    try:
        code = export(exp, args.to, source=args.file.name)
    except DlsimError as exc:
        raise DlsimError(f"{args.file}: {exc}") from None
    if args.output is None:
        sys.stdout.write(code)
    else:
        write_text(args.output, code)
    return 0


COMMANDS = {
    "run": cmd_run,
    "validate": cmd_validate,
    "examples": cmd_examples,
    "export": cmd_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `dlsim` and `python -m dlsim`."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in HEADLESS:
        from dlsim.ui.app import main as gui_main

        return gui_main(args_list)
    args = _parser().parse_args(args_list)
    command = COMMANDS[args.command]
    try:
        return command(args)
    except BrokenPipeError:  # `dlsim examples | head`: the reader left; no traceback, no noise
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except DlsimError as exc:
        print(f"dlsim: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except MemoryError:
        print(
            f"dlsim: {args.file}: the network or data set is too large for memory", file=sys.stderr
        )
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
