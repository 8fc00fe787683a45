"""The command line and the HTTP API (FastAPI) over a dangjian store."""
