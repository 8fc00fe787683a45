"""Dictionary segmentation as jieba does it (`jieba.lcut`), with jieba's cost per call cut down.

The extractor asks jieba for the words of thousands of short windows (the characters before a suffix, a
name and its neighbours); most of jieba's time there goes to generators and to scoring the same words over
and over. Here each text is cut the same way, by the same rules, over jieba's own dictionary: runs of
ideographs, letters and digits are cut along the most probable route through the words the dictionary
lists (ties go to the longer word), other characters stand alone. A word's score is computed once.
With `guess` on, runs of single characters that make no dictionary word go to jieba's own model of
unknown words (`jieba.finalseg`), as `jieba.lcut(text, HMM=True)` does.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable

__all__ = ["WordRoute"]

# what jieba cuts as one block; everything else is white space or a character on its own
_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_SPACE = re.compile("(\r\n|\\s)")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


class WordRoute:
    """Cuts texts as jieba's tokenizer `tokenizer` would, `unknown` cutting the runs it has no words for.

    >>> import jieba, jieba.finalseg
    >>> route = WordRoute(jieba.dt, jieba.finalseg.cut)
    >>> route.cut("社区党委书记王芳说, 2024年") == jieba.lcut("社区党委书记王芳说, 2024年", HMM=False)
    True
    """

    def __init__(self, tokenizer, unknown: Callable[[str], Iterable[str]]) -> None:
        tokenizer.check_initialized()
        self.freq: dict[str, int] = tokenizer.FREQ
        self.log_total = math.log(tokenizer.total)
        self.unknown = unknown
        self._score: dict[str, float] = {}

    def cut(self, text: str, guess: bool = False) -> list[str]:
        """The words of a text, in order; `guess` as jieba's `HMM=True`."""
        out: list[str] = []
        if _BLOCK.fullmatch(text):  # most texts asked about: one block of ideographs
            self._cut_block(text, out, guess)
            return out
        for block in _BLOCK.split(text):
            if not block:
                continue
            if _BLOCK.match(block):
                self._cut_block(block, out, guess)
                continue
            for part in _SPACE.split(block):
                if _SPACE.match(part):
                    out.append(part)
                else:
                    out.extend(part)
        return out

    def _cut_block(self, block: str, out: list[str], guess: bool) -> None:
        ends = self._route(block)
        pending = ""  # single characters: letters and digits glue into one word; with guess, any run is guessed
        i, n = 0, len(block)
        while i < n:
            end = ends[i]
            word = block[i:end]
            if end - i == 1 and (guess or word in _ALNUM):
                pending += word
            else:
                if pending:
                    self._flush(pending, out, guess)
                    pending = ""
                out.append(word)
            i = end
        if pending:
            self._flush(pending, out, guess)

    def _flush(self, pending: str, out: list[str], guess: bool) -> None:
        if not guess or len(pending) == 1:
            out.append(pending)
        elif self.freq.get(pending):
            out.extend(pending)  # a dictionary word the route cut apart stays cut
        else:
            out.extend(self.unknown(pending))

    def _route(self, block: str) -> list[int]:
        """For each start, where the best route's next word ends (an exclusive offset)."""
        freq, score = self.freq, self._score
        n = len(block)
        best = [0.0] * (n + 1)
        ends = [0] * n
        for i in range(n - 1, -1, -1):
            top, top_end = None, i + 1
            j = i + 1
            word = block[i]
            while word in freq:  # the dictionary lists every prefix of its words, with frequency 0
                if freq[word]:
                    value = score.get(word)
                    if value is None:
                        value = score[word] = math.log(freq[word] or 1) - self.log_total
                    value += best[j]
                    if top is None or value >= top:
                        top, top_end = value, j
                if j == n:
                    break
                j += 1
                word = block[i:j]
            if top is None:  # a character the dictionary does not know: a word of its own
                value = score.get(block[i])
                if value is None:
                    value = score[block[i]] = math.log(freq.get(block[i]) or 1) - self.log_total
                top, top_end = value + best[i + 1], i + 1
            best[i], ends[i] = top, top_end
        return ends
