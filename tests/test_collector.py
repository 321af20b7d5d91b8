"""The cyclic collector is paused for a build and back afterwards, unless the process ends there."""
import gc
import subprocess
import sys

from zgc_graph.collector import collector_paused


def test_a_library_build_gives_the_collector_back():
    # a long-lived process (a notebook, the server) must not be left without cycle collection
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_process_that_ends_after_the_build_leaves_it_paused():
    code = ("import gc\nfrom zgc_graph.collector import collector_paused, leave_paused\n"
            "leave_paused()\nwith collector_paused(): pass\nprint(gc.isenabled())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
