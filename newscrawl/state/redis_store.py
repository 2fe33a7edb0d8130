"""Redis implementation of the state store, shared by the workers of a distributed crawl.

Keys, under a prefix (`<spider>:state`):

- `<prefix>:article:<article id>` hash: first_seen, last_seen, fingerprint, last_emitted,
  version, and while a worker holds a claim on it: claim_worker, claim_version;
- `<prefix>:claims:<worker>` hash article id → url: the worker's unsettled claims;
- `<prefix>:batches:<worker>` hash batch id → "offset path": the worker's batch journal
  (the paths are the worker's own files);
- `<prefix>:batch_seq` counter; `<prefix>:counts` hash: known, emitted.

Each step that must be atomic is one Lua script. A claim is refused while another claim on the
article is unsettled, so no two workers (nor two records of one run) ever emit the same article
id and version. How durable a committed step is depends on the Redis server's persistence
(`appendonly yes`, `appendfsync always` to survive a power cut).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from redis import Redis

from newscrawl.state.base import ArticleState, Claim, Emission, PendingBatch

#: KEYS: article, own claims, counts. ARGV: article id, fingerprint, worker, at, url.
#: Returns {version to emit (0: none), outcome}.
CLAIM = """
if redis.call('HSETNX', KEYS[1], 'first_seen', ARGV[4]) == 1 then
  redis.call('HINCRBY', KEYS[3], 'known', 1)
end
redis.call('HSET', KEYS[1], 'last_seen', ARGV[4])
local s = redis.call('HMGET', KEYS[1], 'fingerprint', 'version', 'claim_worker')
local version = tonumber(s[2]) or 0
if s[3] then return {0, 'claimed'} end
if version > 0 and s[1] == ARGV[2] then return {0, 'unchanged'} end
redis.call('HSET', KEYS[1], 'claim_worker', ARGV[3], 'claim_version', version + 1)
redis.call('HSET', KEYS[2], ARGV[1], ARGV[5])
if version == 0 then return {1, 'new'} end
return {version + 1, 'changed'}
"""
#: KEYS: own claims, counts, own batches, then one article key per emission.
#: ARGV: worker, at, batch id ('' = none), then article id, fingerprint, version per emission.
RECORD = """
for i = 4, #KEYS do
  local k, j = KEYS[i], 4 + (i - 4) * 3
  local id, fp, v = ARGV[j], ARGV[j + 1], tonumber(ARGV[j + 2])
  if redis.call('HSETNX', k, 'first_seen', ARGV[2]) == 1 then
    redis.call('HSET', k, 'last_seen', ARGV[2])
    redis.call('HINCRBY', KEYS[2], 'known', 1)
  end
  local current = tonumber(redis.call('HGET', k, 'version')) or 0
  if v >= current then
    if current == 0 then redis.call('HINCRBY', KEYS[2], 'emitted', 1) end
    redis.call('HSET', k, 'fingerprint', fp, 'version', v, 'last_emitted', ARGV[2])
  end
  if redis.call('HGET', k, 'claim_worker') == ARGV[1] then
    redis.call('HDEL', k, 'claim_worker', 'claim_version')
  end
  redis.call('HDEL', KEYS[1], id)
end
if ARGV[3] ~= '' then redis.call('HDEL', KEYS[3], ARGV[3]) end
"""
#: KEYS: own claims, requeue queue, then one article key per claim. ARGV: worker, then per
#: claim its id and the queue member that crawls its URL again ('' = none). One step, so a
#: crash cannot release a claim without its URL being queued again.
RELEASE = """
for i = 3, #KEYS do
  local id, data = ARGV[2 * i - 4], ARGV[2 * i - 3]
  if redis.call('HGET', KEYS[i], 'claim_worker') == ARGV[1] then
    redis.call('HDEL', KEYS[i], 'claim_worker', 'claim_version')
  end
  redis.call('HDEL', KEYS[1], id)
  if data ~= '' then redis.call('ZADD', KEYS[2], 0, data) end
end
"""

#: Where a released claim's URL goes: the crawl queue's key, and how a URL becomes a member.
Requeue = tuple[str, Callable[[str], bytes]]


def _text(value: bytes | str) -> str:
    """A Redis reply as text."""
    return value.decode() if isinstance(value, bytes) else value


class RedisStateStore:
    """The crawl state of one spider in Redis, seen through one worker (its claims, journal)."""

    def __init__(
        self, server: Redis, prefix: str, worker: str, requeue: Requeue | None = None
    ) -> None:
        self.server = server
        self.requeue = requeue  # a distributed worker's crawl queue, for released claims
        self.prefix = prefix
        self.worker = worker
        self.claims_key = f"{prefix}:claims:{worker}"
        self.batches_key = f"{prefix}:batches:{worker}"
        self.counts_key = f"{prefix}:counts"
        self._claim = server.register_script(CLAIM)
        self._record = server.register_script(RECORD)
        self._release = server.register_script(RELEASE)

    def article_key(self, article_id: str) -> str:
        """The hash of one article."""
        return f"{self.prefix}:article:{article_id}"

    def get(self, article_id: str) -> ArticleState | None:
        """The article's state, or None when it was never seen."""
        raw = {
            _text(k): _text(v) for k, v in self.server.hgetall(self.article_key(article_id)).items()
        }
        if "first_seen" not in raw:
            return None
        return ArticleState(
            article_id,
            raw["first_seen"],
            raw.get("last_seen", raw["first_seen"]),
            raw.get("fingerprint"),
            raw.get("last_emitted"),
            int(raw.get("version", 0)),
        )

    def seen(self, article_id: str, at: str) -> ArticleState:
        """Record a sighting; return the state."""
        key = self.article_key(article_id)
        if self.server.hsetnx(key, "first_seen", at):
            self.server.hincrby(self.counts_key, "known", 1)
        self.server.hset(key, "last_seen", at)
        state = self.get(article_id)
        assert state is not None
        return state

    def claim(self, article_id: str, fingerprint: str, at: str, url: str) -> Claim:
        """Record a sighting; reserve the next version unless unchanged or claimed (atomic)."""
        keys = [self.article_key(article_id), self.claims_key, self.counts_key]
        version, outcome = self._claim(
            keys=keys, args=[article_id, fingerprint, self.worker, at, url]
        )
        return Claim(article_id, int(version), _text(outcome))

    def claims(self) -> dict[str, str]:
        """This worker's unsettled claims: article id → url."""
        raw = self.server.hgetall(self.claims_key)
        return {_text(k): _text(v) for k, v in raw.items()}

    def release_claims(self) -> list[str]:
        """Drop this worker's unsettled claims (their records were never written); their URLs.

        With a `requeue` queue, each URL is queued again in the same step (score 0).
        """
        claims = self.claims()
        if claims:
            queue, encode = self.requeue or (self.claims_key, None)
            args: list[str | bytes] = [self.worker]
            for article_id, url in claims.items():
                args += [article_id, encode(url) if encode is not None else ""]
            keys = [self.claims_key, queue, *(self.article_key(i) for i in claims)]
            self._release(keys=keys, args=args)
        return list(claims.values())

    def begin_batch(self, path: str, offset: int) -> int:
        """Journal a batch about to be appended at `offset` of `path` (this worker's file)."""
        batch_id = int(self.server.incr(f"{self.prefix}:batch_seq"))
        self.server.hset(self.batches_key, str(batch_id), f"{offset} {path}")
        return batch_id

    def record_emitted(self, batch_id: int | None, emissions: Iterable[Emission], at: str) -> None:
        """Mark records emitted, settle their claims and close the journal entry (atomic)."""
        emissions = list(emissions)
        keys = [self.claims_key, self.counts_key, self.batches_key]
        keys += [self.article_key(e.article_id) for e in emissions]
        args: list[str | int] = [self.worker, at, "" if batch_id is None else str(batch_id)]
        for e in emissions:
            args += [e.article_id, e.fingerprint, e.version]
        self._record(keys=keys, args=args)

    def pending_batches(self) -> list[PendingBatch]:
        """This worker's batches journaled but never recorded as emitted, oldest first."""
        batches = []
        for raw_id, raw in self.server.hgetall(self.batches_key).items():
            offset, path = _text(raw).split(" ", 1)
            batches.append(PendingBatch(int(raw_id), path, int(offset)))
        return sorted(batches, key=lambda b: b.batch_id)

    def discard_batch(self, batch_id: int) -> None:
        """Close a journal entry that wrote nothing."""
        self.server.hdel(self.batches_key, str(batch_id))

    def counts(self) -> dict[str, int]:
        """Articles known and articles emitted at least once (all workers)."""
        known, emitted = self.server.hmget(self.counts_key, ["known", "emitted"])
        return {"known": int(known or 0), "emitted": int(emitted or 0)}

    def close(self) -> None:
        """Nothing to release: every step is committed, the connection is the worker's."""
