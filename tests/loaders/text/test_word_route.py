"""Dictionary segmentation without jieba's per-call cost: the same words jieba gives, with and without guessing."""
import pytest

from dangjian.loaders.text.words import _jieba, guessed_words, words

TEXTS = [
    "社区党委书记王芳说,今年已开展活动12次。",
    "蠡口社区联合朱巷社区、富民社区开展“邻里一家亲”活动",
    "居民赵燕怡说,有事找网格员",
    "ABC银行2024年第3-5号楼e-mail和C++、C#",
    "阿依古丽·吐尔逊在\u3000社区\r\n值班",
    "",
    "!!",
    "哈斯朝鲁表示",
]


@pytest.mark.parametrize("text", TEXTS)
def test_word_route_cuts_as_jieba_does(text):
    jieba = _jieba()
    assert list(words(text)) == jieba.lcut(text, HMM=False)
    assert list(guessed_words(text)) == jieba.lcut(text, HMM=True)
