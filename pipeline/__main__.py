"""``python -m pipeline`` runs the ``controlmap`` command line."""

import sys

from pipeline.cli import main

sys.exit(main())
