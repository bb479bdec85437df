"""``python -m hairjournal``: the same as the ``hairjournal`` command."""

import sys

from hairjournal.cli import main

sys.exit(main())
