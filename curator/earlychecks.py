"""What a build checks of its configuration before it opens the store (fixie #3: a build with a
mistake in its templates said "a new store is made at ...", made it, then stopped on the
template; a build whose output folder could not be made fetched every feed first): a mistake
of the configuration stops the run before anything is made or stored."""

from __future__ import annotations

from pathlib import Path

from curator.config import Config
from curator.editions import OUTPUTS
from curator.outputs import check_templates
from curator.render import environment
from curator.runlock import BuildError
from curator.storeerrors import file_in_the_way


def check_before_store(config: Config, templates: Path | None, out: Path | None) -> None:
    """The templates the build renders (a mistake is said as a render says it, exit 2), and the
    output folder (a file where it or a folder above it should be)."""
    env = environment(templates or config.settings.templates, language=config.language)
    check_templates(env, config.settings.outputs or OUTPUTS)
    out_dir = out or config.settings.output
    if (blocking := file_in_the_way(out_dir)) is not None:
        raise BuildError(
            f"cannot write issues to {out_dir}; nothing was fetched or published: {blocking} is a"
            " file, not a folder: move it away or choose another --out, then run again"
        )
