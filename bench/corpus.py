"""Synthetic party-building articles for benchmarks: real street and community names, varied sentence patterns.

    python bench/corpus.py 10000 /tmp/corpus-10k     # writes JSON Lines files of 1,000 articles each

The names come from the gazetteer (a community, its street, district and city), the people, partners
and programs from small lists; every article is about 1,500 characters and differs from the others.
"""
from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from dangjian.loaders.places.gazetteer import get_gazetteer

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建国志文晓东海燕雪梅春玲宏斌佳怡"
PARTNERS = ("银行{p}支行", "{p}人民医院", "{p}实验小学", "{p}供电公司", "{p}中医院", "{p}第一中学", "{p}农商银行",
            "{p}税务局", "{p}消防救援大队", "{p}职业技术学院")
PROGRAMS = ("红色管家", "邻里帮", "暖心驿站", "党员先锋岗", "十分钟党建服务圈", "民情议事厅", "红色物业", "幸福食堂",
            "周末课堂", "睦邻议事会", "红色网格", "银龄互助")
EVENTS = ("夏日送清凉", "邻里一家亲", "健康进万家", "法律进社区", "文明新风", "我为群众办实事", "红色观影", "关爱一老一小")
FACILITIES = ("党群服务中心", "新时代文明实践站", "日间照料中心", "老年食堂", "图书室", "健康小屋", "文化广场")
AUDIENCES = ("老年人", "青少年", "残疾人", "新就业群体", "退役军人", "困难家庭")
BYLINES = ("记者 {a} 通讯员 {b}", "{a} {b}", "文/图 {a}", "通讯员 {a}", "本报记者 {a}")


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def places(count: int, seed: int = 7) -> list[tuple[str, str, str, str]]:
    """(community, street, district, city) chains drawn from the gazetteer."""
    gazetteer = get_gazetteer()
    names = sorted(set(gazetteer.names("Community")))
    rng = random.Random(seed)
    out: list[tuple[str, str, str, str]] = []
    while len(out) < count:
        place = gazetteer.candidates(rng.choice(names), "Community")[0]
        chain = place.chain()
        if len(chain) >= 4 and chain[1].name.endswith(("街道", "镇", "乡")):
            out.append((chain[0].name, chain[1].name, chain[2].name, chain[3].name))
    return out


def article(rng: random.Random, chain: tuple[str, str, str, str], neighbour: str, n: int) -> dict:
    """One article of about 1,500 characters."""
    community, street, district, city = chain
    secretary, director, resident, volunteer = (_person(rng) for _ in range(4))
    partner = rng.choice(PARTNERS).format(p=district[:2])
    program, event, facility, audience = (rng.choice(x) for x in (PROGRAMS, EVENTS, FACILITIES, AUDIENCES))
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    title = rng.choice((f"{community}携手{partner}开展“{event}”活动", f"{street}{community}党建引领基层治理",
                        f"{community}打造“{program}”服务品牌 第{n}期"))
    paragraphs = [
        f"{month}月{day}日，{city}{district}{street}{community}{rng.choice(('党委', ''))}联合{partner}"
        f"在社区{facility}开展“{event}”主题活动，为辖区{audience}送去关怀，{rng.randint(20, 200)}余名居民参加。",
        f"活动现场，{partner}的党员志愿者为居民提供政策咨询、健康检查和反诈宣传等服务。{community}党委书记、"
        f"居委会主任{secretary}介绍，社区与{partner}党支部结对共建以来，双方围绕{audience}关爱、老旧小区改造、"
        f"矛盾纠纷调解等事项，先后开展联建活动{rng.randint(3, 30)}次，解决群众急难愁盼问题{rng.randint(5, 60)}件。",
        f"近年来，{community}依托“{program}”工作机制，把党小组建在网格上，组织在职党员到社区报到，"
        f"认领服务岗位{rng.randint(10, 90)}个。社区还联合{neighbour}共同举办邻里文化节，丰富居民精神文化生活。",
        f"“以前有事不知道找谁，现在网格员随叫随到。”居民{resident}说。志愿者{volunteer}每周三在{facility}值守，"
        f"帮助老人使用智能手机、预约挂号、缴纳水电费，累计服务{rng.randint(100, 900)}人次。",
        f"{street}党工委副书记{director}表示，下一步，街道将总结{community}的经验做法，在辖区推广“{program}”模式，"
        f"推动更多驻区单位与社区签订共建协议，让党建资源下沉到基层一线，持续增强居民的获得感、幸福感、安全感。",
        f"据了解，今年以来，{district}已有{rng.randint(20, 300)}个社区与驻区单位建立结对共建关系，"
        f"形成资源共享、优势互补、共驻共建的良好局面。{community}将继续完善“{program}”服务清单，"
        f"把更多实事办到居民心坎上，为建设美丽{district[:2]}贡献力量。",
        f"为进一步提升服务质效，{community}党委组织召开{rng.choice(('居民议事会', '党员大会', '睦邻恳谈会'))}，"
        f"邀请{partner}、物业公司、业委会和居民代表共同商议小区停车难、加装电梯、垃圾分类等问题，"
        f"现场收集意见建议{rng.randint(10, 50)}条，形成问题清单和责任清单，明确专人跟进落实，"
        f"做到件件有回音、事事有着落。{secretary}说，议事会让居民从旁观者变成参与者，社区治理更有温度。",
        f"在{facility}，记者看到墙上张贴着“{program}”服务项目表，理发、磨刀、家电维修、法律咨询等"
        f"{rng.randint(8, 20)}项服务一目了然。{neighbour}党总支书记{_person(rng)}带队前来学习交流，"
        f"双方就党建引领网格治理、志愿服务常态化等议题进行了深入探讨，并约定每季度开展一次联合活动。",
        f"{month}月以来，{community}还联合{district}{rng.choice(('人民医院', '妇幼保健院', '中医院'))}开展义诊活动"
        f"{rng.randint(2, 9)}场，为{audience}建立健康档案{rng.randint(50, 400)}份，"
        f"并在{facility}设立健康服务点，每周安排医生坐诊，让居民在家门口就能享受到优质医疗服务。",
        f"针对辖区老年人多、独居老人比例高的特点，{community}推出“{rng.choice(PROGRAMS)}”项目，"
        f"由{rng.randint(10, 60)}名党员和志愿者与{rng.randint(30, 200)}户独居老人结成帮扶对子，定期上门走访，"
        f"帮助打扫卫生、代购生活用品、陪同就医。居民{_person(rng)}说，有了党员志愿者的陪伴，日子过得更踏实了。",
        f"与此同时，{street}{rng.choice(('城管中队', '派出所', '司法所', '综合执法队'))}与{community}建立联动机制，"
        f"围绕占道经营、噪音扰民、邻里纠纷等群众反映强烈的问题开展联合整治，"
        f"今年以来共化解矛盾纠纷{rng.randint(10, 90)}起，辖区环境面貌和治安状况明显改善。",
        f"{partner}党支部书记{_person(rng)}表示，将充分发挥自身专业优势，把金融知识、健康服务、法律援助等送到居民身边，"
        f"与{community}一道打造共建共治共享的社区治理共同体，真正实现组织联建、资源联享、服务联动。",
        f"下一步，{community}将以党建为引领，持续深化“{program}”品牌建设，"
        f"统筹辖区单位、社会组织和志愿者力量，推动服务下沉、资源整合、力量融合，不断提升基层治理能力和水平。",
    ]
    rng.shuffle(paragraphs)
    byline = rng.choice(BYLINES).format(a=_person(rng), b=_person(rng))
    return {"title": title, "text": byline + "\n" + "\n".join(paragraphs),
            "date": f"2024-{month:02d}-{day:02d}", "source": "基层党建报", "url": f"https://example.org/news/{n}"}


def articles(count: int, seed: int = 7) -> Iterator[dict]:
    rng = random.Random(seed)
    chains = places(min(count, 2000), seed)
    for n in range(count):
        chain = chains[n % len(chains)]
        neighbour = chains[(n + 1) % len(chains)][0]
        yield article(rng, chain, neighbour, n)


def write_corpus(count: int, folder: Path, per_file: int = 1000, seed: int = 7) -> list[Path]:
    """JSON Lines files of `per_file` articles each; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    out = None
    for n, record in enumerate(articles(count, seed)):
        if n % per_file == 0:
            if out:
                out.close()
            files.append(folder / f"part-{n // per_file:05d}.jsonl")
            out = files[-1].open("w", encoding="utf-8")
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out:
        out.close()
    return files


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    written = write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{len(written)} file(s) in {sys.argv[2]}", file=sys.stderr)
