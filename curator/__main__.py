"""The `curator` command and `python -m curator`: the command line (`curator.cli`), started so
that Ctrl-C while it loads ends with one line, as everywhere else, not a traceback."""

import sys


def main() -> None:
    """The `curator` command."""
    try:
        # Loading the command line takes a moment (its libraries): Ctrl-C may come meanwhile.
        from curator.cli import main as run
    except KeyboardInterrupt:
        print("curator: interrupted while starting; nothing was done", file=sys.stderr)
        raise SystemExit(130) from None
    run()


if __name__ == "__main__":
    main()
