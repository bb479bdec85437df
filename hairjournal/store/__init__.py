"""The journal file: models, opening and checking, migrations, and read queries."""
