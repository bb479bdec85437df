"""Every coded choice the journal stores, each with the words a person reads."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Choice(StrEnum):
    """A value stored in the journal as a short code, shown to people by its label."""

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)


class Condition(Choice):
    AGA_MALE = "aga_male", "Androgenetic alopecia (male pattern)"
    AGA_FEMALE = "aga_female", "Androgenetic alopecia (female pattern)"
    TE = "te", "Telogen effluvium"
    TE_POST_COVID = "te_post_covid", "Telogen effluvium after COVID-19"
    AA = "aa", "Alopecia areata"
    OTHER = "other", "Other or not yet diagnosed"


class TreatmentKind(Choice):
    EXOSOME = "exosome", "Exosomes"
    MINOXIDIL_TOPICAL = "minoxidil_topical", "Minoxidil (topical)"
    MINOXIDIL_ORAL = "minoxidil_oral", "Minoxidil (oral)"
    FINASTERIDE = "finasteride", "Finasteride"
    DUTASTERIDE = "dutasteride", "Dutasteride"
    PRP = "prp", "PRP (platelet-rich plasma)"
    MICRONEEDLING = "microneedling", "Microneedling"
    LLLT = "lllt", "Low-level laser therapy"
    CORTICOSTEROID = "corticosteroid", "Corticosteroid"
    JAK_INHIBITOR = "jak_inhibitor", "JAK inhibitor"
    OTHER = "other", "Other"


class Route(Choice):
    TOPICAL = "topical", "Topical serum"
    MICRO_INJECTION = "micro_injection", "Scalp micro-injections"
    MICRONEEDLING_TOPICAL = "microneedling_topical", "Microneedling, then serum"
    OTHER = "other", "Other"


class CellSource(Choice):
    MSC = "msc", "Mesenchymal stem cells"
    ADSC = "adsc", "Adipose-derived stem cells"
    UMBILICAL_CORD = "umbilical_cord", "Umbilical cord"
    PLANT = "plant", "Plant-derived"
    OTHER = "other", "Other"
    UNKNOWN = "unknown", "Not stated"


class ShedProtocol(Choice):
    DAILY_TOTAL = "daily_total", "Daily total"
    SHOWER = "shower", "Shower"
    BRUSH = "brush", "Brush"
    COMB_60S = "comb_60s", "60-second comb count"
    WASH_TEST = "wash_test", "Wash test"
    VISUAL_SCALE = "visual_scale", "Visual scale (1-6)"


class EventKind(Choice):
    ILLNESS_FEVER = "illness_fever", "Illness or fever"
    COVID = "covid", "COVID-19"
    SURGERY = "surgery", "Surgery"
    CHILDBIRTH = "childbirth", "Childbirth"
    STRESS = "stress", "Stress"
    DIET = "diet", "Diet change"
    MEDICATION_START = "medication_start", "Medication started"
    MEDICATION_STOP = "medication_stop", "Medication stopped"
    HAIR_PROCEDURE = "hair_procedure", "Hair procedure"
    OTHER = "other", "Other"


class MeasurementKind(Choice):
    DENSITY_PER_CM2 = "density_per_cm2", "Density (hairs/cm²)"
    TARGET_AREA_COUNT = "target_area_count", "Target-area hair count"
    SHAFT_DIAMETER_UM = "shaft_diameter_um", "Shaft diameter (µm)"
    PULL_TEST = "pull_test", "Pull test (hairs out)"
    NORWOOD = "norwood", "Hamilton-Norwood stage"
    LUDWIG = "ludwig", "Ludwig grade"
    SINCLAIR = "sinclair", "Sinclair grade"
    SAVIN = "savin", "Savin grade"
    SALT = "salt", "SALT score"


class ScalpRegion(Choice):
    VERTEX = "vertex", "Vertex (crown)"
    MIDLINE_PART = "midline_part", "Midline part"
    FRONTAL = "frontal", "Frontal hairline"
    TEMPORAL_LEFT = "temporal_left", "Left temple"
    TEMPORAL_RIGHT = "temporal_right", "Right temple"
    OCCIPITAL = "occipital", "Back of the head"
    OTHER = "other", "Other"
