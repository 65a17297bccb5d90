"""View ▸ Language: pick English or 한국어; the restart it offers is answered "Later" (a restart
would end the run)."""

from __future__ import annotations

from tests.ui.fuzz.registry import action


@action(0.3)
def choose_language(d) -> str:
    menu = d.window.language_menu
    menu.ask_restart = lambda _code: False
    code = d.rng.choice(sorted(menu.actions))
    menu.actions[code].trigger()
    return f"View ▸ Language ▸ {menu.actions[code].text()} (restart later)"
