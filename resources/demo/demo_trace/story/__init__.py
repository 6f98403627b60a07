"""The checkout incident, span by span (see README.md for the story).

Each part calls `span(...)` at import time. The import order below is the order the spans are
registered in, and that order is the order they appear in the JSON: keep it.
"""

from ..model import SPANS
from . import edge  # noqa: F401  web-frontend, recommendations, api-gateway
from . import checkout  # noqa: F401  checkout, cart, inventory, shipping, email, payment 2.13.4
from . import authorize  # noqa: F401  payment 2.14.0 Authorize + retry, order marked failed

__all__ = ["SPANS"]
