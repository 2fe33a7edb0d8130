"""Which articles were emitted, shared by all workers: exactly one record per article id.

A worker *claims* an article id just before writing its record (HSETNX: only one worker wins)
and records the claim as *pending* until the line is written; then it *confirms* it. A worker
killed between the two leaves a pending claim, which it settles when it restarts: claims whose
record is in its output files are confirmed, the others released and their URL requeued.
"""

from __future__ import annotations

from redis import Redis

from newscrawl.distributed.frontier import Keys

#: KEYS: emitted hash, own pending hash. ARGV: article id, worker id, url.
CLAIM = """
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return 1
"""
#: KEYS: emitted hash, own pending hash. ARGV: article id, worker id.
RELEASE = """
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end
redis.call('HDEL', KEYS[2], ARGV[1])
"""


def _text(value: bytes | str) -> str:
    """Redis reply as text."""
    return value.decode() if isinstance(value, bytes) else value


class RedisEmittedSet:
    """The shared set of emitted article ids, with this worker's pending claims."""

    def __init__(self, server: Redis, keys: Keys, worker: str) -> None:
        self.server = server
        self.keys = keys
        self.worker = worker
        self._claim = server.register_script(CLAIM)
        self._release = server.register_script(RELEASE)

    def claim(self, article_id: str, url: str) -> bool:
        """Claim an article for this worker; False when some worker already emitted it."""
        keys = [self.keys.emitted, self.keys.pending(self.worker)]
        return bool(self._claim(keys=keys, args=[article_id, self.worker, url]))

    def confirm(self, article_id: str) -> None:
        """The claimed article's record is written."""
        self.server.hdel(self.keys.pending(self.worker), article_id)

    def release(self, article_id: str) -> None:
        """Give up a claim whose record was never written (someone may emit it again)."""
        keys = [self.keys.emitted, self.keys.pending(self.worker)]
        self._release(keys=keys, args=[article_id, self.worker])

    def pending(self) -> dict[str, str]:
        """This worker's unconfirmed claims: article id → url."""
        raw = self.server.hgetall(self.keys.pending(self.worker))
        return {_text(k): _text(v) for k, v in raw.items()}

    def is_emitted(self, article_id: str) -> bool:
        """Whether any worker claimed this article."""
        return bool(self.server.hexists(self.keys.emitted, article_id))

    def count(self) -> int:
        """Articles emitted so far by all workers."""
        return int(self.server.hlen(self.keys.emitted))
