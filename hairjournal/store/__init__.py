"""The journal file: models, opening and checking, migrations, and queries returning plain values."""
