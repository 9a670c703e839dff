-- qdplanner plan file, schema 1.
-- Dates are ISO text (YYYY-MM-DD); timestamps ISO text in UTC. Booleans are 0/1.
-- Every table a user edits has an integer id: the stable ID of the Excel round trip.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL            -- JSON
);

CREATE TABLE plan_documents (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind        TEXT NOT NULL DEFAULT 'other'
                CHECK (kind IN ('five_year_plan', 'action_plan', 'other')),
    start_year  INTEGER,
    end_year    INTEGER,
    issuer      TEXT NOT NULL DEFAULT '',
    issued_on   TEXT,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    CHECK (start_year IS NULL OR end_year IS NULL OR start_year <= end_year)
);

CREATE TABLE programs (
    id               INTEGER PRIMARY KEY,
    plan_document_id INTEGER NOT NULL REFERENCES plan_documents(id) ON DELETE CASCADE,
    code             TEXT NOT NULL DEFAULT '',
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description      TEXT NOT NULL DEFAULT '',
    position         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX idx_programs_document ON programs(plan_document_id, position);

CREATE TABLE projects (
    id               INTEGER PRIMARY KEY,
    plan_document_id INTEGER NOT NULL REFERENCES plan_documents(id) ON DELETE CASCADE,
    code             TEXT NOT NULL DEFAULT '',
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description      TEXT NOT NULL DEFAULT '',
    position         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX idx_projects_document ON projects(plan_document_id, position);

-- The "cities" or other headline goals a plan groups its indicators under.
CREATE TABLE goals (
    id               INTEGER PRIMARY KEY,
    plan_document_id INTEGER NOT NULL REFERENCES plan_documents(id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    position         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (plan_document_id, name)
);

CREATE TABLE units (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    short_name      TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL DEFAULT 'department'
                    CHECK (kind IN ('department', 'district', 'institute', 'enterprise', 'other')),
    contact         TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    is_illustrative INTEGER NOT NULL DEFAULT 0
);

-- Other names of a unit (市科技局 = 青岛市科学技术局), used wherever a unit name is typed or imported.
CREATE TABLE unit_aliases (
    id      INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    alias   TEXT NOT NULL UNIQUE
);
CREATE INDEX idx_unit_aliases_unit ON unit_aliases(unit_id);

CREATE TABLE tasks (
    id              INTEGER PRIMARY KEY,
    program_id      INTEGER REFERENCES programs(id) ON DELETE CASCADE,
    project_id      INTEGER REFERENCES projects(id) ON DELETE CASCADE,
    parent_id       INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL DEFAULT 0,   -- order among siblings
    code            TEXT NOT NULL DEFAULT '',     -- the number as the plan writes it
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description     TEXT NOT NULL DEFAULT '',
    start_date      TEXT,
    due_date        TEXT,
    deadline_text   TEXT NOT NULL DEFAULT '',     -- the deadline as the source wrote it
    status          TEXT NOT NULL DEFAULT 'not_started'
                    CHECK (status IN ('not_started', 'in_progress', 'done', 'suspended', 'cancelled')),
    percent         INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    notes           TEXT NOT NULL DEFAULT '',
    is_illustrative INTEGER NOT NULL DEFAULT 0,
    CHECK ((program_id IS NULL) <> (project_id IS NULL)),
    CHECK (start_date IS NULL OR due_date IS NULL OR start_date <= due_date)
);
CREATE INDEX idx_tasks_program ON tasks(program_id, parent_id, position);
CREATE INDEX idx_tasks_project ON tasks(project_id, parent_id, position);
CREATE INDEX idx_tasks_parent ON tasks(parent_id);
CREATE INDEX idx_tasks_due ON tasks(due_date);

CREATE TABLE task_units (
    task_id         INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    unit_id         INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    role            TEXT NOT NULL CHECK (role IN ('lead', 'support')),
    position        INTEGER NOT NULL DEFAULT 0,
    is_illustrative INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (task_id, unit_id)
) WITHOUT ROWID;
-- A task has one lead unit (牵头单位) at most.
CREATE UNIQUE INDEX idx_task_units_one_lead ON task_units(task_id) WHERE role = 'lead';
CREATE INDEX idx_task_units_unit ON task_units(unit_id, role);

CREATE TABLE milestones (
    id              INTEGER PRIMARY KEY,
    task_id         INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    program_id      INTEGER REFERENCES programs(id) ON DELETE CASCADE,
    project_id      INTEGER REFERENCES projects(id) ON DELETE CASCADE,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    planned_date    TEXT,
    actual_date     TEXT,
    notes           TEXT NOT NULL DEFAULT '',
    is_illustrative INTEGER NOT NULL DEFAULT 0,
    position        INTEGER NOT NULL DEFAULT 0,
    CHECK (task_id IS NOT NULL OR program_id IS NOT NULL OR project_id IS NOT NULL)
);
CREATE INDEX idx_milestones_task ON milestones(task_id);
CREATE INDEX idx_milestones_project ON milestones(project_id);
CREATE INDEX idx_milestones_program ON milestones(program_id);

-- Finish-to-start links between tasks (timeline).
CREATE TABLE task_links (
    predecessor_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    successor_id   INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL DEFAULT 'finish_to_start' CHECK (kind IN ('finish_to_start')),
    lag_days       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (predecessor_id, successor_id),
    CHECK (predecessor_id <> successor_id)
) WITHOUT ROWID;
CREATE INDEX idx_task_links_successor ON task_links(successor_id);

-- Approved dates kept as a baseline (timeline slip).
CREATE TABLE baselines (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
CREATE TABLE baseline_tasks (
    baseline_id INTEGER NOT NULL REFERENCES baselines(id) ON DELETE CASCADE,
    task_id     INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    start_date  TEXT,
    due_date    TEXT,
    PRIMARY KEY (baseline_id, task_id)
) WITHOUT ROWID;

CREATE TABLE indicators (
    id               INTEGER PRIMARY KEY,
    plan_document_id INTEGER NOT NULL REFERENCES plan_documents(id) ON DELETE CASCADE,
    program_id       INTEGER REFERENCES programs(id) ON DELETE SET NULL,
    project_id       INTEGER REFERENCES projects(id) ON DELETE SET NULL,
    goal_id          INTEGER REFERENCES goals(id) ON DELETE SET NULL,
    code             TEXT NOT NULL DEFAULT '',
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    measure_unit     TEXT NOT NULL DEFAULT '',
    direction        TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
    comparator       TEXT NOT NULL DEFAULT 'ge'
                     CHECK (comparator IN ('ge', 'gt', 'eq', 'about', 'top_n', 'le', 'lt', 'share_ge')),
    baseline_year    INTEGER,
    baseline_value   REAL,
    baseline_text    TEXT NOT NULL DEFAULT '',
    target_year      INTEGER,
    target_value     REAL,
    target_text      TEXT NOT NULL DEFAULT '',
    nature           TEXT NOT NULL DEFAULT 'aspirational'
                     CHECK (nature IN ('aspirational', 'binding')),
    accumulation     TEXT NOT NULL DEFAULT 'cumulative'
                     CHECK (accumulation IN ('annual', 'cumulative')),
    notes            TEXT NOT NULL DEFAULT '',
    position         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX idx_indicators_document ON indicators(plan_document_id, position);

CREATE TABLE sources (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    publisher TEXT NOT NULL DEFAULT '',
    published TEXT,
    url       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE indicator_values (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    year         INTEGER NOT NULL,
    period       TEXT NOT NULL DEFAULT '',   -- '' = whole year, else e.g. '2025H1'
    kind         TEXT NOT NULL DEFAULT 'actual' CHECK (kind IN ('actual', 'target')),
    value        REAL,
    source_id    INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    source       TEXT NOT NULL DEFAULT '',   -- free text where no source record fits
    source_date  TEXT,
    notes        TEXT NOT NULL DEFAULT '',
    UNIQUE (indicator_id, year, period, kind)
);

CREATE TABLE progress_reports (
    id                INTEGER PRIMARY KEY,
    task_id           INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    period            TEXT NOT NULL,         -- e.g. '2024Q3', '2024-09', '2024'
    status            TEXT NOT NULL
                      CHECK (status IN ('not_started', 'in_progress', 'done', 'suspended', 'cancelled')),
    percent           INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    narrative         TEXT NOT NULL DEFAULT '',   -- 进展情况
    problems          TEXT NOT NULL DEFAULT '',   -- 存在问题
    next_steps        TEXT NOT NULL DEFAULT '',   -- 下步打算
    reporting_unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
    reported_on       TEXT,
    received_on       TEXT,
    filled_by         TEXT NOT NULL DEFAULT '',
    source            TEXT NOT NULL DEFAULT '',
    is_illustrative   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (task_id, period)
);
CREATE INDEX idx_progress_reports_period ON progress_reports(period);

-- Evidence (佐证材料) attached to a progress report, stored inside the plan file.
CREATE TABLE evidence_files (
    id                 INTEGER PRIMARY KEY,
    progress_report_id INTEGER NOT NULL REFERENCES progress_reports(id) ON DELETE CASCADE,
    filename           TEXT NOT NULL,
    media_type         TEXT NOT NULL DEFAULT '',
    size               INTEGER NOT NULL,
    content            BLOB NOT NULL,
    added_at           TEXT NOT NULL
);
CREATE INDEX idx_evidence_report ON evidence_files(progress_report_id);

-- Quarterly collection rounds (季度填报): which unit got a workbook, and when it came back.
CREATE TABLE collections (
    id            INTEGER PRIMARY KEY,
    period        TEXT NOT NULL,
    unit_id       INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    issued_at     TEXT NOT NULL,
    issued_file   TEXT NOT NULL DEFAULT '',
    returned_at   TEXT,
    returned_file TEXT NOT NULL DEFAULT '',
    UNIQUE (period, unit_id)
);

-- One user action = one batch = one transaction. Its field changes follow.
CREATE TABLE change_batches (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user        TEXT NOT NULL,
    source      TEXT NOT NULL,     -- form, table, import, command, sample, timeline, migration
    description TEXT NOT NULL DEFAULT ''   -- e.g. the imported file's name, the command line
);
CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY,
    batch_id  INTEGER NOT NULL REFERENCES change_batches(id) ON DELETE CASCADE,
    entity    TEXT NOT NULL,       -- table name
    entity_id INTEGER,
    field     TEXT NOT NULL,       -- column, or '*' for a whole record added/removed
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX idx_change_log_batch ON change_log(batch_id);
CREATE INDEX idx_change_log_entity ON change_log(entity, entity_id);
