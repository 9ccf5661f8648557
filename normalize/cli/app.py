"""The ``normalize`` command: a thin Typer layer over the Python API.

Each command lives in its own module and imports heavy dependencies inside the
function body, so ``normalize --help`` stays fast.
"""

from __future__ import annotations

import sys

import typer

from normalize.errors import ExitCode, NormalizeError

app = typer.Typer(
    name="normalize",
    help="Find and fix translationese in English wire copy, and score rewrites.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    from normalize.cli import check, fix, rules
    from normalize.cli import train
    from normalize.cli import score

    app.command("check")(check.check_command)
    app.command("fix")(fix.fix_command)
    app.command("rules")(rules.rules_command)
    app.command("explain")(rules.explain_command)
    app.command("train")(train.train_command)
    app.command("train-network")(train.train_network_command)
    app.add_typer(train.model_app, name="model")
    app.command("score")(score.score_command)


_register()


INTERRUPTED = 130  # 128 + SIGINT, the shell's status for Ctrl-C
TERMINATED = 143  # 128 + SIGTERM: a CI job cancelled, `timeout`, `kill`


class _Terminated(Exception):
    """SIGTERM, raised where the main thread is, so that a worker pool is shut
    down on the way out (its workers would otherwise print a traceback each
    when the parent vanished)."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


def main() -> None:
    """Entry point: run the app, turning every known failure into one line."""
    import signal

    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        result = app(standalone_mode=False)
        if result == INTERRUPTED:  # Typer turns Ctrl-C into this status (not standalone: returned)
            _fail("interrupted", INTERRUPTED)
        if isinstance(result, int):
            sys.exit(result)
    except NormalizeError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted", INTERRUPTED)
    except _Terminated:
        _fail("terminated", TERMINATED)
    except SystemExit as exc:
        raise exc
    except OSError as exc:  # a file the command needed could not be read or written
        where = f"{exc.filename}: " if exc.filename else ""
        _fail(f"{where}{exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - last resort: never show a traceback
        kinds = {cls.__name__ for cls in type(exc).__mro__}
        if "Exit" in kinds:
            sys.exit(getattr(exc, "exit_code", 0))
        if "Abort" in kinds:
            _fail("aborted")
        if "ClickException" in kinds:  # usage errors: bad option, missing argument
            message = exc.format_message().strip()
            if not message and "UsageError" in kinds:
                sys.exit(int(ExitCode.ERROR))  # no command given: the help above says it all
            hint = " (see --help)" if "UsageError" in kinds else ""
            _fail(message + hint)
        _fail(f"internal error: {type(exc).__name__}: {exc}")
    sys.exit(0)


def _fail(message: str, code: int = ExitCode.ERROR) -> None:
    first_line = message.strip().splitlines()[0] if message.strip() else "error"
    sys.stderr.write(f"normalize: error: {first_line}\n")
    sys.exit(int(code))
