"""How many kills and hostile inputs a run makes, and the seed it draws them from.

``make test`` runs a few hundred of each; ``HAIRJOURNAL_STRESS=1`` (``make stress``) runs
thousands. ``HAIRJOURNAL_SEED=N`` replays a run's random choices (kill moments, damage,
writes); without it every run draws a new seed and says which.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass

STRESS_VARIABLE = "HAIRJOURNAL_STRESS"
SEED_VARIABLE = "HAIRJOURNAL_SEED"


@dataclass(frozen=True)
class Scale:
    name: str
    kills: int  # writer processes killed
    photo_files: int  # damaged photos imported in one batch through the command
    photo_examples: int  # hostile byte strings decoded one at a time (hypothesis)
    journal_cases: int  # journals cut short or damaged
    foreign_cases: int  # other programs' databases, newer journals, not databases
    csv_examples: int  # hostile CSV files (hypothesis)


TEST = Scale(
    "test",
    kills=250,
    photo_files=400,
    photo_examples=300,
    journal_cases=300,
    foreign_cases=60,
    csv_examples=150,
)
STRESS = Scale(
    "stress",
    kills=1500,
    photo_files=5000,
    photo_examples=3000,
    journal_cases=3000,
    foreign_cases=600,
    csv_examples=1500,
)


def current_scale() -> Scale:
    return STRESS if os.environ.get(STRESS_VARIABLE) == "1" else TEST


def run_seed() -> int:
    """The seed of this run: the one asked for, else a new one."""
    asked = os.environ.get(SEED_VARIABLE)
    return int(asked) if asked else random.SystemRandom().randrange(2**32)


def replay_hint(seed: int) -> str:
    stress = f"{STRESS_VARIABLE}=1 " if current_scale() is STRESS else ""
    return f"seed {seed}; replay with {stress}{SEED_VARIABLE}={seed}"
