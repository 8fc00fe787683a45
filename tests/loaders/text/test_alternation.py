"""Word lists as tries: the same matches as a flat alternation sorted longest first, in any surrounding pattern."""
import re

from dangjian.loaders.text.alternation import longest_of

WORDS = ["社区", "社区党委", "党委", "党工委", "党", "街道", "街", "村委会", "村", "居委会", "委员会", "会"]


def flat(words):
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def test_alternation_matches_the_longest_word_like_a_flat_list():
    text = "南湖社区党委和街道党工委、红星村村委会与居委会召开党员大会,委员会会议在街上开"
    assert [m.span() for m in re.finditer(longest_of(WORDS), text)] == [m.span() for m in re.finditer(flat(WORDS), text)]
    assert re.findall(longest_of(WORDS), "社区党委书记") == ["社区党委"]


def test_alternation_backtracks_to_a_shorter_word_inside_a_longer_pattern():
    # 社区党委 cannot be followed by 主任 in 社区主任; 社区 can: the trie gives the longer word up as the flat list does
    for tail, text in (("主任", "社区主任王芳"), ("委员", "社区党委员会"), ("委会", "红星村委会")):
        trie, listed = (re.search(f"(?:{words}){tail}", text) for words in (longest_of(WORDS), flat(WORDS)))
        assert trie is not None and trie.span() == listed.span()
