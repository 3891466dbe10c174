"""mtlint as an OpusFilter filter: score each side of a parallel corpus.

In an OpusFilter configuration::

    - filter:
        inputs: [corpus.en.gz, corpus.ar.gz]
        outputs: [clean.en.gz, clean.ar.gz]
        filters:
          - MtlintFilter:
              languages: [en, ar]
              threshold: 80
              drop_rules: [foreign-script-run]
            module: mtlint.opusfilter

The score of a pair is the list of the mtlint scores of its segments (0 to 100;
0 for a segment with an error of a rule of ``drop_rules``); a pair is accepted
when every segment reaches its threshold.
"""

from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator, List, Optional, Sequence, Union

from opusfilter import CLEAN_HIGH, FilterABC

from ._mtlint import Scanner

__all__ = ["MtlintFilter"]


class MtlintFilter(FilterABC):
    """The mtlint score of each segment of a pair (see the module's documentation).

    ``languages`` gives each side's language (detected when ``None``);
    ``threshold`` is one score for every side or one a side. Segments are read
    as plain text and scanned ``batch_size`` pairs at a time, on all cores
    unless ``threads`` says otherwise.
    """

    score_direction = CLEAN_HIGH
    accept_threshold = -1
    reject_threshold = 101

    def __init__(
        self,
        languages: Optional[Sequence[Optional[str]]] = None,
        threshold: Union[float, Sequence[float]] = 80,
        drop_rules: Iterable[str] = (),
        select: Optional[Sequence[str]] = None,
        ignore: Optional[Sequence[str]] = None,
        batch_size: int = 1000,
        threads: Optional[int] = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.languages = list(languages) if languages is not None else None
        self.threshold = threshold
        self.drop_rules = frozenset(drop_rules)
        self.batch_size = batch_size
        self.threads = threads
        sides = self.languages if self.languages is not None else [None]
        self.scanners = [Scanner(language=lang, select=select, ignore=ignore, input_format="text") for lang in sides]

    def _scanner(self, side: int) -> Scanner:
        return self.scanners[side if self.languages is not None else 0]

    def _thresholds(self, sides: int) -> List[float]:
        if isinstance(self.threshold, (int, float)):
            return [float(self.threshold)] * sides
        return list(self.threshold)

    def _side_scores(self, side: int, segments: Sequence[str]) -> List[float]:
        scores = []
        for report in self._scanner(side).scan_many(segments, threads=self.threads):
            dropped = any(f["rule"] in self.drop_rules and f["severity"] == "error" for f in report["findings"])
            scores.append(0.0 if dropped else report["score"])
        return scores

    def score(self, pairs: Iterable[Sequence[str]]) -> Iterator[List[float]]:
        pairs = iter(pairs)
        while chunk := list(islice(pairs, self.batch_size)):
            sides = [self._side_scores(i, list(column)) for i, column in enumerate(zip(*chunk))]
            yield from (list(scores) for scores in zip(*sides))

    def accept(self, score: Sequence[float]) -> bool:
        return all(s >= t for s, t in zip(score, self._thresholds(len(score))))
