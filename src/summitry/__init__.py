"""summitry: who went where, met whom, and when — diplomatic events from news, in English and Chinese."""
from summitry.records import Document, Event, Mention, Party

__version__ = "0.1.0"
__all__ = ["Document", "Event", "Mention", "Party", "__version__"]
