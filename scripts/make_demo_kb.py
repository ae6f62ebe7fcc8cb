"""Build the offline demo KB shipped in the package (src/seasoncheck/kb/data/demo_kb.json.zst).

Input: bangumi-data's `data.json` (CC BY 4.0) plus the package's facts file. The whole file is
grouped and numbered (franchise grouping needs every entry), then the demo keeps every franchise
that has at least one English title (the ones English articles can name; about a third of the
franchises, all the well-known ones) plus the franchises of the facts file.

Usage: python scripts/make_demo_kb.py [--bangumi ../shared/data/bangumi-data-0.3.208.json] [--out PATH]
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from seasoncheck.kb.demo import DEMO_KB_PATH, build_demo_kb

DEFAULT_BANGUMI = Path(__file__).resolve().parents[2] / "shared/data/bangumi-data-0.3.208.json"


def main(argv: list[str] | None = None) -> int:
    """Write the demo KB and print its size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--bangumi", type=Path, default=DEFAULT_BANGUMI, help="bangumi-data data.json or .tgz"
    )
    parser.add_argument("--out", type=Path, default=DEMO_KB_PATH, help="output file (.json.zst)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.bangumi.exists():
        print(f"error: {args.bangumi} not found", file=sys.stderr)
        return 2
    stats = build_demo_kb(args.bangumi, args.out)
    print(
        f"wrote {args.out}: {stats['franchises']} franchises, {stats['seasons']} entries, "
        f"{stats['titles']} titles, {stats['bytes'] / 1024:.0f} KiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
