"""Paragraph breaks are sentence breaks.

Why: web articles put headlines, datelines, captions ("Photo: AFP") and paragraphs on lines of
their own, often without final punctuation; the parser then glues a caption to the next
sentence and evidence sentences stop matching what a reader sees. Marking the token after a
line break as a sentence start (before the parser, which respects preset boundaries) fixes that
cheaply. Hard-wrapped prose is left alone: a single newline splits only after a short line that
does not stop mid-phrase (heading, caption) or after sentence-final punctuation; a blank line
always splits.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: A line this short without final punctuation is a heading or a caption.
MAX_HEADING_TOKENS = 12
_FINAL = (".", "!", "?", "”", '"', "’", ":", ")")
#: Tags (from the tagger, which runs before this component) of words a line cannot end on
#: unless the sentence goes on: prepositions, determiners, conjunctions, "to", modals.
_MID_PHRASE_TAGS = frozenset({"IN", "DT", "CC", "TO", "PRP$", "WDT", "MD", "PDT", "POS", "WP$"})


class ParagraphSplitter:
    """Component: the first token after a paragraph break starts a sentence."""

    def __call__(self, doc: Doc) -> Doc:
        line_start = 0
        for tok in doc[:-1]:
            ws = tok.text_with_ws if not tok.is_space else tok.text
            newlines = ws.count("\n")
            if not newlines:
                continue
            nxt = doc[tok.i + 1]
            if nxt.is_space:
                continue  # the break continues in the next (space) token
            last = tok if not tok.is_space else doc[tok.i - 1] if tok.i else tok
            # A short line is a heading unless it stops mid-phrase ("... met in").
            short = (
                tok.i + 1 - line_start <= MAX_HEADING_TOKENS
                and last.tag_ not in _MID_PHRASE_TAGS
                and last.text not in (",", "-", ";", "–")
            )
            if newlines >= 2 or short or last.text.endswith(_FINAL):
                nxt.is_sent_start = True
            line_start = nxt.i
        _platform_stops(doc)
        return doc


def _platform_stops(doc: Doc) -> None:
    """The word after "on X." starts a sentence ("Kallas wrote on X. Commission President
    Ursula von der Leyen said …"): the parser reads a capital letter and a stop as an initial
    inside a name and runs the two sentences into one (the tokenizer splits "X." for this,
    see :func:`kg.extraction.pipeline.load_pipeline`)."""
    for tok in doc[2:-2]:
        if (tok.text == "." and doc[tok.i - 1].text == "X"
                and doc[tok.i - 2].lower_ in ("on", "via") and doc[tok.i + 1].is_title):
            doc[tok.i + 1].is_sent_start = True
