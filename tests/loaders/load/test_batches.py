"""Store batching, on every store: articles spread over many batches are all written, each graph closed by its
content hash and each entity labelled once; a bad record amid a batch loses none of the others."""
import json

from dangjian.loaders.load.batches import Batch
from dangjian.loaders.load.encoded import encode
from dangjian.loaders.load.extract_step import extract_document
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.load.pipeline import load_articles
from dangjian.loaders.rdf.to_rdf import article_graph
from dangjian.loaders.read.document import Document
from dangjian.ontology import DJ, KNOWLEDGE_GRAPH, RDFS

PAGES = ["青枫社区开展读书会\n\n近日,青枫社区党支部书记林晓带领党员开展读书会。\n",
         "青枫社区开展义诊\n\n近日,青枫社区联合示范医院开展义诊活动。\n",
         "青枫社区开展植树\n\n近日,青枫社区组织党员在河边植树。\n"]


def test_batches_articles_over_many_batches_are_all_written_each_closed_by_its_hash(store):
    articles = [encode(result) for i, page in enumerate(PAGES)
                for result in extract_document(Document(path=f"p{i}.txt", text=page, kind="text"), LoadOptions())]
    batch = Batch(store, limit=1)   # every article fills a batch of its own
    for article in articles:
        batch.add(article)
    batch.close()
    closed = {(str(row["g"].value), row["h"].value)
              for row in store.query(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?a <{DJ}contentHash> ?h }} }}")}
    assert closed == {(article_graph(a.article_id).value, a.content_hash) for a in articles}
    labels = store.query(f'SELECT ?e WHERE {{ GRAPH <{KNOWLEDGE_GRAPH}> {{ ?e <{RDFS}label> "青枫社区"@zh }} }}')
    assert len(list(labels)) == 1


def test_batches_a_bad_record_amid_a_batch_loses_none_of_the_others(store, tmp_path):
    records = [json.dumps({"title": "柳湾社区开展义诊", "text": "近日,柳湾社区开展义诊活动。"}, ensure_ascii=False),
               "{not json",
               json.dumps({"title": "石塘社区开展植树", "text": "近日,石塘社区组织党员植树。"}, ensure_ascii=False)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(records) + "\n", encoding="utf-8")
    report = load_articles(store, [feed], LoadOptions(progress=False))
    assert report.articles == 2 and len(report.failed) == 1 and "feed.jsonl:2" in report.failed[0]
    again = load_articles(store, [feed], LoadOptions(progress=False))
    assert (again.articles, again.unchanged) == (0, 2)
