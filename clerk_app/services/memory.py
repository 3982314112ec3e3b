"""Keeping Python's cycle collector out of the clerk's way.

An open meeting of 300 items is hundreds of thousands of long-lived, immutable objects. Python's
cycle collector walks all of them in each full collection, which on this machine held the GUI
for some 40 ms at random moments while the clerk typed. Once a meeting is open, one collection
clears what the last meeting left, and what remains is frozen: moved where the collector does
not look (it is still freed as usual when nothing refers to it any more). The next opening
unfreezes it first, so that nothing of a closed meeting stays frozen.
"""

from __future__ import annotations

import gc


def settle_after_opening() -> None:
    """Collect once, then keep the objects alive now out of later collections."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
