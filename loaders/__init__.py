"""From articles (text, Markdown, HTML, JSON Lines) to facts to RDF: reading, segmenting, extracting, resolving."""
