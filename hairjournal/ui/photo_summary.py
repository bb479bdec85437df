"""What an import did, in words: how many went in, which were there already, which were refused."""

from __future__ import annotations

from pathlib import Path

from hairjournal.services.photo_import import Outcome, PhotoResult


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def summary_lines(
    files: list[Path], results: list[PhotoResult], *, cancelled: bool
) -> tuple[str, str, list[str]]:
    """A title, a paragraph, and one line per file not imported (refused ones with the reason)."""
    by_outcome = {outcome: [r for r in results if r.outcome is outcome] for outcome in Outcome}
    imported = len(by_outcome[Outcome.IMPORTED])
    duplicates = by_outcome[Outcome.DUPLICATE]
    refused = by_outcome[Outcome.REFUSED]
    sentences = [
        f"{_count(imported, 'photo', 'photos')} imported."
        if imported
        else "No photos were imported."
    ]
    if duplicates:
        were = "was" if len(duplicates) == 1 else "were"
        sentences.append(
            f"{_count(len(duplicates), 'file', 'files')} {were} already in the journal "
            "and not imported again."
        )
    if refused:
        sentences.append(
            f"{_count(len(refused), 'file was', 'files were')} refused; "
            f"{'it is' if len(refused) == 1 else 'each is'} listed below with the reason."
        )
    left = len(files) - len(results)
    if cancelled and left > 0:
        sentences.append(
            f"The import was cancelled before the other {_count(left, 'file', 'files')}; "
            "import them again to finish (photos already in are recognised and skipped)."
        )
    if cancelled:
        title = "Import cancelled"
    elif refused:
        title = "Import finished, with problems"
    else:
        title = "Import finished"
    problems = [r.describe() for r in refused] + [r.describe() for r in duplicates]
    return title, " ".join(sentences), problems
