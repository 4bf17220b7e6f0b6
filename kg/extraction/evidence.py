"""Evidence: where in the article a fact was read (sentence and exact characters).

Why: every fact must point back at the words it came from, with offsets into the article text
that satisfy ``article.text[e.start:e.end] == e.text``; building Evidence in one place keeps that
invariant in one place. Sentence text is trimmed of surrounding whitespace (offsets adjusted),
so it equals the sentence a reader would copy.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.facts import Evidence


class SentenceIndex:
    """Sentence number and trimmed character bounds for every token of a Doc."""

    def __init__(self, doc: Doc, article_id: str) -> None:
        self.doc = doc
        self.article_id = article_id
        self.sents: list[Span] = list(doc.sents)
        self.index_of_start = {s.start: i for i, s in enumerate(self.sents)}
        # Doc.text and Token.sent are recomputed on every access; cache them once.
        self.text = doc.text
        self._sent_no = [0] * len(doc)
        for i, sent in enumerate(self.sents):
            for t in range(sent.start, sent.end):
                self._sent_no[t] = i

        self._ents: list[list[Span]] = [[] for _ in self.sents]
        for ent in doc.ents:
            self._ents[self._sent_no[ent.start]].append(ent)

    def ents(self, tok: Token) -> list[Span]:
        """Entities of the token's sentence (cached ``tok.sent.ents``)."""
        return self._ents[self._sent_no[tok.i]]

    def index(self, tok: Token) -> int:
        """Sentence number of a token."""
        return self._sent_no[tok.i]

    def sent(self, tok: Token) -> Span:
        """The sentence of a token (cached ``tok.sent``)."""
        return self.sents[self._sent_no[tok.i]]

    def bounds(self, sent: Span) -> tuple[int, int]:
        """Character bounds of a sentence without leading/trailing whitespace."""
        text = self.text
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def evidence(
        self, sent: Span, start: int, end: int, confidence: float, extractor: str
    ) -> Evidence:
        """Evidence for characters ``start:end`` (clipped to the trimmed sentence)."""
        s_start, s_end = self.bounds(sent)
        text = self.text
        start, end = max(start, s_start), min(end, s_end)
        if end <= start:
            start, end = s_start, s_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Evidence(
            article_id=self.article_id,
            sentence_index=self.index_of_start[sent.start],
            sentence_start=s_start,
            sentence_end=s_end,
            sentence=text[s_start:s_end],
            start=start,
            end=end,
            text=text[start:end],
            confidence=round(confidence, 3),
            extractor=extractor,
        )

    def token_evidence(
        self, first: Token, last: Token, confidence: float, extractor: str
    ) -> Evidence:
        """Evidence spanning tokens ``first``..``last`` (inclusive, any order)."""
        a, b = sorted((first, last), key=lambda t: t.i)
        return self.evidence(self.sent(a), a.idx, b.idx + len(b.text), confidence, extractor)


def sort_facts(facts: object) -> list:
    """Facts deduplicated and in a total, deterministic order.

    Why: dataclass ordering breaks on ``None`` fields (``None < "x"``); sorting by position and
    then ``repr`` is total and stable across runs.
    """
    return sorted(
        set(facts),  # type: ignore[arg-type]
        key=lambda f: (type(f).__name__, f.evidence.start, f.evidence.end, repr(f)),
    )
