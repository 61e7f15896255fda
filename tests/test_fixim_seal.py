"""fixim (walk181 #5): a draft as `curator draft` wrote it is told from an edited one by itself
(its seal), not by the store's note alone: after a backup of the store is put back, the store
does not know the draft curator wrote later, and `curator draft` called the untouched draft
edited ("your edits would be lost", and with --force "kept as ... .replaced")."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_credit_formats import newsletter
from test_walk90 import page

from conftest import LocalServer
from conftest import run_cli as run

TITLES = ["Queues that customers never see", "Refund desks learn to say yes"]


def test_an_untouched_draft_is_not_called_edited_after_a_backup_is_put_back(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server, [(t, "", page(t)) for t in TITLES])
    code, _, err = run("fetch", "--config", str(config))
    assert code == 0, err
    store = tmp_path / ".curator" / "curator.db"
    assert store.is_file(), sorted(p.name for p in tmp_path.rglob("*"))
    backup = tmp_path / "backup.db"
    shutil.copyfile(store, backup)
    code, _, err = run("draft", "--config", str(config))
    assert code == 0, err
    path = tmp_path / "drafts" / "issue-1.md"
    written = path.read_text(encoding="utf-8")
    # The backup, from before the draft was written, is put back; the draft is untouched.
    shutil.copyfile(backup, store)
    code, _, err = run("draft", "--config", str(config))
    assert code == 0, err
    assert "your edits would be lost" not in err, err
    code, _, err = run("draft", "--config", str(config), "--force")
    assert code == 0, err
    assert "edited" not in err, err
    assert not list(path.parent.glob("*.replaced*")), sorted(path.parent.iterdir())
    # An edited draft is still kept from being replaced.
    shutil.copyfile(backup, store)
    path.write_text(written.replace("\n# ", "\nMy own introduction.\n\n# ", 1), encoding="utf-8")
    code, _, err = run("draft", "--config", str(config))
    assert code != 0
    assert "exists already (your edits would be lost)" in err, err
