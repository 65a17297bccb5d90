"""Start the desktop app: `dlsim [FILE or EXAMPLE]`, or `dlsim --screenshot OUT.png [FILE]` to
render it; `--install-desktop-entry` / `--uninstall-desktop-entry` need no window at all.

`dlsim.cli` calls `main(argv)` with the arguments after `dlsim` for everything that is not a
headless sub-command. The window is built, the training workbench and the lessons install
themselves if present, then the remembered layout is restored (it needs all their docks).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import dlsim
from dlsim import resources
from dlsim.engine.errors import DlsimError

DEFAULT_SIZE = (1280, 800)


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="dlsim",
        description="dlsim: a deep-learning simulator for learners.",
        epilog="headless: dlsim run FILE|EXAMPLE --steps N [--json] [--seed S], "
        "dlsim validate FILE|EXAMPLE, dlsim examples",
    )
    parser.add_argument(
        "file", nargs="?", help="a .dlsim diagram or an example's name (default: xor_learn)"
    )
    parser.add_argument("--version", action="version", version=f"dlsim {dlsim.__version__}")
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add dlsim to the desktop's app menu and open .dlsim files with it, then exit",
    )
    parser.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove what --install-desktop-entry wrote, then exit",
    )
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window to a PNG and exit"
    )
    parser.add_argument("--size", default="1280x800", help="window size for --screenshot (WxH)")
    parser.add_argument(
        "--theme", choices=("system", "light", "dark"), default="system", help="colour theme"
    )
    parser.add_argument(
        "--lang",
        choices=("en", "ko"),
        help="interface language, this time only (default: View ▸ Language, else the system's)",
    )
    parser.add_argument(
        "--example", help="open this example (e.g. xor_learn) instead of the default"
    )
    parser.add_argument(
        "--select", metavar="IDS", help="for --screenshot: select these nodes (comma-separated)"
    )
    parser.add_argument(
        "--train",
        type=int,
        default=0,
        metavar="STEPS",
        help="for --screenshot: train this many steps first, so the plots show data",
    )
    parser.add_argument(
        "--lesson",
        choices=("perceptron_lab", "backprop_stepper", "activation_explorer"),
        help="for --screenshot: render this lesson view instead of the main window",
    )
    parser.add_argument(
        "--phase",
        type=int,
        default=0,
        metavar="N",
        help="for --screenshot --lesson backprop_stepper: show phase N (0 = the start)",
    )
    parser.add_argument(
        "--editor-only",
        action="store_true",
        help="leave out the training workbench and the lessons (to isolate a problem)",
    )
    return parser.parse_args(argv)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise DlsimError(f"--size must look like 1280x800, not {text!r}") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise DlsimError(f"--size {text} is outside 320x240 … 8000x8000")
    return w, h


def _install_extensions(window, enabled: bool = True) -> None:
    """Let the training workbench and the lessons add their docks, menus and actions."""
    if not enabled:
        window.extensions_installed()
        return
    try:
        from dlsim.ui.workbench import install_workbench
    except ImportError as exc:
        _note_missing("dlsim.ui.workbench", exc)
    else:
        install_workbench(window)
    try:
        from dlsim.ui.lessons import install_lessons
    except ImportError as exc:
        _note_missing("dlsim.ui.lessons", exc)
    else:
        install_lessons(window)
    window.extensions_installed()


def _note_missing(module: str, exc: ImportError) -> None:
    """An absent module is expected; a module that exists but fails to import is worth a line."""
    if getattr(exc, "name", None) != module:
        print(f"dlsim: {module} is not available ({exc})", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the GUI (or render a screenshot); returns the process exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = _parse_args(argv)
    except SystemExit as exc:  # argparse printed the usage line
        return int(exc.code or 0)
    try:
        size = _size(args.size)
    except DlsimError as exc:
        print(f"dlsim: {exc}", file=sys.stderr)
        return 2
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return _desktop_entry(install=args.install_desktop_entry)
    if args.file and not Path(args.file).exists() and resources.is_example_name(args.file):
        args.example, args.file = args.file, None
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dlsim.xcb_check import check as check_xcb

    if (advice := check_xcb()) is not None:  # Qt would abort with a misleading message
        print(advice, file=sys.stderr)
        return 1

    from PySide6.QtWidgets import QApplication

    from dlsim.ui import language
    from dlsim.ui.failures import reporter
    from dlsim.ui.icon import app_icon
    from dlsim.ui.main_window import MainWindow
    from dlsim.ui.style import apply_theme
    from dlsim.ui.wheel_guard import install as install_wheel_guard

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "dlsim"])
    app.setOrganizationName("dlsim")
    app.setApplicationName("dlsim")
    app.setApplicationVersion(dlsim.__version__)
    app.setDesktopFileName("dlsim")  # Wayland matches the window to dlsim.desktop by this
    app.setWindowIcon(app_icon())
    reporter().install()  # from here on a failure is logged and shown, not fatal
    apply_theme(app, args.theme)
    install_wheel_guard(app)  # before any widget exists: every spin and combo box gets it
    # before any widget exists too: texts are translated when a widget is made (--screenshot
    # reads no settings, so it follows --lang or the system)
    language.install(language.choose_language(args.lang, use_settings=not args.screenshot))
    if args.screenshot:
        window = MainWindow()
        window.remember_layout = False
        return _screenshot(window, args, size)
    start_window(args)
    return app.exec()


def start_window(
    args: argparse.Namespace | list[str],
    window=None,
    size: tuple[int, int] | None = None,
):
    """What a user gets at start-up: the window with its extensions, fitted to the screen, with
    the file (or the default example) open. Tests and `--screenshot` take this same path (a
    screenshot's `size` stands for a remembered window size)."""
    from dlsim.examples import DEFAULT_EXAMPLE
    from dlsim.ui.autosave import install_autosave, offer_recovery
    from dlsim.ui.errors_banner import install_error_banner
    from dlsim.ui.failures import reporter
    from dlsim.ui.main_window import MainWindow

    if isinstance(args, list):
        args = _parse_args(args)
    window = window if window is not None else MainWindow()
    _install_extensions(window, not args.editor_only)
    install_error_banner(window, reporter())
    if window.remember_layout:  # not for --screenshot
        install_autosave(window)
    if size is None:
        window.show_fitted()
    else:
        window.resize(*size)
        window.show()
    _note_missing_font(window)
    if window.remember_layout and offer_recovery(window):
        return window  # work a crash or a kill left unsaved comes back first
    # A file that cannot be opened has said why in a dialog; the default example opens instead.
    if not (args.file and window.open_path(args.file, ask_to_save=False)):
        window.open_example(args.example or DEFAULT_EXAMPLE)
    return window


def _note_missing_font(window) -> None:
    """Korean without a Hangul font still works (boxes for letters): say once what to install."""
    from PySide6.QtCore import QTimer

    from dlsim.ui import language

    note = language.font_note(language.current())
    if note is not None:  # after the file's own status messages
        print(f"dlsim: {note}", file=sys.stderr)
        QTimer.singleShot(0, lambda: window.status(note, 30000))


def _desktop_entry(install: bool) -> int:
    """Write or remove the desktop entry and say which files changed."""
    from dlsim import desktop_entry

    try:
        changed = desktop_entry.install() if install else desktop_entry.uninstall()
    except OSError as exc:
        print(f"dlsim: cannot change the desktop entry: {exc}", file=sys.stderr)
        return 2
    verb = "wrote" if install else "removed"
    print(f"dlsim: {verb} {len(changed)} files under {desktop_entry.data_home()}")
    if install:
        print("dlsim is in the app menu (log out and in if it does not show yet)")
    return 0


def _screenshot(window, args: argparse.Namespace, size: tuple[int, int]) -> int:
    """Start as a user would, at `size`, train if asked, save a PNG; 2 (one line) on bad input.

    Problems that would be dialogs are printed instead, and an unfinished diagram is opened
    anyway, as a user can choose to.
    """
    from PySide6.QtCore import QCoreApplication

    problems: list[str] = []
    window.files.report_error = lambda _title, message: problems.append(message)
    window.files.confirm_open_anyway = lambda _reason: True
    start_window(args, window, size)
    if problems:
        return _refuse(window, problems[0])
    if args.select:
        window.scene.select_nodes([nid.strip() for nid in args.select.split(",")])
    bench = getattr(window, "workbench", None)
    if args.train > 0 and bench is not None:
        controller = bench.controller
        if controller.session is None or controller.build_error is not None:
            reason = controller.build_error or "the diagram is empty"
            return _refuse(window, f"--train {args.train}: the network cannot be trained: {reason}")
        controller.set_speed(None)  # the steps at once, whatever the example's pace
        controller.step(args.train)
        if not controller.session.wait_idle(timeout=120):
            return _refuse(window, f"--train {args.train}: training did not finish within 120 s")
        controller.flush()
    for _ in range(5):
        QCoreApplication.processEvents()
    if bench is not None:
        # plots in tabs become visible only once the first layout pass is done: draw them too
        bench.controller.flush()
        QCoreApplication.processEvents()
    if any(p.severity == "error" for p in window.document.problems()):
        window.show_problems_panel()  # as Open ▸ "open it anyway" shows a file to fix
    target = window
    lessons = getattr(window, "lessons_controller", None)
    if args.lesson and lessons is not None:
        target = lessons.open_view(args.lesson)
        target.showNormal()  # opened maximised if the offscreen screen is smaller than `size`
        target.resize(*size)
        if args.lesson == "backprop_stepper" and args.phase:
            target.go_to_phase(args.phase)
        for _ in range(5):
            QCoreApplication.processEvents()
    image = target.grab()
    out = Path(args.screenshot)
    ok = image.save(str(out), "PNG")
    _close(window)
    if not ok:
        print(f"dlsim: {out}: cannot write the PNG", file=sys.stderr)
        return 2
    return 0


def _refuse(window, sentence: str) -> int:
    """Bad input for --screenshot: one line on stderr, exit status 2, no PNG."""
    print(f"dlsim: {sentence}", file=sys.stderr)
    _close(window)
    return 2


def _close(window) -> None:
    from PySide6.QtCore import QCoreApplication

    window.document.undo_stack.setClean()  # nothing to ask about: the screenshot edited nothing
    window.close()
    window.deleteLater()
    QCoreApplication.processEvents()
