"""feeds.yaml: what a good one gives, and what every kind of mistake tells the editor."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.config import ConfigError
from curator.config_load import load_config

GOOD = """\
# A comment the editor wrote
newsletter:
  title: Customer Experience Weekly
  editor: Maya Horowitz
  introduction: |
    Welcome to the first issue.
  issue_size: 3
  site_url: https://blog.example.com/cx/
subjects:
  - name: The basics of customer experience
    description: What customer experience is.
    keywords: [customer experience, customer service]
  - name: Measuring the customer experience
    keywords: [CSAT, NPS, customer effort score]
feeds:
  - url: https://example.com/feed.xml
    name: Example Journal
    subjects: [The basics of customer experience]
  - url: local.xml
settings:
  output: out
  store: state/curator.db
  timeout: 12
"""


def write(tmp_path: Path, text: str, name: str = "feeds.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (tmp_path / "local.xml").write_text("<rss/>", encoding="utf-8")
    return path


def test_a_good_config_is_read_into_typed_values(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD))
    assert config.title == "Customer Experience Weekly"
    assert config.editor == "Maya Horowitz"
    assert config.introduction.strip() == "Welcome to the first issue."
    assert config.issue_size == 3
    assert [s.name for s in config.subjects] == [
        "The basics of customer experience",
        "Measuring the customer experience",
    ]
    assert config.subjects[1].keywords == ("CSAT", "NPS", "customer effort score")
    assert config.feeds[0].url == "https://example.com/feed.xml"
    assert config.feeds[0].name == "Example Journal"
    assert config.feeds[0].subjects == ("The basics of customer experience",)
    # A relative feed path is resolved against the config file's folder.
    assert config.feeds[1].url == str((tmp_path / "local.xml").resolve())
    assert config.feeds[1].is_file
    assert config.settings.output == (tmp_path / "out").resolve()
    assert config.settings.store == (tmp_path / "state/curator.db").resolve()
    assert config.settings.timeout == 12.0


def test_the_introduction_may_come_from_a_markdown_file(tmp_path: Path) -> None:
    (tmp_path / "intro.md").write_text("Hello **readers**.\n", encoding="utf-8")
    text = GOOD.replace(
        "  introduction: |\n    Welcome to the first issue.\n", "  introduction_file: intro.md\n"
    )
    assert load_config(write(tmp_path, text)).introduction == "Hello **readers**.\n"


# Each broken config: (what to change, the line and column expected, words the message must hold).
BROKEN = [
    pytest.param(
        GOOD.replace("  title: Customer", "  titel: Customer"),
        3,
        3,
        ["unknown key `titel`", "did you mean `title`?"],
        id="unknown-key-typo",
    ),
    pytest.param(
        GOOD.replace("  issue_size: 3", "  issue_size: three"),
        7,
        15,
        ["`issue_size` must be a whole number"],
        id="wrong-type-int",
    ),
    pytest.param(
        GOOD.replace("  issue_size: 3", "  issue_size: 0"),
        7,
        15,
        ["between 1 and 50"],
        id="out-of-range",
    ),
    pytest.param(
        GOOD.replace("  editor: Maya Horowitz\n", "\teditor: Maya\n"),
        4,
        1,
        ["not valid YAML", "indent with spaces"],
        id="tab-indent",
    ),
    pytest.param(
        GOOD.replace(
            "    keywords: [customer experience, customer service]",
            "    keywords: [customer experience, customer service",
        ),
        None,
        None,
        ["not valid YAML"],
        id="unclosed-list",
    ),
    pytest.param(
        GOOD.replace("  title: Customer Experience Weekly\n", ""),
        3,
        3,
        ["missing `title`"],
        id="missing-title",
    ),
    pytest.param(
        GOOD.replace("    keywords: [CSAT, NPS, customer effort score]", "    keywords: CSAT"),
        14,
        15,
        ["`keywords` must be a list"],
        id="keywords-not-list",
    ),
    pytest.param(
        GOOD.replace("  - url: local.xml", "  - url: https://example.com/feed.xml"),
        19,
        5,
        ["already listed at line 16"],
        id="duplicate-feed",
    ),
    pytest.param(
        GOOD.replace("  - url: local.xml", "  - url: ftp://example.com/feed"),
        19,
        10,
        ["uses `ftp:`"],
        id="bad-scheme",
    ),
    pytest.param(
        GOOD.replace("  - url: local.xml", "  - url: https:///feed"),
        19,
        10,
        ["not a valid address"],
        id="bad-url",
    ),
    pytest.param(
        GOOD.replace(
            "    subjects: [The basics of customer experience]",
            "    subjects: [The basics of customer experiense]",
        ),
        18,
        15,
        ["unknown subject", "did you mean `The basics of customer experience`?"],
        id="unknown-subject-hint",
    ),
    pytest.param(
        GOOD.replace(
            "  - name: Measuring the customer experience\n"
            "    keywords: [CSAT, NPS, customer effort score]\n",
            "  - name: The basics of customer experience\n    keywords: [CSAT]\n",
        ),
        13,
        5,
        ["listed twice"],
        id="duplicate-subject",
    ),
    pytest.param(
        GOOD.replace(
            "  - name: Measuring the customer experience\n"
            "    keywords: [CSAT, NPS, customer effort score]\n",
            "  - name: Empty subject\n",
        ),
        13,
        5,
        ["needs a `description` or `keywords`"],
        id="empty-subject",
    ),
    pytest.param(
        GOOD.split("subjects:")[0] + "subjects: []\nfeeds:\n  - url: local.xml\n",
        9,
        11,
        ["`subjects` is empty"],
        id="no-subjects",
    ),
    pytest.param(
        GOOD.replace("  timeout: 12", "  timeout: -3"),
        23,
        12,
        ["`timeout` must be a number"],
        id="negative-timeout",
    ),
    pytest.param(
        GOOD.replace("  site_url: https://blog.example.com/cx/", "  site_url: blog"),
        8,
        13,
        ["`site_url` must be an http(s) address"],
        id="bad-site-url",
    ),
    pytest.param(
        GOOD.replace("  timeout: 12", "  fetch_pages: sometimes"),
        23,
        16,
        ["true or false"],
        id="bad-bool",
    ),
    pytest.param(
        GOOD.replace("newsletter:\n  title", "newsletter:\n  title: x\n  title"),
        4,
        3,
        ["given twice"],
        id="duplicate-key",
    ),
    pytest.param(
        GOOD.replace("settings:\n", "setings:\n"),
        20,
        1,
        ["unknown key `setings`", "did you mean `settings`?"],
        id="unknown-section",
    ),
    pytest.param("- just\n- a list\n", 1, 1, ["must be a section"], id="not-a-mapping"),
    pytest.param("", 1, 1, ["the file is empty"], id="empty-file"),
    pytest.param(
        GOOD.replace(
            "  introduction: |\n    Welcome to the first issue.\n",
            "  introduction_file: nowhere.md\n",
        ),
        5,
        22,
        ["introduction_file `nowhere.md` cannot be read"],
        id="missing-intro-file",
    ),
    pytest.param(
        GOOD.replace("feeds:\n", "feeds:\n  - name: No URL\n"),
        16,
        5,
        ["a feed is missing `url`"],
        id="feed-without-url",
    ),
]


@pytest.mark.parametrize(("text", "line", "column", "words"), BROKEN)
def test_each_mistake_names_file_line_column_and_the_fix(
    tmp_path: Path, text: str, line: int | None, column: int | None, words: list[str]
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    if line is not None:
        assert (caught.value.line, caught.value.column) == (line, column), message
        assert message.startswith(f"{path}:{line}:{column}: ")
    for word in words:
        assert word in message


def test_a_missing_config_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(
        ConfigError,
        match=r"no such file \(looked for .*\)\. Run `curator init \S+` to create one there",
    ):
        load_config(tmp_path / "feeds.yaml")


def test_a_config_that_is_not_utf8_says_so(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_bytes(GOOD.encode("utf-16"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)


def test_numbers_and_yes_no_in_a_list_of_keywords_are_words_as_written(tmp_path: Path) -> None:
    """`keywords: [486, 3D, no]` was refused ("must be some text, not `486`") though an editor
    writing a list of words means words."""
    text = GOOD.replace("[CSAT, NPS, customer effort score]", "[486, 3.5, NPS, no, 1e3]")
    config = load_config(write(tmp_path, text))
    assert config.subjects[1].keywords == ("486", "3.5", "NPS", "no", "1e3")
