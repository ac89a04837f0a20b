"""The ``ima simulate`` command group; command modules add their commands to ``simulate_app``."""

from __future__ import annotations

import typer

from ima.cli.app import app

simulate_app = typer.Typer(help="Agent-based simulation of migration flows (Flee-compatible engine).",
                           no_args_is_help=True)
app.add_typer(simulate_app, name="simulate")
