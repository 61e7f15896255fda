"""The packages curator needs: a missing or broken one is an error that names it and says how to
repair the installation, never a traceback or a field left silently empty.

Most are imported when `curator` starts (`curator.cli` turns a failed import into this error);
trafilatura and numpy only when a command needs them (`require`)."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

from curator.errors import CuratorError

#: The import name of each package pyproject.toml declares, and the name pip installs it by
#: (tests/test_install.py keeps the two lists the same).
PACKAGES: dict[str, str] = {
    "feedparser": "feedparser",
    "httpx": "httpx",
    "bs4": "beautifulsoup4",
    "lxml": "lxml",
    "jinja2": "jinja2",
    "markupsafe": "markupsafe",
    "click": "click",
    "yaml": "PyYAML",
    "nh3": "nh3",
    "markdown_it": "markdown-it-py",
    "ruamel": "ruamel.yaml",
    "trafilatura": "trafilatura",
    "lxml_html_clean": "lxml_html_clean",
    "css_inline": "css-inline",
    "sniffio": "sniffio",
    "numpy": "numpy",
    "tld": "tld",
}

REINSTALL = (
    "reinstall curator with its dependencies: pip install --force-reinstall <curator's folder>"
)


class DependencyError(CuratorError):
    """A package curator needs cannot be imported: the installation is incomplete or broken
    (exit 1: the run could not be done)."""


def require(module: str) -> ModuleType:
    """Import `module`, or raise `DependencyError` naming it, the cause and the fix.

    A package can be installed and still fail to import because one of its own dependencies is
    missing: trafilatura's jusText needs `lxml_html_clean`, which a new venv's pip (before 24)
    leaves out when asked for it as `lxml[html_clean]`. The cause is quoted as Python gave it.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise _broken(module, exc) from exc


def missing_package(exc: ImportError) -> DependencyError | None:
    """The error to tell the editor for an import of curator's that failed, when what failed is a
    package (one pyproject.toml declares, or one of theirs); None when it is one of curator's own
    modules (a bug in curator, whose traceback must be seen, not a package to reinstall)."""
    root = _not_found(exc)
    name = root.name or exc.name
    if not name or name.split(".")[0] == "curator":
        return None
    return _broken(name.split(".")[0], exc)


def _broken(module: str, exc: ImportError) -> DependencyError:
    """`module` could not be imported because of `exc`: name the package and the repair."""
    root = _not_found(exc)
    missing = (root.name or module).split(".")[0]
    cause = " ".join(str(root).split())
    fix = REINSTALL
    if missing in sys.stdlib_module_names:
        fix = f"this Python lacks its own module {missing}: install a complete Python 3.11 or newer"
    elif isinstance(root, ModuleNotFoundError):
        fix = f"pip install {PACKAGES.get(missing, missing)}, or {fix}"
    return DependencyError(
        f"curator's installation is broken: {PACKAGES.get(module, module)} could not be imported"
        f" ({cause}); {fix}"
    )


def page_reader() -> ModuleType:
    """trafilatura, which reads an article page's main text (imported on first use: it costs a
    second of start-up that commands not reading pages need not pay)."""
    return require("trafilatura")


def numeric() -> ModuleType:
    """numpy, which scores a whole archive's stored term counts at once when the editor changes a
    subject (imported on first use: a weekly build placing its new articles never needs it)."""
    return require("numpy")


def _not_found(exc: ImportError) -> ImportError:
    """The import that failed first, naming the module Python could not find when one does: lxml
    re-raises a failed import of `lxml_html_clean` as an ImportError of its own (`from None`, its
    context kept), which says what to install but not which module was missing."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ImportError) and seen.name:
            return seen
        seen = seen.__cause__ or seen.__context__
    return exc
