"""Fixtures that build throwaway plans. GUI tests run offscreen."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qdplanner.domain.enums import ChangeSource
from qdplanner.store import PlanStore
from qdplanner.store.sample import create_sample_plan

# The store fixtures run each test on both engines (issue 19): on a plan file, and on a plan
# on the PostgreSQL server the test run starts itself (tests/pg_server.py). The server runs
# are skipped, saying what to install, only when the server's binaries are missing. A test
# about the file itself (its lock, journal, path, SQLite connection) is marked
# ``@pytest.mark.file_only`` and runs on the file alone.
ENGINES = ["file", "server"]


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "file_only(reason): a test of the plan file itself, not run on the server"
    )


# Where the server runs of the engine fixtures are kept (issue 19: "the store, Excel, report
# and CLI tests run against the file and against a real PostgreSQL server"). A test there
# says "the plan is unchanged" by tests/plan_state.py (a file's bytes, a server plan's rows),
# and a command is given the plan's address (``sample_address``: a path or a URL). tests/ui
# tests the window, not the engine (its server tests are its own).
SERVER_SUITES = ("tests/store/", "tests/excel/", "tests/reports/", "tests/cli/")
_ENGINE_FIXTURES = ("empty_plan", "sample_plan", "sample_address")


def pytest_collection_modifyitems(config, items):
    """Leave out the server runs outside :data:`SERVER_SUITES` (they would repeat the
    file's tests on code that does not depend on the engine) and those of a ``file_only``
    test."""
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        on_server = any(params.get(f) == "server" for f in _ENGINE_FIXTURES)
        where = item.nodeid.replace("\\", "/")
        if on_server and (
            not where.startswith(SERVER_SUITES) or item.get_closest_marker("file_only")
        ):
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def _file_only(request) -> bool:
    return request.node.get_closest_marker("file_only") is not None


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return tmp_path / "plan.qdplan"


@pytest.fixture(scope="session")
def pg_templates(pg_server):
    """Databases made once per session and copied for each test (``CREATE DATABASE …
    TEMPLATE``: a file copy, ~30 ms, where making the schema takes ~200 ms): name → database."""
    made: dict[str, str] = {}
    yield made
    for name in made.values():
        pg_server.drop_database(name)


def _server_template(pg_server, templates: dict[str, str], kind: str) -> str:
    if kind not in templates:
        name = pg_server.create_database(f"template_{kind}")
        url = pg_server.url(name)
        store = create_sample_plan(url) if kind == "sample" else PlanStore.create(url)
        store.close()
        templates[kind] = name
    return templates[kind]


@pytest.fixture(scope="session")
def pg_spares(pg_server, pg_templates):
    """Copies of the templates made ahead, and databases dropped, in the background
    (tests/pg_spares.py); closed before the templates are dropped."""
    from tests.pg_spares import Spares

    spares = Spares(pg_server)
    yield spares
    spares.close()


@pytest.fixture
def server_plan_url(request):
    """A function: kind ("empty", "sample") → the URL of a fresh server plan of that kind,
    with an identity of its own; dropped after the test."""
    pg_server = request.getfixturevalue("pg_server")
    templates = request.getfixturevalue("pg_templates")
    spares = request.getfixturevalue("pg_spares")
    made: list[str] = []

    def make(kind: str = "empty") -> str:
        name = spares.take(_server_template(pg_server, templates, kind))
        made.append(name)
        return pg_server.url(name)

    yield make
    for name in made:
        spares.drop(name)


def open_plan_of(request, kind: str, file_path: Path | None) -> PlanStore:
    """A new plan of ``kind`` on the engine of the test's parameter."""
    if request.param == "server":
        if _file_only(request):
            pytest.skip("a test of the plan file itself")
        return PlanStore.open(request.getfixturevalue("server_plan_url")(kind))
    if kind == "sample":
        assert file_path is not None
        shutil.copy(request.getfixturevalue("sample_template"), file_path)
        return PlanStore.open(file_path)
    return PlanStore.create(file_path)


@pytest.fixture(params=ENGINES)
def empty_plan(request, plan_path: Path):
    store = open_plan_of(request, "empty", plan_path)
    yield store
    store.close()


def add_small_plan(store: PlanStore) -> dict[str, int]:
    """A plan document with one project, one program, three tasks (one a sub-task), two units."""
    ids: dict[str, int] = {}
    with store.action(ChangeSource.COMMAND, "test plan") as ch:
        ids["doc"] = ch.insert(
            "plan_documents",
            {"title": "行动方案", "kind": "action_plan", "start_year": 2022, "end_year": 2024},
        )
        ids["project"] = ch.insert("projects", {"plan_document_id": ids["doc"], "name": "工程一"})
        ids["program"] = ch.insert("programs", {"plan_document_id": ids["doc"], "name": "计划一"})
        ids["lead"] = ch.insert("units", {"name": "青岛市科学技术局", "short_name": "市科技局"})
        ids["support"] = ch.insert("units", {"name": "市财政局"})
        ids["late"] = ch.insert(
            "tasks",
            {
                "project_id": ids["project"],
                "title": "逾期任务",
                "start_date": "2022-01-01",
                "due_date": "2022-12-31",
                "deadline_text": "2022年底前",
                "status": "in_progress",
                "percent": 50,
                "position": 0,
            },
        )
        ids["child"] = ch.insert(
            "tasks",
            {
                "project_id": ids["project"],
                "parent_id": ids["late"],
                "title": "子任务",
                "start_date": "2022-01-01",
                "due_date": "2024-12-31",
                "status": "done",
                "percent": 100,
                "position": 0,
            },
        )
        ids["ongoing"] = ch.insert(
            "tasks",
            {
                "program_id": ids["program"],
                "title": "长期任务",
                "deadline_text": "长期坚持",
                "status": "in_progress",
                "percent": 20,
                "position": 0,
            },
        )
        ch.insert("task_units", {"task_id": ids["late"], "unit_id": ids["lead"], "role": "lead"})
        ch.insert(
            "task_units",
            {"task_id": ids["late"], "unit_id": ids["support"], "role": "support", "position": 1},
        )
    return ids


@pytest.fixture
def small_plan(empty_plan: PlanStore):
    ids = add_small_plan(empty_plan)
    return empty_plan, ids


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path_factory, monkeypatch):
    """Every test gets its own QSettings and data folder: no test reads the user's settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    # A plan another test holds is refused at once (the tests of waiting say how long)
    monkeypatch.setenv("QDPLANNER_LOCK_WAIT", "0")
    # Commands speak the locale's language without --lang: the runner's own locale must not
    # decide what a test reads (C.UTF-8 is on every Linux: English; a test wanting Chinese
    # says --lang zh or sets LANG=zh_CN.UTF-8 itself)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    try:
        from PySide6.QtCore import QCoreApplication, QSettings
    except ImportError:  # pragma: no cover - Qt is a hard dependency
        yield
        return
    QCoreApplication.setOrganizationName("qdplanner-tests")
    QCoreApplication.setApplicationName("qdplanner-tests")
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home / ".config")
    )
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory) -> Path:
    """The sample plan, made once per session; tests work on copies."""
    path = tmp_path_factory.mktemp("sample") / "sample.qdplan"
    create_sample_plan(path).close()
    return path


@pytest.fixture(params=ENGINES)
def sample_address(request, tmp_path: Path) -> str:
    """A fresh copy of the sample plan on the test's engine, as a command is given it: a
    file's path, or a server plan's ``postgresql://`` address (issue 19). For the tests of a
    command's behaviour on a plan; a test of the file itself (its path, lock, journal,
    backups) is ``file_only``."""
    if request.param == "server":
        if _file_only(request):
            pytest.skip("a test of the plan file itself")
        return request.getfixturevalue("server_plan_url")("sample")
    path = tmp_path / "plan.qdplan"
    shutil.copy(request.getfixturevalue("sample_template"), path)
    return str(path)


@pytest.fixture(params=ENGINES)
def sample_plan(request, tmp_path: Path):
    store = open_plan_of(request, "sample", tmp_path / "sample.qdplan")
    yield store
    store.close()


# -- PostgreSQL (issue 19): a throw-away server the test run starts itself ---------------
@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for the whole session, on a Unix socket in a temporary folder
    (tests/pg_server.py); stopped at the end, also when tests failed. Skips, saying what to
    install, only when the server binaries are missing."""
    from tests.pg_server import SKIP_REASON, PgServer, find_bindir

    bindir = find_bindir()
    if bindir is None:
        pytest.skip(SKIP_REASON)
    pytest.importorskip("psycopg", reason="psycopg not installed: pip install -e '.[test]'")
    server = PgServer(bindir)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server):
    """The libpq URL of a fresh, empty database on the session's server, dropped after."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)
