"""Pure Python: the vocabulary, limits and scales of the journal. No Qt, no database."""
