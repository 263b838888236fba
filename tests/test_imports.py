"""The package's imports: every public name still there, and only what a run needs loaded.

``import consistency`` loads its modules on first use of a name (PEP 562), so that
``consistency --version`` and each command pay only for the modules they use.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import consistency

ROOT = Path(__file__).resolve().parent.parent


def loaded_after(code: str) -> set[str]:
    """The modules loaded by a fresh interpreter after running ``code``."""
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    return set(done.stdout.split())


@pytest.mark.parametrize("name", sorted(consistency.__all__))
def test_every_public_name_is_its_modules_object(name: str) -> None:
    module = consistency._MODULE_OF.get(name)
    value = getattr(consistency, name)
    if module is None:  # __version__, imported eagerly
        assert name == "__version__"
        return
    assert value is getattr(importlib.import_module(module, "consistency"), name)
    namespace: dict[str, object] = {}
    exec(f"from consistency import {name}", namespace)
    assert namespace[name] is value


def test_all_names_every_export() -> None:
    assert set(consistency.__all__) == {*consistency._MODULE_OF, "__version__"}
    assert set(consistency.__all__) <= set(dir(consistency))


@pytest.mark.parametrize("name", ["track", "normalise", "compare", "discover"])
def test_functions_named_like_modules_keep_their_names(name: str) -> None:
    """Importing ``consistency.track`` (the module) must not hide ``consistency.track``
    (the function), in whatever order the two are first used."""
    module = f"consistency.{name}"
    for code in (
        f"import {module}\nfrom consistency import {name} as f",
        f"from consistency import {name} as f\nimport {module}",
    ):
        probe = f"{code}\nimport consistency, types\n"
        probe += "assert callable(f) and not isinstance(f, types.ModuleType)\n"
        probe += f"assert consistency.{name} is f"
        subprocess.run(
            [sys.executable, "-c", probe],
            check=True,
            cwd=ROOT,
            env={"PYTHONPATH": str(ROOT), "PATH": ""},
        )


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        consistency.nothing  # noqa: B018


HEAVY = ("numpy", "jinja2", "consistency.discover", "consistency.match", "consistency.index")


def test_import_consistency_loads_no_engine() -> None:
    loaded = loaded_after("import consistency")
    assert not loaded & set(HEAVY)


def test_version_loads_no_engine() -> None:
    """``consistency --version`` (the CLI's imports) loads no engine, report or index."""
    loaded = loaded_after(
        "import sys\nsys.argv = ['consistency', '--version']\n"
        "from consistency.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert "click" in loaded
    assert not loaded & set(HEAVY)
