"""Paragraph breaks are sentence breaks.

Why: web articles put headlines, datelines, captions ("Photo: AFP") and paragraphs on lines of
their own, without final punctuation; the parser then glues a caption to the next sentence and
evidence sentences stop matching what a reader sees. Marking the token after a line break as a
sentence start (before the parser, which respects preset boundaries) fixes that cheaply.
"""

from __future__ import annotations

from spacy.tokens import Doc


class ParagraphSplitter:
    """Component: the first token after any newline starts a sentence."""

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if ("\n" in tok.text_with_ws and not tok.is_space) or (
                tok.is_space and "\n" in tok.text
            ):
                nxt = doc[tok.i + 1]
                if not nxt.is_space:
                    nxt.is_sent_start = True
        return doc
