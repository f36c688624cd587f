"""Gold-fact accuracy: build each rendering of the corpus and score the warehouse against gold.

`python -m bench.accuracy` (`make accuracy`); the gold format is described in
bench/gold/README.md.
"""
