"""mtlint as a datatrove filter: score documents, keep the findings, drop the garbled.

::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from mtlint.datatrove import MtlintFilter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("corpus/"),
        MtlintFilter(min_score=80, drop_rules=["foreign-script-run"]),
        JsonlWriter("kept/"),
    ], tasks=4).run()

Each document gets ``mtlint_score``, ``mtlint_language`` and (with
``keep_findings``) ``mtlint_findings`` in its metadata: the ``score``,
``language`` and ``findings`` of the object ``mtlint check --format json``
gives the document. Documents are scanned ``batch_size`` at a time on all
cores, without the GIL.
"""

from __future__ import annotations

from typing import Any, Iterable, List, Optional, Sequence, Tuple, Union

from datatrove.data import Document
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.writers.disk_base import DiskWriter

from ._mtlint import Scanner

__all__ = ["MtlintFilter"]

_SEVERITIES = ("info", "warning", "error")


class MtlintFilter(BaseFilter):
    """Scores each document with mtlint and drops the garbled ones.

    A document is dropped when its score is below ``min_score`` (reason
    ``mtlint_score``), or when it has a finding of a rule of ``drop_rules`` at
    ``drop_severity`` or above (reason ``mtlint_<rule>``). ``language``,
    ``select``, ``ignore``, ``config`` and ``input_format`` are those of
    :class:`mtlint.Scanner`; documents are read as plain text unless
    ``input_format`` says otherwise, as ``mtlint check --input jsonl`` reads
    them.

    Statistics (in datatrove's stats): ``mtlint_score`` (mean, min, max over
    the documents), ``mtlint_findings`` (findings per document),
    ``mtlint_<severity>`` and ``mtlint_rule_<id>`` (findings of each severity
    and rule), and datatrove's ``dropped_<reason>`` counts.
    """

    name = "🈯 mtlint"
    type = "🔻 - FILTER"

    def __init__(
        self,
        min_score: Optional[float] = None,
        drop_rules: Iterable[str] = (),
        drop_severity: str = "error",
        language: Optional[str] = None,
        select: Optional[Union[str, Sequence[str]]] = None,
        ignore: Optional[Union[str, Sequence[str]]] = None,
        config: Optional[str] = None,
        input_format: Optional[str] = "text",
        keep_findings: bool = True,
        batch_size: int = 256,
        threads: Optional[int] = None,
        exclusion_writer: Optional[DiskWriter] = None,
    ):
        super().__init__(exclusion_writer=exclusion_writer, batch_size=batch_size)
        if drop_severity not in _SEVERITIES:
            raise ValueError(f"drop_severity must be one of {', '.join(_SEVERITIES)}, not {drop_severity!r}")
        self.min_score = min_score
        self.drop_rules = frozenset(drop_rules)
        self.drop_level = _SEVERITIES.index(drop_severity)
        self.keep_findings = keep_findings
        self.threads = threads
        self._options = dict(
            language=language, select=select, ignore=ignore, config=config, input_format=input_format
        )
        # Built here so that a bad option fails when the pipeline is made,
        # and again in each worker: a Scanner does not cross processes.
        self._scanner: Optional[Scanner] = Scanner(**self._options)

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_scanner"] = None
        return state

    @property
    def scanner(self) -> Scanner:
        if self._scanner is None:
            self._scanner = Scanner(**self._options)
        return self._scanner

    def filter(self, doc: Document) -> Union[bool, Tuple[bool, str]]:
        return self.filter_batch([doc])[0]

    def filter_batch(self, batch: List[Document]) -> List[Union[bool, Tuple[bool, str]]]:
        reports = self.scanner.scan_many(
            [doc.text for doc in batch], paths=[str(doc.id) for doc in batch], threads=self.threads
        )
        return [self._judge(doc, report) for doc, report in zip(batch, reports)]

    def _judge(self, doc: Document, report: dict[str, Any]) -> Union[bool, Tuple[bool, str]]:
        score = report["score"]
        findings = report["findings"]
        doc.metadata["mtlint_score"] = score
        doc.metadata["mtlint_language"] = report["language"]
        if self.keep_findings:
            doc.metadata["mtlint_findings"] = findings
        self.stat_update("mtlint_score", value=score)
        self.stat_update("mtlint_findings", value=len(findings))
        for f in findings:
            self.stat_update(f"mtlint_{f['severity']}", f"mtlint_rule_{f['rule']}")
        if self.min_score is not None and score < self.min_score:
            return False, "mtlint_score"
        for f in findings:
            if f["rule"] in self.drop_rules and _SEVERITIES.index(f["severity"]) >= self.drop_level:
                return False, f"mtlint_{f['rule']}"
        return True
