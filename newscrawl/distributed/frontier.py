"""The shared frontier in Redis: queue, dupefilter, leases of in-flight requests, live workers.

A request popped from the shared queue is not gone: it is *leased* to the worker that popped it
(moved atomically into that worker's in-flight hash) until the worker has fully processed it —
links enqueued, record written — or handed it on (a redirect or a retry). A worker that dies
(SIGKILL, power loss) stops refreshing its heartbeat; its leases go back to the queue, either
when it restarts under the same worker id or when a live worker notices its heartbeat expired.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from typing import Any

from redis import Redis

logger = logging.getLogger(__name__)

#: Push a request unless its fingerprint was seen; hand over (ack) the lease it came from.
#: KEYS: dupefilter, queue, own in-flight hash. ARGV: fingerprint ('' = no filter), score,
#: data, lease it replaces ('' = none).
PUSH = """
if ARGV[4] ~= '' then redis.call('HDEL', KEYS[3], ARGV[4]) end
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""
#: Pop the best request and lease it. KEYS: queue, own in-flight hash, lease counter.
POP = """
local r = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #r == 0 then return false end
redis.call('ZREM', KEYS[1], r[1])
local lease = tostring(redis.call('INCR', KEYS[3]))
redis.call('HSET', KEYS[2], lease, r[2] .. ' ' .. r[1])
return {lease, r[1]}
"""
#: Pop up to ARGV[1] seed messages and lease each ('seed <message>'). KEYS: start URLs list,
#: own in-flight hash, lease counter. Returns lease, message, lease, message, …
POP_SEEDS = """
local out = {}
for _ = 1, tonumber(ARGV[1]) do
  local message = redis.call('LPOP', KEYS[1])
  if not message then break end
  local lease = tostring(redis.call('INCR', KEYS[3]))
  redis.call('HSET', KEYS[2], lease, 'seed ' .. message)
  out[#out + 1] = lease
  out[#out + 1] = message
end
return out
"""
#: Put every lease of a worker back (requests in the queue, seeds in the start URLs), unless
#: its heartbeat (KEYS[3]) is alive and ARGV[1] is '1'. KEYS: in-flight hash, queue, heartbeat,
#: start URLs. Returns the count, -1 if alive.
REQUEUE = """
if ARGV[1] == '1' and redis.call('EXISTS', KEYS[3]) == 1 then return -1 end
local all = redis.call('HGETALL', KEYS[1])
for i = 2, #all, 2 do
  local v = all[i]
  if string.sub(v, 1, 5) == 'seed ' then
    redis.call('LPUSH', KEYS[4], string.sub(v, 6))
  else
    local sp = string.find(v, ' ', 1, true)
    redis.call('ZADD', KEYS[2], string.sub(v, 1, sp - 1), string.sub(v, sp + 1))
  end
end
redis.call('DEL', KEYS[1])
return #all / 2
"""


def _text(value: bytes | str | int) -> str:
    """A Redis reply as text."""
    return value.decode() if isinstance(value, bytes) else str(value)


@dataclass(frozen=True)
class Keys:
    """Redis key names of one crawl (one spider name)."""

    spider: str
    queue: str
    dupefilter: str
    start_urls: str

    @classmethod
    def for_spider(cls, spider: str, settings: Any | None = None) -> Keys:
        """Key names, honouring the scrapy-redis key settings when given."""

        def get(name: str, default: str) -> str:
            value = settings.get(name) if settings is not None else None
            return str(value or default)

        return cls(
            spider=spider,
            queue=get("SCHEDULER_QUEUE_KEY", "%(spider)s:requests") % {"spider": spider},
            dupefilter=get("SCHEDULER_DUPEFILTER_KEY", "%(spider)s:dupefilter")
            % {"spider": spider},
            start_urls=get("REDIS_START_URLS_KEY", "%(name)s:start_urls") % {"name": spider},
        )

    def key(self, *parts: str) -> str:
        """A key of this crawl: `<spider>:<part>:<part>…`."""
        return ":".join((self.spider, *parts))

    @property
    def workers(self) -> str:
        """Set of the ids of every worker that ever joined."""
        return self.key("workers")

    @property
    def state(self) -> str:
        """Prefix of the incremental crawl state (`RedisStateStore`); kept by a frontier reset."""
        return self.key("state")

    def heartbeat(self, worker: str) -> str:
        """String with a TTL: present while the worker is alive."""
        return self.key("worker", worker)

    def inflight(self, worker: str) -> str:
        """Hash lease → 'score data' of the requests (or 'seed message' of the seeds) the worker
        is processing."""
        return self.key("inflight", worker)

    def all_keys_pattern(self) -> str:
        """SCAN pattern matching every key of this crawl."""
        return f"{self.spider}:*"


class Frontier:
    """One worker's handle on the shared frontier (all Redis operations live here)."""

    def __init__(self, server: Redis, keys: Keys, worker: str, ttl: float) -> None:
        self.server = server
        self.keys = keys
        self.worker = worker
        self.ttl = ttl
        self.token = uuid.uuid4().hex
        self._push = server.register_script(PUSH)
        self._pop = server.register_script(POP)
        self._requeue = server.register_script(REQUEUE)
        self._pop_seeds = server.register_script(POP_SEEDS)

    # -- queue ------------------------------------------------------------------------------
    def push(self, data: bytes, score: float, fingerprint: str = "", replaces: str = "") -> bool:
        """Enqueue unless the fingerprint was seen (atomic); ack the lease it replaces."""
        keys = [self.keys.dupefilter, self.keys.queue, self.keys.inflight(self.worker)]
        return bool(self._push(keys=keys, args=[fingerprint, score, data, replaces]))

    def pop(self) -> tuple[str, bytes] | None:
        """Lease the best queued request to this worker: (lease id, data), or None."""
        keys = [self.keys.queue, self.keys.inflight(self.worker), self.keys.key("lease_seq")]
        found = self._pop(keys=keys)
        if not found:
            return None
        lease, data = found
        return _text(lease), data

    def pop_seeds(self, limit: int) -> list[tuple[str, bytes]]:
        """Lease up to `limit` waiting seed messages to this worker: (lease id, message)."""
        keys = [self.keys.start_urls, self.keys.inflight(self.worker), self.keys.key("lease_seq")]
        found = self._pop_seeds(keys=keys, args=[max(1, limit)])
        pairs = zip(found[::2], found[1::2], strict=True)
        return [(_text(lease), bytes(message)) for lease, message in pairs]

    def ack(self, *leases: str) -> None:
        """This worker is done with these leases."""
        if leases:
            self.server.hdel(self.keys.inflight(self.worker), *leases)

    def queued(self) -> int:
        """Requests waiting in the shared queue."""
        return int(self.server.zcard(self.keys.queue))

    def seeds_waiting(self) -> int:
        """Seed URLs pushed but not read by any worker yet."""
        return int(self.server.llen(self.keys.start_urls))

    # -- workers ----------------------------------------------------------------------------
    def join(self, wait: float = 0.2, log_every: float = 5.0) -> None:
        """Register this worker; first wait out a live heartbeat of the same id (a crashed self)."""
        beat = self.keys.heartbeat(self.worker)
        last_log = 0.0
        while not self.server.set(beat, self.token, nx=True, px=int(self.ttl * 1000)):
            if time.monotonic() - last_log >= log_every:
                logger.warning(
                    "worker id %r has a live heartbeat (a crashed earlier run, or another "
                    "worker with the same NEWSCRAWL_WORKER_ID); waiting up to %.0fs",
                    self.worker,
                    self.ttl,
                )
                last_log = time.monotonic()
            time.sleep(wait)
        self.server.sadd(self.keys.workers, self.worker)

    def beat(self) -> None:
        """Refresh this worker's heartbeat."""
        self.server.set(self.keys.heartbeat(self.worker), self.token, px=int(self.ttl * 1000))

    def leave(self) -> None:
        """Drop this worker's heartbeat (its leftover leases become recoverable at once)."""
        beat = self.keys.heartbeat(self.worker)
        if self.server.get(beat) in (self.token, self.token.encode()):
            self.server.delete(beat)

    def requeue(self, worker: str, only_if_dead: bool = True) -> int:
        """Return a worker's leased requests to the queue; -1 when it is alive (and checked)."""
        keys = [self.keys.inflight(worker), self.keys.queue, self.keys.heartbeat(worker)]
        keys.append(self.keys.start_urls)
        return int(self._requeue(keys=keys, args=["1" if only_if_dead else "0"]))

    def recover_dead(self) -> int:
        """Requeue the leases of every worker whose heartbeat has expired; return how many."""
        total = 0
        for raw in self.server.smembers(self.keys.workers):
            other = raw.decode() if isinstance(raw, bytes) else str(raw)
            if other != self.worker and self.server.hlen(self.keys.inflight(other)):
                moved = self.requeue(other)
                if moved > 0:
                    logger.warning("requeued %d requests of dead worker %r", moved, other)
                    total += moved
        return total

    def others_inflight(self) -> int:
        """Requests leased by the other workers (alive or not yet noticed dead)."""
        total = 0
        for raw in self.server.smembers(self.keys.workers):
            other = raw.decode() if isinstance(raw, bytes) else str(raw)
            if other != self.worker:
                total += int(self.server.hlen(self.keys.inflight(other)))
        return total

    def own_inflight(self) -> int:
        """Requests leased by this worker."""
        return int(self.server.hlen(self.keys.inflight(self.worker)))

    def busy(self) -> bool:
        """Whether the crawl can still produce work: queued requests, seeds, or leases elsewhere."""
        return bool(self.queued() or self.seeds_waiting() or self.others_inflight())
