"""summitry over HTTP: a read-only JSON API and a small web app, as one WSGI application.

    from summitry.web import create_app, open_readonly
    app = create_app(open_readonly("events.duckdb"))        # any WSGI server can run it

``summitry serve --db PATH`` runs it with the standard library's server; the API is described
at ``/api/openapi.json`` and the web app is at ``/``.
"""
from summitry.web.app import App, create_app
from summitry.web.readonly import open_readonly

__all__ = ["App", "create_app", "open_readonly"]
