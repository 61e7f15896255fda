"""The command line as a whole: help on every command, one shape and one exit code per kind of
error whichever command meets it, and the exit-code table `curator --help` documents."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import curator
from conftest import sans_config
from curator import errors
from curator.cli import cli
from curator.errors import EXIT_CODES, CuratorError

#: Nothing may reach the internet: every request goes to a proxy where nothing listens.
NO_INTERNET = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}


def command_paths(
    command: click.Command, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command and group under `command` (itself included), with the words that call it."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from command_paths(sub, (*path, name))


COMMANDS = list(command_paths(cli))


def invoke(*args: str) -> click.testing.Result:
    return CliRunner(env=NO_INTERNET).invoke(cli, list(args))


def test_the_walk_sees_every_command() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"", "build", "draft", "fetch", "preview", "extract", "init"} <= names
    assert {"feeds add", "feeds check", "subjects explain", "subjects suggest"} <= names
    assert len(names) >= 18


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=[" ".join(p) or "curator" for p, _ in COMMANDS]
)
def test_every_command_has_help_and_h_works_like_help(
    path: tuple[str, ...], command: click.Command
) -> None:
    assert (command.help or "").strip(), f"`curator {' '.join(path)}` has no help text"
    long = invoke(*path, "--help")
    short = invoke(*path, "-h")
    assert long.exit_code == 0, long.output
    assert short.exit_code == 0, short.output
    assert short.stdout == long.stdout
    assert long.stdout.startswith(f"Usage: {' '.join(('curator', *path))}")
    assert "-h, --help" in long.stdout
    # Every option says what it is for.
    for param in command.params:
        if isinstance(param, click.Option):
            assert (param.help or "").strip(), (path, param.name)


# -- one error, one shape ----------------------------------------------------------------------

ARTICLE = "https://blog.example.com/an-article"

#: Every command that reads the config, with the arguments it needs besides --config.
CONFIG_READERS = [
    ("build",),
    ("draft",),
    ("fetch",),
    ("preview",),
    ("feeds", "add", "https://blog.example.com/feed.xml"),
    ("feeds", "list"),
    ("feeds", "check"),
    ("feeds", "import", "subscriptions.opml"),
    ("subjects", "explain", ARTICLE),
    ("subjects", "move", ARTICLE, "Anything"),
    ("subjects", "exclude", ARTICLE),
    ("subjects", "suggest"),
]


def test_the_same_config_typo_gives_the_same_line_and_exit_2_from_every_command(
    demo: Path,
) -> None:
    text = demo.read_text(encoding="utf-8")
    assert "\nfeeds:\n" in text
    demo.write_text(text.replace("\nfeeds:\n", "\nfeds:\n", 1), encoding="utf-8")
    line = text[: text.index("\nfeeds:\n")].count("\n") + 2
    expected = f"curator: {demo}:{line}:1: unknown key `feds`"
    messages = {}
    for command in CONFIG_READERS:
        result = invoke(*command, "--config", str(demo))
        assert result.exit_code == 2, (command, result.stderr, result.exception)
        assert result.stdout == "", command
        assert result.stderr.count("\n") == 1, (command, result.stderr)
        assert result.stderr.startswith(expected), (command, result.stderr)
        assert "did you mean `feeds`?" in result.stderr
        messages[command] = result.stderr
    assert len(set(messages.values())) == 1, messages
    # Nothing was created beside the broken config: no store, no output.
    assert not (demo.parent / ".curator").exists()


def one_line(result: click.testing.Result) -> str:
    """The one line a failed command printed on stderr, checked for the common shape."""
    assert result.stdout == "", result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("curator: "), lines[0]
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr
    return lines[0]


def test_feeds_commands_report_errors_like_build_does(demo: Path, tmp_path: Path) -> None:
    """`feeds` used to print click's "Error: ..." and exit 1 for everything."""
    absent = "https://nowhere.example/feed.xml"
    removed = invoke("feeds", "remove", "--config", str(demo), absent)
    assert removed.exit_code == 1
    assert sans_config(one_line(removed)) == (
        f"curator: {demo}: {absent} is not in the feeds list; `curator feeds list` shows them"
    )

    # A subject the command names that is not configured: a mistake in the command (exit 2).
    unknown = invoke("feeds", "add", "--config", str(demo), "-s", "Pricing", absent)
    assert unknown.exit_code == 2
    assert one_line(unknown).startswith(f"curator: {demo}: no subject `Pricing`; the subjects are:")

    missing = tmp_path / "missing.opml"
    unreadable = invoke("feeds", "import", "--config", str(demo), str(missing))
    assert unreadable.exit_code == 2
    assert one_line(unreadable).startswith(f"curator: {missing}: cannot read")

    page = tmp_path / "page.opml"
    page.write_text("<html><body>not a list</body></html>", encoding="utf-8")
    not_opml = invoke("feeds", "import", "--config", str(demo), str(page))
    assert not_opml.exit_code == 2
    assert one_line(not_opml) == (
        f"curator: {page}: a web page (HTML), not an OPML subscription list"
    )

    again = invoke("init", str(demo.parent))
    assert again.exit_code == 1
    assert one_line(again) == f"curator: {demo}: already exists; not overwritten"


@pytest.mark.parametrize(
    "args", [("build",), ("feeds", "list"), ("subjects", "list"), ("themes",)], ids=" ".join
)
def test_outside_a_project_folder_the_message_names_where_it_looked(
    args: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(*args)
    assert result.exit_code == 2
    assert one_line(result) == (
        f"curator: feeds.yaml: no such file (looked for {tmp_path / 'feeds.yaml'}). Run"
        " `curator init` to create one there, or pass --config PATH."
    )


JSON_COMMANDS = [
    (path, command)
    for path, command in COMMANDS
    if any(p.name == "as_json" for p in command.params)
]


@pytest.mark.parametrize(
    ("path", "command"), JSON_COMMANDS, ids=[" ".join(p) for p, _ in JSON_COMMANDS]
)
def test_every_json_command_answers_a_failure_in_json_on_stdout(
    path: tuple[str, ...], command: click.Command, tmp_path: Path
) -> None:
    """Scripts read stdout: a failed --json command prints {"error": ..., "exit": N} there (the
    message on stderr stays)."""
    missing = tmp_path / "nowhere" / "feeds.yaml"
    args = [*path, "--json"]
    if any(p.name == "config" for p in command.params):
        args += ["--config", str(missing)]
    for param in command.params:
        if isinstance(param, click.Argument) and param.required:
            args.append(str(tmp_path / "missing.html") if param.name == "sources" else "x")
    result = invoke(*args)
    assert result.exit_code in (1, 2), result.output
    message = result.stderr.splitlines()[-1]
    assert message.startswith("curator: ") and len(message) > len("curator: ")
    data = json.loads(result.stdout)
    # build and draft say no issue was published, the key a script tests (fixjp #1)
    issue = {"issue": None} if path[0] in ("build", "draft") else {}
    assert data == {**issue, "error": message.removeprefix("curator: "), "exit": result.exit_code}


def test_a_json_command_that_fails_prints_the_error_object_with_the_message(demo: Path) -> None:
    absent = "https://nowhere.example/x"
    assert invoke("fetch", "--config", str(demo), "-q").exit_code == 0
    result = invoke("subjects", "explain", "--config", str(demo), absent, "--json")
    assert result.exit_code == 1
    assert json.loads(sans_config(result.stdout)) == {
        "error": f"no stored article at {absent}; run `curator fetch` first, or check the address",
        "exit": 1,
    }
    assert (
        sans_config(result.stderr)
        == f"curator: no stored article at {absent}; run `curator fetch` first, or check the address\n"
    )
    # Without --json, stdout stays empty.
    assert invoke("subjects", "explain", "--config", str(demo), absent).stdout == ""


def test_preview_of_a_folder_that_is_not_there_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = invoke("preview", "--out", str(tmp_path / "nothing"), "--port", "0")
    assert result.exit_code == 1
    assert (
        one_line(result)
        == f"curator: {tmp_path / 'nothing'} is not a folder; run `curator build` first"
    )


def test_extract_reports_each_unreadable_page_then_fails_once(tmp_path: Path) -> None:
    missing = tmp_path / "gone.html"
    result = invoke("extract", str(missing))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"curator: {missing}: cannot read: No such file or directory",
        "curator: 1 of 1 page(s) could not be read",
    ]
    # With --json, a line of its own for the page and for the failure, its message the same.
    result = invoke("extract", "--json", str(missing))
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"url": str(missing), "error": "cannot read: No such file or directory"},
        {"error": "1 of 1 page(s) could not be read", "exit": 1},
    ]


# -- the exit-code table -------------------------------------------------------------------------


def documented_codes() -> dict[int, str]:
    """The table `curator --help` shows: code -> meaning (wrapped lines joined)."""
    help_text = invoke("--help").stdout
    assert "Exit codes:" in help_text
    table: dict[int, str] = {}
    code = None
    for line in help_text.split("Exit codes:", 1)[1].splitlines():
        match = re.match(r"^\s+(\d+)\s+(.*)$", line)
        if match:
            code = int(match.group(1))
            table[code] = match.group(2).strip()
        elif line.strip() and code is not None:
            table[code] += " " + line.strip()
    return table


def all_error_classes() -> set[type[CuratorError]]:
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages(curator.__path__, "curator."):
        importlib.import_module(module.name)
    found: set[type[CuratorError]] = set()
    todo: list[type[CuratorError]] = [CuratorError]
    while todo:
        kind = todo.pop()
        found.add(kind)
        todo += kind.__subclasses__()
    return found


def test_the_exit_code_table_in_help_is_the_one_the_code_uses() -> None:
    table = documented_codes()
    assert table == dict(EXIT_CODES)
    # 3 is issue 15's: a theme too thin for an issue (or a plan used up), nothing published;
    # 4 is `feeds check` finding failing feeds (12.12); 5 a report stdout could not take
    # (walk50 #2); 6 a build that waited for another run which published an issue meanwhile
    # (walk186 #5); 143 SIGTERM, handled as Ctrl-C (walk50 #5).
    assert set(table) == {0, 1, 2, 3, 4, 5, 6, 130, 143}
    # Every error a command can end with exits with a documented code...
    kinds = all_error_classes()
    names = {kind.__name__ for kind in kinds}
    assert {"ConfigError", "DraftError", "StoreError", "BuildError", "OpmlError"} <= names
    assert {"PreviewError", "OutputError", "FeedsFileError"} <= names
    for kind in kinds:
        assert kind.exit_code in table, kind
    # ... and the ones the table describes as such.
    by_name = {kind.__name__: kind.exit_code for kind in kinds}
    assert by_name["ConfigError"] == by_name["DraftError"] == by_name["OpmlError"] == 2
    assert by_name["StoreError"] == by_name["BuildError"] == 1
    assert by_name["ThemeError"] == 3
    assert errors.Interrupted.exit_code == 130
    assert errors.Terminated.exit_code == 143
    # click's own usage errors (an unknown option) are the command line's mistakes: 2 as well.
    assert invoke("build", "--no-such-option").exit_code == 2


# -- commands raise; only the root prints and exits ----------------------------------------------


CLI_MODULES = sorted((Path(curator.__file__).parent / "cli").glob("*.py"))


@pytest.mark.parametrize("path", CLI_MODULES, ids=[p.name for p in CLI_MODULES])
def test_no_command_prints_an_error_and_exits_itself(path: Path) -> None:
    """Only the root group's handler turns an error into a line and an exit code (and `main`, in
    `__init__`, when a missing package leaves no root group to run)."""
    if path.name in ("__init__.py", "root.py"):
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exits = [
        f"{path.name}:{node.lineno}: {ast.unparse(node)}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in ("exit", "Exit", "ClickException", "Abort", "UsageError")
        or isinstance(node, ast.Name)
        and node.id in ("SystemExit", "exit")
    ]
    assert exits == []


def test_a_mistyped_db_is_refused_by_commands_that_read_and_said_by_those_that_fetch(
    demo: Path, tmp_path: Path
) -> None:
    """walk23: `themes --db /tmp/nonexist/dir/x.db` made the folders and an empty store, then said
    "Tech: 0 article(s)"; `subjects list --db /tmp/typo.db` said "No stored article there yet."."""
    assert invoke("build", "--config", str(demo), "-q").exit_code == 0
    typo = tmp_path / "nonexist" / "dir" / "x.db"
    for command in (
        ("themes",),
        ("subjects", "list"),
        ("subjects", "uncertain"),
        ("subjects", "explain", "https://example.com/a"),
        ("render",),
        ("feeds", "list"),
    ):
        result = invoke(*command, "--config", str(demo), "--db", str(typo))
        assert result.exit_code == 1, (command, result.output)
        assert result.stderr.startswith(f"curator: no store at {typo}: check the --db path"), (
            command
        )
        assert not typo.parent.parent.exists(), command
    # fetch makes the store it is pointed at, and says it is a new one, not the config's.
    other = tmp_path / "other.db"
    result = invoke("fetch", "--config", str(demo), "--db", str(other), "-q")
    assert result.exit_code == 0, result.output
    assert f"curator: a new store at {other} (--db names no existing file" in result.stderr
    assert other.exists()
    result = invoke("fetch", "--config", str(demo), "--db", str(other), "-q")
    assert "a new store" not in result.stderr


def test_a_newsletter_never_fetched_is_told_to_fetch_first(demo: Path) -> None:
    store = demo.parent / ".curator" / "curator.db"
    result = invoke("subjects", "list", "--config", str(demo))
    assert result.exit_code == 1
    assert sans_config(result.stderr) == (
        f"curator: no store at {store}: nothing has been fetched for this newsletter yet; run"
        " `curator fetch` (or `curator build`) first\n"
    )
    # The feed list is shown all the same (each feed never fetched), and no store is made.
    result = invoke("feeds", "list", "--config", str(demo))
    assert result.exit_code == 0 and "never fetched" in result.stdout
    assert not store.exists()
