"""The packaged app's entry point: the ``hairjournal`` command, ready to serve worker processes."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Photos are decoded in worker processes (forkserver or spawn) that start this same program:
    # they run their work here instead of the app.
    multiprocessing.freeze_support()

    from hairjournal.cli import main

    sys.exit(main())
