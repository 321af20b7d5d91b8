"""Find the names of organisations, platforms, policies and people in sentences.

Rules read the structure of Chinese news text rather than trusting jieba's
person/organisation tags (F1 below 0.6 on news): names that end in a typing
suffix (X集团, X科学城, X政策), titles in 《》, quoted names, enumerations closed
by 等…企业, apposition (园区——X), the objects of issuing verbs (印发X措施) and
people next to a job title.  Every candidate keeps the rule that found it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Sequence

from ..lexicon import Lexicon, Suffix, load
from ..models import EntityType, Mention, Sentence
from .tokens import Token, dictionary_tag, is_distinctive, segment, segment_name

CLAUSE_PUNCT = "，。；：、！？,;:!?\n"
OPEN_QUOTES = "“‘「『\""
CLOSE_QUOTES = "”’」』\""
HAN = re.compile(r"[\u4e00-\u9fff]")
SINGLE_CHAR_PREPOSITIONS = ("如", "与", "由", "在", "对", "向", "从", "据", "和", "及", "同", "含", "将", "把")
CLASSIFIERS = "家个支项所名位批只座"
POLICY_CONJUNCTIONS = ("和", "与", "及")
# X(以下简称“Y”): Y is another name of X; a note may come first (《P》（京科发〔2026〕15号，以下简称《办法》）),
# and the short name may be quoted and in title marks at once (以下简称“《措施》”)
ALIAS_DECLARATION = re.compile(
    r"[(（](?:[^()（），,。]{1,30}[，,])?(?:以下)?简称[“\"「《]{0,2}([^“”\"「」《》)）]{2,12})[”\"」》]{0,2}[)）]")
TRAILING_ALIAS_DECLARATION = re.compile(ALIAS_DECLARATION.pattern + "$")
NAME_TAGS = frozenset({"ns", "nt", "nz", "nr", "nrt", "nrfg", "eng", "?"})
NOUN_TAGS = NAME_TAGS | {"n", "j", "r"}
STOP_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "q", "f", "vd", "ad", "y", "e", "o", "w", "i"})  # (i: an idiom, 认真贯彻, opens no name)
POLICY_STOP_TAGS = STOP_TAGS - {"c", "q"}

# Higher wins when candidates overlap; ties go to the longer span.
PRIORITY = {
    "title-brackets": 100, "title-issuer": 100, "person": 95, "quoted": 80, "apposition": 75,
    "issued-object": 72, "part-whole": 70, "enumeration": 65, "suffix": 60, "partner-object": 50, "investor": 50,
    "known-name": 45, "dictionary-org": 40,
}


@dataclass
class SentenceView:
    """A sentence with its tokens; offsets are document offsets."""

    sentence: Sentence
    tokens: list[Token]

    @property
    def text(self) -> str:
        return self.sentence.text

    def rel(self, pos: int) -> int:
        return pos - self.sentence.start

    def token_index_at(self, pos: int) -> int | None:
        for i, tok in enumerate(self.tokens):
            if tok.start <= pos < tok.end:
                return i
        return None


def views(sentences: list[Sentence]) -> list[SentenceView]:
    return [SentenceView(s, segment(s.text, s.start)) for s in sentences]


def _mention(view: SentenceView, start: int, end: int, etype: EntityType, subtype: str | None,
             rule: str) -> Mention:
    text = view.text[view.rel(start):view.rel(end)]
    return Mention(text, start, end, etype, subtype, view.sentence.index, rule)


def is_generic(name: str, lex: Lexicon) -> bool:
    stripped = name.strip("“”\"‘’《》 ")
    return stripped in lex.generic_names or len(stripped) < 2


def suffix_of(name: str, lex: Lexicon):
    for n in range(min(len(name), lex.max_suffix_len), 0, -1):
        suf = lex.suffixes.get(name[-n:])
        if suf is not None:
            return suf
    return None


def drop_leading_modifiers(name: str, lex: Lexicon) -> str:
    """新一轮X改革 -> X改革; whole words only (新型显示… keeps its 新)."""
    while True:
        tokens = segment_name(name)
        if len(tokens) < 2 or tokens[0].text not in lex.drop_modifiers or len(name) - len(tokens[0].text) < 2:
            return name
        name = name[len(tokens[0].text):]


def _without_district(name: str) -> str:
    """海淀区中关村软件园 -> 中关村软件园: a district before a park's own place name says where it is,
    and is no part of its name (海淀区科技园 keeps it: nothing else names that park)."""
    words = segment_name(name)
    if len(words) >= 3 and words[0].tag == "ns" and words[0].text.endswith(("区", "县")) and words[1].tag == "ns":
        return name[len(words[0].text):]
    return name


# ---------------------------------------------------------------- suffix names

def _extend_left(view: SentenceView, first: int, lex: Lexicon, *, policy: bool, strong: bool = False,
                 company: bool = False) -> int:
    """Index of the first token of a name whose last token before the suffix is `first`.

    A name runs left over words until a boundary (a verb or preposition that
    introduces names, punctuation, a number).  Verbs stay inside names that
    carry a strong suffix (新型显示产业创新联合体); a 和/与 between two ordinary
    words stays inside too (发展和改革委员会), but not between two names; so does a
    boundary verb between a place or name and a company ending (北京|建设|股份有限公司).
    """
    stop_tags = POLICY_STOP_TAGS if policy else STOP_TAGS
    i = first
    start = first + 1
    depth = 0  # inside a parenthesised qualifier such as (北京)
    kept = -1  # a token the name keeps whatever it is (the 同 of 北京同和…)
    closed_at = -1  # the bracket that closes the group being read
    while i >= 0:
        tok = view.tokens[i]
        t = tok.text
        if i == kept:
            pass
        elif t in (")", "）"):
            depth += 1
            closed_at = i if depth == 1 else closed_at
        elif t in ("(", "（"):
            if depth == 0:
                break
            depth -= 1
            if depth == 0 and "".join(x.text for x in view.tokens[i + 1:closed_at]).startswith(lex.bylines):
                return closed_at + 1  # （记者张丽娜）X公司: a byline, not a qualifier of X's
        elif depth == 0:
            if company and _brand_character(view.tokens, i, first, lex) or _sino_foreign(view, i, first) \
                    or _between_latin_words(view, i):
                pass
            elif t in POLICY_CONJUNCTIONS and not policy:
                if _character_then_conjunction(view, i, lex):
                    kept = i - 1
                elif not _joins_words(view, i, lex) and not _opens_brand_after_place(view, i, first):
                    break
            elif _boundary_across_tokens(view, i, lex):
                break  # 采购|人|北京X公司, 毕业|后入|职|北京X研究院: a boundary word jieba cut apart
            elif i < first and _glued_verb(tok):
                start = i
                break  # A|诉云湖|智能装备有限公司: the name opens inside this word (see _suffix_candidates)
            elif (t in lex.left_boundaries and not (policy and t in POLICY_CONJUNCTIONS)
                  and not (i == first and not strong and t in lex.name_verbs)
                  and not (i == first and _kind_with_suffix(view, i, lex))
                  and not (company and _business_words_to_tail(view, i, first))) \
                    or t.isspace() \
                    or (t in lex.party_after_verb and i > 0 and view.tokens[i - 1].tag in ("v", "vn")):
                break
            elif not tok.is_word:
                if not (policy and t in "“”\"+＋") and not _joins_two_names(view, i):
                    break
            elif tok.tag in stop_tags and not (tok.tag == "f" and len(t) > 1 and strong) \
                    and not (tok.tag == "d" and len(t) > 1 and strong and i > 0 and view.tokens[i - 1].tag == "ns"):
                break  # but 南方|科技大学 (a two-character direction word opens many strong names), and
                # 江州|高新|投资有限公司 (jieba's 'adverb' 高新, after a place)
            elif tok.text.isdigit() and not policy:
                break
            elif t in lex.title_set and not all(x.tag in ("n", "vn") for x in view.tokens[i + 1:first + 1]):
                break  # 北京市副市长|李明|带队|到|中关村科学城: a job title and a name are no part of the place
            elif t in lex.enumeration_heads and i < first and view.tokens[i + 1].tag == "ns" \
                    and not _ends_a_parent(view, i, lex):
                break  # 中关村企业|北京星澜智能科技有限公司: a kind of thing, then the name from its place on
            elif company and tok.tag == "v" and len(t) > 1 and t not in lex.name_verbs and i < first \
                    and view.tokens[i + 1].tag == "ns" and len(view.tokens[i + 1].text) > 1:
                break  # 选举|北京|擎宇…有限公司: a verb before the place that opens a company's name (not
                # 北京|远望|云|有限公司, whose 云 is one character of a brand)
            elif tok.tag.startswith("v") and tok.tag != "vn" and t not in lex.name_verbs \
                    and not (i == first and (_opens_name(view, i, one_char=len(t) == 1) or _verbal_noun(view, i)))\
                    and not (strong and len(t) > 1 and not _after_company(view, i)) \
                    and not (len(t) == 1 and _between_nouns(view, i)):
                break  # a strong name keeps its verbs (新型显示产业创新联合体), not one after a company's
                # whole name (江州数联科技有限公司|负责|联合体日常管理)
            elif tok.tag == "m" and not policy and not (strong and t.startswith("第")):
                break  # but 附属|第一|医院: an ordinal stays inside a strong name
        start = i
        i -= 1
    if depth:
        return first + 1
    return start


def _boundary_across_tokens(view: SentenceView, i: int, lex: Lexicon) -> bool:
    """Whether a boundary word of two to four characters, longer than token i, ends where token i ends."""
    tok = view.tokens[i]
    end = view.rel(tok.end)
    return any(len(tok.text) < n <= end and view.text[end - n:end] in lex.left_boundaries for n in (2, 3, 4))


def _joins_two_names(view: SentenceView, i: int) -> bool:
    """BOE-BAAI联合实验室, 港科-清华联合研究院, 中关村·香港创新中心: a hyphen or a middle dot between two words
    (not numbers) joins the parties of one name."""
    if view.tokens[i].text not in ("-", "－", "·", "・") or not 0 < i < len(view.tokens) - 1:
        return False
    before, after = view.tokens[i - 1], view.tokens[i + 1]
    return before.is_word and after.is_word and not before.text.isdigit() and not after.text.isdigit() \
        and before.end == view.tokens[i].start and after.start == view.tokens[i].end


def _between_latin_words(view: SentenceView, i: int) -> bool:
    """Lumikko| |Oy公司: one space between two words in Latin letters is inside a foreign name."""
    return view.tokens[i].text == " " and 0 < i < len(view.tokens) - 1 \
        and all(view.tokens[j].tag == "eng" and view.tokens[j].text.isascii() for j in (i - 1, i + 1))


def _ends_a_parent(view: SentenceView, i: int, lex: Lexicon) -> bool:
    """瑞丰|农商|银行|中关村科技支行: a kind word that is a strong ending after a word of a name ends the
    parent's name inside the branch's."""
    kind = view.tokens[i].text
    suffix = lex.suffixes.get(kind)
    prev = view.tokens[i - 1] if i > 0 else None
    return suffix is not None and suffix.strong and prev is not None and prev.is_word \
        and prev.tag not in STOP_TAGS and not prev.tag.startswith("v") and prev.text not in lex.left_boundaries \
        and prev.text + kind not in lex.generic_names  # 设立|合资|公司|江州X有限公司: the company is X


def _business_words_to_tail(view: SentenceView, i: int, first: int) -> bool:
    """北京|建设|股份有限公司, 北京怀柔科学城|建设|发展|有限公司, 海置科创|科技|服务|有限公司: a boundary
    verb after a place or name (or, right before the ending, after a business word), followed by nothing
    but business words up to the company's ending, is its line of business."""
    if i == 0 or len(view.tokens[i].text) < 2 or first - i > 2 or view.tokens[first + 1].text in ("公司", "分公司", "子公司"):
        return False  # 吴振华|担任|公司|首席科学家: a bare 公司 after a verb is the company spoken of
    prev = view.tokens[i - 1]
    return prev.is_word and (prev.tag in NAME_TAGS or i == first and prev.tag in ("n", "vn") and len(prev.text) > 1) \
        and all(len(t.text) > 1 and t.tag in ("vn", "n") for t in view.tokens[i + 1:first + 1])


def _kind_with_suffix(view: SentenceView, i: int, lex: Lexicon) -> bool:
    """北京市政府投资|引导|基金: a boundary word that makes a kind of thing with the suffix after it
    (引导基金) is part of the name."""
    return i + 1 < len(view.tokens) and view.tokens[i].text + view.tokens[i + 1].text in lex.generic_names


def _sino_foreign(view: SentenceView, i: int, first: int) -> bool:
    """中|德|智能制造联合研究院, 中|法|创新中心: 中 and a country's one-character name open a name."""
    return view.tokens[i].text == "中" and i < first and len(view.tokens[i + 1].text) == 1 \
        and view.tokens[i + 1].tag in ("ns", "j")


def _brand_character(tokens: Sequence[Token], i: int, last: int, lex: Lexicon) -> bool:
    """北京|普|瑞康生物技术有限公司, 北京|霁|蓝半导体…, 北京|未|名|星光…: one character, or two, that jieba
    cut off between the place that opens a company's name and the rest of it (as an adverb, a verb, a
    measure word…) are part of the brand (but 中关村海淀园|是|北京…: a boundary word is none)."""
    def loose(j: int) -> bool:
        tok = tokens[j]
        return len(tok.text) == 1 and tok.is_word and tok.tag != "m" and tok.text not in lex.left_boundaries
    if not 0 < i < last or not loose(i) or not tokens[i + 1].is_word:
        return False
    if tokens[i - 1].tag == "ns":
        return tokens[i].tag != "q"
    return i >= 2 and loose(i - 1) and tokens[i - 1].tag != "q" and tokens[i - 2].tag == "ns"


def _verbal_noun(view: SentenceView, i: int) -> bool:
    """清华大学|概念|验证|中心: a two-character verb between a noun and the suffix names what the place does."""
    prev = view.tokens[i - 1] if i > 0 else None
    return len(view.tokens[i].text) == 2 and prev is not None and prev.is_word and prev.tag in ("n", "vn", "nz") \
        and not _after_company(view, i)  # 江州数联科技有限公司|负责|联合体: a company does something


def _after_company(view: SentenceView, i: int) -> bool:
    """The token before `i` ends a company's name (有限公司, 集团)."""
    return i > 0 and view.tokens[i - 1].text.endswith(("公司", "集团"))


def _between_nouns(view: SentenceView, i: int) -> bool:
    """智能网|联|汽车: jieba split a name and left a one-character 'verb' between nouns."""
    if i == 0 or i + 1 >= len(view.tokens):
        return False
    return all(view.tokens[j].tag in ("n", "vn", "nz", "ns", "nt", "j") for j in (i - 1, i + 1))


def _joins_words(view: SentenceView, i: int, lex: Lexicon) -> bool:
    """发展|和|改革委员会: a conjunction between two ordinary words belongs to the name."""
    if i == 0 or i + 1 >= len(view.tokens):
        return False
    left, right = view.tokens[i - 1], view.tokens[i + 1]
    return _conjunction_inside(view.text[:view.rel(left.end)], left, right, lex)


def _character_then_conjunction(view: SentenceView, i: int, lex: Lexicon) -> bool:
    """北京|诺|和|生物医药有限公司, 北京|同|和|医疗器械…, 、|清|和|大学: a conjunction after one character
    that follows a place or opens the name is part of it, character and all (a one-character noun is a
    thing of its own: 党|和|政府)."""
    if i < 1 or i + 1 >= len(view.tokens):
        return False
    left, right = view.tokens[i - 1], view.tokens[i + 1]
    if len(left.text) != 1 or not left.is_word or not right.is_word or left.tag == "c":
        return False  # (，|并|与|江州大学: the conjunction 并 is no character of a name)
    before = view.tokens[i - 2] if i >= 2 else None
    if i >= 3 and view.tokens[i - 3].text in lex.title_set:
        return False  # 校长|吴国|强|与|X公司: a person after a title (jieba took 吴国 for a place), then 与
    return before is not None and before.tag == "ns" or left.tag not in NOUN_TAGS and (
        before is None or not before.is_word or before.text in lex.left_boundaries)


def _opens_brand_after_place(view: SentenceView, i: int, first: int) -> bool:
    """青溪|和|信|药业有限公司: a conjunction between a place and one character, with more of the name to
    come, is the first character of the brand (no company is named 信药业有限公司)."""
    if not 0 < i < first - 1:
        return False
    left, right = view.tokens[i - 1], view.tokens[i + 1]
    return left.tag == "ns" and len(right.text) == 1 and right.is_word and right.tag != "m"


def _conjunction_inside(before: str, left: Token, right: Token, lex: Lexicon) -> bool:
    """Whether the conjunction between `left` and `right` (`before` ending with `left`) is
    part of a name: 发展|和|改革委员会, 北京怀柔仪器|和|传感器有限公司, 信息科学|与|技术国家研究中心."""
    if left.text.endswith(lex.conjoined_fields) and right.text.startswith(lex.conjoined_fields):
        return True
    if left.text in lex.company_tails:
        return False  # 青松科技|与|星河集团: a company's short name ends before it
    ended = suffix_of(before[-lex.max_suffix_len:], lex)
    if ended is not None and ended.strong:
        return False  # 蓝图大学|与|青松研究院: two names
    return all(w.is_word and w.tag not in NAME_TAGS and w.text not in lex.left_boundaries and len(w.text) > 1
               for w in (left, right))


def _opens_name(view: SentenceView, i: int, one_char: bool = False) -> bool:
    """法国达索|集团: a word jieba tags as a verb, right before the suffix and after a
    place or the start of a clause, is the name itself; a one-character verb only after
    a place (…，占|示范区的近六成 is no name)."""
    if i == 0:
        return not one_char
    prev = view.tokens[i - 1]
    return prev.tag == "ns" or not prev.is_word and not one_char


def _suffix_candidates(view: SentenceView, lex: Lexicon) -> list[Mention]:
    found: list[Mention] = []
    text = view.text
    last_chars = lex.suffix_last_chars
    for idx, tok in enumerate(view.tokens):
        if not tok.is_word or tok.text[-1] not in last_chars:
            continue
        end_rel = view.rel(tok.end)
        suffix = None
        for n in range(min(lex.max_suffix_len, end_rel), 0, -1):
            cand = lex.suffixes.get(text[end_rel - n:end_rel])
            if cand is not None:
                suffix = cand
                break
        if suffix is None:
            continue
        if len(suffix.text) == 1 and not (tok.text == suffix.text or tok.tag in ("nt", "j")
                                          or tok.tag == "ns" and dictionary_tag(tok.text[:-1]) == "ns"
                                          or suffix.subtype == "GovernmentBody" and tok.tag == "n"
                                          and tok.text not in lex.not_office_words
                                          or suffix.text == "厂" and tok.tag == "n" and len(tok.text) > 2):
            continue  # but 海淀|园, one place word to jieba, is a place and its park (颐和园 is none), and
            # 社会|保障局 an office (格局 is none)
        if tok.text in lex.title_set:
            continue  # 北京市委|常委: a title ends no name, though 委 ends 市委
        if text.startswith("版", end_rel):
            continue  # “求知学院版”大模型: an edition of a product
        if tok.text == suffix.text and _opens_title(text, view.rel(tok.start), end_rel, lex):
            continue  # 研究院|院|长沙|晓: jieba gave the 院 of 院长 to a place name; it ends no name
        if tok.text in lex.generic_names and len(tok.text) > len(suffix.text):
            continue  # 上交所上市公司: the head word is a category
        if suffix.type is EntityType.POLICY and idx + 1 < len(view.tokens) \
                and (after := lex.suffixes.get(view.tokens[idx + 1].text)) is not None \
                and after.strong and after.type is not EntityType.POLICY:
            continue  # 北方|工程|大学: the policy word is inside an organisation's name
        suffix_start = tok.end - len(suffix.text)
        first = view.token_index_at(suffix_start)
        if first is None:
            continue
        # the token holding the suffix's first character belongs to the name
        if view.tokens[first].start < suffix_start:
            head = first
        else:
            head = first - 1
        policy = suffix.type is EntityType.POLICY
        start_idx = (_extend_left(view, head, lex, policy=policy, strong=suffix.strong,
                                  company=suffix.subtype == "Company") if head >= 0 else first)
        start_idx = min(start_idx, first)
        start = view.tokens[start_idx].start
        if start_idx < first and _glued_verb(view.tokens[start_idx]):
            start += 1  # 毕业|于云湖|大学, 曾|任云湖|理工学院, 获云湖|资本, 由|原华锐|集团, 经云|湖市…: a verb or 原 glued to the name
        before = text[view.rel(start) - 1:view.rel(start)] if view.rel(start) > 0 else ""
        if before.isdigit() and text[view.rel(start)] in CLASSIFIERS + "余多" \
                or before and before in CLASSIFIERS and re.search(r"\d[余多]?.$", text[:view.rel(start)]):
            continue  # 50支子基金, 20余场平行论坛, 8家|临床研究中心: a quantity, not a name
        if before in UNNAMED_BEFORE:
            continue  # 某国资背景产业基金, 北京某某科技有限公司: one left unnamed
        name = text[view.rel(start):end_rel]
        trimmed = drop_leading_modifiers(name, lex)
        if suffix.type is EntityType.PLATFORM:
            trimmed = _without_district(trimmed)
        start += len(name) - len(trimmed)
        name = trimmed
        if suffix.text in lex.standalone_names and name != suffix.text and not _place_words(name[:-len(suffix.text)], lex):
            start, name = tok.end - len(suffix.text), suffix.text  # 9月5日获|上交所: only a place opens a standalone name
        body_tokens = [t for t in view.tokens[start_idx:first + 1] if t.end > start and t.start < suffix_start]
        if policy:
            if not suffix.strong and not _policy_head_ends(view, idx, lex):
                continue
            if _organisation_then_verb(name, suffix, lex) or _inside_a_work_title(text, view.rel(start), lex):
                continue  # 北京化工大学|计划|今年招收…: the organisation plans; 科幻剧《曙光计划》 is a drama
            anchored = _policy_anchor(view, start, suffix_start, lex, strong=suffix.strong)
            if anchored is None:
                continue
            start = anchored
            name = text[view.rel(start):end_rel]
            if "、" in name:
                continue
        elif (not _acceptable_body(body_tokens, suffix.strong, lex) or is_generic_text(name[:-len(suffix.text)], lex)) \
                and not is_level_office(name, lex) and name not in lex.standalone_names:
            continue
        standalone = name in lex.standalone_names
        if not standalone and (is_generic(name, lex) or len(name) > 30
                               or len(name) <= len(suffix.text) and tok.tag not in ("nt", "j")):
            continue
        outer = _outer_platform(name, lex) if suffix.type is EntityType.PLATFORM else None
        if outer:
            # 江州高新区白鹭数字产业园: a park named inside its zone
            found.append(_mention(view, start, start + outer, EntityType.PLATFORM,
                                  suffix_of(name[:outer], lex).subtype, "suffix"))
            start += outer
        etype, subtype = suffix.type, suffix.subtype
        if subtype == "GovernmentBody" and name.startswith(lex.other_parties):
            subtype = None  # 民盟江州市委: a party's committee, not an office of the state
        elif subtype == "GovernmentBody" and _committee_of(name, lex):
            subtype = "Department"  # X产业联盟专家委员会, X大学学术委员会: a body of X, not of the state
        if suffix.text == "中心" and name.startswith(lex.official_prefixes):
            etype, subtype = EntityType.ORGANISATION, "ResearchInstitute"  # 国家X创新中心 is an institution
        found.append(_mention(view, start, tok.end, etype, subtype, "suffix"))
    return found


PARTY_BODIES = ("党委", "党组", "党总支", "党支部", "纪委", "团委", "工会")


def _committee_of(name: str, lex: Lexicon) -> bool:
    """Whether `name` is a kind of committee (专家委员会) or a party body (党委) after the name of an
    organisation that is no office (X大学计算机学院党委, X公司党委: the party committee of X)."""
    committee = max((g for g in (*lex.generic_names, *PARTY_BODIES)
                     if (g.endswith("委员会") or g in PARTY_BODIES) and name.endswith(g)), key=len, default="")
    owner = suffix_of(name[:-len(committee)], lex) if committee and len(name) > len(committee) else None
    return owner is not None and owner.subtype != "GovernmentBody"


def _place_words(text: str, lex: Lexicon) -> bool:
    """香港|联交所, 国家|发改委, 江州|市|国资委: places (a level after one) and official prefixes only."""
    words = segment_name(text)
    if len(words) > 1 and words[-1].text in ("市", "省", "区", "县") and words[-2].tag == "ns":
        words = words[:-1]
    return text in lex.official_prefixes or all(t.tag == "ns" for t in words)


def _bare_company_form(name: str, lex: Lexicon) -> bool:
    """科技股份有限公司: company tails and nothing else, so no name on its own."""
    if not name:
        return False
    while name:
        tail = next((t for t in lex.company_tails if name.endswith(t)), None)
        if tail is None:
            return False
        name = name[: -len(tail)]
    return True


def _opens_title(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """The word at text[start:end] is the head of a job title running past it (院 of 院长)."""
    return any(len(title) > end - start and text.startswith(title, start)
               for title in lex.titles_by_first_char.get(text[start], ()))


def _outer_platform(name: str, lex: Lexicon) -> int:
    """Length of a zone's name that opens a longer platform name, or 0.

    The rest must be a name on its own: 中关村软件园公共服务平台 is one platform, the park's, since a
    bare 公共服务平台 would be every park's (and merge them all across documents).
    """
    for k in range(len(name) - 3, 2, -1):
        suf = suffix_of(name[:k], lex)
        rest = name[k:]
        inner = suffix_of(rest, lex)
        if suf is not None and suf.type is EntityType.PLATFORM and suf.strong and k > len(suf.text) \
                and inner is not None and not is_generic_text(rest[:-len(inner.text)], lex) and rest not in lex.generic_names \
                and len(rest) > len(inner.text) \
                and _acceptable_body(list(segment_name(rest[:-len(inner.text)])), inner.strong, lex):
            return k
    return 0


# One-character verbs (and 原, former; 日 of a date) that jieba's HMM glues to the unknown word after them;
# the second set open no name even as two characters (经云|湖市…法院, 据云|湖|芯片有限公司, A|诉云湖|…有限公司).
GLUED_VERBS = frozenset("于任获原日经诉据为")
GLUED_VERBS_TWO = frozenset("经诉据为")


def _glued_verb(tok: Token) -> bool:
    """An unknown word that opens with one of GLUED_VERBS: the verb and the start of a name."""
    return tok.tag == "?" and tok.text[0] in GLUED_VERBS \
        and len(tok.text) >= (2 if tok.text[0] in GLUED_VERBS_TWO else 3)

GENERIC_TAGS = frozenset({"a", "l", "i", "b", "ad", "an", "z"})


def is_generic_word(tok: Token, lex: Lexicon) -> bool:
    """A modifier that names nothing: 国际, 高质量, 世界领先 (= 世界 + 领先), 硬."""
    return tok.tag in GENERIC_TAGS or is_generic_text(tok.text, lex)


def is_generic_text(text: str, lex: Lexicon) -> bool:
    """True when `text` splits entirely into generic modifiers."""
    reachable = [True] + [False] * len(text)
    for i in range(len(text)):
        if reachable[i]:
            for j in range(i + 1, len(text) + 1):
                if text[i:j] in lex.generic_modifiers:
                    reachable[j] = True
    return reachable[-1]


def _acceptable_body(body: list[Token], strong: bool, lex: Lexicon) -> bool:
    """A name is more than a suffix and generic modifiers (高质量园区 is no name).

    With a weak suffix (中心, 平台) the name must open with a distinctive word:
    上海国际科技创新中心 is a name, 海外创新中心 a description.
    """
    words = [t for t in body if t.is_word]
    if not words:
        return False
    if all(is_generic_word(t, lex) for t in words):
        return False
    return strong or is_distinctive(words[0]) and words[0].text not in lex.generic_names \
        or words[0].text in lex.official_prefixes  # 联合体|数据平台: a kind of thing opens no name


LEVEL_OFFICE_ENDINGS = ("政府", "委", "局", "厅", "办", "委员会", "办公室")


def is_level_office(name: str, lex: Lexicon) -> bool:
    """市政府, 市科技局: an office named by its level; resolved later to the
    document's full name for it (天津市政府) when there is one."""
    return name.startswith(lex.level_prefixes) and len(name) <= 12 and name.endswith(LEVEL_OFFICE_ENDINGS)


def _policy_head_ends(view: SentenceView, idx: int, lex: Lexicon) -> bool:
    """X改革创新 is not a policy named X改革: the noun phrase must end at the suffix."""
    if idx + 1 >= len(view.tokens):
        return True
    nxt = view.tokens[idx + 1]
    if not nxt.is_word or nxt.text in lex.left_boundaries or nxt.text in ("中", "下", "上") \
            or nxt.text in lex.policy_followers:
        return True
    return nxt.tag.startswith("v") and nxt.tag != "vn" and nxt.text not in lex.name_verbs


def _policy_anchor(view: SentenceView, start: int, suffix_start: int, lex: Lexicon, *, strong: bool) -> int | None:
    """Start of a policy name: its leftmost place, organisation or quoted part.

    Policy names are verb phrases (支持新型研发机构发展若干措施); without such an
    anchor a phrase ending in 政策 is a description (相关政策, 利好政策).
    """
    anchor_tags = ("ns", "nt", "nz", "j", "eng") if not strong else ("ns", "nt", "nz", "j", "eng", "?", "nr", "nrt")
    for tok in view.tokens:
        if tok.start < start or tok.end > suffix_start:
            continue
        if tok.tag in ("r", "m") and not tok.text.isdigit():
            return None
        if tok.text in lex.generic_modifiers:
            continue
        if tok.tag in anchor_tags:
            return tok.start
        if tok.text in OPEN_QUOTES and any(ch in CLOSE_QUOTES for ch in view.text[view.rel(tok.end):view.rel(suffix_start)]):
            return tok.start  # a quoted part of the name: 滨江示范区“1+N”系列资金支持政策
    return None


# ------------------------------------------------------------ bracketed titles

BRACKETS = re.compile(r"《([^《》\n]{2,120})》")
TRAILING_BRACKET = re.compile(r"[(（][^()（）]*[)）]$")  # 《X说明书（2024年修订版）》 ends as 说明书 does
VERSIONED = re.compile(r"(?:[Vv]\d+(?:\.\d+)*|\d+\.\d+)$")  # 《深流大模型2.0》, 《灵犀OS V3》: a product's release
QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,40})[”\"]")


def _bracket_candidates(view: SentenceView, lex: Lexicon) -> list[Mention]:
    found = []
    for m in BRACKETS.finditer(view.text):
        start, end = view.sentence.start + m.start(1), view.sentence.start + m.end(1)
        after = view.text[m.end():m.end() + 3]
        if any(after.startswith(w) for w in lex.media_after_title) or view.text[:m.start()].endswith(lex.media_before_title):
            found.append(_mention(view, start, end, EntityType.ORGANISATION, "MediaOutlet", "title-brackets"))
            continue
        if TRAILING_BRACKET.sub("", m.group(1)).endswith(lex.publication_endings) \
                or view.text[:m.start()].endswith(lex.works_before_title) \
                or view.text.startswith(lex.works_after_title, m.end()) or VERSIONED.search(m.group(1)):
            continue  # 《2026中关村发展报告》, 《…成果清单》, 纪录片《追光的人》, 题为《…》的主旨报告, 《X大模型2.0》:
            # a publication, a work, a talk or a product
        found.append(_mention(view, start, end, EntityType.POLICY, "PolicyDocument", "title-brackets"))
        title = m.group(1)
        issuer_end = title.find("关于")
        if 2 <= issuer_end <= 15:
            issuer = title[:issuer_end]
            suf = suffix_of(issuer, lex)
            tok = view.tokens[view.token_index_at(start)] if view.token_index_at(start) is not None else None
            if (suf and suf.type is EntityType.ORGANISATION) or (tok and tok.text == issuer and tok.tag == "nt"):
                found.append(_mention(view, start, start + issuer_end, EntityType.ORGANISATION,
                                      suf.subtype if suf else None, "title-issuer"))
    return found


def _quoted_candidates(view: SentenceView, lex: Lexicon) -> list[Mention]:
    found = []
    text = view.text
    for m in QUOTED.finditer(text):
        inner = m.group(1)
        if any(ch in inner for ch in "+＋，。；：") or is_generic(inner, lex):
            continue
        start, end = view.sentence.start + m.start(1), view.sentence.start + m.end(1)
        if "、" in inner:
            # only a measure in a quoted list of measures may contain 、
            if re.match(r"(?:[“\"][^“”\"]{2,40}[”\"])*等(?:多项|相关|一系列|系列)?(?:政策|措施|举措)", text[m.end():]) \
                    or re.search(r"[”\"]$", text[:m.start()]):
                found.append(_mention(view, start, end, EntityType.POLICY, "PolicyProgramme", "quoted"))
            continue
        suf = suffix_of(inner, lex)
        if suf is not None and len(inner) > len(suf.text) and (suf.strong or _item_ok(inner, lex)) \
                and suf.text not in lex.standalone_names:  # “走进北交所” is an activity at the exchange
            found.append(_mention(view, start, end, suf.type, suf.subtype, "quoted"))
            continue
        # “专精特新”培育政策: a quoted slogan that a policy noun completes
        tail = re.match(r"(?![等及和与])[^，。；：、！？“”\n]{0,6}?(?:" + "|".join(lex.policy_name_tails) + r")", text[m.end():])
        if tail:
            found.append(_mention(view, start - 1, view.sentence.start + m.end() + tail.end(), EntityType.POLICY,
                                  "PolicyProgramme", "quoted"))
            continue
        # “A”“B”等相关政策: quoted measures listed before a policy noun
        rest = text[m.end():]
        tail = re.match(r"(?:[“\"][^“”\"]{2,40}[”\"])*等(?:多项|相关|一系列|系列)?(政策|措施|举措|改革)", rest)
        prev = text[:m.start()]
        if tail or re.search(r"[”\"]$", prev) and re.match(r"(?:[“\"][^“”\"]{2,40}[”\"])*等", rest):
            found.append(_mention(view, start, end, EntityType.POLICY, "PolicyProgramme", "quoted"))
    return found


# ----------------------------------------------------------------- enumerations

COUNT = r"(?:\d+|[一二三四五六七八九十百千两几多]+)(?:多|余)?(?:家|个|所|项|支)"
COUNT_RE = re.compile(COUNT)


def _enumeration_candidates(view: SentenceView, lex: Lexicon) -> list[Mention]:
    """Lists such as 入驻A、B、C等130多家…企业 or 包括A、B在内的…."""
    found = []
    text = view.text
    for clause_start, clause in _clauses(text):
        last = 0
        for end_match in re.finditer(r"等|在内", clause):
            list_part = clause[last:end_match.start()]
            list_offset = clause_start + last
            last = end_match.end()
            head = _enumeration_head(clause[end_match.end():], lex)
            policy = head is not None and head[0] is EntityType.POLICY
            items = _split_items(list_part, lex, verbs_end_names=not policy)
            if not items or head is None and len(items) < 2:
                continue
            found.extend(_typed_items(view, list_offset, items, head, lex))
    return found


def _typed_items(view: SentenceView, list_offset: int, items, head, lex: Lexicon) -> list[Mention]:
    """Type each item by the list's head noun, or by its own suffix when the
    list's other items make its type clear (A科学城、B软件园、C智造园在内…)."""
    found = []
    strong_types = {suffix_of(i, lex).type for _, i in items
                    if suffix_of(i, lex) is not None and suffix_of(i, lex).strong}
    for rel_start, item in items:
        item_start = view.sentence.start + list_offset + rel_start
        suf = suffix_of(item, lex)
        if head is not None:
            etype, subtype = head
            if suf is not None and suf.type is etype and len(item) > len(suf.text):
                subtype = suf.subtype or subtype
            elif suf is None and etype is EntityType.ORGANISATION and _district(item):
                continue  # A、海淀区等5家企业: the district is none of the companies
        elif suf is not None and len(item) > len(suf.text) and (suf.strong or strong_types == {suf.type}):
            etype, subtype = suf.type, suf.subtype
        else:
            continue
        found.append(_mention(view, item_start, item_start + len(item), etype, subtype, "enumeration"))
    return found


def _inside_a_work_title(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether `pos` lies inside 《…》 after a word for a book, film or programme (纪录片《…》)."""
    opening = text.rfind("《", 0, pos + 1)
    return opening != -1 and "》" not in text[opening:pos] and text[:opening].endswith(lex.works_before_title)


def _organisation_then_verb(name: str, suffix: Suffix, lex: Lexicon) -> bool:
    """X大学计划, Y公司原计划, Z公司此前计划: an organisation's whole name (then an adverb or a time word)
    before a policy ending that is also a verb."""
    if suffix.text not in lex.planning_endings:
        return False
    before = name[:-len(suffix.text)]
    words = segment_name(before)
    if len(words) > 1 and (words[-1].tag in ("d", "t") or words[-1].text in lex.adverbs_before_plans):
        before = before[:-len(words[-1].text)]
    owner = suffix_of(before, lex)
    return owner is not None and owner.type is EntityType.ORGANISATION and owner.strong


def _district(item: str) -> bool:
    """海淀区, 朝阳区: a place a list of organisations may mix in (a brand such as 京东 is none; a person's
    name cannot be told from a two-character brand, 万凯, and stays)."""
    tag = dictionary_tag(item)
    return item.endswith(PLACE_ENDINGS) and (tag == "ns" or tag is None and len(item) <= 4)


PLACE_ENDINGS = ("省", "市", "区", "县", "镇", "乡", "街道")

UNNAMED_BEFORE = ("某",)

CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n]")


def _clauses(text: str):
    start = 0
    for m in CLAUSE_END.finditer(text):
        if m.start() > start:
            yield start, text[start:m.start()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


def _enumeration_head(after: str, lex: Lexicon):
    """The type a list's head noun gives its items (等7家领军企业 -> companies), if any."""
    m = re.match(rf"(?:{COUNT})?([^，。；：、！？]{{0,14}})", after)
    window = m.group(1) if m else ""
    if window.startswith(lex.vague_policy_heads):
        return None
    best = None
    for head, typed in lex.enumeration_heads.items():
        pos = window.find(head)
        if pos >= 0 and (best is None or pos < best[0] or pos == best[0] and len(head) > best[1]):
            best = (pos, len(head), typed)
    if best is None:
        return None
    for h in lex.non_entity_heads:
        pos = window.find(h)
        if 0 <= pos and pos + len(h) <= best[0]:
            between = window[pos + len(h):best[0]]
            if "的" in between or len(between) > 2:
                return None  # 关键技术领域布局的高质量园区: the list is of 领域
    return best[2]


def _split_items(list_part: str, lex: Lexicon, verbs_end_names: bool = True) -> list[tuple[int, str]]:
    """Items of a 、-list, as (offset in list_part, text).

    The list starts after the last boundary word (支持, 包括, 入驻, 与…) found
    scanning back from its end; without one, after the last word that cannot
    be part of a name.
    """
    pieces = list_part.split("、")
    offsets = []
    pos = 0
    for piece in pieces:
        offsets.append(pos)
        pos += len(piece) + 1
    # A(以下简称“甲”)、B等企业: the item is A
    pieces = [TRAILING_ALIAS_DECLARATION.sub("", piece) for piece in pieces]
    first = 0
    cut = None
    # policy names are verb phrases (先建后验): only the first piece holds the opener
    scan = range(len(pieces) - 1, -1, -1) if verbs_end_names else range(0, 1)
    for idx in scan:
        cut = _cut_after_boundary(pieces[idx], lex, verbs_end_names, single_chars=idx == 0)
        if cut is not None:
            first = idx
            break
    if cut is None:
        first, cut = 0, _cut_name_tail(pieces[0], lex)
    items = []
    for idx in range(first, len(pieces)):
        text = pieces[idx][cut:] if idx == first else pieces[idx]
        rel = offsets[idx] + (cut if idx == first else 0)
        stripped = text.strip()
        rel += len(text) - len(text.lstrip())
        if len(stripped) > 2 and stripped[0] in OPEN_QUOTES and stripped[-1] in CLOSE_QUOTES:
            stripped, rel = stripped[1:-1], rel + 1
        parts = _split_at_conjunction(rel, stripped, lex) if verbs_end_names else [(rel, stripped)]
        if not _item_ok(parts[0][1], lex, verbs_allowed=not verbs_end_names):
            if idx == first:
                return []
            continue
        items += parts
    return items


def _split_at_conjunction(rel: int, item: str, lex: Lexicon) -> list[tuple[int, str]]:
    """东南大学和紫金山天文台: two items, where the words before the conjunction end in a
    strong name suffix and the words after it could be an item themselves."""
    for conjunction in lex.list_conjunctions:
        at = item.find(conjunction, 2)
        while at != -1:
            ended = suffix_of(item[:at][-lex.max_suffix_len:], lex)
            after = item[at + len(conjunction):]
            if ended is not None and ended.strong and _item_ok(after, lex):
                return [(rel, item[:at]), *_split_at_conjunction(rel + at + len(conjunction), after, lex)]
            at = item.find(conjunction, at + 1)
    return [(rel, item)]


def _cut_after_boundary(piece: str, lex: Lexicon, verbs_end_names: bool = True, single_chars: bool = True
                        ) -> int | None:
    """Where a list opens in `piece`; one-character boundaries (如, 与, 从) count only
    in the list's first piece, since later items may contain them (云从科技)."""
    tokens = segment_name(piece)
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        if _name_conjunction(piece, tokens, i, lex):
            continue  # the first item's own 和: 北京怀柔仪器和传感器有限公司、…
        if i + 1 < len(tokens) and any(piece[max(0, tok.end - n):tok.end] in lex.left_boundaries
                                       for n in range(len(tok.text) + 1, 5)):
            return tok.end  # 组织|成员|单位|X公司: a boundary word that jieba cut in two
        # punctuation opens a list, but not the brackets of a company's place (新浪网技术(中国)有限公司)
        if tok.text in lex.left_boundaries and (single_chars or len(tok.text) > 1) or (verbs_end_names and tok.tag.startswith("v") and len(tok.text) > 1
                                                and tok.tag != "vn" and tok.text not in lex.name_verbs) \
                or not tok.is_word and tok.text.strip() and tok.text not in OPEN_QUOTES + CLOSE_QUOTES + "()":
            if tok.is_word and _bare_company_form(piece[tok.end:].strip(), lex):
                continue  # 优|必选|科技股份有限公司: the verb is the company's name
            if tok.is_word and tok.tag.startswith("v") and i > 0 and tokens[i - 1].tag == "ns" \
                    and tok.text not in lex.left_boundaries:
                continue  # 北京|知行|数智科技有限公司: a verb right after the place opens the name
            after = tokens[i + 1] if i + 2 < len(tokens) else None
            if after is not None and after.tag.startswith("v") and after.text in lex.name_verbs:
                return after.end  # 已|投资|智谱华章: a verb that can sit inside names opens none
            return tok.end
        if tok.tag == "?" and tok.text.startswith(SINGLE_CHAR_PREPOSITIONS) and len(tok.text) > 2 and i == 0:
            return tok.start + 1
    return None


def _name_conjunction(piece: str, tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Whether tokens[i] of `piece` is a 和/与/及 inside a name (see _conjunction_inside)."""
    return tokens[i].text in POLICY_CONJUNCTIONS and 0 < i < len(tokens) - 1 \
        and _conjunction_inside(piece[:tokens[i - 1].end], tokens[i - 1], tokens[i + 1], lex)


def _cut_name_tail(piece: str, lex: Lexicon) -> int:
    tokens = segment_name(piece)
    keep = len(tokens)
    while keep > 0 and (_name_like(tokens[keep - 1], lex) or _name_conjunction(piece, tokens, keep - 1, lex)
                        or _brand_character(tokens, keep - 1, len(tokens) - 1, lex) and _names_a_company(piece, lex)):
        keep -= 1
    return tokens[keep].start if keep < len(tokens) else len(piece)


def _names_a_company(name: str, lex: Lexicon) -> bool:
    ending = suffix_of(name, lex)
    return ending is not None and ending.subtype == "Company"


def _name_like(tok: Token, lex: Lexicon) -> bool:
    return tok.is_word and tok.tag not in STOP_TAGS and tok.text not in lex.left_boundaries \
        and not (tok.tag.startswith("v") and tok.tag != "vn")


def _item_ok(item: str, lex: Lexicon, verbs_allowed: bool = False) -> bool:
    if not (2 <= len(item) <= 20) or is_generic(item, lex) or item in lex.enumeration_heads \
            or is_generic_text(item, lex) or _bare_company_form(item, lex):
        return False  # (有限公司 alone names no company)
    if item[0].isdecimal() or COUNT_RE.search(item) or "的" in item or item.endswith(lex.people_groups):
        return False
    if any(ch in item for ch in "“”\"《》()（）"):
        return False
    for tok in ([] if verbs_allowed else segment_name(item)):
        if tok.tag.startswith("v") and tok.tag != "vn" and len(tok.text) > 1 and tok.text not in lex.name_verbs:
            return False
        if tok.text in lex.left_boundaries and len(tok.text) > 1:
            return False
    return HAN.search(item) is not None or item.isalnum()


# -------------------------------------------------------------- other patterns

def _apposition_candidates(view: SentenceView, lex: Lexicon) -> list[Mention]:
    found = []
    if "—" not in view.text and "--" not in view.text:
        return found
    for head, (etype, subtype) in lex.apposition_heads.items():
        for m in re.finditer(re.escape(head) + r"(?:——|—|－－|--)([^，。；：、！？\s]{2,15})", view.text):
            name = m.group(1)
            start = view.sentence.start + m.start(1)
            found.append(_mention(view, start, start + len(name), etype, subtype, "apposition"))
    return found


def _part_whole_candidates(view: SentenceView, lex: Lexicon) -> list[Mention]:
    """包括A、B在内的“X”: X is the whole the listed platforms make up."""
    found = []
    for m in re.finditer(r"包括([^。；]*?)在内的[“\"]?([^“”\"，。；、]{2,12}?)[”\"]?(?=[，。；、,]|$)", view.text):
        items = [i for _, i in _split_items(m.group(1), lex)]
        types = {suffix_of(i, lex).type for i in items if suffix_of(i, lex) is not None}
        if len(items) >= 2 and types == {EntityType.PLATFORM}:
            start = view.sentence.start + m.start(2)
            found.append(_mention(view, start, start + len(m.group(2)), EntityType.PLATFORM, None, "part-whole"))
    return found


def _issue_verb_pattern(lex: Lexicon) -> re.Pattern:
    return _suffixed(_alternation(lex.triggers["issued"]).pattern, "(?:了)?")


@lru_cache(maxsize=16)
def _suffixed(pattern: str, tail: str) -> re.Pattern:
    return re.compile(f"(?:{pattern}){tail}")


def _issued_object_candidates(view: SentenceView, lex: Lexicon) -> list[Mention]:
    """The policy after an issuing verb: 印发了支持X发展若干措施."""
    found = []
    text = view.text
    endings = lex.policy_endings
    for m in _issue_verb_pattern(lex).finditer(text):
        rest = text[m.end():]
        verb_end = m.end() - m.group().endswith("了")
        if rest.startswith("《") or not _whole_word(view, view.sentence.start + m.start(), view.sentence.start + verb_end):
            continue  # 新闻发布会上介绍了办法: 发布 of 发布会 issues nothing
        span = re.match(r"[^，。；：、！？\n《]{2,40}", rest)
        if not span:
            continue
        phrase = span.group(0)
        best = max((phrase.rfind(e) + len(e) for e in endings if e in phrase), default=0)
        if best <= 0:
            continue
        name = phrase[:best]
        trimmed = drop_leading_modifiers(name, lex)
        start = view.sentence.start + m.end() + (len(name) - len(trimmed))
        if is_generic(trimmed, lex) or len(trimmed) < 4 or "的" in trimmed \
                or any(trimmed.endswith(g) for g in lex.generic_names if len(g) >= 3):
            continue
        found.append(_mention(view, start, start + len(trimmed), EntityType.POLICY, "PolicyDocument"
                              if trimmed.endswith(tuple(lex.document_endings)) else "PolicyProgramme", "issued-object"))
    return found


@lru_cache(maxsize=16)
def _benefit_object_pattern(benefit_triggers: tuple[str, ...], policy_tails: tuple[str, ...]) -> re.Pattern:
    triggers = _alternation(benefit_triggers).pattern
    endings = "|".join(map(re.escape, policy_tails + ("改革", "条例", "办法", "规定")))
    return re.compile(rf"(?:{triggers})((?:(?!{triggers})[^，。；：、！？《“\n]){{3,30}}?(?:{endings}))(?=[，,]|的实施|的出台)")


def _benefit_object_candidates(view: SentenceView, lex: Lexicon) -> list[Mention]:
    """受益于X改革，…: the policy a beneficiary is said to benefit from."""
    found = []
    for m in _benefit_object_pattern(lex.triggers["benefits_before"], lex.policy_name_tails).finditer(view.text):
        name = drop_leading_modifiers(m.group(1), lex)
        start = view.sentence.start + m.end(1) - len(name)
        if not is_generic(name, lex) and not any(name.endswith(g) for g in lex.generic_names if len(g) >= 3):
            found.append(_mention(view, start, start + len(name), EntityType.POLICY, "PolicyProgramme", "issued-object"))
    return found


def _modified_common_word(word: str, lex: Lexicon) -> bool:
    """新进展: jieba's dictionary calls it an organisation, but it is 新 and a common word."""
    return any(word.startswith(mod) and (tag := dictionary_tag(word[len(mod):])) is not None
               and tag not in NAME_TAGS for mod in lex.generic_modifiers)


def _dictionary_org_candidates(view: SentenceView, lex: Lexicon) -> list[Mention]:
    """Words jieba's dictionary knows as organisation names (国务院, 复旦大学)."""
    found = []
    for tok in view.tokens:
        if tok.tag == "nt" and len(tok.text) >= 3 and not is_generic(tok.text, lex) \
                and not _modified_common_word(tok.text, lex) and not view.text.startswith("奖", view.rel(tok.end)):
            # (中国专利|奖: an award's name)
            suf = suffix_of(tok.text, lex)
            if suf is not None and suf.type is not EntityType.ORGANISATION:
                continue
            found.append(_mention(view, tok.start, tok.end, EntityType.ORGANISATION,
                                  suf.subtype if suf else None, "dictionary-org"))
    return found


def first_pass(sentence_views: list[SentenceView], lex: Lexicon | None = None) -> list[Mention]:
    lex = lex or load()
    found: list[Mention] = []
    for view in sentence_views:
        for rule in (_bracket_candidates, _quoted_candidates, _suffix_candidates, _enumeration_candidates,
                     _apposition_candidates, _issued_object_candidates, _dictionary_org_candidates,
                     _part_whole_candidates, _benefit_object_candidates):
            found.extend(rule(view, lex))
    return select(found)


def select(candidates: list[Mention]) -> list[Mention]:
    """Keep the best non-overlapping candidates (a title's issuer may nest in its title)."""
    ranked = sorted(candidates, key=lambda m: (-PRIORITY[m.rule], -(m.end - m.start), m.start))
    chosen: list[Mention] = []
    by_sentence: dict[int, list[Mention]] = {}
    for cand in ranked:
        clash = False
        for other in by_sentence.get(cand.sentence, ()):
            if cand.start < other.end and other.start < cand.end:
                nested_issuer = cand.rule == "title-issuer" or other.rule == "title-issuer"
                if not nested_issuer or cand.rule == other.rule:
                    clash = True
                    break
        if not clash:
            chosen.append(cand)
            by_sentence.setdefault(cand.sentence, []).append(cand)
    return sorted(chosen, key=lambda m: (m.start, m.end))


# ------------------------------------------------------------ later passes

def known_name_pass(sentence_views: list[SentenceView], mentions: list[Mention],
                    names: dict[str, tuple[EntityType, str | None]],
                    short_forms: dict[str, tuple[EntityType, str | None]] | None = None) -> list[Mention]:
    """Every further occurrence of a name already found in the document is a mention.

    `short_forms` (京东方 for 京东方科技集团) count only where they are whole words.
    """
    found = list(mentions)
    texts = [view.text for view in sentence_views]
    for table, whole_words in ((names, False), (short_forms or {}, True)):
        for index, rel_start, rel_end, name in literal_matches(texts, [n for n in table if len(n) >= 2]):
            view = sentence_views[index]
            start, end = view.sentence.start + rel_start, view.sentence.start + rel_end
            if whole_words and not _whole_word(view, start, end):
                continue
            etype, subtype = table[name]
            found.append(Mention(name, start, end, etype, subtype, view.sentence.index, "known-name"))
    return select(found)


def literal_matches(texts: list[str], words: list[str]) -> list[tuple[int, int, int, str]]:
    """(text index, start, end, word) of `words` in `texts`, as `finditer` of their
    alternation, longest first, finds them: leftmost, then longest, never overlapping.

    A document's names make a new alternation each time; compiling it cost more
    than the search.  Here each name is one `str.find` scan of the whole document.
    """
    joined = "\x00".join(texts)
    offsets = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    hits: list[tuple[int, int, str]] = []
    for word in words:
        if not word or "\x00" in word:
            continue
        pos = joined.find(word)
        while pos >= 0:
            hits.append((pos, -len(word), word))
            pos = joined.find(word, pos + 1)
    hits.sort()
    found: list[tuple[int, int, int, str]] = []
    taken_to = 0
    for pos, minus_len, word in hits:
        if pos < taken_to:
            continue
        taken_to = pos - minus_len
        index = bisect_right(offsets, pos) - 1
        found.append((index, pos - offsets[index], taken_to - offsets[index], word))
    return found


@lru_cache(maxsize=256)
def _alternation(words: tuple[str, ...]) -> re.Pattern:
    """One regex for many literal words (longest first); matches nothing when there are none."""
    return re.compile("|".join(map(re.escape, words)) if words else r"(?!)")


def _whole_word(view: SentenceView, start: int, end: int) -> bool:
    if end - start >= 3:
        return True
    return any(t.start == start for t in view.tokens) and any(t.end == end for t in view.tokens)


# One capitalised Latin word (Jensen, Altman, Kimi) names a person or a product as often as a company:
# a partner so written is left unnamed (NVIDIA, OpenAI, IBM are written otherwise)
TITLECASE_WORD = re.compile(r"[A-Z][a-z]+")


def partner_object_pass(sentence_views: list[SentenceView], mentions: list[Mention], lex: Lexicon | None = None
                        ) -> list[Mention]:
    """A与B签署/共建…: B is an organisation even when no rule named it."""
    lex = lex or load()
    found = list(mentions)
    triggers = _alternation(lex.triggers["partner"]).pattern
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for view in sentence_views:
        for m in by_sentence.get(view.sentence.index, []):
            if m.type is not EntityType.ORGANISATION:
                continue
            rest = view.text[view.rel(m.end):]
            match = re.match(rf"(?:将|还|也|已)?(?:与|同)([^，。；：！？\n]{{2,40}}?)(?:等[^，。；：！？\n]{{0,8}}?)?(?:共同)?(?:{triggers})", rest)
            if not match:
                continue
            base = m.end + match.start(1)
            offset = 0
            for item in match.group(1).split("、"):
                stripped = item.strip()
                if _item_ok(stripped, lex) and not any(b in stripped for b in ("共同", "一起")) \
                        and not TITLECASE_WORD.fullmatch(stripped):
                    start = base + offset + (len(item) - len(item.lstrip()))
                    suf = suffix_of(stripped, lex)
                    found.append(Mention(stripped, start, start + len(stripped), EntityType.ORGANISATION,
                                         suf.subtype if suf and suf.type is EntityType.ORGANISATION else "Company",
                                         view.sentence.index, "partner-object"))
                offset += len(item) + 1
        # X与ORG签署…: the name before 与 is an organisation too
        for m in by_sentence.get(view.sentence.index, []):
            if m.type is not EntityType.ORGANISATION:
                continue
            rel_start = view.rel(m.start)
            if not view.text[:rel_start].endswith(("与", "同")):
                continue
            if not re.match(rf"(?:、[^，。；]{{2,20}}?)*(?:等[^，。；]{{0,8}}?)?(?:共同)?(?:{triggers})", view.text[view.rel(m.end):]):
                continue
            head = view.token_index_at(m.start - 2)
            if head is None:
                continue
            start_idx = _extend_left(view, head, lex, policy=False)
            if start_idx > head:
                continue
            start = view.tokens[start_idx].start
            name = view.text[view.rel(start):rel_start - 1]
            suf = suffix_of(name, lex)
            if suf is not None and suf.text == name:
                continue  # 研究所与北京大学…: a bare suffix points back to a name; it is none itself
            if view.text[:view.rel(start)].endswith(lex.titles) and suf is None:
                continue  # A董事长郑凯与B签署…: a person after a title, who signs for A
            if TITLECASE_WORD.fullmatch(name):
                continue  # Altman与微软公司签署…: a person's (or a product's) name, as often as a company's
            short_company = len(name) >= 4 and name.endswith(lex.company_tails)  # 青松科技与星河集团签署
            if _item_ok(name, lex) and (suf or short_company or any(is_distinctive(t) for t in segment_name(name))):
                found.append(Mention(name, start, start + len(name), EntityType.ORGANISATION,
                                     suf.subtype if suf and suf.type is EntityType.ORGANISATION else "Company",
                                     view.sentence.index, "partner-object"))
    return select(found)


def investor_pass(sentence_views: list[SentenceView], mentions: list[Mention], lex: Lexicon | None = None
                  ) -> list[Mention]:
    """本轮融资由A领投，B、C跟投, X获得A领投的…融资: the names a clause opens with before a round's investing verb are
    investors, so organisations, even when no rule named them (红杉中国, 华平投资); 某基金参投 names none."""
    lex = lex or load()
    verbs = _alternation(lex.triggers["round_investing"])
    item = rf"(?:(?!{verbs.pattern})[^，。；：、！？\n由]){{2,20}}?"  # 由A领投、B跟投: no item holds a verb
    investors = re.compile(rf"(?:^|(?<=[，；：由、])|(?<=获得))((?:{item}、)*{item})(?:共同|联合)?(?:{verbs.pattern})")
    found = list(mentions)
    for view in sentence_views:
        if not verbs.search(view.text):
            continue
        for match in investors.finditer(view.text):
            offset = match.start(1)
            for name, start in _investor_items(match.group(1), view.sentence.start + offset, lex):
                # a verb inside a fund's name (启明|创投) but none at its end (老股东继续跟投)
                words = segment_name(name)
                cut = max((k + 1 for k, w in enumerate(words[:-1]) if w.text in lex.left_boundaries), default=0)
                if cut:  # 另有|苍穹资本跟投, 已|获得|X领投, 公司|获得|X领投: the investor opens after the verb
                    skipped = sum(len(w.text) for w in words[:cut])
                    start, name, words = start + skipped, name[skipped:], words[cut:]
                if any(word in name for word in lex.triggers["investor_people"]) or TITLECASE_WORD.fullmatch(name):
                    continue  # 由天使投资人Peter领投, 由雷军个人领投: a person
                if _item_ok(name, lex, verbs_allowed=True) and not name.endswith(lex.triggers["investor_roles"]) \
                        and not any(w.tag in STOP_TAGS for w in words) and words[0].tag != "r" \
                        and (words[-1].tag == "vn" or not words[-1].tag.startswith("v")):
                    suf = suffix_of(name, lex)
                    end = start + len(name)
                    # 由|启明|澜|资本领投: the suffix rule stopped at jieba's 'verb' 启明; the clause bounds the name
                    found = [m for m in found if not (m.rule == "suffix" and m.end == end and m.start > start)]
                    found.append(Mention(name, start, end, EntityType.ORGANISATION,
                                         suf.subtype if suf and suf.type is EntityType.ORGANISATION else "Company",
                                         view.sentence.index, "investor"))
    return select(found)


def _investor_items(run: str, start: int, lex: Lexicon) -> list[tuple[str, int]]:
    """A、B、C: the items and where each starts; an item that is two names joined by 和/及, each with an
    organisation's ending (苍穹资本和云帆基金联合领投), is two."""
    items = []
    for item in re.finditer(r"[^、]+", run):
        parts = list(re.finditer(r"[^和及]+", item.group()))
        if len(parts) > 1 and all(suffix_of(p.group(), lex) is not None for p in parts):
            items += [(p.group(), start + item.start() + p.start()) for p in parts]
        else:
            items.append((item.group(), start + item.start()))
    return items


def list_sibling_pass(sentence_views: list[SentenceView], mentions: list[Mention], lex: Lexicon | None = None
                      ) -> list[Mention]:
    """如A、B等: untyped items of a list take the type of a known item."""
    lex = lex or load()
    found = list(mentions)
    by_span = {(m.start, m.end): m for m in mentions}
    for view in sentence_views:
        for clause_start, clause in _clauses(view.text):
            if "、" not in clause:
                continue
            end = re.search(r"等$", clause)
            if end is None:
                continue
            items = _split_items(clause[:end.start()], lex)
            if len(items) < 2:
                continue
            spans = [(view.sentence.start + clause_start + rel, item) for rel, item in items]
            known = [by_span.get((s, s + len(i))) for s, i in spans]
            typed = [k for k in known if k is not None and k.type is EntityType.ORGANISATION]
            if not typed or len(typed) == len(spans):
                continue
            for (start, item), k in zip(spans, known):
                if k is None:
                    found.append(Mention(item, start, start + len(item), EntityType.ORGANISATION, None,
                                         view.sentence.index, "enumeration"))
    return select(found)
