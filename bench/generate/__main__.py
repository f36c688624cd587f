"""`python -m bench.generate --seed N --count K --out DIR`: write K generated reports and gold."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.generate.build import generate
from bench.generate.engines import ENGINES


def main(argv: list[str] | None = None) -> int:
    """Given command-line arguments, generate the set and return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    parser.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    parser.add_argument("--count", type=int, default=12, help="documents (default 12)")
    parser.add_argument("--out", type=Path, required=True, help="folder for pdf/ and gold/")
    parser.add_argument(
        "--engines",
        default=",".join(ENGINES),
        help=f"comma-separated engines, used in turn (default {','.join(ENGINES)})",
    )
    args = parser.parse_args(argv)
    engines = [name.strip() for name in args.engines.split(",") if name.strip()]
    index = generate(args.seed, args.count, args.out, engines)
    counts = {engine: sum(entry["engine"] == engine for entry in index) for engine in engines}
    print(f"wrote {len(index)} documents to {args.out}: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
