"""How each shedding protocol is done and what the studies behind it report, in plain words.

Everything here comes from the published shedding protocols, with the source
named. Where the literature gives no normal range (daily totals), none is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from hairjournal.core.enums import ShedProtocol

NEVER_VALIDATED = (
    "The common saying that up to 100 hairs a day is normal was never validated, so the journal "
    "shows no normal range for it. Compare your own days with each other instead."
)
WASH_DAYS_RUN_HIGHER = "Shampoo days run higher, so tick “wash day” on the days you wash."


@dataclass(frozen=True)
class Guide:
    """A protocol's how-to: short steps, what studies report, and who reported it."""

    protocol: ShedProtocol
    noun: str  # one measurement of it, in a sentence: "a shower count", "no wash-test count"
    summary: str
    steps: tuple[str, ...]
    reference: str
    source: str
    daily: bool  # counted every day (True) or as a short series on set days (False)
    series_days: int | None = None  # a series run on this many consecutive days

    def text(self) -> str:
        """The whole how-to as plain text, one step a line."""
        steps = "\n".join(f"{number}. {step}" for number, step in enumerate(self.steps, 1))
        return f"{self.summary}\n{steps}\n{self.reference}\nSource: {self.source}."


@dataclass(frozen=True)
class Grade:
    """One of the six photographed bundles of Sinclair's shedding scale."""

    grade: int
    words: str  # the size of its bundle, in a word
    excessive: bool

    @property
    def band(self) -> str:
        return "excessive" if self.excessive else "normal"

    @property
    def bundle(self) -> str:
        """'a medium bundle', 'the largest bundle'."""
        return f"{'the' if self.words.endswith('est') else 'a'} {self.words} bundle"

    def describe(self) -> str:
        """'Grade 3: a medium bundle (normal range)'."""
        return f"Grade {self.grade}: {self.bundle} ({self.band})"


# Sinclair, Br J Dermatol 2015: six bundles from the least to the most hair; 1-4 normal, 5-6 not.
GRADES: tuple[Grade, ...] = (
    Grade(1, "smallest", False),
    Grade(2, "small", False),
    Grade(3, "medium", False),
    Grade(4, "larger", False),
    Grade(5, "large", True),
    Grade(6, "largest", True),
)
NORMAL_GRADES = "Grades 1 to 4 are within the normal range; grades 5 and 6 mean excessive shedding."

_SAME_WAY = "Count the same way every time, at the same time of day, so days can be compared."

GUIDES: dict[ShedProtocol, Guide] = {
    guide.protocol: guide
    for guide in (
        Guide(
            ShedProtocol.DAILY_TOTAL,
            "daily total",
            "Every hair you shed in a day, counted for a week or more.",
            (
                "Collect and count the hairs you shed over the whole day.",
                _SAME_WAY,
                WASH_DAYS_RUN_HIGHER,
            ),
            NEVER_VALIDATED,
            "reviews (S)",
            daily=True,
        ),
        Guide(
            ShedProtocol.SHOWER,
            "shower count",
            "The hairs you shed in the shower, counted for a week or more.",
            (
                "Catch the hairs that come out while you shower and count them.",
                _SAME_WAY,
                WASH_DAYS_RUN_HIGHER,
            ),
            NEVER_VALIDATED,
            "reviews (S)",
            daily=True,
        ),
        Guide(
            ShedProtocol.BRUSH,
            "brush count",
            "The hairs left in your brush, counted for a week or more.",
            (
                "Use the same brush each time and count the hairs left in it.",
                _SAME_WAY,
                WASH_DAYS_RUN_HIGHER,
            ),
            NEVER_VALIDATED,
            "reviews (S)",
            daily=True,
        ),
        Guide(
            ShedProtocol.COMB_60S,
            "60-second comb count",
            "The modified Wasko 60-second comb count, done before shampooing.",
            (
                "Before shampooing, spread a contrasting cloth, one your hair stands out against.",
                "Comb forward over it for 60 seconds, from the back of the crown to the front.",
                "Use the same comb every time.",
                "Count the hairs on the cloth.",
                "Repeat before 3 consecutive shampoos; the average of the three is the result.",
            ),
            "Healthy men aged 20-40 counted 0 to 78 hairs (mean 10.2), aged 41-60 counted 0 to 43 "
            "(mean 10.3), and the count was stable from day to day. There are no figures for "
            "women.",
            "Wasko et al., Arch Dermatol 2008 (B)",
            daily=False,
        ),
        Guide(
            ShedProtocol.WASH_TEST,
            "wash-test count",
            "The refined wash test: the hairs that come out in one wash, on 3 days in a row.",
            (
                "Wash your hair 24 hours before the first counted wash.",
                "Then wash over a filter cloth on 3 consecutive days.",
                "Count the hairs caught in the cloth after each wash and log each day's count.",
            ),
            "Hairs per wash in the study: normal 27.9 ± 12.2, androgenetic alopecia 52.2 ± 28.5, "
            "telogen effluvium 125.5 ± 62.7.",
            "Li et al., Clin Cosmet Investig Dermatol 2022 (B)",
            daily=False,
            series_days=3,
        ),
        Guide(
            ShedProtocol.VISUAL_SCALE,
            "visual-scale grade",
            "Sinclair's shedding scale: six photographs of shed hair, from the least to the most.",
            (
                "Gather the hair you shed today.",
                "Pick the grade, 1 to 6, whose photographed bundle looks most like it.",
            ),
            NORMAL_GRADES,
            "Sinclair, Br J Dermatol 2015 (B)",
            daily=True,
        ),
    )
}


def guide(protocol: ShedProtocol) -> Guide:
    return GUIDES[protocol]


def grade(value: int) -> Grade:
    """The grade ``value`` (1-6) of the visual scale."""
    if not 1 <= value <= len(GRADES):
        raise ValueError(f"the visual scale runs from 1 to {len(GRADES)}, not {value}")
    return GRADES[value - 1]
