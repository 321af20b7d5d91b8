"""Shared fixtures: one build of the shipped seed article for the whole session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from zgc_graph import api

# In CI the property tests draw the same examples on every run, so a landing is
# not decided by luck; elsewhere each run explores new ones (the examples a
# failure was found with are then pinned with @example).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = Path(__file__).parent / "gold" / "seed.gold.yaml"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> api.BuildReport:
    """`zgc-graph build seeds/` into a temporary out/; `.outputs[name]` are the written files."""
    out = tmp_path_factory.mktemp("seed-out")
    return api.build([SEEDS], out)


@pytest.fixture(scope="session")
def seed_turtle(seed_build) -> Path:
    return seed_build.outputs["turtle"]
