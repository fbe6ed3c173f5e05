"""The built-in dataset, parsed once per test run and shared by every test that reads it.

The conftest's `ds` fixture and the modules that sample records at import time (for hypothesis
strategies and parametrize lists) all get this one object, so what is computed from it once (the
payload records, today's calendar, the quiz bank, the station runs) is computed once per run.
No test changes it. A launch log the developer imported into their own user folder is not used.
"""

from __future__ import annotations

from functools import lru_cache

from spacefacts.dataset import Dataset


@lru_cache(maxsize=1)
def builtin_dataset() -> Dataset:
    return Dataset(use_imported=False).load_all()
