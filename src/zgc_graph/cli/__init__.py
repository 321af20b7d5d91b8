"""The `zgc-graph` command: a thin layer over `zgc_graph.api`.

Each command lives in its own module and is mounted here; commands parse
options, call the library, format the result and choose the exit code.
"""
from __future__ import annotations

import functools
import importlib
import os
import sys

import click

from ..collector import leave_paused
from ..errors import ZgcError

# One line per command: its name and the module that defines it as `command`.
COMMAND_MODULES = {
    "build": "zgc_graph.cli.build",
    "serve": "zgc_graph.cli.serve",
    "validate": "zgc_graph.cli.validate",
    "query": "zgc_graph.cli.query",
    "stats": "zgc_graph.cli.stats",
    "load": "zgc_graph.cli.load",
    "evaluate": "zgc_graph.cli.evaluate",
    "html": "zgc_graph.cli.html",
    "analyze": "zgc_graph.cli.analyze",
    "export": "zgc_graph.cli.export",
}


class _LazyGroup(click.Group):
    """Imports a command's module only when that command is run or listed.

    `zgc-graph query` on a loaded store needs neither jieba nor the extractor;
    importing every command up front cost each command about a second of start-up.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(name)
        return importlib.import_module(module).command if module else None


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.version_option(package_name="zgc-graph")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Chinese news and policy text about Zhongguancun -> a knowledge graph with evidence."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def handle_errors(func):
    """Turn library errors into one line on stderr and a non-zero exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ZgcError as err:
            ctx = click.get_current_context(silent=True)
            if ctx is not None and (ctx.find_root().obj or {}).get("debug"):
                raise
            click.echo(f"error: {err}", err=True)
            sys.exit(err.exit_code)
        except click.ClickException:
            raise
        except BrokenPipeError:
            # `zgc-graph query … | head`: the reader has gone, which is no error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as err:  # an unexpected failure still gets one line
            ctx = click.get_current_context(silent=True)
            if ctx is not None and (ctx.find_root().obj or {}).get("debug"):
                raise
            click.echo(f"error: internal error: {type(err).__name__}: {err} (rerun with --debug for details)", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("error: interrupted; earlier outputs are unchanged", err=True)
            sys.exit(130)

    return wrapper


# Set by run(): this process ends when its command returns.
_console_script = False
# Set by a command whose result is written and whose process holds a large graph.
_skip_teardown = False


def skip_teardown() -> None:
    """Let the console script end a successful command without freeing the heap (after a
    build of 1,000 articles CPython spends ~4 s deallocating objects nobody reads again),
    nor collecting it (see `collector.leave_paused`).  Called before the work starts."""
    global _skip_teardown
    _skip_teardown = True
    if _console_script:
        leave_paused()


def run() -> None:
    """The console script (`zgc-graph`); tests call `main` through click instead."""
    global _console_script
    _console_script = True
    try:
        main.main()
    except SystemExit as done:
        if _skip_teardown and done.code in (0, None):
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(0)
        raise
