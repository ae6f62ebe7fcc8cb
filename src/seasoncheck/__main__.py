"""``python -m seasoncheck``."""

from seasoncheck.cli import main

main()
