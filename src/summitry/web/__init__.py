"""summitry over HTTP: a JSON API and a web app, as one ASGI application (FastAPI).

    from summitry.web import create_app, open_readers
    app = create_app(open_readers("events.duckdb"))        # any ASGI server can run it

``summitry serve --db PATH`` runs it under uvicorn; the API is described at ``/api/openapi.json``
and the web app is at ``/``.
"""
from summitry.web.app import create_app
from summitry.web.readers import Readers, open_readers

__all__ = ["Readers", "create_app", "open_readers"]
