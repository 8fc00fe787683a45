"""The interactive graph page: which nodes it shows, folding and layout, the timeline, its text in Chinese
and English, and the HTML, scripts and styles in templates/.

Draws from dangjian.graph.network (and an entity's card from dangjian.graph.lookup); nothing below imports it.
"""
