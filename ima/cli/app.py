"""The ``ima`` command: global options, error handling and the command groups."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from ima.cli.output import error

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="ima",
    help="ima: the evidence base of the Dutch integrated migration agenda (Integrale Migratieagenda).\n\n"
         "Ingest government letters and parliamentary papers, search them, read them page by page.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
db_app = typer.Typer(help="Manage the database (schema migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")


class State:
    """What the global options chose; the store opens on first use."""

    def __init__(self, db_url: str | None):
        self.db_url = db_url
        self._store = None

    def store(self):
        """The store for this invocation (migrations applied on first use)."""
        if self._store is None:
            from ima.store import Store

            self._store = Store.open(self.db_url)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", envvar="IMA_DATABASE_URL", show_envvar=True,
                                           help="Database URL (sqlite:///path or postgresql://...). "
                                                "Default: a SQLite file in your user data directory.")] = None,
) -> None:
    """Global options."""
    state = State(db)
    ctx.obj = state
    ctx.call_on_close(state.close)


def handle_errors(func: F) -> F:
    """Turn expected failures into a one-line message and a non-zero exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from sqlalchemy.exc import SQLAlchemyError

        from ima.store import DocumentNotFound

        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except KeyboardInterrupt:
            error("interrupted; everything finished before the interruption is stored")
            raise typer.Exit(130) from None
        except DocumentNotFound as exc:
            error(str(exc.args[0]) if exc.args else "document not found")
            raise typer.Exit(1) from None
        except ValueError as exc:
            error(str(exc))
            raise typer.Exit(2) from None
        except SQLAlchemyError as exc:
            error(f"database error: {str(exc.orig if getattr(exc, 'orig', None) else exc).splitlines()[0]}")
            raise typer.Exit(1) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


def state_of(ctx: typer.Context) -> State:
    """The invocation's state (set by the callback)."""
    return ctx.find_root().obj


# Each module adds its commands to ``app`` when imported; one line per module.
COMMAND_MODULES = (
    "db_commands",
    "ingest_commands",
    "record_commands",
    "knowledge_commands",
    "qa_commands",
    "users_commands",
    "serve_commands",
    "report_commands",
    "solidarity_commands",
    "returns_commands",
    "ranking_commands",
    "programme_commands",
    "audit_commands",
    "partnership_commands",
    "simulate_commands",
    "simulate_run_commands",
)


def _register() -> None:
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"ima.cli.{name}")


_register()


def main() -> None:
    """Console-script entry point."""
    app()
