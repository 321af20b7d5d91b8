"""The ingest vocabulary (`lexicon/ingest.yaml`), loaded once and compiled."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class IngestRules:
    paragraph_final: frozenset[str]
    paragraph_final_brackets: frozenset[str]
    sentence_internal: frozenset[str]
    closing_quotes: str
    sentence_terminators: str
    heading_max_chars: int
    heading_punctuation: frozenset[str]
    caption_max_lines: int
    caption_max_chars: int
    credit: re.Pattern[str]            # any credit line (供图, 记者 … 摄)
    caption: re.Pattern[str]           # a caption paragraph (图为…)
    sentence_end: re.Pattern[str]      # a run of terminators and the quotes closing it
    record: re.Pattern[str]            # a line that is a whole record (支持单位：A、B; 李卫东 | 教授)
    list_item: re.Pattern[str]         # a line opening an item of a list (①, 1., （2）)
    link_list: re.Pattern[str]         # the heading of a list of other articles (往期推荐)


@lru_cache(maxsize=1)
def load() -> IngestRules:
    text = resources.files("zgc_graph.lexicon").joinpath("ingest.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    caption = data["caption"]
    terminators = data["sentence_terminators"]
    closers = data["closing_quotes"]
    return IngestRules(
        paragraph_final=frozenset(data["paragraph_final"]),
        paragraph_final_brackets=frozenset(data["paragraph_final_brackets"]),
        sentence_internal=frozenset(data["sentence_internal"]),
        closing_quotes=closers,
        sentence_terminators=terminators,
        heading_max_chars=int(data["heading_max_chars"]),
        heading_punctuation=frozenset(data["heading_punctuation"]),
        caption_max_lines=int(caption["max_lines"]),
        caption_max_chars=int(caption["max_chars"]),
        credit=_any_of(caption["credit_patterns"]),
        caption=_any_of(caption["caption_patterns"]),
        sentence_end=re.compile(f"[{re.escape(terminators)}]+[{re.escape(closers)}]*"),
        record=_any_of(data["record_patterns"]),
        list_item=_any_of(data["list_item_patterns"]),
        link_list=_any_of(data["link_list_headings"]),
    )


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))
