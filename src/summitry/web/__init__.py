"""summitry over HTTP: a JSON API and a web app, as one ASGI application (FastAPI).

    from summitry.web import create_app, open_readers
    app = create_app(open_readers("events.duckdb"))        # any ASGI server can run it

``summitry serve --db PATH`` runs it under uvicorn; the API is described at ``/api/openapi.json``
and the web app is at ``/``.
"""
from typing import TYPE_CHECKING

from summitry.lazy import lazy_exports

if TYPE_CHECKING:
    from summitry.web.app import create_app
    from summitry.web.readers import Readers, open_readers

# FastAPI only for the commands that serve: every command's parser reads this package's cli module
__getattr__, __dir__ = lazy_exports(__name__, {"create_app": "summitry.web.app",
                                               **dict.fromkeys(["Readers", "open_readers"], "summitry.web.readers")})

__all__ = ["Readers", "create_app", "open_readers"]
