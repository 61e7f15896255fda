"""The packages curator imports only when it needs them: a missing or broken one is an error that
names it and says how to repair the installation, never a field left silently empty."""

from __future__ import annotations

import importlib
from types import ModuleType

from curator.errors import CuratorError


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
        root = _not_found(exc)
        missing = getattr(root, "name", None)
        cause = " ".join(str(root).split())
        fix = "reinstall curator with its dependencies: pip install --force-reinstall <curator's folder>"
        if missing and missing.split(".")[0] != module.split(".")[0]:
            fix = f"pip install {missing.split('.')[0]}, or {fix}"
        raise DependencyError(
            f"curator's installation is broken: {module} could not be imported ({cause}); {fix}"
        ) from exc


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
