"""pytest fixtures that start a Porpoise server for a test session.

Porpoise speaks DolphinDB's protocol, so the official ``dolphindb`` Python
package connects to it unchanged. See :mod:`pytest_porpoise.server` for the
process wrapper and :mod:`pytest_porpoise.plugin` for the fixtures.
"""

from .server import PorpoiseServer, find_binary

__all__ = ["PorpoiseServer", "find_binary"]
