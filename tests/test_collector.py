"""The cyclic collector is paused for a build and back afterwards, unless the process ends there."""
import gc
import subprocess
import sys

import pytest

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


NATIVE_HEAP = """
import ctypes
from zgc_graph.collector import return_freed_memory

libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]


def resident_mib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) // 1024


blocks = [libc.malloc(1000) for _ in range(200_000)]  # ~200 MB of small blocks, as Oxigraph's store is
for block in blocks:
    ctypes.memset(block, 1, 1000)
for block in blocks[:-1]:  # the last block stays, so the heap cannot simply shrink from its top
    libc.free(block)
before = resident_mib()
return_freed_memory()
print(before, resident_mib())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and glibc's heap")
def test_memory_freed_by_native_code_goes_back_to_the_system():
    # validation drops Oxigraph's copy of the graph; the Turtle and HTML writers must not grow on top of it
    done = subprocess.run([sys.executable, "-c", NATIVE_HEAP], capture_output=True, text=True, timeout=60)
    before, after = map(int, done.stdout.split())
    assert before - after > 100, (before, after)
