"""The packages curator needs: a missing or broken one is an error that names it and says how to
repair the installation, never a traceback or a field left silently empty.

Most are imported when `curator` starts (`curator.cli` turns a failed import into this error);
trafilatura and numpy only when a command needs them (`require`). Without numpy curator still
places articles, one by one (slower for a large archive), and says so (`numeric_missing`)."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import json
import shlex
import sys
import urllib.parse
from pathlib import Path
from types import FrameType, ModuleType

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
    "charset_normalizer": "charset-normalizer",
    # What httpx needs to make a request from asyncio; it imports anyio, httpcore and h11 only as
    # its first client opens (`curator.fetch` imports them as curator starts: walk175 #1).
    "anyio": "anyio",
    "httpcore": "httpcore",
    "h11": "h11",
    "certifi": "certifi",
    "idna": "idna",
}

#: The distribution pip installs a module by, for the packages curator's dependencies import whose
#: two names differ (a missing package has no metadata left to ask): walk175 #2, "pip install
#: dateutil" was advised, and pip has no such package.
DISTRIBUTIONS: dict[str, str] = {
    "dateutil": "python-dateutil",
    "bs4": "beautifulsoup4",
    "yaml": "PyYAML",
    "_yaml": "PyYAML",
    "markdown_it": "markdown-it-py",
    "ruamel": "ruamel.yaml",
    "sgmllib": "sgmllib3k",
    "justext": "jusText",
    "dateparser_data": "dateparser",
    "PIL": "pillow",
    "google": "protobuf",
    "pkg_resources": "setuptools",
    "socks": "PySocks",
    "brotli": "Brotli",
    "zstandard": "zstandard",
}


def distribution(module: str) -> str:
    """The name pip installs the top-level module `module` by: curator's own list, then the
    installed packages' metadata (a package that is there but broken), then the known names
    whose two differ; else `module` itself."""
    if module in PACKAGES:
        return PACKAGES[module]
    try:
        found = importlib.metadata.packages_distributions().get(module) or []
    except (OSError, ValueError):  # unreadable metadata: the table below still answers
        found = []
    if found:
        return found[0]
    return DISTRIBUTIONS.get(module, module)


def reinstall_command() -> str:
    """A command that reinstalls curator with its dependencies, as given: into this Python (its
    `-m pip`), from the folder or address curator was installed from.

    Why: the advice was "pip install --force-reinstall <curator's folder>", a placeholder to fill
    in, and a bare `pip` may be another Python's."""
    python = shlex.quote(sys.executable)
    source = "curator"
    editable = False
    try:
        raw = importlib.metadata.distribution("curator").read_text("direct_url.json")
        origin = json.loads(raw) if raw else {}
    except (importlib.metadata.PackageNotFoundError, ValueError, OSError):
        origin = {}
    url = origin.get("url", "") if isinstance(origin, dict) else ""
    if url.startswith("file://"):
        source = shlex.quote(urllib.parse.unquote(url.removeprefix("file://")))
        editable = bool((origin.get("dir_info") or {}).get("editable"))
    elif url:
        source = shlex.quote(url)
    elif (Path(__file__).resolve().parents[1] / "pyproject.toml").is_file():
        source = shlex.quote(str(Path(__file__).resolve().parents[1]))  # a source checkout
    flag = "-e " if editable else ""
    return f"{python} -m pip install --force-reinstall {flag}{source}"


def reinstall_advice() -> str:
    return f"reinstall curator with its dependencies: {reinstall_command()}"


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
    except Exception as exc:  # `module` is a package, not curator's: it is there but broken
        raise _failed(module, exc) from exc


def missing_package(exc: ImportError) -> DependencyError | None:
    """The error to tell the editor for an import of curator's that failed, when what failed is a
    package (one pyproject.toml declares, or one of theirs); None when it is one of curator's own
    modules (a bug in curator, whose traceback must be seen, not a package to reinstall)."""
    root = _not_found(exc)
    name = root.name or exc.name
    if not name or name.split(".")[0] == "curator":
        return None
    return _broken(name.split(".")[0], exc)


def broken_dependency(exc: Exception) -> DependencyError | None:
    """The error to tell the editor for an exception raised while curator's modules were
    imported as it starts, when it was raised by a package's own import (a package that is there
    but broken: walk141 #3, a SyntaxError in ruamel/yaml/__init__.py, an AttributeError raised in
    tld's, ended in a traceback and nothing on stdout for --json); None when it is curator's own
    code that failed (a bug, whose traceback must be seen)."""
    if isinstance(exc, ImportError):
        return missing_package(exc)
    module = _importing(exc)
    return None if module is None else _failed(module, exc)


def _importing(exc: Exception) -> str | None:
    """The top-level name of the package whose import raised `exc`, when it was raised while
    one of curator's modules imported a package (after curator's last frame, Python's import
    machinery, then that package's code, or, for a SyntaxError, the package's file it names);
    None when curator's own code raised it (a frame of curator's is its last, or no import of a
    package lies between curator's last frame and the error)."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    own = [i for i, f in enumerate(frames) if _is_own(f.f_code.co_filename)]
    after = frames[own[-1] + 1 :] if own else frames
    if isinstance(exc, SyntaxError) and not after:
        # Python compiling a module curator imports (no frame of the file it names: the
        # import machinery's own are removed from tracebacks), unless the file is curator's.
        named = exc.filename or "<>"
        if named.startswith("<") or _is_own(named) or not Path(named).is_file():
            return None
        return _package_of(named)
    if not after or not _importing_frame(after[0]):
        return None  # raised by curator's code, or by a call curator's code made: a bug of ours
    for frame in after:
        if not frame.f_code.co_filename.startswith("<frozen"):
            name = str(frame.f_globals.get("__name__") or "")
            return name.split(".")[0] or _package_of(frame.f_code.co_filename)
    return None


def _importing_frame(frame: FrameType) -> bool:
    """`frame` runs an import: the import machinery's (when Python kept it in the traceback), or
    a module's own top-level code."""
    code = frame.f_code
    return code.co_filename.startswith("<frozen importlib") or code.co_name == "<module>"


_OWN = str(Path(__file__).resolve().parent)


def _is_own(filename: str) -> bool:
    try:
        return Path(filename).resolve().is_relative_to(_OWN)
    except (OSError, ValueError):
        return False


def _package_of(filename: str) -> str | None:
    """The top-level name of the module at `filename`, as found on `sys.path`."""
    path = Path(filename).resolve()
    best: tuple[int, str] | None = None
    for entry in sys.path:
        try:
            root = Path(entry or ".").resolve()
        except (OSError, ValueError):
            continue
        if path.is_relative_to(root) and path != root:
            parts = path.relative_to(root).parts
            top = parts[0].removesuffix(".py") if parts else ""
            if top and (best is None or len(root.parts) > best[0]):
                best = (len(root.parts), top)
    return best[1] if best else None


def _failed(module: str, exc: Exception) -> DependencyError:
    """`module` is installed but raised `exc` as it was imported: name it, the error in one line
    (with the file and line for a SyntaxError) and the repair, a reinstall."""
    if isinstance(exc, SyntaxError) and exc.filename:
        said = f"{exc.filename}, line {exc.lineno}: {exc.msg}"
    else:
        said = str(exc)
    cause = " ".join(f"{type(exc).__name__}: {said}".split())
    return DependencyError(
        f"curator's installation is broken: {distribution(module)} could not be imported"
        f" ({cause}); {reinstall_advice()}"
    )


def _broken(module: str, exc: ImportError) -> DependencyError:
    """`module` could not be imported because of `exc`: name the package and the repair."""
    cause, fix = _cause_and_fix(module, exc)
    return DependencyError(
        f"curator's installation is broken: {distribution(module)} could not be imported"
        f" ({cause}); {fix}"
    )


def _cause_and_fix(module: str, exc: ImportError) -> tuple[str, str]:
    """Why `module` could not be imported (as Python said it), and how to repair that."""
    root = _not_found(exc)
    missing = (root.name or module).split(".")[0]
    cause = " ".join(str(root).split())
    fix = reinstall_advice()
    if missing in sys.stdlib_module_names:
        fix = f"this Python lacks its own module {missing}: install a complete Python 3.11 or newer"
    elif isinstance(root, ModuleNotFoundError):
        fix = f"pip install {distribution(missing)}, or {fix}"
    return cause, fix


def page_reader() -> ModuleType:
    """trafilatura, which reads an article page's main text (imported on first use: it costs a
    second of start-up that commands not reading pages need not pay)."""
    return require("trafilatura")


def numeric() -> ModuleType:
    """numpy, which scores a whole archive's stored term counts at once when the editor changes a
    subject (imported on first use: a weekly build placing its new articles never needs it)."""
    return require("numpy")


def numeric_missing() -> str | None:
    """A warning naming numpy and its repair when numpy is not installed, else None; cheap: numpy
    is looked for, not imported (a numpy that is there but broken stops the run, named by
    `numeric`, when it is used).

    Why: curator places articles without numpy too, one by one, only slower for a large archive;
    an editor whose numpy is missing is told so (`placement.refresh`), not left to find out."""
    try:
        found = importlib.util.find_spec("numpy")
    except ImportError as exc:
        error: ImportError | None = exc
    except ValueError:  # a module `numpy` with no spec: imported some other way; let it be
        return None
    else:
        error = None if found else ModuleNotFoundError("No module named 'numpy'", name="numpy")
    if error is None:
        return None
    cause, fix = _cause_and_fix("numpy", error)
    return (
        f"numpy could not be imported ({cause}): curator places articles under subjects without"
        " it, one by one, in the same subjects but slower for a large archive; to place them at"
        f" full speed, {fix}"
    )


#: The packages curator imports only when a command needs them, and the commands that do.
LAZY: dict[str, str] = {
    "trafilatura": "to read article pages (fetch, build, draft, extract)",
    "lxml_html_clean": "to read article pages (fetch, build, draft, extract)",
    "charset_normalizer": "to read a feed or page that does not declare its character set",
}


def lazy_packages_missing() -> tuple[str, ...]:
    """What `curator --help` says of the packages imported only when used (`LAZY`) that are not
    installed, with the repair, and of numpy (`numeric_missing`); cheap: each is looked for, not
    imported (fixie #4: with trafilatura missing, the help said nothing, and `fetch` stopped)."""
    said = []
    for module, needs in LAZY.items():
        try:
            found = importlib.util.find_spec(module)
        except ImportError as exc:
            error: ImportError | None = exc
        except ValueError:  # (imported some other way: let it be)
            continue
        else:
            error = (
                None if found else ModuleNotFoundError(f"No module named {module!r}", name=module)
            )
        if error is not None:
            cause, fix = _cause_and_fix(module, error)
            said.append(
                f"curator's installation is broken: {distribution(module)} could not be imported"
                f" ({cause}), and curator needs it {needs}; {fix}"
            )
    numpy = numeric_missing()
    return (*said, *((numpy,) if numpy else ()))


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
