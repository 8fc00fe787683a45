"""What the JSON API looks up in a store: search by name (and its label index), an entity's card and
neighbourhood, the articles and their evidence sentences, summary counts, and the names shown for them.

Written against the Store protocol, with user input made safe by dangjian.graph.sparql.safety; knows
nothing of the networkx projection, the graph page or HTTP.
"""
