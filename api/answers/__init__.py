"""Answers kept until the store changes: JSON and SPARQL answers per store generation, sent with an ETag, and
the middleware that answers a repeat before routing.

Knows the store only through its generation; knows nothing of the routes or the app that mounts it.
"""
