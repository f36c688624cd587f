"""A generated development corpus: random report content, printed through several PDF engines.

`python -m bench.generate --seed N --count K --out DIR` writes K reports (one per
seed N, N+1, ...) and, beside each, its gold facts in the format of
bench/gold/*.csv. The pipeline inside:

- `content`: what a committee report says (numbers consistent by construction);
- `wordings`: how it is said (header and line synonyms, units, signs, orientation);
- `printed`: the printed document, every number cell tied to its gold fact;
- `layouts`: page and text-layer choices (rules, zebra rows, split runs ...);
- `engine_*`: one module per PDF engine; `engines` runs them;
- `gold`: the gold CSV of one document.
"""
