"""Programme sources parsed into ``Programme``s: the ima CSV format and the EU Trust Fund for Africa database.

Parsers validate everything before anything is stored and raise
``ImportErrors`` naming file, line and column of each problem.
"""
