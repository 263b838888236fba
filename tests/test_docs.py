"""Docstring examples are tests, and the README documents every command."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
import re
from pathlib import Path

import click
import pytest

import consistency
from consistency.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(consistency.__path__, "consistency.")
    if m.name != "consistency.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert re.search(rf"`consistency {command}\b", README), command


def test_readme_starts_with_the_two_set_up_commands() -> None:
    blocks = re.findall(r"```console\n(.*?)\n```", README, re.S)
    assert blocks[0] == "pip install . && consistency report fixtures/briefings"
    assert blocks[1] == "pip install -e '.[test]' && pytest"


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert isinstance(command, click.Command)
        assert command.help, name


def test_readme_outputs_are_real_and_current() -> None:
    """Every pasted output in README.md is what the command prints today."""
    spec = importlib.util.spec_from_file_location(
        "readme_outputs", Path(__file__).parent.parent / "docs" / "readme_outputs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.rewrite(README) == README, "run: python docs/readme_outputs.py"


def test_readme_figures_are_those_of_the_kept_benchmark_run() -> None:
    """The benchmark figures in README.md are written from benchmarks/RESULTS.md (a real
    run of ``benchmarks/run_all.py --write``), never typed by hand."""
    root = Path(__file__).parent.parent
    spec = importlib.util.spec_from_file_location(
        "readme_figures", root / "docs" / "readme_figures.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    results = (root / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    assert "<!-- figures: warm -->" in README and "<!-- figures: engine -->" in README
    assert module.rewrite(README, results) == README, "run: python docs/readme_figures.py"
