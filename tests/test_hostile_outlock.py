"""Two builds into the same out/ folder: the second is refused with one line, the first is untouched."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from zgc_graph.errors import ZgcError
from zgc_graph.outlock import LOCK_NAME, locked_output


def test_second_writer_is_refused_while_the_first_holds_the_lock(tmp_path):
    out = tmp_path / "out"
    with locked_output(out):
        with pytest.raises(ZgcError) as err:
            with locked_output(out):
                pass  # pragma: no cover - must not run
        message = str(err.value)
        assert message.startswith(f"{out}/: another build is writing here (lock ")
        assert LOCK_NAME in message and "\n" not in message
    with locked_output(out):  # released on exit
        pass


def test_lock_is_released_when_the_build_fails(tmp_path):
    with pytest.raises(RuntimeError):
        with locked_output(tmp_path):
            raise RuntimeError("build failed")
    with locked_output(tmp_path):
        pass


def test_lock_held_by_another_process(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from zgc_graph.outlock import locked_output
            with locked_output({str(tmp_path)!r}):
                print("locked", flush=True)
                sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(ZgcError, match="another build is writing here"):
            with locked_output(tmp_path):
                pass
    finally:
        holder.communicate("\n", timeout=30)
    with locked_output(tmp_path):  # the holder exited: free again
        pass


def test_unwritable_parent_gives_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ZgcError, match=r"cannot create the build lock"):
        with locked_output(blocker / "out"):
            pass
