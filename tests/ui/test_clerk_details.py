"""Issue 17's smaller items: the unit filter's Enter, the one-level data folder, the report
dialog's suggested file and Open Folder, indicators' nature, the "about" rule, the timeline's
legend and the charts' titles and axes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt

from qdplanner.ui.main_window import MainWindow


def titles(window) -> list[str]:
    model = window.plan_view.table.model()  # the tasks' lines, not the header lines
    return [model.index(r, 1).data() for r in range(model.rowCount()) if model.row_at(r)]


# --- the unit filter -------------------------------------------------------------------


def test_enter_in_the_unit_filter_takes_the_first_suggestion(qtbot, small_plan):
    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    bar = window.plan_view.filter_bar
    bar.unit.lineEdit().insert("财政")  # typed (keyClicks sends only ASCII)
    qtbot.keyClick(bar.unit.lineEdit(), Qt.Key.Key_Return)
    assert bar.unit.currentText() == "市财政局"
    assert bar.current().unit_names == frozenset({"市财政局"})


def test_enter_in_the_open_suggestion_list_takes_the_highlighted_unit(qtbot, small_plan):
    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.show()
    bar = window.plan_view.filter_bar
    completer = bar.unit.completer()
    bar.unit.setEditText("市")
    completer.setCompletionPrefix("市")
    completer.complete()
    popup = completer.popup()
    assert popup.model().rowCount() == 2
    popup.setCurrentIndex(popup.model().index(1, 0))
    chosen = popup.model().index(1, 0).data()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert bar.unit.currentText() == chosen
    assert titles(window) == ["逾期任务"]


# --- the data folder ---------------------------------------------------------------------


def test_the_data_folder_is_one_level_and_an_old_folder_is_moved_in(qapp):
    from qdplanner.ui import app as app_module

    qapp.setOrganizationName("qdplanner")
    qapp.setApplicationName("qdplanner")
    try:
        old = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
        assert old.parts[-2:] == ("qdplanner", "qdplanner")
        old.mkdir(parents=True)
        (old / app_module.SAMPLE_FILE_NAME).write_bytes(b"sample")
        (old / "mine.qdplan").write_bytes(b"mine")
        QSettings().setValue("files/recent", [str(old / "mine.qdplan"), "/elsewhere/x.qdplan"])
        QSettings().setValue("files/lastPlan", str(old / "mine.qdplan"))

        folder = app_module.data_folder()

        assert folder == old.parent and folder.name == "qdplanner"
        assert (folder / app_module.SAMPLE_FILE_NAME).read_bytes() == b"sample"
        assert (folder / "mine.qdplan").read_bytes() == b"mine"
        assert not old.exists()
        assert QSettings().value("files/recent", type=list) == [
            str(folder / "mine.qdplan"),
            "/elsewhere/x.qdplan",
        ]
        assert QSettings().value("files/lastPlan") == str(folder / "mine.qdplan")
        assert app_module.data_folder() == folder  # the second start finds nothing to move
        assert app_module.sample_plan_path(create=False).parent == folder
    finally:
        QSettings().clear()
        qapp.setOrganizationName("qdplanner-tests")
        qapp.setApplicationName("qdplanner-tests")


# --- saving the summary ------------------------------------------------------------------


def _report_dialog(qtbot, store, period="2025Q4"):
    from qdplanner.ui.report_dialog import ReportDialog

    dialog = ReportDialog(store)
    qtbot.addWidget(dialog)
    dialog.period.setCurrentText(period)
    return dialog


def test_save_suggests_documents_and_a_name_in_the_window_s_language(qtbot, qapp, small_plan):
    from qdplanner.ui.i18n import install_language

    store, _ = small_plan
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    try:
        install_language(qapp, "zh_CN")
        dialog = _report_dialog(qtbot, store)
        assert dialog.suggested_path(".pdf") == Path(documents) / "进展情况汇总_2025年第四季度.pdf"
    finally:
        install_language(qapp, "en")
    dialog = _report_dialog(qtbot, store)
    assert dialog.suggested_path(".docx") == Path(documents) / "Progress summary 2025 Q4.docx"
    assert ".local" not in str(dialog.suggested_path(".pdf"))  # never the hidden data folder


def test_saving_remembers_the_folder_and_offers_to_open_it(
    qtbot, small_plan, tmp_path, monkeypatch
):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    store, _ = small_plan
    dialog = _report_dialog(qtbot, store)
    offered, opened = [], []
    target = tmp_path / "out" / "mine"
    target.parent.mkdir()

    def save_dialog(_parent, _title, suggested, _filter):
        offered.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dialog.choose_pdf()
    assert Path(offered[0]).name == "Progress summary 2025 Q4.pdf"
    assert (tmp_path / "out" / "mine.pdf").stat().st_size > 0
    message = dialog.saved_message
    assert message.isVisible() and "mine.pdf" in message.text()
    message.open_folder.click()
    assert opened == [str(tmp_path / "out")]

    dialog.choose_word()  # the next save starts in the folder last used
    assert Path(offered[1]) == tmp_path / "out" / "Progress summary 2025 Q4.docx"
    assert (tmp_path / "out" / "mine.docx").exists()


# --- indicators: nature, the "about" rule, charts ------------------------------------------


def _about_overshot(store):
    """I14 (约10个 parks by 2024) with 12 built, and I02 made binding."""
    from qdplanner.domain.enums import ChangeSource

    with store.action(ChangeSource.COMMAND, "test") as ch:
        (i02,) = store.db.execute("SELECT id FROM indicators WHERE code = 'I02'").fetchone()
        (i14,) = store.db.execute("SELECT id FROM indicators WHERE code = 'I14'").fetchone()
        ch.update("indicators", i02, {"nature": "binding"})
        ch.insert("indicator_values", {"indicator_id": i14, "year": 2024, "value": 12})


def test_indicators_tab_shows_nature_and_explains_an_overshot_about_target(qtbot, sample_plan):
    from qdplanner.ui.commands import EditContext
    from qdplanner.ui.indicators_view import IndCol, IndicatorsView

    _about_overshot(sample_plan)
    view = IndicatorsView(EditContext(sample_plan))
    qtbot.addWidget(view)
    m = view.model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert all(h and h.strip() for h in headers)  # every column has a header
    assert headers[IndCol.NATURE] == "Nature"
    rows = {m.index(r, IndCol.CODE).data(): r for r in range(m.rowCount())}
    assert m.index(rows["I02"], IndCol.NATURE).data() == "Binding"
    assert m.index(rows["I03"], IndCol.NATURE).data() == "Aspirational"
    assert "Binding" in m.index(rows["I02"], IndCol.TARGET).data(Qt.ItemDataRole.ToolTipRole)
    parks = rows["I14"]
    assert "Achieved" in m.index(parks, IndCol.LIGHT).data()
    tip = m.index(parks, IndCol.LIGHT).data(Qt.ItemDataRole.ToolTipRole)
    assert "“About 10个”" in tip and "9个 to 11个" in tip and "overshoot counts as met" in tip
    assert m.index(rows["I03"], IndCol.LIGHT).data(Qt.ItemDataRole.ToolTipRole) is None


def test_the_about_rule_reads_in_chinese_too(sample_plan):
    from qdplanner.domain.indicators import IndicatorRules
    from qdplanner.reports.indicator_notes import about_rule
    from qdplanner.store.indicators import read_indicators

    row = next(r for r in read_indicators(sample_plan) if r.indicator.code == "I14")
    text = about_rule(row.indicator, IndicatorRules(about_tolerance=0.2), "zh")
    assert text.startswith("“约10个”在其±20%范围内（8个至12个）")
    assert "超额完成不算滞后" in text


def test_the_report_indicator_table_has_nature_and_states_the_about_rule(sample_plan):
    from datetime import date

    from qdplanner.reports.summary.content import ReportOptions, build_report
    from qdplanner.reports.summary.document import _indicators
    from qdplanner.reports.summary.layout import Paragraph, Table

    _about_overshot(sample_plan)
    report = build_report(sample_plan, ReportOptions(as_of=date(2025, 12, 31), lang="zh"))
    table, note = _indicators(report)[:2]
    assert isinstance(table, Table) and isinstance(note, Paragraph)
    assert "属性" in [c.header for c in table.columns]
    nature = [c.header for c in table.columns].index("属性")
    natures = {r.cells[nature].text for r in table.rows if len(r.cells) > nature}
    assert natures == {"约束性", "预期性"}
    assert "超额完成不算滞后" in note.text


def test_a_long_indicator_title_is_wrapped_whole_and_the_unit_is_level(sample_plan):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from qdplanner.reports.indicator_charts import indicator_figure
    from qdplanner.store.indicators import read_indicators

    row = next(r for r in read_indicators(sample_plan) if r.indicator.code == "I04")
    long_name = "规模以上工业企业研发机构覆盖率与高新技术产业产值占规模以上工业产值比重（全市）"
    row.indicator.__dict__["name"] = long_name  # a name longer than any in the sample
    fig = indicator_figure(row)
    FigureCanvasAgg(fig).draw()
    ax = fig.axes[0]
    title = ax.title
    assert title.get_text().replace("\n", "") == long_name  # nothing cut off
    assert "\n" in title.get_text()
    box = title.get_window_extent()
    assert box.x0 >= 0 and box.x1 <= fig.bbox.width and box.y1 <= fig.bbox.height
    (unit,) = [t for t in ax.texts if getattr(t, "xy", None) == (0, 1)]
    assert unit.get_text() == "%" and unit.get_rotation() == 0 and ax.get_ylabel() == ""


def test_the_window_timeline_has_the_printed_legend(qtbot, small_plan):
    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    pane = window.plan_view.timeline
    button = pane.legend_button
    assert button.text() == "Legend" and button.menu() is not None
    legend = button.legend
    size = legend.sizeHint()
    assert 300 < size.width() < 1200 and 20 < size.height() < 80
    image = legend.grab().toImage()
    # the lights' colours are painted (the Done light's green from the vocabulary)
    from qdplanner.domain.enums import StatusLight
    from qdplanner.domain.vocabulary import colour

    green = colour(StatusLight.DONE).lower()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert green in colours
