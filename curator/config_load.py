"""Opening feeds.yaml: `load_config`, and what to say when there is none where it was looked for
(`curator init`, or the folder the newsletter moved to)."""

from __future__ import annotations

from pathlib import Path

from curator.config import Config, ConfigError
from curator.config_reader import parse_config
from curator.errors import init_advice, shell_arg


def _missing_advice(path: Path) -> str:
    """What to do when there is no feeds.yaml at `path`: where there is one (`init_advice`),
    else `curator init`."""
    advice = init_advice(path)
    if advice.startswith(("no feeds.yaml here", "this folder has")):
        end = "" if advice.endswith("?") else "."
        return f"no such file (looked for {path.absolute()}): {advice}{end}"
    return f"no such file (looked for {path.absolute()}). {advice.replace('run', 'Run', 1)}, or pass --config PATH."


def load_config(path: Path | str) -> Config:
    """Read and check the configuration at `path`; raises `ConfigError` for any mistake."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            path,
            None,
            None,
            _missing_advice(path),
        ) from None
    except IsADirectoryError:
        raise ConfigError(
            path, None, None, "is a folder; pass the feeds.yaml file inside it"
        ) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            path, None, None, f"is not UTF-8 text ({exc.reason}); save it as UTF-8"
        ) from None
    except OSError as exc:
        raise ConfigError(path, None, None, f"cannot be read: {exc.strerror}") from None
    return parse_config(text, path)


def moved_newsletter_advice(path: Path, command: str, draft: Path | None = None) -> str | None:
    """What to say of a feeds.yaml at `path` that is not there, in a folder that is not there
    either, when the current folder (or, for `build --draft`, the folder above the `draft`'s)
    holds a feeds.yaml: the newsletter's folder moved, and the command (`command`, "curator
    build") to run here instead; None otherwise (`_missing_advice` says the rest).

    Why: walk176 #4, after the newsletter's folder moved, the command a draft's note gave,
    `curator build --draft OLD/drafts/issue-11.md --config OLD/feeds.yaml`, run in the new
    folder, advised `curator init OLD`, beside the feeds.yaml it should have used."""
    old = path.absolute().parent
    if path.exists() or old.exists():
        return None
    here = Path.cwd()
    found = [here / "feeds.yaml"]
    if draft is not None:
        found.append(draft.absolute().parent.parent / "feeds.yaml")
    config = next((f for f in found if f.is_file()), None)
    if config is None:
        return None

    def shown(target: Path) -> str:
        return shell_arg(target.relative_to(here) if target.is_relative_to(here) else target)

    advised = command
    if draft is not None:
        moved = draft
        if not draft.exists() and draft.absolute().is_relative_to(old):
            beside = config.parent / draft.absolute().relative_to(old)
            if beside.is_file():
                moved = beside
        advised += f" --draft {shown(moved.absolute()) if moved != draft else shell_arg(draft)}"
    # (--config always: else the run's own, the missing one, is added to the advice)
    advised += f" --config {shown(config)}"
    where = "here" if config == here / "feeds.yaml" else "above the draft's folder"
    said = (
        f"no such file, nor its folder {old} (moved?); the feeds.yaml {where} ({config}) may be"
        f" it: `{advised}`"
    )
    if draft is None:
        # (with no draft of it, a folder that is not there is as likely a newsletter still to
        # make: walk50's init advice stands beside this one)
        named = "" if path.name == "feeds.yaml" else " (curator init names it feeds.yaml)"
        said += (
            f". Run `curator init {shell_arg(old)}` to create {old / 'feeds.yaml'}{named} if it"
            " is a new newsletter instead"
        )
    return said
