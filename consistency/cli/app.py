"""The ``consistency`` command group: its global options (also after the command name), the
exit codes and one-line errors, and :func:`main`, the console script. The commands are in
:mod:`consistency.cli.commands`."""

from __future__ import annotations

import gc
import os
import signal
import sys
import traceback
from collections.abc import Sequence
from contextlib import suppress
from typing import Any

import click

from .._version import __version__
from ..context import file_of
from ..errors import ConsistencyError, InputErrors
from ..printable import escape_controls
from .config import CONFIG_FILE, _config_defaults
from .output import QUIET, OutputClosed

GLOBAL_FLAGS = frozenset({"--no-config", "--debug", "-q", "--quiet"})
"""Options of the ``consistency`` group that may also come after the command name."""


class Terminated(BaseException):
    """SIGTERM, raised where the program is, so that ``finally`` blocks clean up."""


class Interrupted(BaseException):
    """Ctrl-C in a command, carried past click, which would write a blank line first
    (closing a terminal's ``^C``; piped, it is a stray line before the message)."""


def hoist_global_options(args: Sequence[str]) -> list[str]:
    """Move the group's options given after the command (``check --no-config``) before it.

    ``--config FILE`` moves with its value. Nothing after ``--`` moves.

    >>> hoist_global_options(["check", "a.txt", "--no-config", "-q", "--", "-q"])
    ['--no-config', '-q', 'check', 'a.txt', '--', '-q']
    """
    front: list[str] = []
    rest: list[str] = []
    k = 0
    while k < len(args):
        arg = args[k]
        if arg == "--":
            rest.extend(args[k:])
            break
        if arg in GLOBAL_FLAGS or arg.startswith("--config="):
            front.append(arg)
        elif arg == "--config" and k + 1 < len(args):
            front.extend(args[k : k + 2])
            k += 1
        else:
            rest.append(arg)
        k += 1
    return _lower_color(front + rest)


COMMAND_FLAGS = frozenset({"--color", "--no-color"})
"""Options of the commands that may also come before the command name."""

COLOURED_COMMANDS = frozenset({"track", "report", "check", "diff"})
"""The commands that colour what they write (and take ``--color/--no-color``)."""


def _lower_color(args: list[str]) -> list[str]:
    """Move ``--color``/``--no-color`` given before the command name after it; before a
    command that colours nothing, they have nothing to say and are dropped (a script
    may give them to every command: review 93).

    >>> _lower_color(["--no-color", "-q", "report", "a/"])
    ['-q', 'report', '--no-color', 'a/']
    >>> _lower_color(["--no-color", "ingest", "a/"])
    ['ingest', 'a/']
    """
    front: list[str] = []
    moved: list[str] = []
    k = 0
    while k < len(args) and args[k].startswith("-") and args[k] != "--":
        if args[k] in COMMAND_FLAGS:
            moved.append(args[k])
        else:
            front.append(args[k])
            if args[k] == "--config" and k + 1 < len(args):
                k += 1
                front.append(args[k])
        k += 1
    if not moved or k >= len(args):
        return args
    if args[k] not in COLOURED_COMMANDS:
        moved = []
    return [*front, args[k], *moved, *args[k + 1 :]]


LAST_WINS = frozenset({"--output", "--format"})
"""Options a later one may replace (``... -o report.html`` then ``-o -``), as a script adds
an override to its usual arguments; every other option of one value is given once."""


class OnceCommand(click.Command):
    """A command whose options of one value are given once at most: ``check --against a
    --against b`` read ``b`` alone, and the findings and exit code changed without a word
    (review 112). Options that take several (``--fail-on``) may repeat, and so may those
    of :data:`LAST_WINS`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        single = {
            name: opt
            for opt in self.params
            if isinstance(opt, click.Option)
            and not opt.multiple
            and not opt.is_flag
            and not opt.count
            and LAST_WINS.isdisjoint(opt.opts)
            for name in opt.opts
        }
        seen: dict[click.Option, str] = {}
        for arg in args:
            if arg == "--":
                break
            opt = single.get(arg.split("=", 1)[0] if arg.startswith("--") else arg)
            if opt is None:
                continue
            if opt in seen:
                raise click.UsageError(
                    f"{seen[opt]} given twice: give it once (a second value would replace "
                    "the first)",
                    ctx,
                )
            seen[opt] = arg.split("=", 1)[0]
        return super().parse_args(ctx, args)


class ConsistencyGroup(click.Group):
    """A group whose errors are one ``consistency: error: ...`` line each, exit 2.

    Exit codes: 0 success, 1 ``check`` failed, 2 input, usage or internal
    error, 130 interrupted (Ctrl-C), 141 standard output closed by its reader,
    143 terminated (SIGTERM). An unexpected exception is one line naming the
    file at hand; ``--debug`` adds the traceback.
    """

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        argv = hoist_global_options(sys.argv[1:] if args is None else list(args))
        debug = "--debug" in argv[: argv.index("--")] if "--" in argv else "--debug" in argv
        if not argv:
            click.echo(
                self.get_usage(click.Context(self, info_name=kwargs.get("prog_name"))), err=True
            )
            click.echo("Try 'consistency --help' for help.", err=True)
            sys.exit(2)
        kwargs["standalone_mode"] = False
        try:
            rv = super().main(argv, *rest, **kwargs)
        except click.exceptions.UsageError as e:
            config = _config_source(e)
            if config:
                _error(config)
                sys.exit(2)
            hint = f" (see '{e.ctx.command_path} --help')" if e.ctx else ""
            _error(f"{e.format_message()}{hint}")
            sys.exit(2)
        except click.exceptions.Abort as e:
            if isinstance(e.__cause__, EOFError):
                _error("unexpected end of input")
                sys.exit(2)
            _interrupted()
        except (KeyboardInterrupt, Interrupted):
            _interrupted()
        except Terminated:
            click.echo("consistency: terminated", err=True)
            sys.exit(143)
        except click.ClickException as e:
            _error(e.format_message())
            sys.exit(e.exit_code)
        except InputErrors as e:
            for err in e.errors:
                _error(str(err))
            sys.exit(2)
        except ConsistencyError as e:
            _error(str(e))
            sys.exit(2)
        except (BrokenPipeError, OutputClosed):
            # The reader went away (``| head``): 141 as a shell reports SIGPIPE, not 1,
            # which would read as "findings". Python's own flush at exit must not fail too.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except Exception as e:
            if debug:
                traceback.print_exc()
            _error(internal_error(e, debug=debug))
            sys.exit(2)
        sys.exit(rv if isinstance(rv, int) else 0)

    command_class = OnceCommand

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as e:
            raise Interrupted from e

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        _register_commands()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        _register_commands()
        return super().list_commands(ctx)


def _register_commands() -> None:
    """Import the commands (which registers them on the group) when one is looked up, not
    before: ``consistency --version`` then loads none of the library."""
    from . import commands as commands


def _config_source(error: click.exceptions.UsageError) -> str | None:
    """For a bad value that came from the configuration file: ``FILE: 'key': problem``."""
    ctx, param = error.ctx, getattr(error, "param", None)
    if ctx is None or param is None or param.name is None:
        return None
    if ctx.get_parameter_source(param.name) is not click.core.ParameterSource.DEFAULT_MAP:
        return None
    key = next((o[2:] for o in param.opts if o.startswith("--")), param.name)
    problem = " ".join(error.message.split())
    return f"{ctx.meta.get(CONFIG_FILE)}: '{key}': {problem}"


def _interrupted() -> None:
    if sys.stderr.isatty():
        click.echo(err=True)  # after the terminal's "^C"
    click.echo("consistency: interrupted", err=True)
    sys.exit(130)


def internal_error(error: BaseException, *, debug: bool = False) -> str:
    """The one line for an unexpected exception: what, and on which file.

    >>> internal_error(ValueError("bad\\nvalue"))
    'internal error: ValueError: bad value (--debug shows the traceback)'
    """
    where = file_of(error)
    at = f" while working on {where}" if where else ""
    detail = " ".join(str(error).split()) or "(no message)"
    hint = "" if debug else " (--debug shows the traceback)"
    return f"internal error{at}: {type(error).__name__}: {detail}{hint}"


def _error(message: str) -> None:
    """One ``consistency: error:`` line, whatever the message holds (a configuration file's
    path with a newline in it, say): control characters are escaped."""
    click.echo(f"consistency: error: {escape_controls(message)}", err=True)


@click.group(cls=ConsistencyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="consistency")
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False),
    help="Read option defaults from FILE (default: nearest consistency.toml).",
)
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars and no notes on stderr.")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
@click.pass_context
def cli(ctx: click.Context, config: str | None, no_config: bool, quiet: bool, debug: bool) -> None:
    """Track official talking points across dated briefings and show how their wording shifts.

    PATH may be a file, a directory (read recursively) or - for standard input.
    --no-config, --config, -q and --debug may also follow the command;
    --color/--no-color may also come before it (before a command that colours
    nothing, they are ignored).
    """
    ctx.meta[QUIET] = quiet
    _config_defaults(ctx, config, no_config)


GC_THRESHOLDS = (50_000, 20, 20)
"""The cyclic garbage collector's thresholds for a run (Python's are 700, 10, 10). A run
keeps hundreds of thousands of objects to its end (a warm ``track`` of 1,000 briefings:
53k occurrences, their JSON), which the default thresholds had the collector go through
over and over for nothing (0.3 s of a 2.5 s run; 0.09 s with these, the same memory)."""


def main() -> None:
    """Console-script entry point: SIGTERM unwinds like Ctrl-C, so temp files are removed."""
    gc.set_threshold(*GC_THRESHOLDS)

    fired = False

    def terminate(signum: int, frame: Any) -> None:
        # Once: a second SIGTERM while the run unwinds (``timeout`` signals the process,
        # then its whole group) killed it half-way, no word said and its temp file left
        # (a fresh-clone review: 4 runs of 10 signalled in their last seconds).
        nonlocal fired
        if fired:
            return
        fired = True
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Terminated()

    with suppress(ValueError):  # not the main thread: leave signals alone
        signal.signal(signal.SIGTERM, terminate)
    cli(prog_name="consistency")
