"""ima's database: schema, migrations, the document store and full-text search.

SQLite by default (a file in the user's data directory), PostgreSQL for
teams (``IMA_DATABASE_URL=postgresql://...``). This is the only package that
issues SQL.
"""

from ima.store.database import default_database_url
from ima.store.repository import DocumentNotFound, Store

__all__ = ["DocumentNotFound", "Store", "default_database_url"]
