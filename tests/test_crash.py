"""Crash safety: SIGKILL a real build process at every named step and at random moments.

A driver script (written below, run as a subprocess) calls ``run_build`` with the fake
extractor of ``test_build``. It reads ``KG_FAULT_POINT`` and installs ``kg.build.FAULT_HOOK``
to SIGKILL itself when the build reaches that point (see ``kg/build.py``), or, with
``KG_FAULT_SLEEP``, to park there. ``KG_TEST_SLOW`` slows the fake extractor per article so
that time-based kills land in the middle of a build.

Every case starts from a store built from corpus v1, runs a v2 build (one article changed, one
added, one pruned) that is killed, then checks: the store opens; it equals exactly the v1 or the
v2 store (never something in between); the next build completes it to exactly the store a clean
build of v2 gives; no stale version directory is left.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from test_build import TEXTS, build, dump_lines, make_settings, write_corpus

from kg import store as kgstore
from kg.config import Settings
from kg.errors import StoreUnavailable

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent

DRIVER = textwrap.dedent(
    """
    import os, signal, sys, time
    sys.path[:0] = [{tests!r}, {root!r}]
    import test_build
    import kg.build
    from kg.build import run_build
    from kg.config import Settings

    point = os.environ.get("KG_FAULT_POINT")
    sleep = os.environ.get("KG_FAULT_SLEEP")
    slow = float(os.environ.get("KG_TEST_SLOW", "0"))

    def hook(name):
        if name == point:
            if sleep:
                open(sleep, "w").close()
                time.sleep(60)
            os.kill(os.getpid(), signal.SIGKILL)

    def extract(articles, **kw):
        for result in test_build.fake_extract(articles, **kw):
            time.sleep(slow)
            yield result

    extract.version = test_build.FAKE_VERSION
    if point:
        kg.build.FAULT_HOOK = hook
    settings = Settings(store={store!r}, ontology_dir={onto!r}, jobs=1)
    summary = run_build(settings, [{corpus!r}], prune=True, progress=False, extract=extract,
                        reference=test_build.no_reference)
    print(summary.render())
    sys.exit(summary.exit_code)
    """
)

POINTS = [
    "locked", "version-created", "pruned", "ontology", "reference", "article:0", "article:1",
    "articles", "entities", "derived", "void", "flushed", "closed", "switched", "done",
]
AFTER_SWITCH = {"switched", "done"}


class Scenario:
    """A v1 store (template), the v2 corpus and the exact dumps of both versions."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.corpus = write_corpus(tmp / "corpus", TEXTS)
        self.settings = make_settings(tmp, store="template")
        build(self.settings, [self.corpus])
        self.v1 = dump_lines(self.settings.store)
        (self.corpus / "alpha.txt").write_text("Finland joined NATO. Japan criticised China.")
        (self.corpus / "gamma.txt").unlink()
        for i in range(6):
            (self.corpus / f"extra{i}.txt").write_text(f"Sweden is a partner of Japan. Item {i}.")
        clean = make_settings(tmp, store="clean")
        build(clean, [self.corpus], prune=True)
        self.v2 = dump_lines(clean.store)

    def fresh_store(self, name: str) -> Settings:
        settings = make_settings(self.tmp, store=name)
        shutil.copytree(self.settings.store, settings.store)
        return settings

    def driver(self, settings: Settings) -> Path:
        path = self.tmp / f"driver-{settings.store.name}.py"
        path.write_text(DRIVER.format(
            tests=str(ROOT / "tests"), root=str(ROOT), store=str(settings.store),
            onto=str(settings.ontology_dir), corpus=str(self.corpus),
        ))
        return path

    def run(self, settings: Settings, env: dict[str, str], kill_after: float | None = None
            ) -> subprocess.CompletedProcess | int:
        cmd = [sys.executable, str(self.driver(settings))]
        full_env = {**os.environ, **env}
        if kill_after is None:
            return subprocess.run(cmd, env=full_env, capture_output=True, text=True, timeout=60)
        proc = subprocess.Popen(cmd, env=full_env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
        return proc.wait(timeout=30)

    def check_recovery(self, settings: Settings, allowed: tuple[list[str], ...]) -> None:
        live = dump_lines(settings.store)  # opens: never half written
        assert any(live == state for state in allowed), "store is neither v1 nor v2"
        summary = build(settings, [self.corpus], prune=True)
        assert summary.ok
        assert dump_lines(settings.store) == self.v2
        versions = sorted(p.name for p in (settings.store / "versions").iterdir())
        assert kgstore.current_version(settings.store) in versions and len(versions) <= 2


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return Scenario(tmp_path_factory.mktemp("crash"))


@pytest.mark.parametrize("point", POINTS)
def test_kill_at_each_named_step(scenario: Scenario, point: str) -> None:
    settings = scenario.fresh_store("at-" + point.replace(":", "-"))
    result = scenario.run(settings, {"KG_FAULT_POINT": point})
    assert result.returncode == -signal.SIGKILL, result.stderr
    expected = scenario.v2 if point in AFTER_SWITCH else scenario.v1
    assert dump_lines(settings.store) == expected
    scenario.check_recovery(settings, (expected,))


@pytest.mark.parametrize("delay", [0.5, 1.0, 1.5])
def test_kill_at_random_moments(scenario: Scenario, delay: float) -> None:
    settings = scenario.fresh_store(f"after-{delay}")
    scenario.run(settings, {"KG_TEST_SLOW": "0.08"}, kill_after=delay)
    scenario.check_recovery(settings, (scenario.v1, scenario.v2))


def test_unkilled_driver_gives_the_clean_result(scenario: Scenario) -> None:
    settings = scenario.fresh_store("unkilled")
    result = scenario.run(settings, {})
    assert result.returncode == 0, result.stderr
    assert "1 updated" in result.stdout and "1 pruned" in result.stdout
    assert dump_lines(settings.store) == scenario.v2


def test_a_second_build_while_one_runs_is_refused(scenario: Scenario) -> None:
    settings = scenario.fresh_store("concurrent")
    marker = scenario.tmp / "parked"
    proc = subprocess.Popen(
        [sys.executable, str(scenario.driver(settings))],
        env={**os.environ, "KG_FAULT_POINT": "articles", "KG_FAULT_SLEEP": str(marker)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not marker.exists():
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.05)
        with pytest.raises(StoreUnavailable, match="another `kg build`"):
            build(settings, [scenario.corpus])
        assert dump_lines(settings.store) == scenario.v1  # readers still see v1
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    scenario.check_recovery(settings, (scenario.v1,))
