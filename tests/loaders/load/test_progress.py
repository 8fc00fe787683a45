"""What a user sees of a load on stderr: on a terminal a progress line, errors on lines of their own; elsewhere (or
with --no-progress) no progress line; at the end a summary of what was loaded, skipped and why."""
import os
import pty
import subprocess
import sys
from pathlib import Path

from dangjian.loaders.load.progress import LoadReport

DANGJIAN = str(Path(sys.executable).parent / "dangjian")
PAGE = "青枫社区开展读书会\n\n近日,青枫社区党支部书记林晓带领党员开展读书会。\n"


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a-empty.txt").write_text("", encoding="utf-8")
    (folder / "b-page.txt").write_text(PAGE, encoding="utf-8")
    return folder


def on_a_terminal(tmp_path: Path, *args: str) -> str:
    """`dangjian` with its stderr on a pseudo-terminal: what the terminal shows, line ends as written."""
    leader, follower = pty.openpty()
    env = {**os.environ, "DANGJIAN_STORE": str(tmp_path / "store")}
    process = subprocess.Popen([DANGJIAN, *args], stderr=follower, stdout=subprocess.DEVNULL, env=env, cwd=tmp_path)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the command is done
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    process.wait(timeout=120)
    return shown.decode().replace("\r\n", "\n")


def test_progress_line_on_a_terminal_with_errors_on_lines_of_their_own(tmp_path):
    shown = on_a_terminal(tmp_path, "load", str(corpus(tmp_path)))
    assert "\r2 document(s), 1 article(s) loaded, " in shown and "articles/s, 1 error(s)" in shown
    assert "\nerror: " in shown and "a-empty.txt" in shown
    assert "\n1 article(s) loaded, 0 unchanged, 0 replaced" in shown


def test_progress_line_is_not_written_off_a_terminal_or_with_no_progress(dangjian, tmp_path):
    folder = corpus(tmp_path)
    piped = dangjian("load", str(folder), "--store", str(tmp_path / "piped")).stderr
    quiet = on_a_terminal(tmp_path, "load", str(folder), "--no-progress")
    for shown in (piped, quiet):
        assert "articles/s" not in shown and "\r" not in shown
        assert shown.startswith("error: ") and "a-empty.txt" in shown.splitlines()[0]


def test_progress_summary_counts_what_was_loaded_and_lists_what_was_skipped():
    report = LoadReport(files=3, articles=2, unchanged=1, replaced=1, facts=9, seconds=2.0,
                        entities={"e1": "Community", "e2": "Person", "e3": "Community"},
                        failed=["c.txt: no text — give a file with Chinese text"])
    assert report.summary().splitlines() == [
        "2 article(s) loaded, 1 unchanged, 1 replaced, 9 facts from 3 document(s) in 2.0 s",
        "distinct entities the loaded articles name: Community 2, Person 1",
        "1 skipped:",
        "  c.txt: no text — give a file with Chinese text"]
