"""Run `extract_article` in worker processes, so extraction uses every core and never blocks
the crawl's reactor. No Scrapy here: the pipeline owns one `ExtractionPool` and awaits it.

Workers are started by a forkserver (spawn where there is none) that has already imported
the extraction code, so starting them is cheap. The whole pool is replaced after `max_tasks`
pages per worker, which keeps the memory of long crawls flat. (Not `max_tasks_per_child`:
CPython's executor can stop scheduling when a worker exits at that limit with pages queued,
python/cpython#115634, in 3.11 to 3.14.)
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from typing import NamedTuple

from newscrawl.extract.model import Article
from newscrawl.page import dated_article
from newscrawl.profiles import load_profile

logger = logging.getLogger(__name__)

#: Test-only: a worker that sees this environment variable's value in a page exits at once.
CRASH_MARKER_ENV = "NEWSCRAWL_TEST_WORKER_CRASH_MARKER"
#: Test-only: a worker that sees this environment variable's value in a page never answers.
STALL_MARKER_ENV = "NEWSCRAWL_TEST_WORKER_STALL_MARKER"
#: Modules a forkserver imports once, so every worker it forks starts warm.
PRELOAD = ["newscrawl.extract_pool", "newscrawl.warmup"]
#: How often a worker checks that the crawl process is still alive.
WATCH_SECONDS = 1.0
#: How long `close` waits for the workers before stopping them.
CLOSE_SECONDS = 30.0


class PoolBroken(BrokenProcessPool):
    """A worker died on a page; `executor` is the executor the page was with."""

    def __init__(self, message: str, executor: ProcessPoolExecutor) -> None:
        super().__init__(message)
        self.executor = executor


class PoolStalled(PoolBroken):
    """No answer from the pool within the page timeout: the pool counts as broken.

    A worker stuck on a page, or the executor itself stuck, must not stall the crawl.
    """


def extract_page(html: str, url: str, fetched_at: str, profile: str) -> Article:
    """The pipeline's work on one page: extraction and dates (in a worker, or in-process)."""
    return dated_article(html, url, datetime.fromisoformat(fetched_at), load_profile(profile))


def _worker_extract(html: str, url: str, fetched_at: str, profile: str) -> Article:
    """`extract_page` in a worker, with the test-only crash and stall hooks."""
    marker = os.environ.get(CRASH_MARKER_ENV)
    if marker and marker in html:
        os._exit(70)
    stall = os.environ.get(STALL_MARKER_ENV)
    while stall and stall in html:
        time.sleep(WATCH_SECONDS)
    return extract_page(html, url, fetched_at, profile)


def _start_worker(crawl_pid: int) -> None:
    """Warm a new worker (a no-op when forked warm) and tie its life to the crawl process."""
    from newscrawl.warmup import warm_up

    warm_up()
    watch = threading.Thread(target=_exit_when_gone, args=(crawl_pid,), daemon=True)
    watch.start()


def _exit_when_gone(pid: int) -> None:
    """Exit this worker once process `pid` has died (a SIGKILLed crawl leaves no orphans)."""
    while True:
        time.sleep(WATCH_SECONDS)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:  # the pid now belongs to another user's process
            os._exit(0)


def default_workers() -> int:
    """One worker per core."""
    return os.cpu_count() or 1


def pool_context() -> multiprocessing.context.BaseContext:
    """A forkserver context preloaded with the extraction code (spawn where unsupported)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


class ExtractionPool:
    """A process pool for `extract_page` with a bound on pages in flight.

    `submit` waits (asynchronously) while `max_in_flight` pages are already with the workers,
    so pages queue in Scrapy (which then slows downloads) instead of piling up here. A page
    without an answer after `timeout` seconds raises PoolStalled. After `max_tasks` pages per
    worker the executor is retired (its pages finish there) and a new one takes the next page.
    """

    def __init__(
        self, workers: int, max_tasks: int | None, max_in_flight: int, timeout: float = 120.0
    ) -> None:
        self.workers = workers
        self.max_tasks = max_tasks or None
        self.max_in_flight = max(1, max_in_flight)
        self.timeout = timeout
        self.restarts = 0
        self.recycles = 0
        self._submitted = 0
        self._executor: ProcessPoolExecutor | None = None
        self._retired: list[Workers] = []
        self._slots: asyncio.Semaphore | None = None

    def start(self) -> ProcessPoolExecutor:
        """The running executor (created on first use, after a crash or after recycling)."""
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=pool_context(),
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
            self._submitted = 0
        return self._executor

    def _submit(self, html: str, url: str, fetched_at: str, profile: str) -> Future[Article]:
        """Hand a page to the running executor, retiring it once it has had its quota."""
        executor = self.start()
        future = executor.submit(_worker_extract, html, url, fetched_at, profile)
        self._submitted += 1
        if self.max_tasks and self._submitted >= self.max_tasks * self.workers:
            self._retire(executor)
        return future

    def _retire(self, executor: ProcessPoolExecutor) -> None:
        """Let the executor finish its pages and exit; the next page starts a new one."""
        self._executor = None
        self._retired = [r for r in self._retired if r.running()] + [Workers.of(executor)]
        executor.shutdown(wait=False)  # forgets its manager thread and workers: kept above
        self.recycles += 1

    async def extract(self, html: str, url: str, fetched_at: str, profile: str) -> Article:
        """Extract one page in a worker; raises BrokenProcessPool when a worker died, and
        PoolStalled when no answer came within the timeout."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.max_in_flight)
        async with self._slots:
            executor = self.start()
            future = self._submit(html, url, fetched_at, profile)
            try:
                return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
            except TimeoutError:
                raise PoolStalled(f"no answer within {self.timeout:g} s", executor) from None
            except asyncio.CancelledError:
                if _being_cancelled() or not future.cancelled():
                    raise
                raise PoolStalled("cancelled with its stalled pool", executor) from None
            except BrokenProcessPool as exc:
                raise PoolBroken(str(exc), executor) from exc

    def restart(self, broken: ProcessPoolExecutor | None) -> bool:
        """Stop an executor after a crash or stall (once per executor); True if stopped.

        Its workers are terminated: a stalled one would otherwise run on (shutdown does not).
        The running executor is replaced at once; a retired one is not.
        """
        retired = next((r for r in self._retired if r.executor is broken), None)
        if broken is None or not (broken is self._executor or retired):
            return False
        if retired:
            self._retired.remove(retired)
        else:
            self._executor = None
            self.start()
        workers = retired or Workers.of(broken)
        broken.shutdown(wait=False, cancel_futures=True)
        workers.terminate()
        self.restarts += 1
        return True

    @property
    def executor(self) -> ProcessPoolExecutor | None:
        """The current executor, if started."""
        return self._executor

    def close(self) -> None:
        """Stop the workers: pending pages are cancelled, in-flight ones get CLOSE_SECONDS to
        finish, then the workers are stopped (a stuck executor must not hang the crawl's end)."""
        pools = self._retired + ([Workers.of(self._executor)] if self._executor else [])
        self._executor, self._retired = None, []
        deadline = time.monotonic() + CLOSE_SECONDS
        for workers in pools:
            workers.executor.shutdown(wait=False, cancel_futures=True)
            if workers.manager is None:
                continue
            workers.manager.join(max(0.0, deadline - time.monotonic()))
            if workers.manager.is_alive():
                logger.error(
                    "extraction workers did not stop within %g s; terminating them", CLOSE_SECONDS
                )
                workers.terminate()


def worker_processes(executor: ProcessPoolExecutor) -> list[multiprocessing.process.BaseProcess]:
    """The executor's worker processes (a private attribute: shutdown does not stop a stuck
    worker, so the pool must be able to)."""
    return list((getattr(executor, "_processes", None) or {}).values())


class Workers(NamedTuple):
    """An executor with its manager thread and worker processes, taken before `shutdown`
    (which forgets both: a retired executor's must still be joined or stopped)."""

    executor: ProcessPoolExecutor
    manager: threading.Thread | None
    processes: list[multiprocessing.process.BaseProcess]

    @classmethod
    def of(cls, executor: ProcessPoolExecutor) -> Workers:
        """The executor's manager thread (alive until its workers exit) and workers."""
        manager = getattr(executor, "_executor_manager_thread", None)
        return cls(executor, manager, worker_processes(executor))

    def running(self) -> bool:
        """Whether the executor still has pages or workers."""
        return self.manager is not None and self.manager.is_alive()

    def terminate(self) -> None:
        """Stop the worker processes."""
        for process in self.processes:
            process.terminate()


def _being_cancelled() -> bool:
    """Whether the running task itself is being cancelled (not only a future it awaits)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0
