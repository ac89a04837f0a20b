"""ima.cli: the ``ima`` command (Typer). Commands parse, call one service, render."""
