"""Two spellings of one feed's address are one feed of the feeds list (walk154 N-c).

`feeds add --no-check http://例え.jp/feed` then `http://xn--r8jz45g.jp/feed` (its IDNA form, the
site's name a fetch names) added both, as `.../f%65ed` beside `.../feed`; `feeds remove
http://xn--r8jz45g.jp/feed` said "not in the feeds list". Through the command line, on a copy of
the demo (no address is fetched: `--no-check`).
"""

from __future__ import annotations

from pathlib import Path

from conftest import copy_demo, run_cli


def test_a_feed_spelled_otherwise_is_already_listed_and_removed(tmp_path: Path) -> None:
    config = copy_demo(tmp_path)
    code, out, err = run_cli(
        "feeds", "add", "--no-check", "http://例え.jp/feed", "--config", str(config)
    )
    assert code == 0, err
    before = config.read_text(encoding="utf-8")
    for other in (
        "http://xn--r8jz45g.jp/feed",
        "http://XN--R8JZ45G.JP/f%65ed",
        "http://例え.jp/%66eed",
    ):
        code, out, err = run_cli("feeds", "add", "--no-check", other, "--config", str(config))
        assert code != 0, (other, out)
        assert "is already in the feeds list" in err and "http://例え.jp/feed" in err, err
    assert config.read_text(encoding="utf-8") == before  # (nothing added)

    code, out, err = run_cli(
        "feeds", "remove", "http://xn--r8jz45g.jp/feed", "--config", str(config)
    )
    assert code == 0, err
    assert out.startswith("Removed http://例え.jp/feed, the feed listed for the")
    assert "例え.jp" not in config.read_text(encoding="utf-8")

    # Both spellings written in feeds.yaml by hand: one feed listed twice, said with its line.
    text = config.read_text(encoding="utf-8")
    twice = "  - url: http://例え.jp/feed\n  - url: http://xn--r8jz45g.jp/f%65ed\n"
    config.write_text(text.replace("feeds:\n", f"feeds:\n{twice}", 1), encoding="utf-8")
    code, out, err = run_cli("feeds", "list", "--config", str(config))
    assert code == 2, out
    assert "this feed is already listed at line" in err
