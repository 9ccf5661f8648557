from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not available")
    return SHARED_DATA


@pytest.fixture(scope="session")
def shipped_lexicon():
    """The shipped model's word tables, loaded once (under a second each time)."""
    from normalize.candidates import Lexicon
    from normalize.lm.scorer import default_model_dir

    return Lexicon.load(default_model_dir())
