"""Storage, SPARQL, analytics and visualization of the dangjian graph (knows nothing of article text)."""
