"""The competency questions (ontology/queries/*.rq) as examples for the query page and the docs."""
from __future__ import annotations

from functools import lru_cache

from dangjian.ontology import queries_dir

__all__ = ["competency_questions"]


@lru_cache(maxsize=1)
def competency_questions() -> tuple[dict, ...]:
    """Each question's file name, Chinese and English wording (from its `# zh:` / `# en:` comments) and text."""
    found = []
    folder = queries_dir()
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else ():
        text = path.read_text(encoding="utf-8")
        wording = {"zh": "", "en": ""}
        for line in text.splitlines():
            for lang in wording:
                if line.startswith(f"# {lang}:") and not wording[lang]:
                    wording[lang] = line.split(":", 1)[1].strip()
        found.append({"name": path.stem, "zh": wording["zh"] or path.stem, "en": wording["en"], "query": text})
    return tuple(found)
