"""What the app must say plainly about itself: the About box, first run and the dashboard."""

RECORDS_NOT_ADVICE = (
    "Hair Journal records and compares your own numbers. It does not diagnose or recommend "
    "treatment; decisions belong with you and your doctor."
)
EXOSOME_EVIDENCE = (
    "The evidence for exosome hair treatments is a handful of small, mostly open-label studies. "
    "The US FDA has approved no exosome product, and it issued a public safety notification "
    "about exosome products on 6 December 2019."
)
PRIVACY = "Your data stays on this computer, in one journal file; the app never uses the network."
# The one-line form under the dashboard.
SHORT = (
    "This journal records and compares; it does not diagnose or recommend. Evidence for exosome "
    "treatments is small, mostly open-label studies, and the US FDA has approved no exosome "
    "product."
)
