"""``memo.long_lived``: the collector runs less often inside, as usual after it and in a
process forked inside (a build's worker draws thousands of pages)."""

import gc
import os
import sys

import pytest

from sopgen.memo import long_lived


def test_long_lived_leaves_the_collector_as_it_was_after_and_in_a_forked_child():
    usual = gc.get_threshold()
    with long_lived():
        inside = gc.get_threshold()
        with long_lived():  # nested: the outer one decides
            assert gc.get_threshold() == inside
        assert gc.get_threshold() == inside
        if sys.platform != "win32" and hasattr(os, "fork"):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: report its thresholds and leave at once
                os.write(write, repr(gc.get_threshold()).encode())
                os._exit(0)
            os.close(write)
            os.waitpid(pid, 0)
            with os.fdopen(read) as stream:
                assert stream.read() == repr(usual)
    assert inside[0] > usual[0]
    assert gc.get_threshold() == usual
    with pytest.raises(RuntimeError), long_lived():
        raise RuntimeError
    assert gc.get_threshold() == usual
