<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <source>Plan on a server</source>
        <translation>服务器上的规划</translation>
    </message>
    <message>
        <source>Plan file</source>
        <translation>规划文件</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>基于</translation>
    </message>
    <message>
        <source>Keeps a city innovation plan — programs, projects, tasks, milestones, responsible units and indicators — in one file, and exchanges it with Excel.</source>
        <translation>将城市创新规划（计划、工程、任务、节点、责任单位与指标）保存在一个文件中，并可与 Excel 互相交换。</translation>
    </message>
    <message>
        <source>About qdplanner</source>
        <translation>关于 qdplanner</translation>
    </message>
</context>
<context>
    <name>AliasesDialog</name>
    <message>
        <source>Aliases of “%1”</source>
        <translation>“%1”的别名</translation>
    </message>
    <message>
        <source>One alias per line, e.g. 市科技局</source>
        <translation>每行一个别名，如：市科技局</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>No Chinese font is installed: Chinese text will show as boxes. Install one (e.g. fonts-noto-cjk) and restart qdplanner.</source>
        <translation>未安装中文字体：中文将显示为方框。请安装中文字体（如 fonts-noto-cjk）后重新启动 qdplanner。</translation>
    </message>
    <message>
        <source>Plan in use</source>
        <translation>规划文件正在使用</translation>
    </message>
    <message>
        <source>This plan is already open for editing by %1.</source>
        <translation>此规划文件已由 %1 打开编辑。</translation>
    </message>
    <message>
        <source>This plan&apos;s lock file cannot be read: whoever wrote it may have stopped while writing it (a crash, or a full disk).</source>
        <translation>这个规划的锁文件无法读取：写入它的程序可能在写入时中断了（程序崩溃或磁盘已满）。</translation>
    </message>
    <message>
        <source>Open it read-only, or break the lock if you are sure that person has closed it (for example after a crash). Two people editing at once can overwrite each other&apos;s work.</source>
        <translation>可以只读方式打开；如确认对方已关闭（例如程序异常退出后），也可解除锁定后打开。两人同时编辑可能互相覆盖修改。</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>只读打开</translation>
    </message>
    <message>
        <source>Break Lock and Open</source>
        <translation>解除锁定并打开</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Cannot open plan</source>
        <translation>无法打开规划文件</translation>
    </message>
    <message>
        <source>Last change undone</source>
        <translation>上一次修改已撤回</translation>
    </message>
    <message>
        <source>The last change to this plan was interrupted (the program stopped or the power failed while it was saving) and has been undone. The plan is as it was before that change; make that change again if you need it.</source>
        <translation>这个规划的上一次修改在保存时被中断（程序意外退出或断电），现已撤回。规划恢复到该次修改之前的状态；如仍需要，请重新进行该修改。</translation>
    </message>
    <message>
        <source>New Plan</source>
        <translation>新建规划</translation>
    </message>
    <message>
        <source>The plan file</source>
        <translation>规划文件</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出现了意外错误：%1</translation>
    </message>
    <message>
        <source>What you changed before this is saved: every change is written to the plan file in its own transaction. If it happens again, please report it with the details.</source>
        <translation>此前所做的修改都已保存：每一次修改都在独立的事务中写入规划文件。如果再次出现，请连同“详细信息”一起反馈。</translation>
    </message>
    <message>
        <source>Cannot create the sample plan</source>
        <translation>无法创建示例规划</translation>
    </message>
</context>
<context>
    <name>AsOf</name>
    <message>
        <source>As it stood on %1 — from the progress reports of periods ended by then</source>
        <translation>%1 时的状况 — 依据当时已结束各期的进展报告</translation>
    </message>
    <message>
        <source>The table shows the plan as it stood on %1, not as it is now; go back to today (View → Back to Today) to edit.</source>
        <translation>表中显示的是 %1 时的状况，不是当前情况，不能编辑；请先回到今天（视图 → 回到今天）再编辑。</translation>
    </message>
    <message>
        <source>Shows every task as it stood on a past date: status and percent from its latest progress report whose period had ended by then. The date is not remembered: the next session starts at today.</source>
        <translation>按过去某一日期查看各项任务当时的状况：状态和完成比例取自当时已结束各期中最近一期的进展报告。所选日期不会保存：下次打开时从今天开始。</translation>
    </message>
    <message>
        <source>%1 — from the progress report for %2</source>
        <translation>%1 — 依据 %2 进展报告</translation>
    </message>
    <message>
        <source>No progress report for a period ended by %1: how the task stood then is not known</source>
        <translation>截至 %1 没有已结束各期的进展报告：当时的进展不详</translation>
    </message>
</context>
<context>
    <name>AsOfDialog</name>
    <message>
        <source>View As Of</source>
        <translation>按日期查看</translation>
    </message>
    <message>
        <source>Show the plan as it stood on a past date: each task&apos;s status and percent from its latest progress report whose period had ended by then; a task with no report by then shows 无进展记录. A past date cannot be edited. Today shows the plan as it is.</source>
        <translation>查看规划在过去某一日期的状况：各项任务的状态和完成比例取自当时已结束各期中最近一期的进展报告；届时尚无报告的任务显示“无进展记录”。查看过去日期时不能编辑。选择今天即显示当前情况。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>End of %1 (%2)</source>
        <translation>%1 末（%2）</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;End of a quarter:</source>
        <translation>季度末(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>AsOfUnitsModel</name>
    <message>
        <source>Tasks it led that were past due and not done on %1, by the progress reports of periods ended by then</source>
        <translation>%1 时已过完成时限且未完成的牵头任务（依据当时已结束各期的进展报告）</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>Breakdown</name>
    <message>
        <source>Number (序号)</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Program (计划)</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Project (工程)</source>
        <translation>工程</translation>
    </message>
    <message>
        <source>Program or project</source>
        <translation>计划或工程</translation>
    </message>
    <message>
        <source>Task (重点任务)</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Lead unit (牵头单位)</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Supporting units (配合单位)</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <source>Responsible units, first one leads (责任单位)</source>
        <translation>责任单位（第一个为牵头单位）</translation>
    </message>
    <message>
        <source>Deadline (完成时限)</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Notes (备注)</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Target, into the description</source>
        <translation>工作目标（写入任务内容）</translation>
    </message>
</context>
<context>
    <name>BreakdownDialog</name>
    <message>
        <source>Read Task-Breakdown Sheet — %1</source>
        <translation>读取任务分解表 — %1</translation>
    </message>
    <message>
        <source>This workbook is read as a task-breakdown sheet (任务分解表). Choose what each column holds; a task column is required. Columns set to “not read” are ignored.</source>
        <translation>此工作簿按任务分解表读取。请为每一列选择其内容；必须有任务列。设为“不读取”的列将被忽略。</translation>
    </message>
    <message>
        <source>The one the title names, else a new one: %1</source>
        <translation>标题所指的计划文件，若无则新建：%1</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the sheet</source>
        <translation>表中列名</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读作</translation>
    </message>
    <message>
        <source>— not read —</source>
        <translation>— 不读取 —</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Into plan document</source>
        <translation>导入到计划文件</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>Choose the column that holds the tasks.</source>
        <translation>请选择填写任务的列。</translation>
    </message>
</context>
<context>
    <name>ClosePeriodDialog</name>
    <message>
        <source>Close Period</source>
        <translation>关账</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期次：</translation>
    </message>
    <message>
        <source>Write a period such as 2025Q4.</source>
        <translation>请填写期次，如 2025Q4。</translation>
    </message>
    <message>
        <source>%1 is already closed (closed %2 by %3). Reopen it first.</source>
        <translation>%1已关账（%3于%2关账）。请先重新开账。</translation>
    </message>
    <message>
        <source>%1 has not ended yet (it ends on %2).</source>
        <translation>%1尚未结束（%2结束）。</translation>
    </message>
    <message>
        <source>Closing %1 keeps in the plan, as it stood on %2:
• the light, status, percent and latest progress of each of its %3 tasks;
• the latest value, progress and light of each of its %4 indicators;
• the return of each of %5 units (issued, returned, partly returned or missing).

A closed period is never recomputed: reports entered later change nothing in it. Edit → Undo, or Plan → Reopen Period…, reopens it; both are logged.</source>
        <translation>%1关账后，规划文件将按%2的情况保存：
• 全部%3项任务的亮灯、状态、完成进度和最新进展；
• 全部%4项指标的最新值、完成进度和评价；
• %5家单位的报送情况（已下发、已报回、部分报回或未报回）。

已关账的期次不再重新计算：此后录入的进展不会改变其内容。如需撤回，可用“编辑 → 撤销”或“规划 → 重新开账…”，两者均记入操作日志。</translation>
    </message>
</context>
<context>
    <name>CollectDialog</name>
    <message>
        <source>Collect Progress from Units</source>
        <translation>向单位收集进展</translation>
    </message>
    <message>
        <source>2024Q3, 2024H1, 2024-09 or 2024</source>
        <translation>2024Q3、2024H1、2024-09 或 2024</translation>
    </message>
    <message>
        <source>optional, e.g. 2024-10-10</source>
        <translation>可不填，如 2024-10-10</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n task(s))</source>
        <translation>
            <numerusform>%1（%n 项任务）</numerusform>
        </translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Return by</source>
        <translation>报送截止日期</translation>
    </message>
    <message>
        <source>Workbook language</source>
        <translation>填报表语言</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Lead units</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>&amp;Write Workbooks</source>
        <translation>生成填报表(&amp;W)</translation>
    </message>
    <message>
        <source>Folder for the Workbooks</source>
        <translation>填报表保存位置</translation>
    </message>
    <message>
        <source>Write the return-by date as 2024-10-10.</source>
        <translation>报送截止日期请写成 2024-10-10 的格式。</translation>
    </message>
    <message>
        <source>Choose a folder that exists.</source>
        <translation>请选择一个已存在的文件夹。</translation>
    </message>
    <message>
        <source>Tick at least one unit.</source>
        <translation>请至少勾选一个单位。</translation>
    </message>
</context>
<context>
    <name>CollectionActions</name>
    <message>
        <source>Collec&amp;t Progress from Units…</source>
        <translation>向单位收集进展(&amp;T)…</translation>
    </message>
    <message>
        <source>Import Returned &amp;Workbooks…</source>
        <translation>导入单位报回的填报表(&amp;W)…</translation>
    </message>
    <message>
        <source>Re&amp;minder Notices…</source>
        <translation>催办通知(&amp;M)…</translation>
    </message>
    <message>
        <source>Reminder Notices</source>
        <translation>催办通知</translation>
    </message>
    <message>
        <source>No workbooks have been issued yet.</source>
        <translation>尚未下发填报表。</translation>
    </message>
    <message>
        <source>No unit is late for %1: every return due so far is in and complete.</source>
        <translation>%1没有逾期单位：到期的填报表均已完整报送。</translation>
    </message>
    <message>
        <source>Writing the workbooks for %1…</source>
        <translation>正在生成 %1 的填报表…</translation>
    </message>
    <message>
        <source>Cancelled; no workbook was written.</source>
        <translation>已取消，未生成任何填报表。</translation>
    </message>
    <message>
        <source>Collect Progress from Units</source>
        <translation>向单位收集进展</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n workbook(s) to %1</source>
        <translation>
            <numerusform>已生成 %n 份填报表，保存在 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Returned Workbooks</source>
        <translation>导入报回的填报表</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx *.xls *.ods);;All files (*)</source>
        <translation>工作簿 (*.xlsx *.xls *.ods);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n workbook(s)…</source>
        <translation>
            <numerusform>正在读取 %n 份工作簿…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未作任何改动。</translation>
    </message>
    <message>
        <source>Importing the returned workbooks…</source>
        <translation>正在导入报回的填报表…</translation>
    </message>
    <message>
        <source>Import returned workbooks</source>
        <translation>导入报回的填报表</translation>
    </message>
    <message>
        <source>Reports added: %1, replaced: %2; workbooks marked returned: %3</source>
        <translation>新增进展 %1 条，替换 %2 条；标记为已报回的填报表 %3 份</translation>
    </message>
</context>
<context>
    <name>CollectionStatusModel</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Tasks led</source>
        <translation>牵头任务数</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已填报</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下发时间</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>报回时间</translation>
    </message>
    <message>
        <source>Left empty</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Returned file</source>
        <translation>报回文件</translation>
    </message>
    <message>
        <source>rows %1</source>
        <translation>第%1行</translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>已删除%n行</numerusform>
        </translation>
    </message>
    <message>
        <source>Left empty in the return (no report yet):</source>
        <translation>报回的填报表中未填写（尚无进展）：</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第%1行</translation>
    </message>
    <message>
        <source>row removed</source>
        <translation>行已删除</translation>
    </message>
    <message>
        <source>Issued without a due date: returns are due by the 10th of the month after the period.</source>
        <translation>下发时未注明截止日期：按期末次月10日前报送掌握。</translation>
    </message>
    <message>
        <source>Past the due date: chase with Reminder Notices…</source>
        <translation>已过截止日期：可用“催办通知…”催报</translation>
    </message>
</context>
<context>
    <name>CollectionView</name>
    <message>
        <source>Collect…</source>
        <translation>收集…</translation>
    </message>
    <message>
        <source>Import Returned…</source>
        <translation>导入报回…</translation>
    </message>
    <message>
        <source>Reminder Notices…</source>
        <translation>催办通知…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Write a period such as 2024Q3.</source>
        <translation>请填写期次，如 2024Q3。</translation>
    </message>
    <message>
        <source>%1 of %2 issued workbooks returned (%3 with rows left empty); %4 late</source>
        <translation>已下发 %2 份，已报回 %1 份（其中 %3 份有未填写的行）；逾期 %4 家</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>{path}: {unit}, {n} task(s)</source>
        <translation>{path}：{unit}，任务 {n} 项</translation>
    </message>
    <message>
        <source>{unit}: leads no task; no workbook written</source>
        <translation>{unit}：没有牵头任务，未生成填报表</translation>
    </message>
    <message>
        <source>{period}: {n} workbook(s) written to {folder}.</source>
        <translation>{period}：已在 {folder} 生成填报表 {n} 份。</translation>
    </message>
    <message>
        <source>Applied to {path}: {added} report(s) added, {replaced} replaced; {returned} workbook(s) marked returned.</source>
        <translation>已导入 {path}：新增进展 {added} 条，替换 {replaced} 条；{returned} 份填报表记为已报回。</translation>
    </message>
    <message>
        <source>Dry run: nothing was applied.</source>
        <translation>试运行：未做任何修改。</translation>
    </message>
    <message>
        <source>--prefer {file}: not one of the files given</source>
        <translation>--prefer {file}：不是所给的文件之一</translation>
    </message>
    <message>
        <source>{n} conflict(s) unresolved; nothing was applied (choose with --prefer FILE or --prefer plan)</source>
        <translation>{n} 处冲突未解决，未做任何修改（请用 --prefer 文件 或 --prefer plan 选择）</translation>
    </message>
    <message>
        <source>{n} error(s) in {files} workbook(s); those workbooks were not applied</source>
        <translation>{files} 份填报表中有 {n} 处错误；这些填报表未导入</translation>
    </message>
    <message>
        <source>row {row} ({task})</source>
        <translation>第 {row} 行（{task}）</translation>
    </message>
    <message>
        <source>removed row ({task})</source>
        <translation>已删除的行（{task}）</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation>等，另有 {n} 项</translation>
    </message>
    <message>
        <source>not on record</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>contact {contact}, phone {phone}</source>
        <translation>联系人 {contact}，电话 {phone}</translation>
    </message>
    <message>
        <source>{period}: {n} unit(s) late at {date}</source>
        <translation>{period}：截至 {date}，逾期单位 {n} 家</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>截止 {date}</translation>
    </message>
    <message>
        <source> (the default: none was given)</source>
        <translation>（下发时未注明，按默认日期）</translation>
    </message>
    <message>
        <source>{n} open task(s):</source>
        <translation>未报送任务 {n} 项：</translation>
    </message>
    <message>
        <source>(row {row} left empty)</source>
        <translation>（第 {row} 行未填写）</translation>
    </message>
    <message>
        <source>{period}: {units} unit(s): {returned} returned, {partial} partly returned, {not_returned} not returned, {never_issued} never issued; {late} late</source>
        <translation>{period}：共 {units} 家单位，已报回 {returned} 家，部分报回 {partial} 家，未报回 {not_returned} 家，未下发 {never_issued} 家；逾期 {late} 家</translation>
    </message>
    <message>
        <source>left empty: {rows}</source>
        <translation>未填写：{rows}</translation>
    </message>
    <message>
        <source>{path}: {unit}, {n} open task(s)</source>
        <translation>{path}：{unit}，未报送任务 {n} 项</translation>
    </message>
    <message>
        <source>{period}: no unit is late at {date}; no notice written.</source>
        <translation>{period}：截至 {date} 没有逾期单位，未生成催办通知。</translation>
    </message>
    <message>
        <source>{period}: {n} reminder notice(s) written to {folder}.</source>
        <translation>{period}：已生成 {n} 份催办通知，保存在 {folder}。</translation>
    </message>
    <message>
        <source>Returned:</source>
        <translation>已报回：</translation>
    </message>
    <message>
        <source>Partly returned (rows left empty):</source>
        <translation>部分报回（有未填写的行）：</translation>
    </message>
    <message>
        <source>Not returned:</source>
        <translation>未报回：</translation>
    </message>
    <message>
        <source>Never issued:</source>
        <translation>未下发：</translation>
    </message>
    <message>
        <source>{n} task(s), {reported} reported</source>
        <translation>牵头任务 {n} 项，已填报 {reported} 项</translation>
    </message>
    <message>
        <source>issued {time}</source>
        <translation>{time} 下发</translation>
    </message>
    <message>
        <source>returned {time} ({file})</source>
        <translation>{time} 报回（{file}）</translation>
    </message>
    <message>
        <source>Wrote {path}: {counts}</source>
        <translation>已写入 {path}：{counts}</translation>
    </message>
    <message>
        <source>Applied to {path}.</source>
        <translation>已导入 {path}。</translation>
    </message>
    <message>
        <source>{file}: {n} error(s) in the workbook; nothing was applied</source>
        <translation>{file}：工作簿中有 {n} 处错误，未做任何修改</translation>
    </message>
    <message>
        <source>{entry}: {column} is not a column letter</source>
        <translation>{entry}：{column} 不是列字母</translation>
    </message>
    <message>
        <source>{entry}: field {name} is not one of {fields}</source>
        <translation>{entry}：字段 {name} 不是 {fields} 之一</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>亮灯</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>By</source>
        <translation>目标年份</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新实际值</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <source>Plan {plan} — indicators as of {date}</source>
        <translation>规划 {plan} — 指标完成情况，截至 {date}</translation>
    </message>
    <message>
        <source>No indicators.</source>
        <translation>没有指标。</translation>
    </message>
    <message>
        <source>Off track: behind the straight line by more than {gap} of the baseline→target distance, or past the target year unmet; 约/左右 (about): ±{about}.</source>
        <translation>严重滞后：落后于基期值至目标值直线进度超过全程的 {gap}，或已过目标年份仍未达到；“约/左右”指 ±{about} 以内。</translation>
    </message>
    <message>
        <source>{indicator}: target for {year}{period} set to {value}</source>
        <translation>{indicator}：{year}{period} 目标值已设为 {value}</translation>
    </message>
    <message>
        <source>{indicator}: actual for {year}{period} set to {value}</source>
        <translation>{indicator}：{year}{period} 实际值已设为 {value}</translation>
    </message>
    <message>
        <source>Created {path} with the sample plan</source>
        <translation>已创建 {path}（青岛示例规划）</translation>
    </message>
    <message>
        <source>Created {path}</source>
        <translation>已创建 {path}</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>工作表 {sheet}</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>column {column}</source>
        <translation>列 {column}</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
    <message>
        <source>warning: {text}</source>
        <translation>提示：{text}</translation>
    </message>
    <message>
        <source>error: {text}</source>
        <translation>错误：{text}</translation>
    </message>
    <message>
        <source>{n} error(s): nothing can be applied.</source>
        <translation>{n} 处错误：无法导入任何修改。</translation>
    </message>
    <message>
        <source>{file}: no changes.</source>
        <translation>{file}：没有变更。</translation>
    </message>
    <message>
        <source>unit to create: {name} (also written {aliases}: its aliases)</source>
        <translation>将新建单位：{name}（另写作 {aliases}，记为其别名）</translation>
    </message>
    <message>
        <source>unit to create: {name}</source>
        <translation>将新建单位：{name}</translation>
    </message>
    <message>
        <source>alias to add: {alias} → {name}</source>
        <translation>将添加别名：{alias} → {name}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>add {kind} (row {row}): {label}</source>
        <translation>新增{kind}（第 {row} 行）：{label}</translation>
    </message>
    <message>
        <source>change {kind} {record}, row {row}: {label}</source>
        <translation>修改{kind} {record}（第 {row} 行）：{label}</translation>
    </message>
    <message>
        <source>change {kind} {record}: {label}</source>
        <translation>修改{kind} {record}：{label}</translation>
    </message>
    <message>
        <source>    {field}: {old} → {new}</source>
        <translation>    {field}：{old} → {new}</translation>
    </message>
    <message>
        <source>remove {kind} {record}: {label} (with {cascade})</source>
        <translation>删除{kind} {record}：{label}（随{cascade}一并删除）</translation>
    </message>
    <message>
        <source>remove {kind} {record}: {label}</source>
        <translation>删除{kind} {record}：{label}</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 另有 {n} 条</translation>
    </message>
    <message>
        <source>kept: {kind} {record} (row {row}) {label}: removed from the plan with {with_} since the export, by {who} at {when}</source>
        <translation>保留：{kind} {record}（第 {row} 行）{label}：导出后已随{with_}从规划中删除，由 {who} 于 {when}</translation>
    </message>
    <message>
        <source>kept: {kind} {record} (row {row}) {label}: removed from the plan since the export, by {who} at {when}</source>
        <translation>保留：{kind} {record}（第 {row} 行）{label}：导出后已从规划中删除，由 {who} 于 {when}</translation>
    </message>
    <message>
        <source>kept: {kind} {record} (row {row}) {label}, {field}: {plan} (the workbook&apos;s {book}): changed in the plan since the export, by {who} at {when}</source>
        <translation>保留：{kind} {record}（第 {row} 行）{label}，{field}：{plan}（工作簿为 {book}）：导出后已在规划中修改，由 {who} 于 {when}</translation>
    </message>
    <message>
        <source>added {counts}</source>
        <translation>新增 {counts}</translation>
    </message>
    <message>
        <source>changed {counts}</source>
        <translation>修改 {counts}</translation>
    </message>
    <message>
        <source>removed {counts}</source>
        <translation>删除 {counts}</translation>
    </message>
    <message>
        <source>{file}: {summary}.</source>
        <translation>{file}：{summary}。</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>{n} error(s), not applied</source>
        <translation>{n} 处错误，未导入</translation>
    </message>
    <message>
        <source>{file}: {who}: {reports} report(s), {skipped} row(s) not filled in; {state}</source>
        <translation>{file}：{who}：进展 {reports} 条，未填写 {skipped} 行；{state}</translation>
    </message>
    <message>
        <source>conflict: task #{id} {title} ({period}) → {chosen}</source>
        <translation>冲突：任务 #{id} {title}（{period}）→ {chosen}</translation>
    </message>
    <message>
        <source>conflict: task #{id} {title} ({period}): unresolved</source>
        <translation>冲突：任务 #{id} {title}（{period}）：未解决</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>计划中已有</translation>
    </message>
    <message>
        <source>{add} report(s) to add, {replace} to replace, {unchanged} unchanged; {conflicts} conflict(s), {unresolved} unresolved.</source>
        <translation>将新增进展 {add} 条，替换 {replace} 条，{unchanged} 条无变化；冲突 {conflicts} 处，未解决 {unresolved} 处。</translation>
    </message>
    <message>
        <source>Wrote {path} (Word document)</source>
        <translation>已写入 {path}（Word 文档）</translation>
    </message>
    <message>
        <source>Wrote {path} ({pages} pages)</source>
        <translation>已写入 {path}（共 {pages} 页）</translation>
    </message>
    <message>
        <source>Wrote {path}: {tasks} tasks, {start} – {end}, {pages} page(s)</source>
        <translation>已写入 {path}：任务 {tasks} 项，{start} 至 {end}，共 {pages} 页</translation>
    </message>
    <message>
        <source>Plan {plan} — as it stood on {date} (from the progress reports whose periods had ended)</source>
        <translation>规划 {plan} — {date} 时的状况（依据当时已结束各期的进展报告）</translation>
    </message>
    <message>
        <source>Plan {plan} — as of {date}</source>
        <translation>规划 {plan} — 统计截至 {date}</translation>
    </message>
    <message>
        <source>Records: {programs} programs, {projects} projects, {tasks} tasks, {milestones} milestones, {units} units, {indicators} indicators</source>
        <translation>记录：计划 {programs} 个，工程 {projects} 个，任务 {tasks} 项，节点 {milestones} 个，单位 {units} 家，指标 {indicators} 项</translation>
    </message>
    <message>
        <source>Lights:</source>
        <translation>亮灯：</translation>
    </message>
    <message>
        <source>Program / project</source>
        <translation>计划/工程</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>Overdue tasks: {n}</source>
        <translation>逾期任务：{n} 项</translation>
    </message>
    <message>
        <source>Tasks: {n}</source>
        <translation>任务：{n} 项</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>What it sets</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Settings of plan {plan}</source>
        <translation>规划 {plan} 的设置</translation>
    </message>
    <message>
        <source>Change one with: qdplanner settings PLAN KEY VALUE</source>
        <translation>修改某项：qdplanner settings 规划文件 设置项 值</translation>
    </message>
    <message>
        <source>Default: {default}</source>
        <translation>默认值：{default}</translation>
    </message>
    <message>
        <source>At most {high} characters</source>
        <translation>最多 {high} 个字符</translation>
    </message>
    <message>
        <source>From {low} to {high}, or off</source>
        <translation>{low} 到 {high}，或 off（关闭）</translation>
    </message>
    <message>
        <source>Yes or no</source>
        <translation>yes（是）或 no（否）</translation>
    </message>
    <message>
        <source>A month (2026-01) or a day (2026-01-15), or empty</source>
        <translation>年月（2026-01）或具体日期（2026-01-15），也可留空</translation>
    </message>
    <message>
        <source>From {low} to {high}</source>
        <translation>{low} 到 {high}</translation>
    </message>
    <message>
        <source>{key} is already {value}; nothing changed</source>
        <translation>{key} 已是 {value}，未作更改</translation>
    </message>
    <message>
        <source>{key}: {old} → {new}</source>
        <translation>{key}：{old} → {new}</translation>
    </message>
    <message>
        <source>{period}: {n} evidence file(s)</source>
        <translation>{period}：佐证材料 {n} 个</translation>
    </message>
    <message>
        <source>Wrote {path}: {n} evidence file(s) of {period} ({size}) and index.xlsx</source>
        <translation>已写入 {path}：{period} 佐证材料 {n} 个（{size}）及索引表 index.xlsx</translation>
    </message>
    <message>
        <source>Closed {period} in {path}: {tasks} task(s), {indicators} indicator(s) and {units} unit return(s) kept as they stood at {date}.</source>
        <translation>{path}：{period}已关账，已按{date}的情况保存{tasks}项任务、{indicators}项指标和{units}家单位的报送情况。</translation>
    </message>
    <message>
        <source>Reopened {period} in {path} (closed {when} by {who}); it is judged live until it is closed again.</source>
        <translation>{path}：{period}已重新开账（原由{who}于{when}关账）；再次关账前按实时情况研判。</translation>
    </message>
    <message>
        <source>No period of {path} has been closed.</source>
        <translation>{path}：尚无已关账的期次。</translation>
    </message>
    <message>
        <source>{period}: closed {when} by {who}, as it stood at {date}: {tasks} task(s), {indicators} indicator(s), {units} unit(s)</source>
        <translation>{period}：{who}于{when}关账，按{date}的情况：任务{tasks}项，指标{indicators}项，单位{units}家</translation>
    </message>
    <message>
        <source>; reopened {when} by {who}</source>
        <translation>；{who}于{when}重新开账</translation>
    </message>
    <message>
        <source>{period}: closed {when} by {who}, as the plan stood at {date}</source>
        <translation>{period}：{who}于{when}关账，按{date}的规划情况</translation>
    </message>
    <message>
        <source>{period}: not closed: compared against the live judgement at the period&apos;s end ({date}), from what the plan holds now</source>
        <translation>{period}：未关账，按规划现有数据对期末（{date}）的实时研判进行比较</translation>
    </message>
    <message>
        <source>{period}: not closed and not over: judged today ({date}) with the current figures</source>
        <translation>{period}：未关账且尚未结束，按今天（{date}）的当前数据研判</translation>
    </message>
    <message>
        <source>, due {date}</source>
        <translation>，截止日期{date}</translation>
    </message>
    <message>
        <source>returned {when}, due {date}</source>
        <translation>{when}报回，应于{date}前报送</translation>
    </message>
    <message>
        <source>{n} row(s) left empty</source>
        <translation>{n}行未填</translation>
    </message>
    <message>
        <source>also in the earlier period</source>
        <translation>上期亦然</translation>
    </message>
    <message>
        <source>From {earlier} to {later} ({tasks} task(s)):</source>
        <translation>从{earlier}到{later}（任务{tasks}项）：</translation>
    </message>
    <message>
        <source>Lights: {better} better, {worse} worse, {other} other change(s); {done} newly done, {overdue} newly overdue; {no_report} task(s) with no report for {period}.</source>
        <translation>亮灯：亮灯好转{better}项、变差{worse}项，其他变化{other}项；新完成{done}项，新增逾期{overdue}项；{no_report}项任务{period}未报送进展。</translation>
    </message>
    <message>
        <source>Indicators: {moved} moved ({better} better, {worse} worse, {first} measured for the first time). Units: {late} returned late, {partial} partly returned, {missing} not returned.</source>
        <translation>指标：变动{moved}项（好转{better}项、变差{worse}项、首次有数据{first}项）。单位：逾期报送{late}家，部分报送{partial}家，未报送{missing}家。</translation>
    </message>
    <message>
        <source>{new} task(s) added since {earlier}, {gone} removed.</source>
        <translation>{earlier}以来新增任务{new}项，删除{gone}项。</translation>
    </message>
    <message>
        <source>Lights worse ({n}):</source>
        <translation>亮灯变差（{n}项）：</translation>
    </message>
    <message>
        <source>Lights better ({n}):</source>
        <translation>亮灯好转（{n}项）：</translation>
    </message>
    <message>
        <source>Other light changes ({n}):</source>
        <translation>亮灯其他变化（{n}项）：</translation>
    </message>
    <message>
        <source>Newly done ({n}):</source>
        <translation>新完成（{n}项）：</translation>
    </message>
    <message>
        <source>Newly overdue ({n}):</source>
        <translation>新增逾期（{n}项）：</translation>
    </message>
    <message>
        <source>No report for the period ({n}):</source>
        <translation>本期未报送进展（{n}项）：</translation>
    </message>
    <message>
        <source>Indicators moved ({n}):</source>
        <translation>指标变动（{n}项）：</translation>
    </message>
    <message>
        <source>Units late or not returned ({n}):</source>
        <translation>逾期或未报送单位（{n}家）：</translation>
    </message>
    <message>
        <source>… and {n} more (--limit 0 lists all)</source>
        <translation>……另有{n}项（--limit 0 列出全部）</translation>
    </message>
    <message>
        <source>drafted from the data</source>
        <translation>根据数据起草</translation>
    </message>
    <message>
        <source>carried over from {period} (edited by {who}, {when})</source>
        <translation>沿用{period}的文字（{who}编辑于{when}）</translation>
    </message>
    <message>
        <source>edited by {who}, {when}</source>
        <translation>{who}编辑于{when}</translation>
    </message>
    <message>
        <source>kept as drafted by {who}, {when}</source>
        <translation>按草稿保存（{who}，{when}）</translation>
    </message>
    <message>
        <source>kept as carried over by {who}, {when}</source>
        <translation>沿用上期文字保存（{who}，{when}）</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>工程</translation>
    </message>
    <message>
        <source>{path} has no program or project.</source>
        <translation>{path}中没有计划或工程。</translation>
    </message>
    <message>
        <source>{period} is closed: its narrative is kept as it is.</source>
        <translation>{period}已关账：进展情况按关账时保留。</translation>
    </message>
    <message>
        <source>Kept the {section} of {scope} for {period} in {path}.</source>
        <translation>已在{path}中保存{scope}{period}的“{section}”。</translation>
    </message>
    <message>
        <source>The {section} of {scope} for {period} is unchanged.</source>
        <translation>{scope}{period}的“{section}”未改变。</translation>
    </message>
    <message>
        <source>Copied {source} to {target}: {rows} rows in {tables} tables, {size}, in {seconds} s</source>
        <translation>已将 {source} 复制到 {target}：{tables} 张表，共 {rows} 行，{size}，用时 {seconds} 秒</translation>
    </message>
    <message>
        <source>the copy at {target} differs from {source} (see above)</source>
        <translation>{target} 处的副本与 {source} 不一致（见上）</translation>
    </message>
    <message>
        <source>Verified: every table and every row of the two plans is the same</source>
        <translation>已核对：两份规划的每张表、每一行都相同</translation>
    </message>
</context>
<context>
    <name>DateLineEdit</name>
    <message>
        <source>2024-12-31 or 2024年底前</source>
        <translation>2024-12-31 或 2024年底前</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>Choose a date (F4)</source>
        <translation>选择日期（F4）</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Several, separated by 、</source>
        <translation>可填多个，用“、”分隔</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress %</source>
        <translation>完成进度%</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Supporting units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>任务内容</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Latest progress</source>
        <translation>最新进展</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Choose a task to see all its fields.</source>
        <translation>请在任务表中选择一项任务，查看其全部信息。</translation>
    </message>
    <message>
        <source>As it stood on %1</source>
        <translation>%1 时的状况</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>存在问题：%1</translation>
    </message>
    <message>
        <source>%1, attached %2</source>
        <translation>%1，上传于%2</translation>
    </message>
    <message>
        <source>No program on this computer opens %1; use Save As…</source>
        <translation>本机没有能打开 %1 的程序，请使用“另存为…”</translation>
    </message>
    <message>
        <source>Save Evidence File As</source>
        <translation>佐证材料另存为</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Edit “%1” in the form</source>
        <translation>在详情面板修改“%1”</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>Task code</source>
        <translation>任务编号</translation>
    </message>
    <message>
        <source>Task title</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <source>Attached on</source>
        <translation>上传时间</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>佐证材料</translation>
    </message>
</context>
<context>
    <name>ExcelActions</name>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the plan to %1…</source>
        <translation>正在将计划导出到 %1…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入文件。</translation>
    </message>
    <message>
        <source>Exported %1 tasks to %2</source>
        <translation>已将 %1 项任务导出到 %2</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx *.xls *.ods);;All files (*)</source>
        <translation>工作簿 (*.xlsx *.xls *.ods);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>已取消导入，计划未作任何改动。</translation>
    </message>
    <message>
        <source>Import Anyway</source>
        <translation>仍然导入</translation>
    </message>
    <message>
        <source>Remove Records?</source>
        <translation>删除记录？</translation>
    </message>
    <message>
        <source>Importing %1 removes %2 record(s) of the plan that are missing from the workbook:</source>
        <translation>导入 %1 将删除规划中 %2 条在工作簿里已不存在的记录：</translation>
    </message>
    <message>
        <source>They go with their history in the change log. If the workbook is only a part of the plan, cancel: nothing is changed.</source>
        <translation>删除情况会记入操作日志。如果该工作簿只是规划的一部分，请取消：不会做任何修改。</translation>
    </message>
    <message>
        <source>Remove and Import</source>
        <translation>删除并导入</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 changed, %4 removed.</source>
        <translation>已导入 %1：新增 %2 条，修改 %3 条，删除 %4 条。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search title, description, notes (Ctrl+F)</source>
        <translation>搜索任务名称、内容、备注（Ctrl+F）</translation>
    </message>
    <message>
        <source>Any unit</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Any light</source>
        <translation>全部亮灯</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Due from</source>
        <translation>截止日期从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Not a date: use YYYY-MM-DD</source>
        <translation>日期格式不正确，请用 年-月-日（如 2024-12-31）</translation>
    </message>
</context>
<context>
    <name>GroupRows</name>
    <message>
        <source>&amp;Group by Program / Project</source>
        <translation>按计划 / 工程分组(&amp;G)</translation>
    </message>
    <message>
        <source>Show all tasks and a plan document&apos;s under a line per program or project</source>
        <translation>全部任务和规划文件的任务按计划 / 工程分组显示，每组一行标题</translation>
    </message>
    <message>
        <source>C&amp;ollapse All Groups</source>
        <translation>全部折叠(&amp;O)</translation>
    </message>
    <message>
        <source>E&amp;xpand All Groups</source>
        <translation>全部展开(&amp;X)</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>(several records)</source>
        <translation>（多条记录）</translation>
    </message>
    <message>
        <source>(added)</source>
        <translation>（新增）</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（删除）</translation>
    </message>
    <message>
        <source>Plan document</source>
        <translation>规划文件</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>工程</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Task unit</source>
        <translation>任务责任单位</translation>
    </message>
    <message>
        <source>Task link</source>
        <translation>任务关联</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Unit alias</source>
        <translation>单位别名</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Indicator value</source>
        <translation>指标数值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Progress report</source>
        <translation>进展报告</translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Collection round</source>
        <translation>填报轮次</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Baseline date</source>
        <translation>基线日期</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Closed period</source>
        <translation>关账期次</translation>
    </message>
    <message>
        <source>Tasks kept by a closed period</source>
        <translation>关账保存的任务</translation>
    </message>
    <message>
        <source>Indicators kept by a closed period</source>
        <translation>关账保存的指标</translation>
    </message>
    <message>
        <source>Unit returns kept by a closed period</source>
        <translation>关账保存的单位报送情况</translation>
    </message>
    <message>
        <source>Period narrative</source>
        <translation>各期进展情况</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Illustrative</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Parent task</source>
        <translation>上级任务</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress %</source>
        <translation>完成进度%</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Supporting units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>承担方式</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Return by</source>
        <translation>报送截止日期</translation>
    </message>
    <message>
        <source>Rows left empty</source>
        <translation>未填写的行</translation>
    </message>
    <message>
        <source>Predecessor</source>
        <translation>前置任务</translation>
    </message>
    <message>
        <source>Successor</source>
        <translation>后续任务</translation>
    </message>
    <message>
        <source>Lag (days)</source>
        <translation>间隔天数</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Actual date</source>
        <translation>实际日期</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>截止年份</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发布机关</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Unit of measure</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <source>Better when</source>
        <translation>指标方向</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <source>Baseline year</source>
        <translation>基期年份</translation>
    </message>
    <message>
        <source>Baseline value</source>
        <translation>基期值</translation>
    </message>
    <message>
        <source>Baseline as written</source>
        <translation>基期值（原文）</translation>
    </message>
    <message>
        <source>Target year</source>
        <translation>目标年份</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Target as written</source>
        <translation>目标值（原文）</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Indicator kind</source>
        <translation>指标类别</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>填报周期</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Source date</source>
        <translation>来源日期</translation>
    </message>
    <message>
        <source>Progress made</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下步打算</translation>
    </message>
    <message>
        <source>Reporting unit</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>填报日期</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Filled in by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下发时间</translation>
    </message>
    <message>
        <source>Issued file</source>
        <translation>下发文件</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>报回时间</translation>
    </message>
    <message>
        <source>Returned file</source>
        <translation>报回文件</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>As it stood on</source>
        <translation>研判日期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关账时间</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>关账人</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新开账</translation>
    </message>
    <message>
        <source>Reopened by</source>
        <translation>重新开账人</translation>
    </message>
    <message>
        <source>Actual or target</source>
        <translation>实际值或目标值</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联方式</translation>
    </message>
    <message>
        <source>Entered through</source>
        <translation>填报方式</translation>
    </message>
    <message>
        <source>Tasks kept</source>
        <translation>保存任务数</translation>
    </message>
    <message>
        <source>Indicators kept</source>
        <translation>保存指标数</translation>
    </message>
    <message>
        <source>Unit returns kept</source>
        <translation>保存单位数</translation>
    </message>
    <message>
        <source>Lights kept</source>
        <translation>保存的亮灯统计</translation>
    </message>
    <message>
        <source>Narrative section</source>
        <translation>进展情况部分</translation>
    </message>
    <message>
        <source>Narrative text</source>
        <translation>进展情况文字</translation>
    </message>
    <message>
        <source>Drafted or edited</source>
        <translation>起草或编辑</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写入时间</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>写入人</translation>
    </message>
    <message>
        <source>Plan identity</source>
        <translation>规划标识</translation>
    </message>
    <message>
        <source>Key that signs collection workbooks</source>
        <translation>填报表签名密钥</translation>
    </message>
    <message>
        <source>Rules of the task lights</source>
        <translation>任务亮灯规则</translation>
    </message>
    <message>
        <source>Rules of the indicator lights</source>
        <translation>指标亮灯规则</translation>
    </message>
    <message>
        <source>Largest evidence file</source>
        <translation>佐证材料大小上限</translation>
    </message>
    <message>
        <source>Unit name forms</source>
        <translation>单位名称简称规则</translation>
    </message>
    <message>
        <source>Office named on the summary</source>
        <translation>报告署名单位</translation>
    </message>
    <message>
        <source>Plan title on the summary</source>
        <translation>报告中的规划名称</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Finish to start</source>
        <translation>完成后开始</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Sample plan %1</source>
        <translation>示例规划 %1</translation>
    </message>
    <message>
        <source>Import of returned progress: %1 and %2 more</source>
        <translation>导入单位报回的填报表：%1 等（另 %2 份）</translation>
    </message>
    <message>
        <source>Import of returned progress: %1</source>
        <translation>导入单位报回的填报表：%1</translation>
    </message>
    <message>
        <source>Import of %1</source>
        <translation>从 %1 导入</translation>
    </message>
    <message>
        <source>Collect %1: %2 workbook(s) written to %3</source>
        <translation>%1 季度填报：向 %3 写出 %2 份填报表</translation>
    </message>
    <message>
        <source>Baseline #%1: the dates of every task copied</source>
        <translation>基线 #%1：复制全部任务的日期</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>如 2024-06-30</translation>
    </message>
    <message>
        <source>Search action, record, old and new values</source>
        <translation>搜索操作、记录、原值和新值</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>All record types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部操作人</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Write the date as 2024-06-30</source>
        <translation>日期请按 2024-06-30 的格式填写</translation>
    </message>
    <message numerus="yes">
        <source>The latest %n change(s); narrow the filters to see older ones.</source>
        <translation>
            <numerusform>显示最近 %n 条修改记录；缩小筛选范围可查看更早的记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>共 %n 条修改记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import Preview — %1</source>
        <translation>导入预览 — %1</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Columns and &amp;Destination…</source>
        <translation>列与导入位置(&amp;D)…</translation>
    </message>
    <message>
        <source>Use These &amp;Matches</source>
        <translation>采用这些匹配(&amp;M)</translation>
    </message>
    <message>
        <source>Header in the sheet</source>
        <translation>表中列名</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读作</translation>
    </message>
    <message>
        <source>Not read: set aside (else %1)</source>
        <translation>未读取：已按指定搁置（否则读作%1）</translation>
    </message>
    <message>
        <source>Not read: no header</source>
        <translation>未读取：没有表头</translation>
    </message>
    <message>
        <source>Not read: header not recognised</source>
        <translation>未读取：表头无法识别</translation>
    </message>
    <message>
        <source>%1 (hidden in the workbook)</source>
        <translation>%1（在工作簿中被隐藏）</translation>
    </message>
    <message>
        <source>Columns (%1)</source>
        <translation>列（%1）</translation>
    </message>
    <message>
        <source>Same task</source>
        <translation>同一任务</translation>
    </message>
    <message>
        <source>Title in the sheet</source>
        <translation>表中名称</translation>
    </message>
    <message>
        <source>Task in the plan</source>
        <translation>规划中的任务</translation>
    </message>
    <message>
        <source>Alike</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Similar titles (%1 to decide)</source>
        <translation>相似名称（%1 项待确认）</translation>
    </message>
    <message>
        <source>Task-breakdown sheet “%1”, into the plan document “%2”</source>
        <translation>任务分解表“%1”，导入到计划文件“%2”</translation>
    </message>
    <message>
        <source> (new)</source>
        <translation>（新建）</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) of the workbook kept as the plan has them: changed in the plan since the export (listed under Kept)</source>
        <translation>
            <numerusform>工作簿中有 %n 个值按规划现有的值保留：导出后已在规划中修改（列于“保留”下）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) in the workbook: nothing can be applied. Correct the workbook and import it again.</source>
        <translation>
            <numerusform>工作簿中有 %n 处错误，无法应用任何变更。请修改工作簿后重新导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>No changes: the plan already matches %1.</source>
        <translation>没有变更：计划与 %1 一致。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Units to create: %1</source>
        <translation>将新建单位：%1 个</translation>
    </message>
    <message>
        <source>Press Apply to make these changes as one step (recorded in History).</source>
        <translation>点击“应用”将以上变更作为一步完成（记入修改历史）。</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 另有 %1 条</translation>
    </message>
    <message>
        <source>Units to create</source>
        <translation>将新建的单位</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>随%1一并删除</translation>
    </message>
    <message>
        <source>Kept: changed in the plan since the export</source>
        <translation>保留：导出后已在规划中修改</translation>
    </message>
    <message>
        <source>removed in the plan since the export by %1 at %2</source>
        <translation>导出后已由 %1 于 %2 在规划中删除</translation>
    </message>
    <message>
        <source>changed in the plan since the export by %1 at %2</source>
        <translation>导出后已由 %1 于 %2 在规划中修改</translation>
    </message>
</context>
<context>
    <name>IndicatorChartsView</name>
    <message>
        <source>Choose an indicator in the table, or show the dashboard.</source>
        <translation>在“目标与实际”表中双击指标查看其图表，或显示总览。</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>指标总览(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Export Chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <source>All %n indicator(s)</source>
        <translation>
            <numerusform>全部 %n 项指标</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
</context>
<context>
    <name>IndicatorGrid</name>
    <message>
        <source>e.g. 青岛市统计公报（2025年）</source>
        <translation>如：青岛市统计公报（2025年）</translation>
    </message>
    <message>
        <source>Source of the values typed</source>
        <translation>所填数值的来源</translation>
    </message>
    <message>
        <source>Source date</source>
        <translation>来源日期</translation>
    </message>
</context>
<context>
    <name>IndicatorGridModel</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value of “%1” for %2</source>
        <translation>“%1” %2年数值</translation>
    </message>
</context>
<context>
    <name>IndicatorsTableModel</name>
    <message>
        <source>Light</source>
        <translation>亮灯</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>By</source>
        <translation>目标年份</translation>
    </message>
    <message>
        <source>Latest actual</source>
        <translation>最新实际值</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基期值</translation>
    </message>
    <message>
        <source>Better when</source>
        <translation>指标方向</translation>
    </message>
    <message>
        <source>Goal / program / project</source>
        <translation>所属目标/计划/工程</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>%1 indicator</source>
        <translation>%1指标</translation>
    </message>
</context>
<context>
    <name>IndicatorsView</name>
    <message>
        <source>Any nature</source>
        <translation>全部属性</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Any light</source>
        <translation>全部亮灯</translation>
    </message>
    <message>
        <source>Whole plan</source>
        <translation>全部规划</translation>
    </message>
    <message>
        <source>Targets and actuals</source>
        <translation>目标与实际</translation>
    </message>
    <message>
        <source>Values by year</source>
        <translation>分年数值</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>As known on %1: each indicator judged from the values known by then (their source date, else the end of their period, on or before that day). Values by year lists every value known today.</source>
        <translation>%1 时已知的情况：各项指标依据当时已知的数值评判（以数据来源日期为准，没有则以所属期末为准，不晚于该日）。“分年数值”列出目前已知的全部数值。</translation>
    </message>
    <message>
        <source>Off track when behind the straight line to the target by more than %1 of the way; “about” means within %2.</source>
        <translation>落后于目标直线进度超过 %1 即为严重滞后；“左右/约”指 %2 以内。</translation>
    </message>
</context>
<context>
    <name>LiveRefresh</name>
    <message>
        <source>Other editors&apos; changes are no longer shown as they happen (%1). View → Refresh reads the plan again.</source>
        <translation>他人的修改已不再即时显示（%1）。可用“视图 → 刷新”重新读取规划。</translation>
    </message>
    <message>
        <source>The plan was changed by others: shown as it is now</source>
        <translation>他人修改了规划：已显示最新内容</translation>
    </message>
    <message>
        <source>%1 changed the plan: %2 (and %n more change(s) by others)</source>
        <translation>%1 修改了规划：%2（另有他人的 %n 处修改）</translation>
    </message>
    <message>
        <source>%1 changed the plan: %2</source>
        <translation>%1 修改了规划：%2</translation>
    </message>
    <message>
        <source>Other editors&apos; changes are not shown as they happen (%1). View → Refresh reads the plan again.</source>
        <translation>他人的修改无法即时显示（%1）。可用“视图 → 刷新”重新读取规划。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — qdplanner</source>
        <translation>%1 — qdplanner 规划管理</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <source>Read-only: your database role may read this plan, not change it.</source>
        <translation>只读：您的数据库角色可以查看此规划，但不能修改。</translation>
    </message>
    <message>
        <source>Read-only: someone else has this plan open; your changes cannot be saved.</source>
        <translation>只读：他人正在编辑此规划文件，您的修改无法保存。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Plan…</source>
        <translation>新建规划(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Plan…</source>
        <translation>打开规划(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Ser&amp;ver Plan…</source>
        <translation>打开服务器上的规划(&amp;V)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Sample Plan</source>
        <translation>打开示例规划(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>规划(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>使用手册(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;About qdplanner</source>
        <translation>关于 qdplanner(&amp;A)</translation>
    </message>
    <message>
        <source>New Plan</source>
        <translation>新建规划</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Open Plan</source>
        <translation>打开规划</translation>
    </message>
    <message>
        <source>qdplanner plans (*%1);;All files (*)</source>
        <translation>qdplanner 规划文件 (*%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 (server)</source>
        <translation>%1（服务器）</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge “%1” into…</source>
        <translation>将“%1”合并到…</translation>
    </message>
    <message>
        <source>Unit that stays</source>
        <translation>保留的单位</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>the task title must not be empty</source>
        <translation>任务名称不能为空</translation>
    </message>
    <message>
        <source>percent complete must be a whole number from 0 to 100 (got {value})</source>
        <translation>完成进度须为 0 到 100 的整数（填写的是 {value}）</translation>
    </message>
    <message>
        <source>unknown status {value}</source>
        <translation>无法识别的状态 {value}</translation>
    </message>
    <message>
        <source>{value} is not a date</source>
        <translation>{value} 不是日期</translation>
    </message>
    <message>
        <source>a task marked done (已完成) is at 100 %, not {percent} %; set the percent to 100, or choose another status</source>
        <translation>标记为“已完成”的任务完成进度应为 100%，而不是 {percent}%；请把完成进度改为 100，或选择其他状态</translation>
    </message>
    <message>
        <source>the due date {due} is before the start date {start}</source>
        <translation>截止日期 {due} 早于开始日期 {start}</translation>
    </message>
    <message>
        <source>cannot read the deadline “{text}” (try 2024-12-31, 2024年底前, 2023年6月底前, 2022—2024年, 长期坚持)</source>
        <translation>无法识别完成时限“{text}”（可填写 2024-12-31、2024年底前、2023年6月底前、2022—2024年、长期坚持）</translation>
    </message>
    <message>
        <source>unknown status “{text}” (use 未开始, 进行中, 已完成, 暂缓 or 已取消)</source>
        <translation>无法识别的状态“{text}”（请填写 未开始、进行中、已完成、暂缓 或 已取消）</translation>
    </message>
    <message>
        <source>“{text}” is not a percentage (type a number from 0 to 100)</source>
        <translation>“{text}”不是百分数（请填写 0 到 100 的数字）</translation>
    </message>
    <message>
        <source>{table} #{id} does not exist</source>
        <translation>{table} #{id} 不存在</translation>
    </message>
    <message>
        <source>{path}: already open by someone (the lock file {lock} is unreadable; if nobody has the plan open, break the lock: --break-lock, or the window&apos;s offer)</source>
        <translation>{path}：已被他人打开（锁文件 {lock} 无法读取；如确认没有人打开该规划，可解除锁定：命令行加 --break-lock，或在窗口提示中选择解除锁定）</translation>
    </message>
    <message>
        <source>{path}: already open by {who}</source>
        <translation>{path}：已被 {who} 打开</translation>
    </message>
    <message>
        <source>{path}: the disk is full (the lock file {lock} cannot be written); nothing was changed. Free some space on the drive and try again</source>
        <translation>{path}：磁盘已满（无法写入锁文件 {lock}），未做任何修改。请清理磁盘空间后重试</translation>
    </message>
    <message>
        <source>{path}: cannot create the lock file {lock} ({reason}); is the folder read-only?</source>
        <translation>{path}：无法创建锁定文件 {lock}（{reason}）；该文件夹是否为只读？</translation>
    </message>
    <message>
        <source>the plan document needs a title</source>
        <translation>规划文件须填写标题</translation>
    </message>
    <message>
        <source>the plan ends ({end}) before it starts ({start})</source>
        <translation>规划截止年份（{end}）早于起始年份（{start}）</translation>
    </message>
    <message>
        <source>the name must not be empty</source>
        <translation>名称不能为空</translation>
    </message>
    <message>
        <source>plan document #{id} does not exist</source>
        <translation>规划文件 #{id} 不存在</translation>
    </message>
    <message>
        <source>it still holds programs ({programs}), projects ({projects}) and indicators ({indicators}): move or delete them first</source>
        <translation>其下仍有计划{programs}项、工程{projects}项、指标{indicators}项：请先移走或删除</translation>
    </message>
    <message>
        <source>it still holds tasks ({tasks}), milestones ({milestones}) and indicators ({indicators}): move or delete them first</source>
        <translation>其下仍有任务{tasks}项、里程碑{milestones}个、指标{indicators}项：请先移走或删除</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a workbook</source>
        <translation>{path}：是文件夹，不是工作簿</translation>
    </message>
    <message>
        <source>{name}: the file is {size} MB; workbooks over {limit} MB are not read</source>
        <translation>{name}：文件大小为 {size} MB；超过 {limit} MB 的工作簿不予读取</translation>
    </message>
    <message>
        <source>{name}: the file is empty; it is not a workbook</source>
        <translation>{name}：文件为空，不是工作簿</translation>
    </message>
    <message>
        <source>{name}: the workbook is password-protected (encrypted); open it in Excel or WPS, remove the password (File → Info → Protect Workbook, or Save As without a password) and import that copy</source>
        <translation>{name}：该工作簿设有密码（已加密）；请在 Excel 或 WPS 中打开，取消密码（文件 → 信息 → 保护工作簿，或不设密码另存为）后导入该副本</translation>
    </message>
    <message>
        <source>{name}: the workbook is damaged (not a readable zip)</source>
        <translation>{name}：工作簿已损坏（不是可读取的 zip 文件）</translation>
    </message>
    <message>
        <source>{name}: the workbook is damaged (its parts cannot be read)</source>
        <translation>{name}：工作簿已损坏（其组成部分无法读取）</translation>
    </message>
    <message>
        <source>{name}: not a workbook; it looks like a web page or XML file</source>
        <translation>{name}：不是工作簿，看起来是网页或 XML 文件</translation>
    </message>
    <message>
        <source>{name}: not a workbook; it is a PDF document</source>
        <translation>{name}：不是工作簿，而是 PDF 文档</translation>
    </message>
    <message>
        <source>{name}: not a workbook (.xlsx, .xls or .ods)</source>
        <translation>{name}：不是工作簿（.xlsx、.xls 或 .ods）</translation>
    </message>
    <message>
        <source>{name}: not a workbook; it looks like a text file (save it as .xlsx)</source>
        <translation>{name}：不是工作簿，看起来是文本文件（请另存为 .xlsx）</translation>
    </message>
    <message>
        <source>{name}: the workbook unpacks to more than {limit} MB; it is not read</source>
        <translation>{name}：工作簿解压后超过 {limit} MB，不予读取</translation>
    </message>
    <message>
        <source>{name}: this is a Word document, not a workbook</source>
        <translation>{name}：这是 Word 文档，不是工作簿</translation>
    </message>
    <message>
        <source>{name}: a zip archive, but not a workbook (.xlsx or .ods)</source>
        <translation>{name}：是 zip 压缩包，但不是工作簿（.xlsx 或 .ods）</translation>
    </message>
    <message>
        <source>{name}, sheet {sheet}: it uses row {row}; sheets of more than {limit} rows are not read</source>
        <translation>{name}，工作表 {sheet}：用到了第 {row} 行；超过 {limit} 行的工作表不予读取</translation>
    </message>
    <message>
        <source>{name}, sheet {sheet}: it uses column {column}; sheets of more than {limit} columns are not read</source>
        <translation>{name}，工作表 {sheet}：用到了 {column} 列；超过 {limit} 列的工作表不予读取</translation>
    </message>
    <message>
        <source>{name}: a sheet repeats a value over {count} rows; it is not read</source>
        <translation>{name}：某工作表将一个值重复了 {count} 行，不予读取</translation>
    </message>
    <message>
        <source>{name}: a sheet repeats a value over {count} columns; it is not read</source>
        <translation>{name}：某工作表将一个值重复了 {count} 列，不予读取</translation>
    </message>
    <message>
        <source>{path}: already exists; nothing was written (to replace it, use {option})</source>
        <translation>{path}：已存在；未写入任何内容（如要替换，请加 {option}）</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a plan file</source>
        <translation>{path}：这是文件夹，不是规划文件</translation>
    </message>
    <message>
        <source>{path}: cannot write the copy ({reason}); nothing was written</source>
        <translation>{path}：无法写入副本（{reason}）；未写入任何内容</translation>
    </message>
    <message>
        <source>{path}: the copy would hold records that refer to missing ones ({where}); nothing was written</source>
        <translation>{path}：副本中会有记录引用不存在的记录（{where}）；未写入任何内容</translation>
    </message>
    <message>
        <source>{address}: the database is not empty ({tables}); nothing was written (to replace a plan there, use {option})</source>
        <translation>{address}：该数据库不是空的（{tables}）；未写入任何内容（如要替换其中的规划，请加 {option}）</translation>
    </message>
    <message>
        <source>{address}: the database holds tables that are not a qdplanner plan&apos;s ({tables}); nothing was replaced</source>
        <translation>{address}：该数据库中有不属于 qdplanner 规划的表（{tables}）；未替换任何内容</translation>
    </message>
    <message>
        <source>{address}: the server refused the copy ({reason}); nothing was written</source>
        <translation>{address}：服务器拒绝了这次复制（{reason}）；未写入任何内容</translation>
    </message>
    <message>
        <source>{path}: holds {what}, which this version of qdplanner does not know; nothing was copied</source>
        <translation>{path}：含有本版本 qdplanner 不认识的 {what}；未复制任何内容</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}：无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{path}: the disk is full; nothing was changed. Free some space on the drive and try again</source>
        <translation>{path}：磁盘已满，未做任何修改。请清理磁盘空间后重试</translation>
    </message>
    <message>
        <source>{path}: cannot write the plan: the file or its folder is read-only for you; nothing was changed. Ask for write access, or save a copy elsewhere</source>
        <translation>{path}：无法写入规划：您对该文件或其所在文件夹只有只读权限，未做任何修改。请申请写入权限，或另存副本到其他位置</translation>
    </message>
    <message>
        <source>{path}: the drive could not read or write the plan ({reason}); nothing was changed. Check the drive or the network connection and try again</source>
        <translation>{path}：磁盘无法读写该规划（{reason}），未做任何修改。请检查磁盘或网络连接后重试</translation>
    </message>
    <message>
        <source>{path}: the last change to this plan was interrupted (a crash or power cut) and must be undone before the plan can be read; {who} has it open for editing: ask them to close it, then open it again. Do not delete {journal}: it holds what is needed to undo the change</source>
        <translation>{path}：这个规划的上一次修改被中断（程序崩溃或断电），须先撤回才能读取；{who} 正以编辑方式打开它：请对方关闭后再打开。不要删除 {journal}：撤回修改需要它</translation>
    </message>
    <message>
        <source>{path}: the last change to this plan was interrupted (a crash or power cut) and must be undone before the plan can be read; open it for editing once (in the window, or with any command that changes it) by someone allowed to write the file and its folder. Do not delete {journal}: it holds what is needed to undo the change</source>
        <translation>{path}：这个规划的上一次修改被中断（程序崩溃或断电），须先撤回才能读取；请由对该文件及其文件夹有写入权限的人以编辑方式打开一次（在窗口中打开，或运行任一修改规划的命令）。不要删除 {journal}：撤回修改需要它</translation>
    </message>
    <message>
        <source>{path}: the plan file is damaged ({reason}); it was not changed. Open a backup copy (a NAME.qdplan…bak beside it, or your own), or save what can still be read with File → Save a Copy As…</source>
        <translation>{path}：规划文件已损坏（{reason}），未做任何修改。请打开备份副本（同一文件夹中的 NAME.qdplan…bak，或您自己的备份），或用“文件 → 另存副本”保存仍可读取的内容</translation>
    </message>
    <message>
        <source>{path}: not a qdplanner plan file (it is not an SQLite database)</source>
        <translation>{path}：不是 qdplanner 规划文件（不是 SQLite 数据库）</translation>
    </message>
    <message>
        <source>{path}: an SQLite database, but not a qdplanner plan file</source>
        <translation>{path}：是 SQLite 数据库，但不是 qdplanner 规划文件</translation>
    </message>
    <message>
        <source>{path}: damaged or unreadable plan file ({reason})</source>
        <translation>{path}：规划文件已损坏或无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{path}: the database holds no qdplanner plan (make one with qdplanner init or qdplanner copy)</source>
        <translation>{path}：该数据库中没有 qdplanner 规划（可用 qdplanner init 或 qdplanner copy 建立）</translation>
    </message>
    <message>
        <source>{path}: written by a newer version of qdplanner (schema {schema}); please upgrade qdplanner to open it</source>
        <translation>{path}：由更新版本的 qdplanner 保存（数据结构 {schema}）；请升级 qdplanner 后再打开</translation>
    </message>
    <message>
        <source>{path}: needs an upgrade to the current schema but is open read-only</source>
        <translation>{path}：需要升级数据结构，但当前以只读方式打开</translation>
    </message>
    <message>
        <source>{path}: the plan&apos;s schema cannot be upgraded on the server ({schema}); copy it to a file and back with qdplanner copy</source>
        <translation>{path}：无法在服务器上升级该规划的数据结构（{schema}）；请用 qdplanner copy 复制到文件再复制回来</translation>
    </message>
    <message>
        <source>{path}: the database is not empty (it has {count} tables); make the plan in a new database</source>
        <translation>{path}：该数据库不是空的（已有 {count} 个表）；请在新的数据库中建立规划</translation>
    </message>
    <message>
        <source>{path}: cannot create the plan ({reason})</source>
        <translation>{path}：无法建立规划（{reason}）</translation>
    </message>
    <message>
        <source>{path}: your database role may not make this change ({reason}); nothing was changed. Ask whoever runs the server for the rights you need</source>
        <translation>{path}：您的数据库角色无权进行此项修改（{reason}）；未做任何修改。请向服务器管理员申请所需权限</translation>
    </message>
    <message>
        <source>{path}: the server has no room left ({reason}); nothing was changed. Ask whoever runs it</source>
        <translation>{path}：服务器空间已满（{reason}）；未做任何修改。请联系服务器管理员</translation>
    </message>
    <message>
        <source>{path}: the connection to the server was lost ({reason}); the change in progress was not saved. Check the network and open the plan again</source>
        <translation>{path}：与服务器的连接已断开（{reason}）；正在进行的修改未保存。请检查网络后重新打开规划</translation>
    </message>
    <message>
        <source>{path}: cannot write the backup copy {backup} before upgrading ({reason}); the plan was left as it was</source>
        <translation>{path}：升级前无法写入备份 {backup}（{reason}）；规划文件未作改动</translation>
    </message>
    <message>
        <source>{path}: cannot open ({reason})</source>
        <translation>{path}：无法打开（{reason}）</translation>
    </message>
    <message>
        <source>{path}: upgrade failed ({reason}); the plan was left as it was</source>
        <translation>{path}：升级失败（{reason}）；规划文件未作改动</translation>
    </message>
    <message>
        <source>{path}: already exists (choose another name)</source>
        <translation>{path}：文件已存在（请另选文件名）</translation>
    </message>
    <message>
        <source>{folder}: no such folder</source>
        <translation>{folder}：文件夹不存在</translation>
    </message>
    <message>
        <source>{path}: cannot create the plan file ({reason})</source>
        <translation>{path}：无法创建规划文件（{reason}）</translation>
    </message>
    <message>
        <source>Not saved: a value is out of range or inconsistent ({detail})</source>
        <translation>未保存：数值超出范围或前后矛盾（{detail}）</translation>
    </message>
    <message>
        <source>Not saved: a record with the same {detail} already exists</source>
        <translation>未保存：已存在相同 {detail} 的记录</translation>
    </message>
    <message>
        <source>Not saved: it refers to a record that does not exist, or is still used by others</source>
        <translation>未保存：引用的记录不存在，或该记录仍被其他内容使用</translation>
    </message>
    <message>
        <source>Not saved: a required value is missing ({detail})</source>
        <translation>未保存：缺少必填内容（{detail}）</translation>
    </message>
    <message>
        <source>Not saved: {detail}</source>
        <translation>未保存：{detail}</translation>
    </message>
    <message>
        <source>{path}: written by an older version of qdplanner, and must be upgraded before it can be read; {who} has it open for editing: ask them to close it (their program upgrades it when it next opens it)</source>
        <translation>{path}：由旧版本 qdplanner 保存，须升级后才能读取；{who} 正以编辑方式打开它：请对方关闭（其程序下次打开时会自动升级）</translation>
    </message>
    <message>
        <source>{path}: your database role {role} may read this plan but not change it (ask the plan&apos;s administrator); nothing was changed</source>
        <translation>{path}：您的数据库角色 {role} 可以查看此规划，但不能修改（请联系规划管理员）；未作任何更改</translation>
    </message>
    <message>
        <source>{path}: a plan on a server is copied with qdplanner copy SOURCE TARGET</source>
        <translation>{path}：服务器上的规划请用 qdplanner copy 源 目标 复制</translation>
    </message>
    <message>
        <source>{path}: the plan is open read-only; nothing was changed</source>
        <translation>{path}：规划文件以只读方式打开，未作任何修改</translation>
    </message>
    <message>
        <source>{path}: someone else changed the same records at the same moment; nothing was changed, try again</source>
        <translation>{path}：其他人在同一时刻修改了相同的记录；未做任何修改，请重试</translation>
    </message>
    <message>
        <source>{path}: the plan is busy (another program is writing it); nothing was changed, try again</source>
        <translation>{path}：规划文件正被其他程序写入，未作修改，请稍后重试</translation>
    </message>
    <message>
        <source>{path}: that is the plan itself; choose another name</source>
        <translation>{path}：这就是当前规划文件本身，请另选文件名</translation>
    </message>
    <message>
        <source>{path}: cannot save the copy ({reason})</source>
        <translation>{path}：无法保存副本（{reason}）</translation>
    </message>
    <message>
        <source>the milestone needs a title</source>
        <translation>节点须填写名称</translation>
    </message>
    <message>
        <source>the milestone needs a planned date</source>
        <translation>节点须填写计划日期</translation>
    </message>
    <message>
        <source>task #{id} does not exist</source>
        <translation>任务 #{id} 不存在</translation>
    </message>
    <message>
        <source>milestone #{id} does not exist</source>
        <translation>节点 #{id} 不存在</translation>
    </message>
    <message>
        <source>not a task field: {names}</source>
        <translation>不是任务字段：{names}</translation>
    </message>
    <message>
        <source>Task “{title}”: {problem}</source>
        <translation>任务“{title}”：{problem}</translation>
    </message>
    <message>
        <source>a unit cannot be both the lead and a supporting unit of a task</source>
        <translation>同一单位不能既是牵头单位又是配合单位</translation>
    </message>
    <message>
        <source>a supporting unit is listed twice</source>
        <translation>配合单位重复填写</translation>
    </message>
    <message>
        <source>unit #{id} does not exist</source>
        <translation>责任单位 #{id} 不存在</translation>
    </message>
    <message>
        <source>{path} already exists; choose another folder, or allow overwriting</source>
        <translation>{path} 已存在；请选择其他文件夹，或允许覆盖</translation>
    </message>
    <message>
        <source>unknown unit “{name}” (add it in the units view first, or use its full name, short name or alias)</source>
        <translation>未知单位“{name}”（请先在责任单位视图中添加，或填写其全称、简称或别名）</translation>
    </message>
    <message>
        <source>“{text}” is not a date (use YYYY-MM-DD)</source>
        <translation>“{text}”不是日期（请用 年-月-日 格式，如 2024-12-31）</translation>
    </message>
    <message>
        <source>{problem}</source>
        <translation>{problem}</translation>
    </message>
    <message>
        <source>{unit} is now the lead and no longer a supporting unit</source>
        <translation>{unit} 已改为牵头单位，不再是配合单位</translation>
    </message>
    <message>
        <source>a task has one lead unit (牵头单位); put the others under supporting units</source>
        <translation>每项任务只有一个牵头单位；其他单位请填入配合单位</translation>
    </message>
    <message>
        <source>{column} cannot be edited here</source>
        <translation>{column} 不能在此修改</translation>
    </message>
    <message>
        <source>a task belongs to exactly one program or project</source>
        <translation>每项任务只能属于一个计划或工程</translation>
    </message>
    <message>
        <source>a task cannot be moved under one of its own sub-tasks</source>
        <translation>任务不能移到自己的子任务之下</translation>
    </message>
    <message>
        <source>“{text}” is not a reporting period (write 2024Q3, 2024H1, 2024-09 or 2024)</source>
        <translation>“{text}”不是填报周期（请写 2024Q3、2024H1、2024-09 或 2024）</translation>
    </message>
    <message>
        <source>period “{text}” is not a half (H1), quarter (Q3) or month (2025-09)</source>
        <translation>期间“{text}”不是半年（H1）、季度（Q3）或月份（2025-09）</translation>
    </message>
    <message>
        <source>{name}, sheet {sheet}: cannot be read ({reason})</source>
        <translation>{name}，工作表 {sheet}：无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{count} cell(s) hold formulas ({cells}); their last calculated values were read, not the formulas</source>
        <translation>{count} 个单元格含有公式（{cells}）；读取的是公式最近一次计算的结果，而不是公式本身</translation>
    </message>
    <message>
        <source>{name}: the workbook is password-protected</source>
        <translation>{name}：工作簿设有密码保护</translation>
    </message>
    <message>
        <source>{name}: the workbook is damaged or unreadable ({reason})</source>
        <translation>{name}：工作簿已损坏或无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{count} cell(s) hold formulas; their last calculated values were read, not the formulas</source>
        <translation>{count} 个单元格含有公式；读取的是公式最近一次计算的结果，而不是公式本身</translation>
    </message>
    <message>
        <source>{name}, sheet {sheet}: {rows} rows × {columns} columns is more than this program reads ({max_rows} rows, {max_columns} columns, {max_cells} cells in all)</source>
        <translation>{name}，工作表 {sheet}：{rows} 行 × {columns} 列，超出本程序可读取的范围（{max_rows} 行、{max_columns} 列，总计 {max_cells} 个单元格）</translation>
    </message>
    <message>
        <source>formulas in .xls files cannot be detected; cells are read as their last calculated values</source>
        <translation>.xls 文件中的公式无法识别；单元格按其最近一次计算的结果读取</translation>
    </message>
    <message>
        <source>there is no record with ID {id} in this plan; leave the ID blank to add a new one</source>
        <translation>本规划中没有 ID 为 {id} 的记录；新增记录请将 ID 留空</translation>
    </message>
    <message>
        <source>ID {id} appears twice (also row {row})</source>
        <translation>ID {id} 重复出现（另见第 {row} 行）</translation>
    </message>
    <message>
        <source>{header} is required (the column is missing)</source>
        <translation>{header}为必填项（缺少该列）</translation>
    </message>
    <message>
        <source>{header} is required</source>
        <translation>{header}为必填项</translation>
    </message>
    <message>
        <source>this row is changed, but the record goes with {what} #{id}, which this import removes</source>
        <translation>此行有修改，但该记录将随本次导入删除的{what} #{id} 一并删除</translation>
    </message>
    <message>
        <source>{what} #{id} is removed by this import</source>
        <translation>{what} #{id} 已在本次导入中删除</translation>
    </message>
    <message>
        <source>this workbook is for the period {found}, not {wanted}</source>
        <translation>该工作簿的填报周期是 {found}，不是 {wanted}</translation>
    </message>
    <message>
        <source>the unit of this workbook, {unit}, is no longer in the plan</source>
        <translation>该工作簿的填报单位“{unit}”已不在本规划中</translation>
    </message>
    <message>
        <source>the sheet {sheet} is missing (was it renamed or deleted?)</source>
        <translation>缺少工作表“{sheet}”（是否被重命名或删除？）</translation>
    </message>
    <message>
        <source>this is a plan workbook (exported from a plan), not a returned progress workbook; import it with import (in the window: File → Import from Excel…)</source>
        <translation>这是规划工作簿（从规划导出），不是报回的进展填报表；请用 import 导入（窗口中：文件 → 从 Excel 导入…）</translation>
    </message>
    <message>
        <source>not a returned progress workbook (its hidden sheet {sheet} is missing); a task-breakdown sheet is imported with import (in the window: File → Import from Excel…)</source>
        <translation>不是报回的进展填报表（缺少隐藏工作表 {sheet}）；任务分解表请用 import 导入（窗口中：文件 → 从 Excel 导入…）</translation>
    </message>
    <message>
        <source>not a progress collection workbook (its hidden sheet {sheet} is missing)</source>
        <translation>不是进展填报工作簿（缺少隐藏工作表 {sheet}）</translation>
    </message>
    <message>
        <source>the hidden sheet {sheet} is damaged or from another program; the workbook cannot be checked</source>
        <translation>隐藏工作表 {sheet} 已损坏或来自其他程序，无法核验该工作簿</translation>
    </message>
    <message>
        <source>this workbook was issued from another plan, not from this one</source>
        <translation>该工作簿由其他规划下发，不属于本规划</translation>
    </message>
    <message>
        <source>the hidden sheet {sheet} was changed; the workbook cannot be checked</source>
        <translation>隐藏工作表 {sheet} 被修改过，无法核验该工作簿</translation>
    </message>
    <message>
        <source>the header of this column was changed (it was {header}); were columns added, removed or moved?</source>
        <translation>该列的表头被修改（原为“{header}”）；是否增删或移动了列？</translation>
    </message>
    <message>
        <source>this read-only cell was changed: the row was issued for task {id}</source>
        <translation>只读单元格被修改：该行下发时对应任务 {id}</translation>
    </message>
    <message>
        <source>task {id} appears twice (also row {row})</source>
        <translation>任务 {id} 出现了两次（另见第 {row} 行）</translation>
    </message>
    <message>
        <source>the rows of {count} task(s) are missing ({ids}); they are not reported</source>
        <translation>有 {count} 项任务的行缺失（{ids}）；这些任务视为未填报</translation>
    </message>
    <message>
        <source>this row was not in the workbook as issued</source>
        <translation>下发的工作簿中没有这一行</translation>
    </message>
    <message>
        <source>there is no {what} with ID {id}</source>
        <translation>没有 ID 为 {id} 的{what}</translation>
    </message>
    <message>
        <source>task {id} is led by {lead}, not by {unit}: is this row from another unit&apos;s workbook?</source>
        <translation>任务 {id} 由{lead}牵头，不是{unit}：该行是否从其他单位的工作簿复制而来？</translation>
    </message>
    <message>
        <source>task {id} was not in this workbook as issued</source>
        <translation>下发的工作簿中没有任务 {id}</translation>
    </message>
    <message>
        <source>this read-only cell was changed; put it back as issued (nothing of this workbook is imported until then)</source>
        <translation>只读单元格被修改；请恢复为下发时的内容（恢复前，该工作簿的内容一律不予导入）</translation>
    </message>
    <message>
        <source>task {id} was removed from the plan after the workbook was issued</source>
        <translation>任务 {id} 在工作簿下发后已从规划中删除</translation>
    </message>
    <message>
        <source>task {id} is now led by {lead}, not by {unit}</source>
        <translation>任务 {id} 现由{lead}牵头，不再由{unit}牵头</translation>
    </message>
    <message>
        <source>choose the task&apos;s status for this period</source>
        <translation>请选择该任务本期的状态</translation>
    </message>
    <message>
        <source>fill in the percent complete (0 to 100)</source>
        <translation>请填写完成进度（0 到 100）</translation>
    </message>
    <message>
        <source>“{value}” is not a status; choose one from the list: {choices}</source>
        <translation>“{value}”不是有效状态，请从下拉列表中选择：{choices}</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
    <message>
        <source>{number} is out of range: it must be a whole number, {bounds}</source>
        <translation>{number} 超出范围：应为整数，范围 {bounds}</translation>
    </message>
    <message>
        <source>“{value}” is a fraction: if the cell shows it as a percentage ({percent} %), type {percent}; percent complete is a whole number from 0 to 100</source>
        <translation>“{value}”是小数：如果单元格以百分比显示（{percent}%），请填写 {percent}；完成进度是 0 到 100 的整数</translation>
    </message>
    <message>
        <source>“{value}” is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <source>“{value}” is a yes/no value, not text</source>
        <translation>“{value}”是“是/否”值，不是文本</translation>
    </message>
    <message>
        <source>“{value}” is not a date: a date cell before 1900 (Excel cannot hold one) or a time; write the date as 2024-06-30</source>
        <translation>“{value}”不是日期：单元格中的日期早于 1900 年（Excel 无法保存）或是时间；请按 2024-06-30 的格式填写日期</translation>
    </message>
    <message>
        <source>“{value}” is not a date (write it as 2024-06-30)</source>
        <translation>“{value}”不是日期（请写成 2024-06-30）</translation>
    </message>
    <message>
        <source>“{value}” is not yes or no (是/否)</source>
        <translation>“{value}”不是“是”或“否”</translation>
    </message>
    <message>
        <source>“{value}” is not one of the values of this column: {choices}</source>
        <translation>“{value}”不是本列的可选值：{choices}</translation>
    </message>
    <message>
        <source>no header row of known columns</source>
        <translation>没有可识别列名的表头行</translation>
    </message>
    <message>
        <source>not a column of this sheet; ignored</source>
        <translation>不是本工作表的列，已忽略</translation>
    </message>
    <message>
        <source>the column {header} appears twice</source>
        <translation>列“{header}”出现了两次</translation>
    </message>
    <message>
        <source>the {header} column is missing</source>
        <translation>缺少“{header}”列</translation>
    </message>
    <message>
        <source>{word} is also the name of another unit ({owner})</source>
        <translation>“{word}”也是另一单位的名称（{owner}）</translation>
    </message>
    <message>
        <source>{word} is also an alias of another unit ({owner})</source>
        <translation>“{word}”也是另一单位的别名（{owner}）</translation>
    </message>
    <message>
        <source>“{text}” may mean {names}; write the full name</source>
        <translation>“{text}”可能指 {names}；请填写全称</translation>
    </message>
    <message>
        <source>unit {name} is removed from the Units sheet, but still named here</source>
        <translation>单位“{name}”已从责任单位表中删除，但此处仍在使用</translation>
    </message>
    <message>
        <source>unit {name} (ID {id}) is removed, but is still a unit of task #{task}; remove it there too</source>
        <translation>单位“{name}”（ID {id}）已删除，但仍是任务 #{task} 的责任单位；请一并删除</translation>
    </message>
    <message>
        <source>a task belongs to one program or one project: give exactly one of the two</source>
        <translation>任务属于一个计划或一个工程：两者须且只能填写一个</translation>
    </message>
    <message>
        <source>task #{id} is in another program or project; a sub-task belongs to its parent&apos;s</source>
        <translation>任务 #{id} 属于其他计划或工程；子任务应与上级任务同属</translation>
    </message>
    <message>
        <source>a task cannot be placed inside its own sub-task</source>
        <translation>任务不能放到自己的子任务之下</translation>
    </message>
    <message>
        <source>the due date is now {due}, but the deadline “{text}” means {target}: it is kept as written and flagged; rewrite it to match</source>
        <translation>截止日期已改为 {due}，但完成时限“{text}”对应的是 {target}：完成时限按原文保留并标记，请改写使两者一致</translation>
    </message>
    <message>
        <source>the due date {due} and the deadline “{text}” (which means {target}) disagree; clear the due date to take the deadline&apos;s date, or make the two agree</source>
        <translation>截止日期 {due} 与完成时限“{text}”（即 {target}）不一致；请清空截止日期以采用完成时限的日期，或使两者一致</translation>
    </message>
    <message>
        <source>the deadline “{text}” is not understood; it is kept as written and flagged, and the due date is left as it is</source>
        <translation>无法识别完成时限“{text}”：按原文保留并标记，截止日期保持不变</translation>
    </message>
    <message>
        <source>end year {end} is before start year {start}</source>
        <translation>结束年份 {end} 早于起始年份 {start}</translation>
    </message>
    <message>
        <source>a milestone belongs to a task, a program or a project: give one of their IDs</source>
        <translation>节点属于某个任务、计划或工程：请填写其中之一的 ID</translation>
    </message>
    <message>
        <source>the same {fields} as row {row}</source>
        <translation>与第 {row} 行的 {fields} 相同</translation>
    </message>
    <message>
        <source>the units of this task differ from those in the {sheet} sheet; change them in one sheet only</source>
        <translation>该任务的责任单位与“{sheet}”表不一致；请只在其中一张表中修改</translation>
    </message>
    <message>
        <source>this sheet only shows each task&apos;s units (read-only); its {count} difference(s) from the 牵头单位/配合单位 columns of the task sheet were ignored: change units there</source>
        <translation>本表仅显示各任务的责任单位（只读）；与任务表“牵头单位/配合单位”列不一致的 {count} 处已忽略：请在任务表中修改单位</translation>
    </message>
    <message>
        <source>{name} is listed twice among this task&apos;s units</source>
        <translation>“{name}”在该任务的责任单位中出现了两次</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>此项为必填</translation>
    </message>
    <message>
        <source>{name} is listed twice for task #{task} (also row {row})</source>
        <translation>“{name}”在任务 #{task} 中出现了两次（另见第 {row} 行）</translation>
    </message>
    <message>
        <source>task #{task} has a lead unit already (row {row}); a task has one lead unit</source>
        <translation>任务 #{task} 已有牵头单位（第 {row} 行）；每项任务只有一个牵头单位</translation>
    </message>
    <message>
        <source>unknown language {lang}; use one of {choices}</source>
        <translation>未知语言 {lang}；请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>{name}: plan workbooks are written as .xlsx (Excel 2007 and later; WPS and LibreOffice open them); name the file {suggested}</source>
        <translation>{name}：规划工作簿只能保存为 .xlsx 格式（Excel 2007 及以上版本、WPS 和 LibreOffice 均可打开）；请将文件命名为 {suggested}</translation>
    </message>
    <message>
        <source>{name}: the {sheet} sheet would have {rows} rows, more than a workbook holds ({limit}); export a part of the plan instead</source>
        <translation>{name}：“{sheet}”表将有 {rows} 行，超出工作簿的容量（{limit} 行）；请改为导出规划的一部分</translation>
    </message>
    <message>
        <source>{path}: the folder {folder} does not exist</source>
        <translation>{path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>{path}: cannot be written (is it open in another program?): {reason}</source>
        <translation>{path}：无法写入（是否已在其他程序中打开？）：{reason}</translation>
    </message>
    <message>
        <source>{path}: cannot be written: {reason}</source>
        <translation>{path}：无法写入：{reason}</translation>
    </message>
    <message>
        <source>{name}: a plan workbook (exported from a plan); the sheet, column and plan document options are for task-breakdown sheets only</source>
        <translation>{name}：这是规划工作簿（从规划导出）；工作表、列和规划文件选项只用于任务分解表</translation>
    </message>
    <message>
        <source>not a sheet of a plan workbook; ignored</source>
        <translation>不是规划工作簿中的工作表，已忽略</translation>
    </message>
    <message>
        <source>a second sheet of the same records (also {sheet})</source>
        <translation>同类记录出现了第二张工作表（另见 {sheet}）</translation>
    </message>
    <message>
        <source>no sheet of a plan workbook (任务, Tasks, …)</source>
        <translation>没有规划工作簿的工作表（任务、Tasks……）</translation>
    </message>
    <message>
        <source>exported by an older version: changes made in the plan since cannot be told from edits in the workbook</source>
        <translation>由旧版本导出：无法区分导出后在规划中所做的修改与工作簿中的编辑</translation>
    </message>
    <message>
        <source>this sheet is hidden in the workbook, yet {count} change(s) come from it; check them in the list before applying</source>
        <translation>该工作表在工作簿中是隐藏的，但有 {count} 处修改来自它；应用前请在列表中核对</translation>
    </message>
    <message>
        <source>{name}: the import would remove records that are missing from the workbook ({what}); nothing was applied. If they are meant to go, import it again with --allow-removals (in the window: confirm the removals)</source>
        <translation>{name}：导入将删除工作簿中已不存在的记录（{what}），未应用任何修改。如确需删除，请加 --allow-removals 重新导入（窗口中：确认删除）</translation>
    </message>
    <message>
        <source>{name}: {count} error(s) in the workbook; nothing was applied</source>
        <translation>{name}：工作簿中有 {count} 处错误；未作任何更改</translation>
    </message>
    <message>
        <source>{name}: this import was applied already</source>
        <translation>{name}：本次导入已经应用过</translation>
    </message>
    <message>
        <source>{plan}: the plan changed after the preview of {name}; nothing was applied, preview the import again</source>
        <translation>{plan}：预览 {name} 之后规划已有变动；未作任何更改，请重新预览导入</translation>
    </message>
    <message>
        <source>Progress of task “{title}” for {period}: {problem}</source>
        <translation>任务“{title}”{period} 的进展：{problem}</translation>
    </message>
    <message>
        <source>{name} is {size} MB; evidence files may be at most {limit} MB</source>
        <translation>{name} 大小为 {size} MB；佐证材料每个文件不得超过 {limit} MB</translation>
    </message>
    <message>
        <source>progress report #{id} does not exist</source>
        <translation>进展报告 #{id} 不存在</translation>
    </message>
    <message>
        <source>evidence file #{id} does not exist</source>
        <translation>佐证材料 #{id} 不存在</translation>
    </message>
    <message>
        <source>plan document</source>
        <translation>规划文件</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>program</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>project</source>
        <translation>工程</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>milestone</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>indicator value</source>
        <translation>指标数值</translation>
    </message>
    <message>
        <source>progress report</source>
        <translation>进展</translation>
    </message>
    <message>
        <source>unit role</source>
        <translation>单位分工</translation>
    </message>
    <message>
        <source>unit alias</source>
        <translation>单位别名</translation>
    </message>
    <message>
        <source>evidence file</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}”: {problem}</source>
        <translation>第 {row} 行“{column}”列：{problem}</translation>
    </message>
    <message>
        <source>{word} is already the name of {owner}</source>
        <translation>{word}已是“{owner}”的名称</translation>
    </message>
    <message>
        <source>{word} is already the short name of {owner}</source>
        <translation>{word}已是“{owner}”的简称</translation>
    </message>
    <message>
        <source>{word} is already an alias of {owner}</source>
        <translation>{word}已是“{owner}”的别名</translation>
    </message>
    <message>
        <source>{word} is another way of writing {owner} (the same body); add it there as an alias, or merge the two units</source>
        <translation>{word}是{owner}的另一种写法（同一单位）；请将其添加为该单位的别名，或合并这两个单位</translation>
    </message>
    <message>
        <source>not a unit field: {names}</source>
        <translation>不是责任单位的字段：{names}</translation>
    </message>
    <message>
        <source>the unit name must not be empty</source>
        <translation>单位名称不能为空</translation>
    </message>
    <message>
        <source>not a kind of unit: {kind}</source>
        <translation>不是有效的单位类型：{kind}</translation>
    </message>
    <message>
        <source>{name} is still used by {tasks} task(s), {reports} progress report(s) and {rounds} collection round(s); merge it into another unit instead</source>
        <translation>“{name}”仍有 {tasks} 项任务、{reports} 份进展报告和 {rounds} 轮填报在使用，不能删除；请改为将其合并到其他单位</translation>
    </message>
    <message>
        <source>a unit cannot be merged into itself</source>
        <translation>单位不能合并到其自身</translation>
    </message>
    <message>
        <source>{path}: a chart can be saved as .png or .svg only</source>
        <translation>{path}：图表只能保存为 .png 或 .svg 格式</translation>
    </message>
    <message>
        <source>cancelled; nothing was changed</source>
        <translation>已取消，未作任何改动</translation>
    </message>
    <message>
        <source>no sheet of this name</source>
        <translation>没有这个名称的工作表</translation>
    </message>
    <message>
        <source>“{name}” could be any of {names}; write the full name</source>
        <translation>“{name}”可能指以下任一单位：{names}；请写全称</translation>
    </message>
    <message>
        <source>no plan document has the ID {id} (see the plan&apos;s documents)</source>
        <translation>没有 ID 为 {id} 的规划文件（请查看本规划的规划文件）</translation>
    </message>
    <message>
        <source>“{title}” is the title of several tasks here ({ids}); give them different titles in the plan first</source>
        <translation>“{title}”是此处多项任务的名称（{ids}）；请先在规划中为它们取不同的名称</translation>
    </message>
    <message>
        <source>“{title}” is not a task here as written, but is {percent}% like task #{id} “{other}”: is it the same task? Decide with --accept-similar (the same) or --add-similar (a new task); in the window, in the preview</source>
        <translation>“{title}”按原文不是此处的任务，但与任务 #{id}“{other}”相似度为 {percent}%：是否为同一任务？请用 --accept-similar（同一任务）或 --add-similar（新任务）确认；在窗口中，可在导入预览中选择</translation>
    </message>
    <message>
        <source>no header row was found</source>
        <translation>未找到表头行</translation>
    </message>
    <message>
        <source>the task column was not found; columns not recognised: {columns}</source>
        <translation>未找到任务列；未能识别的列：{columns}</translation>
    </message>
    <message>
        <source>columns {columns} would all be read as {field}; say which one is (on the command line --map {example}, in the window Columns and Destination…)</source>
        <translation>{columns} 这几列都会被读作{field}；请指定读取哪一列（命令行用 --map {example}，窗口中用“列与导入位置…”）</translation>
    </message>
    <message>
        <source>columns not recognised, not read: {columns}</source>
        <translation>未能识别以下列，未读取：{columns}</translation>
    </message>
    <message>
        <source>columns set aside, not read: {columns}</source>
        <translation>按指定不读取的列：{columns}</translation>
    </message>
    <message>
        <source>no tasks were found below the header</source>
        <translation>表头下方未找到任务</translation>
    </message>
    <message>
        <source>hidden columns, read all the same: {columns}</source>
        <translation>隐藏的列，仍然读取：{columns}</translation>
    </message>
    <message>
        <source>hidden columns, not read: {columns}</source>
        <translation>隐藏的列，未读取：{columns}</translation>
    </message>
    <message>
        <source>{count} hidden row(s), read all the same: {rows}</source>
        <translation>{count} 个隐藏行，仍然读取：{rows}</translation>
    </message>
    <message>
        <source>this row has no task title</source>
        <translation>此行没有任务名称</translation>
    </message>
    <message>
        <source>{count} lead units are listed; {lead} is taken as the lead and the others as supporting units</source>
        <translation>列出了 {count} 个牵头单位；以 {lead} 为牵头单位，其余作为配合单位</translation>
    </message>
    <message>
        <source>the deadline “{text}” cannot be read; it is kept as written</source>
        <translation>无法识别完成时限“{text}”，已按原文保留</translation>
    </message>
    <message>
        <source>these returned workbooks were applied already</source>
        <translation>这些报送的工作簿已经导入过</translation>
    </message>
    <message>
        <source>{plan}: the plan changed after the returned workbooks were read; nothing was applied, read them again</source>
        <translation>{plan}：读取报送工作簿后规划已被修改；未导入任何内容，请重新读取</translation>
    </message>
    <message>
        <source>{count} conflict(s) between reports are not resolved; nothing was applied</source>
        <translation>有 {count} 处填报冲突尚未解决；未导入任何内容</translation>
    </message>
    <message>
        <source>no returned workbook can be applied: each has errors</source>
        <translation>没有可导入的报送工作簿：每个文件都有错误</translation>
    </message>
    <message>
        <source>“{text}” is not a report scope (write plan, program:NAME, project:NAME or unit:NAME)</source>
        <translation>“{text}”不是有效的报告范围（请填写 plan、program:名称、project:名称 或 unit:名称）</translation>
    </message>
    <message>
        <source>the plan has no program named “{name}”</source>
        <translation>规划中没有名为“{name}”的计划</translation>
    </message>
    <message>
        <source>the plan has no project named “{name}”</source>
        <translation>规划中没有名为“{name}”的工程</translation>
    </message>
    <message>
        <source>the plan has no unit named “{name}”</source>
        <translation>规划中没有名为“{name}”的单位</translation>
    </message>
    <message>
        <source>“{lang}” is not a report language (zh or en)</source>
        <translation>“{lang}”不是可用的报告语言（zh 或 en）</translation>
    </message>
    <message>
        <source>unknown report section “{name}” (choose from {choices})</source>
        <translation>未知的报告内容“{name}”（可选：{choices}）</translation>
    </message>
    <message>
        <source>a task cannot follow itself</source>
        <translation>任务不能衔接在自身之后</translation>
    </message>
    <message>
        <source>task #{a} is already linked to task #{b}</source>
        <translation>任务 #{a} 已衔接到任务 #{b}</translation>
    </message>
    <message>
        <source>linking task #{a} to task #{b} would make a loop</source>
        <translation>将任务 #{a} 衔接到任务 #{b} 会形成循环</translation>
    </message>
    <message>
        <source>the baseline needs a name</source>
        <translation>基线需要名称</translation>
    </message>
    <message>
        <source>{path}: a timeline can be saved as .pdf, .png or .svg only</source>
        <translation>{path}：时间进度图只能保存为 .pdf、.png 或 .svg</translation>
    </message>
    <message>
        <source>--to must not be before --from</source>
        <translation>--to 不能早于 --from</translation>
    </message>
    <message>
        <source>No Chinese font is installed, so the summary would print empty boxes; install one (e.g. fonts-noto-cjk) or print it in English</source>
        <translation>未安装中文字体，汇总将打印为空白方框；请安装中文字体（如 fonts-noto-cjk）或改用英文打印</translation>
    </message>
    <message>
        <source>{path}: evidence is exported as a .zip archive; end the name with .zip</source>
        <translation>{path}：佐证材料导出为 .zip 压缩包，请以 .zip 作为文件扩展名</translation>
    </message>
    <message>
        <source>{path}: the folder does not exist</source>
        <translation>{path}：文件夹不存在</translation>
    </message>
    <message>
        <source>no evidence file is attached to a report of {period}; nothing was written</source>
        <translation>{period}的进展报告没有附佐证材料，未写入任何文件</translation>
    </message>
    <message>
        <source>{path}: cannot write the PDF ({reason})</source>
        <translation>{path}：无法写入 PDF（{reason}）</translation>
    </message>
    <message>
        <source>the export was cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <source>{rows} rows are too many for one image; export a PDF or filter the tasks</source>
        <translation>{rows} 行太多，无法放入一张图片；请导出 PDF 或筛选任务</translation>
    </message>
    <message>
        <source>{path}: the image could not be written</source>
        <translation>{path}：无法写入图片</translation>
    </message>
    <message>
        <source>{path}: the last change to this plan was interrupted (a crash or power cut) and has been undone; the plan is as it was before that change</source>
        <translation>{path}：这个规划的上一次修改被中断（程序崩溃或断电），现已撤回；规划恢复到该次修改之前的状态</translation>
    </message>
    <message>
        <source>{path}: the disk is full; nothing was written. Free some space and try again</source>
        <translation>{path}：磁盘已满，未写入任何内容。请清理磁盘空间后重试</translation>
    </message>
    <message>
        <source>{path}: permission denied (the file or its folder is read-only for you); nothing was written</source>
        <translation>{path}：没有权限（您对该文件或其所在文件夹只有只读权限），未写入任何内容</translation>
    </message>
    <message>
        <source>{path}: no such file or folder</source>
        <translation>{path}：文件或文件夹不存在</translation>
    </message>
    <message>
        <source>{path}: the drive could not be read or written; try again</source>
        <translation>{path}：磁盘无法读写，请重试</translation>
    </message>
    <message>
        <source>the whole number must be between {low} and {high} (got {value})</source>
        <translation>整数应在 {low} 到 {high} 之间（实为 {value}）</translation>
    </message>
    <message>
        <source>the value must be a number from -{limit} to {limit} (got {value})</source>
        <translation>数值应为 -{limit} 到 {limit} 之间的数（实为 {value}）</translation>
    </message>
    <message>
        <source>the year must be between {first} and {last} (got {value})</source>
        <translation>年份应在 {first} 到 {last} 之间（实为 {value}）</translation>
    </message>
    <message>
        <source>the date must be between {first} and {last} (got {value})</source>
        <translation>日期应在 {first} 到 {last} 之间（实为 {value}）</translation>
    </message>
    <message>
        <source>the text “{start}” is {length} characters long; at most {limit} fit in a cell</source>
        <translation>文本“{start}”长 {length} 个字符，一个单元格最多容纳 {limit} 个字符</translation>
    </message>
    <message>
        <source>the text “{start}” holds the control character {char} (character {position}); remove it</source>
        <translation>文本“{start}”含有控制字符 {char}（第 {position} 个字符），请删除</translation>
    </message>
    <message>
        <source>{what}: {problem}</source>
        <translation>{what}：{problem}</translation>
    </message>
    <message>
        <source>{record}: the text “{start}…” is {length} characters long, more than a workbook cell holds ({limit})</source>
        <translation>{record}：文本“{start}…”长 {length} 个字符，超过工作簿单元格的容量（{limit}）</translation>
    </message>
    <message>
        <source>{name}: this is a returned progress workbook (its hidden sheet is missing), not a plan workbook; progress workbooks are imported with collect-import (in the window: File → Import Returned Workbooks…), which needs the workbook as it was issued</source>
        <translation>{name}：这是报回的进展填报表（缺少其隐藏工作表），不是规划工作簿；进展填报表请用 collect-import 导入（窗口中：文件 → 导入报回的填报表…），且须使用下发时的原工作簿</translation>
    </message>
    <message>
        <source>{name}: this is {unit}&apos;s returned {period} progress workbook, not a plan workbook; import it with collect-import (in the window: File → Import Returned Workbooks…)</source>
        <translation>{name}：这是{unit}报回的 {period} 进展填报表，不是规划工作簿；请用 collect-import 导入（窗口中：文件 → 导入报回的填报表…）</translation>
    </message>
    <message>
        <source>{name}: a plan workbook whose sheets were renamed ({sheets}); give them back their names (任务, 计划, 工程 … or Tasks, Programs …) and import it again</source>
        <translation>{name}：这是工作表被改名的规划工作簿（{sheets}）；请恢复原名（任务、计划、工程……或 Tasks、Programs……）后重新导入</translation>
    </message>
    <message>
        <source>{name}: this workbook was exported from another plan ({title}, {date}); its rows are matched by ID and would change unrelated records of this plan. Nothing was read. If you really mean to, import it with --other-plan (in the window: answer Import Anyway)</source>
        <translation>{name}：该工作簿导出自另一个规划（{title}，{date}）；其各行按 ID 匹配，会改动本规划中无关的记录。未读取任何内容。如确需导入，请加 --other-plan（窗口中：选择“仍然导入”）</translation>
    </message>
    <message>
        <source>“{name}” is not a unit of the plan, but is possibly the same unit as {near}; if it is, write that name (or give the unit this name as an alias) and import again, otherwise it is created as a new unit</source>
        <translation>“{name}”不是本规划已有的单位，但可能与{near}是同一单位；如是，请改写为该名称（或把它添加为该单位的别名）后重新导入，否则将作为新单位创建</translation>
    </message>
    <message>
        <source>no unit is called {name}</source>
        <translation>没有名为“{name}”的单位</translation>
    </message>
    <message>
        <source>no collection round yet: give --period</source>
        <translation>尚未开展过季度填报：请用 --period 指定期次</translation>
    </message>
    <message>
        <source>{unit} is not late for {period} ({standing}); no notice was written</source>
        <translation>{unit}在{period}没有逾期（{standing}），未生成催办通知</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>internal error: {kind}: {error} (set QDPLANNER_DEBUG=1 to see details)</source>
        <translation>内部错误：{kind}：{error}（设置 QDPLANNER_DEBUG=1 可查看详情）</translation>
    </message>
    <message>
        <source>the number (序号)</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>the program (计划)</source>
        <translation>所属计划</translation>
    </message>
    <message>
        <source>the project (工程)</source>
        <translation>所属工程</translation>
    </message>
    <message>
        <source>the program or project</source>
        <translation>所属计划或工程</translation>
    </message>
    <message>
        <source>the task (重点任务)</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>the lead unit (牵头单位)</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>the supporting units (配合单位)</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <source>the responsible units (责任单位)</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>the deadline (完成时限)</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>the notes (备注)</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>the target (工作目标)</source>
        <translation>工作目标</translation>
    </message>
    <message>
        <source>“{key}” is not a plan setting; the settings are: {keys}</source>
        <translation>“{key}”不是规划设置项；设置项有：{keys}</translation>
    </message>
    <message>
        <source>{key} must be a whole number of days from {low} to {high}, or off (got “{value}”)</source>
        <translation>{key} 应为 {low} 到 {high} 之间的整天数，或 off（关闭）（实为“{value}”）</translation>
    </message>
    <message>
        <source>{key} must be a whole number from {low} to {high} (got “{value}”)</source>
        <translation>{key} 应为 {low} 到 {high} 之间的整数（实为“{value}”）</translation>
    </message>
    <message>
        <source>{key} must be a number from {low} to {high} (got “{value}”)</source>
        <translation>{key} 应为 {low} 到 {high} 之间的数（实为“{value}”）</translation>
    </message>
    <message>
        <source>{key} must be yes or no (got “{value}”)</source>
        <translation>{key} 应为 yes（是）或 no（否）（实为“{value}”）</translation>
    </message>
    <message>
        <source>{key} must be text (got “{value}”)</source>
        <translation>{key} 应为文字（实为“{value}”）</translation>
    </message>
    <message>
        <source>{key} must be at most {high} characters (got {length})</source>
        <translation>{key} 最多 {high} 个字符（实为 {length} 个）</translation>
    </message>
    <message>
        <source>{key} must not hold control characters (got “{value}”)</source>
        <translation>{key} 不能含控制字符（实为“{value}”）</translation>
    </message>
    <message>
        <source>light.yellow_behind ({yellow}) must not be more than light.red_behind ({red}): a task turns yellow before it turns red</source>
        <translation>light.yellow_behind（{yellow}）不能大于 light.red_behind（{red}）：任务先亮黄灯，后亮红灯</translation>
    </message>
    <message>
        <source>{path}: cannot write the Word document ({reason})</source>
        <translation>{path}：无法写入 Word 文档（{reason}）</translation>
    </message>
    <message>
        <source>{path}: the summary is written as a PDF (.pdf) or a Word document (.docx); end the file name with one of them</source>
        <translation>{path}：进展情况汇总只能保存为 PDF（.pdf）或 Word 文档（.docx），请以其中之一作为文件扩展名</translation>
    </message>
    <message>
        <source>name the archive to write (OUT.zip), or give --list</source>
        <translation>请指定要写入的压缩包（OUT.zip），或使用 --list</translation>
    </message>
    <message>
        <source>{path}: {period} has not begun yet (it starts on {start})</source>
        <translation>{path}：{period}尚未开始（{start}开始）</translation>
    </message>
    <message>
        <source>compare two different periods (both are {period})</source>
        <translation>请比较两个不同的期次（两者均为{period}）</translation>
    </message>
    <message>
        <source>{path}: {period} is already closed (closed {when} by {who}); reopen it first to close it again</source>
        <translation>{path}：{period}已关账（{who}于{when}关账）；如需再次关账，请先重新开账</translation>
    </message>
    <message>
        <source>{path}: {period} has not ended yet (it ends on {end}); a period is closed once it is over</source>
        <translation>{path}：{period}尚未结束（{end}结束）；期次结束后方可关账</translation>
    </message>
    <message>
        <source>{period}: that standing is not of the period&apos;s end</source>
        <translation>{period}：该数据不是期末情况</translation>
    </message>
    <message>
        <source>{path}: {period} is not closed; there is nothing to reopen</source>
        <translation>{path}：{period}未关账，无需重新开账</translation>
    </message>
    <message>
        <source>“{text}” is not a narrative section (write overall, results, problems or next_steps)</source>
        <translation>“{text}”不是进展情况的组成部分（请写 overall、results、problems 或 next_steps，也可写 总体进展、主要成效、存在问题、下步工作）</translation>
    </message>
    <message>
        <source>the {section} text is {length} characters long; at most {limit} fit</source>
        <translation>{section}的文字有{length}个字符，最多只能{limit}个</translation>
    </message>
    <message>
        <source>“{text}” is not a program or project (write program:NAME or project:NAME)</source>
        <translation>“{text}”不是计划或工程（请写 program:名称 或 project:名称）</translation>
    </message>
    <message>
        <source>the plan has no program or project named “{name}”</source>
        <translation>规划中没有名为“{name}”的计划或工程</translation>
    </message>
    <message>
        <source>“{name}” names both a program and a project: write program:{name} or project:{name}</source>
        <translation>“{name}”既是计划名称也是工程名称：请写 program:{name} 或 project:{name}</translation>
    </message>
    <message>
        <source>{period} is closed (closed {when} by {who}): its narrative is kept as it was; reopen the period to edit it</source>
        <translation>{period}已关账（{who}于{when}关账）：其进展情况按关账时保留；如需编辑，请先重新开账</translation>
    </message>
    <message>
        <source>“{text}” is not a date for the cover: write a month (2026-01 or 2026年1月) or a day (2026-01-15 or 2026年1月15日)</source>
        <translation>“{text}”不是有效的封面日期：请填写年月（2026-01 或 2026年1月）或具体日期（2026-01-15 或 2026年1月15日）</translation>
    </message>
    <message>
        <source>schema version: {a} in {first}, {b} in {second}</source>
        <translation>数据结构版本：{first} 为 {a}，{second} 为 {b}</translation>
    </message>
    <message>
        <source>{table}: a table only in {plan}</source>
        <translation>{table}：只有 {plan} 中有这张表</translation>
    </message>
    <message>
        <source>{table}: the {part} differ: {a} in {first}, {b} in {second}</source>
        <translation>{table}：{part} 不同：{first} 为 {a}，{second} 为 {b}</translation>
    </message>
    <message>
        <source>{table}: row {key}: {column} is {a} in {first}, {b} in {second}</source>
        <translation>{table}：第 {key} 行：{column} 在 {first} 中为 {a}，在 {second} 中为 {b}</translation>
    </message>
    <message>
        <source>{table}: row {key} only in {plan}</source>
        <translation>{table}：第 {key} 行只在 {plan} 中有</translation>
    </message>
    <message>
        <source>{table}: ids given up to {a} in {first}, up to {b} in {second}</source>
        <translation>{table}：已分配的编号 {first} 到 {a}，{second} 到 {b}</translation>
    </message>
    <message>
        <source>{address}: holds no qdplanner plan</source>
        <translation>{address}：其中没有 qdplanner 规划</translation>
    </message>
    <message>
        <source>{address}: written by a newer version of qdplanner (schema {schema}); please upgrade qdplanner to read it</source>
        <translation>{address}：由更新版本的 qdplanner 保存（数据结构 {schema}）；请升级 qdplanner 后再读取</translation>
    </message>
    <message>
        <source>{address}: written by an older version of qdplanner (schema {schema}) and not yet upgraded on the server; it lacks {missing}</source>
        <translation>{address}：由较早版本的 qdplanner 保存（数据结构 {schema}），服务器上尚未升级；缺少 {missing}</translation>
    </message>
    <message>
        <source>{address}: the server refused the password ({reason}): the one given for this user in ~/.pgpass (Windows: %APPDATA%\postgresql\pgpass.conf) or PGPASSWORD is not the role&apos;s; ask whoever runs the server</source>
        <translation>{address}：服务器拒绝了密码（{reason}）：~/.pgpass（Windows 为 %APPDATA%\postgresql\pgpass.conf）或 PGPASSWORD 中为该用户填写的密码与数据库角色的密码不符；请联系服务器管理人员</translation>
    </message>
    <message>
        <source>{address}: the server asks for a password and none was found ({reason}): put it in ~/.pgpass, one line host:port:database:user:password readable by you alone (chmod 600 ~/.pgpass; Windows: %APPDATA%\postgresql\pgpass.conf), or in PGPASSWORD; qdplanner never asks for one</source>
        <translation>{address}：服务器要求密码，但未找到密码（{reason}）：请写入 ~/.pgpass，每行格式为 主机:端口:数据库:用户:密码，并设为仅本人可读（chmod 600 ~/.pgpass；Windows 为 %APPDATA%\postgresql\pgpass.conf），或设置 PGPASSWORD 环境变量；qdplanner 从不询问密码</translation>
    </message>
    <message>
        <source>{address}: cannot connect to the server ({reason})</source>
        <translation>{address}：无法连接服务器（{reason}）</translation>
    </message>
    <message>
        <source>{address}: a plan on a server needs the PostgreSQL driver psycopg, which is not installed (pip install &apos;psycopg[binary]&apos;)</source>
        <translation>{address}：使用服务器上的规划需要 PostgreSQL 驱动程序 psycopg，但尚未安装（pip install &apos;psycopg[binary]&apos;）</translation>
    </message>
    <message>
        <source>{address}: permission denied ({reason}); nothing was changed</source>
        <translation>{address}：没有权限（{reason}）；未做任何修改</translation>
    </message>
    <message>
        <source>{address}: the plan is in use by others and was not released in time ({reason}); nothing was changed, try again</source>
        <translation>{address}：该规划正由他人使用，等待超时（{reason}）；未做任何修改，请稍后重试</translation>
    </message>
    <message>
        <source>{address}: the connection to the server failed ({reason}); nothing was changed</source>
        <translation>{address}：与服务器的连接出错（{reason}）；未做任何修改</translation>
    </message>
    <message>
        <source>task {code}“{name}”</source>
        <translation>任务 {code}“{name}”</translation>
    </message>
    <message>
        <source>unit “{name}”</source>
        <translation>单位“{name}”</translation>
    </message>
    <message>
        <source>program {code}“{name}”</source>
        <translation>计划 {code}“{name}”</translation>
    </message>
    <message>
        <source>project {code}“{name}”</source>
        <translation>工程 {code}“{name}”</translation>
    </message>
    <message>
        <source>milestone “{name}”</source>
        <translation>节点“{name}”</translation>
    </message>
    <message>
        <source>indicator {code}“{name}”</source>
        <translation>指标 {code}“{name}”</translation>
    </message>
    <message>
        <source>goal “{name}”</source>
        <translation>目标“{name}”</translation>
    </message>
    <message>
        <source>plan document “{name}”</source>
        <translation>规划文件“{name}”</translation>
    </message>
    <message>
        <source>the progress report of “{name}” for {code}</source>
        <translation>“{name}”{code} 的进展报告</translation>
    </message>
    <message>
        <source>the value of “{name}” for {code}</source>
        <translation>“{name}”{code} 的数值</translation>
    </message>
    <message>
        <source>the narrative of {code} ({name})</source>
        <translation>{code} 的进展情况汇总（{name}）</translation>
    </message>
    <message>
        <source>evidence file “{name}”</source>
        <translation>佐证材料“{name}”</translation>
    </message>
    <message>
        <source>the units of {task}</source>
        <translation>{task}的责任单位</translation>
    </message>
    <message>
        <source>the setting {name}</source>
        <translation>设置项 {name}</translation>
    </message>
    <message>
        <source>{kind} record #{key}</source>
        <translation>{kind} 记录 #{key}</translation>
    </message>
    <message>
        <source>Not saved: {who} removed {record} at {when}, after it was read here</source>
        <translation>未保存：{who} 已于 {when} 删除了{record}（在此处读取之后）</translation>
    </message>
    <message>
        <source>Not saved: {who} changed {record} at {when}, after it was read here; its values now are shown — make the change again if it is still needed</source>
        <translation>未保存：{who} 已于 {when} 修改了{record}（在此处读取之后）；现已显示其最新内容——如仍需要，请重新修改</translation>
    </message>
    <message>
        <source>Cannot redo “{step}”: {who} changed {record} at {when}, after it; nothing was changed, and the step leaves the undo list</source>
        <translation>无法重做“{step}”：{who} 于 {when} 在此之后修改了{record}；未作任何更改，该步骤已从撤销列表中移除</translation>
    </message>
    <message>
        <source>Cannot undo “{step}”: {who} changed {record} at {when}, after it; nothing was changed, and the step leaves the undo list</source>
        <translation>无法撤销“{step}”：{who} 于 {when} 在此之后修改了{record}；未作任何更改，该步骤已从撤销列表中移除</translation>
    </message>
    <message>
        <source>{name}: {who} changed {record} at {when}, after the preview; nothing was applied, preview the import again</source>
        <translation>{name}：{who} 于 {when} 在预览之后修改了{record}；未作任何更改，请重新预览导入</translation>
    </message>
    <message>
        <source>indicator #{id} does not exist</source>
        <translation>指标 #{id} 不存在</translation>
    </message>
    <message>
        <source>changed both in the workbook ({book}) and in the plan since the export ({plan}, by {who} at {when}; it was {then}); correct the cell to the value wanted, or export the plan again</source>
        <translation>工作簿（{book}）与规划（导出后由 {who} 于 {when} 改为 {plan}；原为 {then}）都修改了此项；请将单元格改为需要的值，或重新导出规划</translation>
    </message>
    <message>
        <source>{who} removed this record from the plan at {when}, after the export, but the workbook changes it ({header}: {book}); remove the row, or add it again as a new row (blank ID)</source>
        <translation>{who} 于 {when}（导出之后）已从规划中删除此记录，但工作簿修改了它（{header}：{book}）；请删除该行，或将其作为新行重新添加（ID 留空）</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>Milestone</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>when reached</source>
        <translation>实际完成时填写</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Actual date</source>
        <translation>实际日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add milestone</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <source>Edit milestone “%1”</source>
        <translation>修改节点“%1”</translation>
    </message>
    <message>
        <source>Delete Milestone</source>
        <translation>删除节点</translation>
    </message>
    <message>
        <source>Delete the milestone “%1”?</source>
        <translation>删除节点“%1”？</translation>
    </message>
    <message>
        <source>Delete milestone “%1”</source>
        <translation>删除节点“%1”</translation>
    </message>
</context>
<context>
    <name>Narrative</name>
    <message>
        <source>Overall progress</source>
        <translation>总体进展</translation>
    </message>
    <message>
        <source>Main results</source>
        <translation>主要成效</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下步工作</translation>
    </message>
    <message>
        <source>tasks {tasks} and {n} more</source>
        <translation>任务{tasks}等，另有{n}项</translation>
    </message>
    <message>
        <source>task {tasks}</source>
        <translation>任务{tasks}</translation>
    </message>
    <message>
        <source>tasks {tasks}</source>
        <translation>任务{tasks}</translation>
    </message>
    <message>
        <source>{n} {light}</source>
        <translation>{light}{n}项</translation>
    </message>
    <message>
        <source>task {task} ({light})</source>
        <translation>任务{task}（{light}）</translation>
    </message>
    <message>
        <source>{text} ({tasks}).</source>
        <translation>{text}（{tasks}）。</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>……另有{n}条。</translation>
    </message>
    <message>
        <source>There are no tasks here.</source>
        <translation>本项下没有任务。</translation>
    </message>
    <message>
        <source>In {period}, {tasks} task: {lights}; {percent}% complete on average.</source>
        <translation>{period}，共有任务{tasks}项，其中{lights}；平均完成进度{percent}%。</translation>
    </message>
    <message>
        <source>In {period}, {tasks} tasks: {lights}; {percent}% complete on average.</source>
        <translation>{period}，共有任务{tasks}项，其中{lights}；平均完成进度{percent}%。</translation>
    </message>
    <message>
        <source>The {n} task did not report progress for the period.</source>
        <translation>{n}项任务未报送本期进展。</translation>
    </message>
    <message>
        <source>None of the {n} tasks reported progress for the period.</source>
        <translation>{n}项任务均未报送本期进展。</translation>
    </message>
    <message>
        <source>The {n} task reported progress for the period.</source>
        <translation>{n}项任务报送了本期进展。</translation>
    </message>
    <message>
        <source>All {n} tasks reported progress for the period.</source>
        <translation>全部{n}项任务均报送了本期进展。</translation>
    </message>
    <message>
        <source>{reported} task reported progress for the period; {missing} did not.</source>
        <translation>{reported}项任务报送了本期进展，{missing}项未报送。</translation>
    </message>
    <message>
        <source>{reported} tasks reported progress for the period; {missing} did not.</source>
        <translation>{reported}项任务报送了本期进展，{missing}项未报送。</translation>
    </message>
    <message>
        <source>{n} task was completed in the period ({tasks}).</source>
        <translation>本期新完成任务{n}项（{tasks}）。</translation>
    </message>
    <message>
        <source>{n} tasks were completed in the period ({tasks}).</source>
        <translation>本期新完成任务{n}项（{tasks}）。</translation>
    </message>
    <message>
        <source>{n} more</source>
        <translation>另{n}项</translation>
    </message>
    <message>
        <source>{n} task needs attention: {tasks}.</source>
        <translation>需重点关注的任务{n}项：{tasks}。</translation>
    </message>
    <message>
        <source>{n} tasks need attention: {tasks}.</source>
        <translation>需重点关注的任务{n}项：{tasks}。</translation>
    </message>
    <message>
        <source>No progress was reported for the period.</source>
        <translation>本期未报送进展情况。</translation>
    </message>
    <message>
        <source>{n} task is overdue or far behind with no problem reported ({tasks}).</source>
        <translation>另有{n}项任务逾期或严重滞后，但未报送存在问题（{tasks}）。</translation>
    </message>
    <message>
        <source>{n} tasks are overdue or far behind with no problem reported ({tasks}).</source>
        <translation>另有{n}项任务逾期或严重滞后，但未报送存在问题（{tasks}）。</translation>
    </message>
    <message>
        <source>No problem was reported for the period.</source>
        <translation>本期未报送存在问题。</translation>
    </message>
    <message>
        <source>Press the {n} overdue or lagging task to catch up ({tasks}).</source>
        <translation>督促{n}项逾期或滞后任务加快推进（{tasks}）。</translation>
    </message>
    <message>
        <source>Press the {n} overdue or lagging tasks to catch up ({tasks}).</source>
        <translation>督促{n}项逾期或滞后任务加快推进（{tasks}）。</translation>
    </message>
    <message>
        <source>No next steps were reported for the period.</source>
        <translation>本期未报送下步打算。</translation>
    </message>
</context>
<context>
    <name>NarrativeView</name>
    <message>
        <source>Redraft from Data</source>
        <translation>根据数据重新起草</translation>
    </message>
    <message>
        <source>Put the draft made from the units&apos; progress reports for the period in the four sections (counts, lights and the tasks named); Save keeps it.</source>
        <translation>用各单位本期进展报告起草的文字填入四个部分（含任务数、亮灯情况和任务名称）；点击“保存”后保留。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Program / project</source>
        <translation>计划/工程</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>总体进展</translation>
    </message>
    <message>
        <source>Main results</source>
        <translation>主要成效</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下步工作</translation>
    </message>
    <message>
        <source>drafted from the data</source>
        <translation>根据数据起草</translation>
    </message>
    <message>
        <source>carried over from %1 (edited by %2, %3)</source>
        <translation>沿用%1的文字（%2编辑于%3）</translation>
    </message>
    <message>
        <source>edited by %1, %2</source>
        <translation>%1编辑于%2</translation>
    </message>
    <message>
        <source>kept as drafted by %1, %2</source>
        <translation>按草稿保存（%1，%2）</translation>
    </message>
    <message>
        <source>kept as carried over by %1, %2</source>
        <translation>沿用上期文字保存（%1，%2）</translation>
    </message>
    <message>
        <source>Write a period such as 2025Q4.</source>
        <translation>请填写期间，如 2025Q4。</translation>
    </message>
    <message>
        <source>The plan is open read-only.</source>
        <translation>规划以只读方式打开。</translation>
    </message>
    <message>
        <source>The plan is shown as it stood on %1; go back to today to edit.</source>
        <translation>当前显示的是规划在 %1 时的状况；请先回到今天再编辑。</translation>
    </message>
    <message>
        <source>%1 is closed (closed %2 by %3): reopen it to edit its narrative.</source>
        <translation>%1已关账（%3于%2关账）：如需编辑进展情况，请先重新开账。</translation>
    </message>
    <message>
        <source>Narrative of %1 for %2</source>
        <translation>%1 %2进展情况</translation>
    </message>
</context>
<context>
    <name>NoPlanPane</name>
    <message>
        <source>Open Plan…</source>
        <translation>打开规划…</translation>
    </message>
    <message>
        <source>New Plan…</source>
        <translation>新建规划…</translation>
    </message>
    <message>
        <source>Open Sample Plan</source>
        <translation>打开示例规划</translation>
    </message>
    <message>
        <source>Open Server Plan…</source>
        <translation>打开服务器上的规划…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>No plan is open.</source>
        <translation>没有打开的规划。</translation>
    </message>
</context>
<context>
    <name>OutlineActions</name>
    <message>
        <source>Add Plan &amp;Document…</source>
        <translation>添加规划文件(&amp;D)…</translation>
    </message>
    <message>
        <source>Add &amp;Program…</source>
        <translation>添加计划(&amp;P)…</translation>
    </message>
    <message>
        <source>Add Pro&amp;ject…</source>
        <translation>添加工程(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>Add plan document</source>
        <translation>添加规划文件</translation>
    </message>
    <message>
        <source>Choose a plan document in the tree first.</source>
        <translation>请先在左侧导航树中选择一个规划文件。</translation>
    </message>
    <message>
        <source>Program name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>工程名称</translation>
    </message>
    <message>
        <source>Add program</source>
        <translation>添加计划</translation>
    </message>
    <message>
        <source>Add project</source>
        <translation>添加工程</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation>重命名“%1”</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove “%1”? Only an empty one can be removed.</source>
        <translation>删除“%1”？只能删除其下没有任务、指标等内容的项。</translation>
    </message>
</context>
<context>
    <name>OutlineTree</name>
    <message>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>全部任务</translation>
    </message>
</context>
<context>
    <name>PeriodActions</name>
    <message>
        <source>&amp;Close Period…</source>
        <translation>关账(&amp;C)…</translation>
    </message>
    <message>
        <source>Re&amp;open Period…</source>
        <translation>重新开账(&amp;O)…</translation>
    </message>
    <message>
        <source>Close period %1</source>
        <translation>关账 %1</translation>
    </message>
    <message>
        <source>Closed %1: %2 tasks, %3 indicators and %4 unit returns kept as they stood on %5.</source>
        <translation>%1已关账：已按%5的情况保存%2项任务、%3项指标和%4家单位的报送情况。</translation>
    </message>
    <message>
        <source>Reopen period %1</source>
        <translation>重新开账 %1</translation>
    </message>
    <message>
        <source>Reopened %1: it is judged live until closed again.</source>
        <translation>%1已重新开账：再次关账前按实时情况研判。</translation>
    </message>
    <message>
        <source>Close Period</source>
        <translation>关账</translation>
    </message>
    <message>
        <source>Reopen Period</source>
        <translation>重新开账</translation>
    </message>
    <message>
        <source>No period is closed.</source>
        <translation>尚无已关账的期次。</translation>
    </message>
    <message>
        <source>Period to reopen:</source>
        <translation>要重新开账的期次：</translation>
    </message>
    <message>
        <source>Reopen %1? What its closing kept (closed %2 by %3) is removed, and the period is judged live from what the plan holds until it is closed again. The reopening is logged; Edit → Undo puts the closing back.</source>
        <translation>重新开账%1？关账时保存的内容（%3于%2关账）将被移除，再次关账前该期次按规划现有数据实时研判。重新开账将记入操作日志；“编辑 → 撤销”可恢复关账。</translation>
    </message>
</context>
<context>
    <name>PeriodsView</name>
    <message>
        <source>Close Period…</source>
        <translation>关账…</translation>
    </message>
    <message>
        <source>Reopen Period…</source>
        <translation>重新开账…</translation>
    </message>
    <message>
        <source>Closed periods</source>
        <translation>已关账期次</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关账时间</translation>
    </message>
    <message>
        <source>As it stood on</source>
        <translation>研判日期</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>关账人</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>Lights</source>
        <translation>亮灯</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新开账</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <source>What moved</source>
        <translation>变化内容</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>After</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Lead unit / detail</source>
        <translation>牵头单位/说明</translation>
    </message>
    <message>
        <source>Program / project</source>
        <translation>计划/工程</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%2于%1</translation>
    </message>
    <message>
        <source>%1 → %2: %3 lights better, %4 worse; %5 newly done, %6 newly overdue; %7 tasks with no report for %2; %8 indicators moved; %9 units late or not returned.</source>
        <translation>%1 → %2：亮灯好转%3项、变差%4项；新完成%5项，新增逾期%6项；%7项任务%2未报送进展；指标变动%8项；逾期或未报送单位%9家。</translation>
    </message>
    <message>
        <source>%1: closed %2 by %3, as the plan stood on %4.</source>
        <translation>%1：%3于%2关账，按%4的规划情况。</translation>
    </message>
    <message>
        <source>%1: not closed: compared against the live judgement at the period&apos;s end (%2), from what the plan holds now.</source>
        <translation>%1：未关账，按规划现有数据对期末（%2）的实时研判进行比较。</translation>
    </message>
    <message>
        <source>%1: not closed and not over: judged today (%2) with the current figures.</source>
        <translation>%1：未关账且尚未结束，按今天（%2）的当前数据研判。</translation>
    </message>
    <message>
        <source>Lights worse (%1)</source>
        <translation>亮灯变差（%1项）</translation>
    </message>
    <message>
        <source>Lights better (%1)</source>
        <translation>亮灯好转（%1项）</translation>
    </message>
    <message>
        <source>Other light changes (%1)</source>
        <translation>亮灯其他变化（%1项）</translation>
    </message>
    <message>
        <source>Newly done (%1)</source>
        <translation>新完成（%1项）</translation>
    </message>
    <message>
        <source>Newly overdue (%1)</source>
        <translation>新增逾期（%1项）</translation>
    </message>
    <message>
        <source>No report for the period (%1)</source>
        <translation>本期未报送进展（%1项）</translation>
    </message>
    <message>
        <source>Indicators moved (%1)</source>
        <translation>指标变动（%1项）</translation>
    </message>
    <message>
        <source>Units late or not returned (%1)</source>
        <translation>逾期或未报送单位（%1家）</translation>
    </message>
    <message>
        <source>… and %1 more (qdplanner period compare lists all)</source>
        <translation>……另有%1项（qdplanner period compare 列出全部）</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>截止日期 %1</translation>
    </message>
    <message>
        <source>returned %1, due %2</source>
        <translation>%1报回，应于%2前报送</translation>
    </message>
    <message>
        <source>%1 rows left empty</source>
        <translation>%1行未填</translation>
    </message>
    <message>
        <source>also in the earlier period</source>
        <translation>上期亦然</translation>
    </message>
</context>
<context>
    <name>PictureDialog</name>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
</context>
<context>
    <name>PlanDocumentDialog</name>
    <message>
        <source>Add Plan Document</source>
        <translation>添加规划文件</translation>
    </message>
    <message>
        <source>e.g. 三年行动方案（2022—2024年）</source>
        <translation>如：三年行动方案（2022—2024年）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>截止年份</translation>
    </message>
</context>
<context>
    <name>PlanSettings</name>
    <message>
        <source>Task lights</source>
        <translation>任务灯</translation>
    </message>
    <message>
        <source>Indicator lights</source>
        <translation>指标灯</translation>
    </message>
    <message>
        <source>Progress summary</source>
        <translation>进展情况汇总</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Yellow when behind by</source>
        <translation>亮黄灯的滞后幅度</translation>
    </message>
    <message>
        <source>A task whose percent complete lags the share of its start→due span already elapsed by this many points or more is yellow (at risk).</source>
        <translation>任务完成进度落后于其起止时间已过比例达到此点数及以上时亮黄灯（进度滞后）。</translation>
    </message>
    <message>
        <source>points</source>
        <translation>个百分点</translation>
    </message>
    <message>
        <source>Red when behind by</source>
        <translation>亮红灯的滞后幅度</translation>
    </message>
    <message>
        <source>A task lagging by this many points or more is red, as an overdue task is. At least the yellow threshold.</source>
        <translation>任务滞后达到此点数及以上时亮红灯，与逾期任务相同。不小于黄灯阈值。</translation>
    </message>
    <message>
        <source>Blue when due within</source>
        <translation>即将到期（蓝灯）提前天数</translation>
    </message>
    <message>
        <source>A task on track whose due date is this many days away or fewer is blue (due soon). Off: no blue light.</source>
        <translation>进度正常、距完成期限不超过此天数的任务亮蓝灯（即将到期）。关闭：不使用蓝灯。</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Keep a late recovery yellow</source>
        <translation>滞后后赶上的任务保持黄灯</translation>
    </message>
    <message>
        <source>A task that was behind (yellow or red) at the end of an earlier reporting period, by its progress report, stays yellow after catching up, until it is done.</source>
        <translation>按进展报告，在以往某一报送期末滞后（黄灯或红灯）的任务，赶上进度后仍亮黄灯，直至完成。</translation>
    </message>
    <message>
        <source>Off track when behind by more than</source>
        <translation>指标严重滞后的偏离幅度</translation>
    </message>
    <message>
        <source>An indicator behind the straight line from baseline to target by more than this share of the distance (an annual one: short of its target by more than this share) is off track; behind by less, it is behind.</source>
        <translation>指标落后于从基期值到目标值的直线路径，超过两者差距的此比例（年度指标：距目标差额超过目标的此比例）为严重滞后；落后不超过此比例为滞后。</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <source>The office named on the cover of the progress summary. Empty: the issuer of the plan document.</source>
        <translation>进展情况汇总封面上的编制单位。留空：使用规划文件的发布单位。</translation>
    </message>
    <message>
        <source>Date on the cover</source>
        <translation>封面日期</translation>
    </message>
    <message>
        <source>The date on the cover of the progress summary: a month (2026-01, printed 2026年1月) or a day (2026-01-15). Empty: the month the summary is printed.</source>
        <translation>进展情况汇总封面所署日期：可填年月（2026-01，印为2026年1月）或具体日期（2026-01-15）。留空则为汇总打印当月。</translation>
    </message>
    <message>
        <source>Largest evidence file</source>
        <translation>佐证材料大小上限</translation>
    </message>
    <message>
        <source>An evidence file (佐证材料) larger than this is refused: plans travel by e-mail and on USB sticks.</source>
        <translation>超过此大小的佐证材料不予接收：规划文件常通过电子邮件和U盘传递。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>month printed</source>
        <translation>打印当月</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{value} {unit}</source>
        <translation>{value}{unit}</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>History</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>季度填报</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>关账期次</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Copies the plan from the server into a plan file, with its change log, as the command qdplanner copy does</source>
        <translation>把服务器上的规划连同操作日志复制为一个规划文件，与命令 qdplanner copy 相同</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Record Pro&amp;gress…</source>
        <translation>填报进展(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;As Of…</source>
        <translation>按日期查看(&amp;A)…</translation>
    </message>
    <message>
        <source>Bac&amp;k to Today</source>
        <translation>回到今天(&amp;K)</translation>
    </message>
    <message>
        <source>Save a Copy As</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Copy saved as %1</source>
        <translation>副本已保存为 %1</translation>
    </message>
    <message>
        <source>%1 — %2 tasks shown</source>
        <translation>%1 — 显示 %2 项任务</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 tasks match the filter</source>
        <translation>%1 — %3 项任务中 %2 项符合筛选条件</translation>
    </message>
    <message>
        <source>%1 tasks · %2 units · %3 indicators</source>
        <translation>任务 %1 项 · 责任单位 %2 个 · 指标 %3 项</translation>
    </message>
    <message>
        <source>Choose the task to report progress on.</source>
        <translation>请先选择要填报进展的任务。</translation>
    </message>
    <message>
        <source>Change Date…</source>
        <translation>更改日期…</translation>
    </message>
    <message>
        <source>Back to Today</source>
        <translation>回到今天</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Record Progress — %1</source>
        <translation>填报进展 — %1</translation>
    </message>
    <message>
        <source>2024Q3, 2024H1, 2024-09 or 2024</source>
        <translation>如 2024Q3、2024H1、2024-09 或 2024</translation>
    </message>
    <message>
        <source>Add Evidence…</source>
        <translation>添加佐证材料…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New Report…</source>
        <translation>重新填报…</translation>
    </message>
    <message>
        <source>Replace this period&apos;s report with a new one (you are asked first)</source>
        <translation>以一份新的填报替换本期已有填报（会先询问）</translation>
    </message>
    <message>
        <source>Open the Existing Report</source>
        <translation>打开已有填报</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>填报周期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress %</source>
        <translation>完成进度%</translation>
    </message>
    <message>
        <source>Progress made</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下步打算</translation>
    </message>
    <message>
        <source>Reporting unit</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>填报日期</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Type the period: 2024Q3, 2024H1, 2024-09 or 2024.</source>
        <translation>请填写填报周期：2024Q3、2024H1、2024-09 或 2024。</translation>
    </message>
    <message>
        <source>New report for %1</source>
        <translation>新填报：%1</translation>
    </message>
    <message>
        <source>Editing the %1 report of %2</source>
        <translation>正在修改 %1 的进展填报（%2 填报）</translation>
    </message>
    <message>
        <source>New %1 report, replacing the one of %2 when you press OK</source>
        <translation>新的 %1 进展填报：按“确定”后替换 %2 的原填报</translation>
    </message>
    <message>
        <source>%1 already has a report (of %2): open it to edit it, or press OK to be asked before it is replaced by this one.</source>
        <translation>%1 已有进展填报（%2 填报）：可打开它修改；按“确定”时，替换前会先询问。</translation>
    </message>
    <message>
        <source>%1 (attached)</source>
        <translation>%1（已附）</translation>
    </message>
    <message>
        <source>Replace the %1 report of %2 with a new one? Its progress, problems and next steps are replaced by what you enter now</source>
        <translation>用新的填报替换 %2 填报的 %1 进展？原有的进展情况、存在问题和下步打算将被现在填写的内容替换</translation>
    </message>
    <message numerus="yes">
        <source>, and its %n evidence file(s) are removed</source>
        <translation>
            <numerusform>，其 %n 个佐证材料将被删除</numerusform>
        </translation>
    </message>
    <message>
        <source>. Undo (Ctrl+Z) brings it back.</source>
        <translation>。撤销（Ctrl+Z）可恢复。</translation>
    </message>
    <message>
        <source>New Report</source>
        <translation>重新填报</translation>
    </message>
    <message>
        <source>Add Evidence</source>
        <translation>添加佐证材料</translation>
    </message>
    <message>
        <source>Edit progress report %1</source>
        <translation>修改进展填报 %1</translation>
    </message>
    <message>
        <source>Replace progress report %1</source>
        <translation>替换进展填报 %1</translation>
    </message>
    <message>
        <source>Record progress %1</source>
        <translation>填报 %1 进展</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Reminder</name>
    <message>
        <source>not on record</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Contact: {contact}; phone: {phone}</source>
        <translation>联系人：{contact}；联系电话：{phone}</translation>
    </message>
    <message>
        <source>Your progress report for {period} was due by {due}. In the workbook you returned on {returned}, the following {n} task(s) were left empty; please report them as soon as possible:</source>
        <translation>按照工作安排，贵单位应于{due}前报送{period}任务进展情况。贵单位于{returned}报送的进展填报表中，以下{n}项任务未填写，请尽快补报：</translation>
    </message>
    <message>
        <source>Your progress report for {period} was due by {due}. As of {today} we have not received it; please report on the following {n} task(s) as soon as possible:</source>
        <translation>按照工作安排，贵单位应于{due}前报送{period}任务进展情况。截至{today}，尚未收到贵单位报送的进展填报表，请尽快报送以下{n}项任务的进展情况：</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>________________</source>
        <translation>________________</translation>
    </message>
    <message>
        <source>If you have sent it already, please disregard this notice. For questions, please contact {office}.</source>
        <translation>如已报送，请忽略本通知。如有疑问，请与{office}联系。</translation>
    </message>
    <message>
        <source>(The round was issued without a due date; returns are due by the 10th of the month after the period.)</source>
        <translation>（本轮填报下发时未注明截止日期，按期末次月10日前报送掌握。）</translation>
    </message>
    <message>
        <source>Reminder Notice</source>
        <translation>催办通知</translation>
    </message>
    <message>
        <source>{unit}:</source>
        <translation>{unit}：</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>催办通知</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>Reminder Notices for %1</source>
        <translation>%1催办通知</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) are late for %1: the due date has passed and their return is not in, or came back with rows left empty. Each checked unit gets a notice.</source>
        <translation>
            <numerusform>%1 有 %n 家单位逾期：已过截止日期，填报表未报回或有未填写的行。每家勾选的单位生成一份催办通知。</numerusform>
        </translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>未报送任务</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>not on record</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Save as &amp;Word…</source>
        <translation>保存为 Word(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save the Reminder Notices in</source>
        <translation>催办通知保存到</translation>
    </message>
    <message>
        <source>Reminder Notices</source>
        <translation>催办通知</translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) of the same name are in that folder already. Replace them?</source>
        <translation>
            <numerusform>该文件夹中已有%n份同名通知，是否替换？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n reminder notice(s) to %1</source>
        <translation>
            <numerusform>已将%n份催办通知写入 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printed %n page(s) of reminder notices</source>
        <translation>
            <numerusform>已打印催办通知%n页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Overview</source>
        <translation>总体情况</translation>
    </message>
    <message>
        <source>Progress by program and project</source>
        <translation>各计划、工程进展情况</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>主要指标完成情况</translation>
    </message>
    <message>
        <source>Indicator charts</source>
        <translation>指标走势图</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>节点完成情况</translation>
    </message>
    <message>
        <source>Overdue and at-risk tasks</source>
        <translation>逾期及滞后任务</translation>
    </message>
    <message>
        <source>Quarterly returns from units</source>
        <translation>季度进展报送情况</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>进度时间轴</translation>
    </message>
    <message>
        <source>Compared with the previous period</source>
        <translation>与上期相比</translation>
    </message>
    <message>
        <source>program: {name}</source>
        <translation>计划：{name}</translation>
    </message>
    <message>
        <source>project: {name}</source>
        <translation>工程：{name}</translation>
    </message>
    <message>
        <source>lead unit: {name}</source>
        <translation>牵头单位：{name}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>Program / project</source>
        <translation>计划/工程</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>There are no indicators in this scope.</source>
        <translation>本范围内没有指标。</translation>
    </message>
    <message>
        <source>{value} ({year})</source>
        <translation>{value}（{year}）</translation>
    </message>
    <message>
        <source>whole plan</source>
        <translation>全部规划</translation>
    </message>
    <message>
        <source>{plan} — progress summary</source>
        <translation>{plan}进展情况汇总</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第{page}页 共{pages}页</translation>
    </message>
    <message>
        <source>Printed {date}</source>
        <translation>打印日期：{date}</translation>
    </message>
    <message>
        <source>________________________</source>
        <translation>＿＿＿＿＿＿＿＿＿＿＿＿</translation>
    </message>
    <message>
        <source>{plan}
Progress Summary</source>
        <translation>{plan}
进展情况汇总</translation>
    </message>
    <message>
        <source>({period})</source>
        <translation>（{period}）</translation>
    </message>
    <message>
        <source>Scope: {scope}</source>
        <translation>范围：{scope}</translation>
    </message>
    <message>
        <source>Status as of: {date}</source>
        <translation>统计截至：{date}</translation>
    </message>
    <message>
        <source>Prepared by: {issuer}</source>
        <translation>编制单位：{issuer}</translation>
    </message>
    <message>
        <source>As of {date} ({scope}): {tasks} tasks, {percent}% complete on average; {lights}.</source>
        <translation>截至{date}，{scope}共有任务{tasks}项，平均完成进度{percent}%。其中{lights}。</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>按状态统计</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>By program and project</source>
        <translation>按计划、工程统计</translation>
    </message>
    <message>
        <source>Avg. %</source>
        <translation>平均进度</translation>
    </message>
    <message>
        <source>{n}. {title}: {text}</source>
        <translation>{n}.{title}。{text}</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基期值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Latest actual</source>
        <translation>最新实际值</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Note: progress runs from the baseline to the target; the assessment follows the plan&apos;s thresholds.</source>
        <translation>注：完成进度按基期值至目标值计算；评价按规划设定的阈值判定。</translation>
    </message>
    <message>
        <source>▲ reached late</source>
        <translation>▲ 延期完成</translation>
    </message>
    <message>
        <source>✔ reached</source>
        <translation>✔ 已完成</translation>
    </message>
    <message>
        <source>■ missed</source>
        <translation>■ 逾期</translation>
    </message>
    <message>
        <source>○ not yet due</source>
        <translation>○ 未到期</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Of task / program / project</source>
        <translation>所属任务/计划/工程</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>实际完成</translation>
    </message>
    <message>
        <source>State</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Due in the period</source>
        <translation>本期到期节点</translation>
    </message>
    <message>
        <source>No milestone falls due in the period.</source>
        <translation>本期没有到期节点。</translation>
    </message>
    <message>
        <source>Missed (past due, not reached)</source>
        <translation>逾期未完成节点</translation>
    </message>
    <message>
        <source>No milestone is past due and unreached.</source>
        <translation>没有逾期未完成的节点。</translation>
    </message>
    <message>
        <source>(no progress reported)</source>
        <translation>（未报送进展）</translation>
    </message>
    <message>
        <source>…</source>
        <translation>……</translation>
    </message>
    <message>
        <source>[{period}] {text}</source>
        <translation>〔{period}〕{text}</translation>
    </message>
    <message>
        <source>As of {date}, {red} tasks are {red_word} and {yellow} {yellow_word}, listed by lead unit.</source>
        <translation>截至{date}，{red_word}任务{red}项、{yellow_word}任务{yellow}项，按牵头单位列示如下。</translation>
    </message>
    <message>
        <source>No task is overdue or at risk.</source>
        <translation>没有逾期或滞后的任务。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>%</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Latest progress</source>
        <translation>最新进展</translation>
    </message>
    <message>
        <source>No lead unit</source>
        <translation>未明确牵头单位</translation>
    </message>
    <message>
        <source>{unit} ({n})</source>
        <translation>{unit}（{n}项）</translation>
    </message>
    <message>
        <source>{deadline}
({date})</source>
        <translation>{deadline}
（{date}）</translation>
    </message>
    <message>
        <source>✔ returned</source>
        <translation>✔ 已报送</translation>
    </message>
    <message>
        <source>■ not returned</source>
        <translation>■ 未报送</translation>
    </message>
    <message>
        <source>○ not issued</source>
        <translation>○ 未下发</translation>
    </message>
    <message>
        <source>No unit is due to report for the period.</source>
        <translation>本期没有需要报送的单位。</translation>
    </message>
    <message>
        <source>For {period}, {units} units are due to report: {returned} returned, {issued} issued and not returned, {none} not issued.</source>
        <translation>{period}应报送单位{units}家，已报送{returned}家，已下发未报送{issued}家，未下发{none}家。</translation>
    </message>
    <message>
        <source>Tasks led</source>
        <translation>牵头任务</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已报进展</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <source>Returned on</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>No evidence file is attached to the period&apos;s progress reports.</source>
        <translation>本期进展报送未附佐证材料。</translation>
    </message>
    <message>
        <source>Evidence files attached to the period&apos;s progress reports: {files} for {tasks} tasks.</source>
        <translation>本期进展报送所附佐证材料：共{files}份，涉及任务{tasks}项。</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>{period}: closed on {date} by {who}, as the plan stood on {end}.</source>
        <translation>{period}：{who}已于{date}关账，按{end}的规划情况。</translation>
    </message>
    <message>
        <source>{period}: not closed; judged live, as the plan stood on {end} from what it holds now.</source>
        <translation>{period}：未关账，按规划现有数据实时研判{end}的情况。</translation>
    </message>
    <message>
        <source>{period}: not over yet; judged on {date} with the current figures.</source>
        <translation>{period}：尚未结束，按{date}的当前数据研判。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>增减</translation>
    </message>
    <message>
        <source>Lights better or worse</source>
        <translation>亮灯好转或变差</translation>
    </message>
    <message>
        <source>No task&apos;s light got better or worse.</source>
        <translation>没有亮灯好转或变差的任务。</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Compared with {earlier}, in {later} {better} tasks&apos; lights got better and {worse} worse; {done} tasks were newly done and {overdue} newly overdue; {no_report} tasks had no progress report for the period. {moved} indicators moved ({ind_better} better, {ind_worse} worse, {ind_first} measured for the first time). {late} units returned late, {partial} partly and {missing} not at all.</source>
        <translation>与{earlier}相比，{later}亮灯好转{better}项、变差{worse}项，新完成{done}项、新增逾期{overdue}项，{no_report}项任务本期未报送进展；指标变动{moved}项（好转{ind_better}项、变差{ind_worse}项、首次有数据{ind_first}项）；逾期报送单位{late}家、部分报送{partial}家、未报送{missing}家。</translation>
    </message>
    <message>
        <source>Worse ({n})</source>
        <translation>变差（{n}项）</translation>
    </message>
    <message>
        <source>Better ({n})</source>
        <translation>好转（{n}项）</translation>
    </message>
    <message>
        <source>The first {n} of {total} are listed; qdplanner period compare lists them all.</source>
        <translation>仅列出{total}项中的前{n}项；qdplanner period compare 可列出全部。</translation>
    </message>
    <message>
        <source>Units late or not returned</source>
        <translation>逾期或未报送单位</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应报日期</translation>
    </message>
    <message>
        <source>Last period</source>
        <translation>上期</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation>（逾期）</translation>
    </message>
    <message>
        <source>also</source>
        <translation>同样</translation>
    </message>
    <message>
        <source>{year} H1</source>
        <translation>{year}年上半年</translation>
    </message>
    <message>
        <source>{year} H2</source>
        <translation>{year}年下半年</translation>
    </message>
    <message>
        <source>{year} Q1</source>
        <translation>{year}年第一季度</translation>
    </message>
    <message>
        <source>{year} Q2</source>
        <translation>{year}年第二季度</translation>
    </message>
    <message>
        <source>{year} Q3</source>
        <translation>{year}年第三季度</translation>
    </message>
    <message>
        <source>{year} Q4</source>
        <translation>{year}年第四季度</translation>
    </message>
    <message>
        <source> (illustrative)</source>
        <translation>（示例）</translation>
    </message>
    <message>
        <source>This document contains illustrative data, marked “(illustrative)”: filled in for the sample plan, not reported by any unit.</source>
        <translation>本文件含示例数据（标注“示例”者）：系为示例规划补充填写，并非各单位报送的数据。</translation>
    </message>
    <message>
        <source> (derived)</source>
        <translation>（推算）</translation>
    </message>
    <message>
        <source>{n} {light}</source>
        <translation>{light}{n}项</translation>
    </message>
    <message>
        <source>{list}, {item}</source>
        <translation>{list}，{item}</translation>
    </message>
    <message>
        <source>{year}-{month:02}-{day:02}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{year}-{month:02}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>“About {target}” is met within ±{tolerance} of it ({low} to {high}), and by any value above it: an overshoot counts as met, never as behind.</source>
        <translation>“约{target}”在其±{tolerance}范围内（{low}至{high}）即为达到，高于此范围同样视为达到：超额完成不算滞后。</translation>
    </message>
    <message>
        <source>“About {target}” is met within ±{tolerance} of it ({low} to {high}), and by any value below it: an overshoot counts as met, never as behind.</source>
        <translation>“约{target}”在其±{tolerance}范围内（{low}至{high}）即为达到，低于此范围同样视为达到：超额完成不算滞后。</translation>
    </message>
    <message>
        <source>“About” (约/左右) targets are met within the plan&apos;s tolerance of the target, or when exceeded in the better direction: an overshoot counts as met, never as behind.</source>
        <translation>“约”“左右”类目标在规划允许的误差范围内即为达到，向更优方向超出同样视为达到：超额完成不算滞后。</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>&amp;Print Summary…</source>
        <translation>打印进展汇总(&amp;P)…</translation>
    </message>
    <message>
        <source>Export Summary P&amp;DF…</source>
        <translation>导出汇总 PDF(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Print Progress Summary</source>
        <translation>打印进展情况汇总</translation>
    </message>
    <message>
        <source>A quarter (2024Q3), a half (2024H1), a month or a year</source>
        <translation>季度（2024Q3）、半年（2024H1）、月份或年份</translation>
    </message>
    <message>
        <source>Chinese (中文)</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English（英文）</translation>
    </message>
    <message>
        <source>Status as of:</source>
        <translation>统计截至：</translation>
    </message>
    <message>
        <source>Reporting period:</source>
        <translation>报告期：</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Language of the report:</source>
        <translation>报告语言：</translation>
    </message>
    <message>
        <source>Prepared by (on the cover):</source>
        <translation>编制单位（封面）：</translation>
    </message>
    <message>
        <source>Date on the cover:</source>
        <translation>封面日期：</translation>
    </message>
    <message>
        <source>Overview (tasks by status, program and project)</source>
        <translation>总体情况（按状态、计划、工程统计任务）</translation>
    </message>
    <message>
        <source>Narrative by program and project (Narrative tab)</source>
        <translation>各计划、工程进展情况（“进展情况”页）</translation>
    </message>
    <message>
        <source>Indicators table</source>
        <translation>主要指标完成情况表</translation>
    </message>
    <message>
        <source>Indicator charts</source>
        <translation>指标走势图</translation>
    </message>
    <message>
        <source>Milestones due and missed</source>
        <translation>到期及逾期节点</translation>
    </message>
    <message>
        <source>Overdue and at-risk tasks by lead unit</source>
        <translation>逾期及滞后任务（按牵头单位）</translation>
    </message>
    <message>
        <source>Quarterly returns from units</source>
        <translation>季度进展报送情况</translation>
    </message>
    <message>
        <source>Timeline of the period</source>
        <translation>本期进度时间轴</translation>
    </message>
    <message>
        <source>Compared with the previous period</source>
        <translation>与上期相比</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>包含内容</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save P&amp;DF…</source>
        <translation>保存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save as &amp;Word…</source>
        <translation>保存为 Word(&amp;W)…</translation>
    </message>
    <message>
        <source>An editable Word document (.docx) laid out as government documents are</source>
        <translation>可编辑的 Word 文档（.docx），按党政机关公文格式排版</translation>
    </message>
    <message>
        <source>The office named on the cover (编制单位). Empty: the issuer of the plan document.</source>
        <translation>封面所署编制单位。留空则为规划文件的发文单位。</translation>
    </message>
    <message>
        <source>%1 (the month it is printed)</source>
        <translation>%1（打印当月）</translation>
    </message>
    <message>
        <source>A month (2026-01, printed 2026年1月) or a day (2026-01-15). Empty: the month the summary is printed.</source>
        <translation>可填年月（2026-01，印为2026年1月）或具体日期（2026-01-15）。留空则为汇总打印当月。</translation>
    </message>
    <message>
        <source>&amp;Remember the office and date for this plan</source>
        <translation>在本规划中记住编制单位和日期(&amp;R)</translation>
    </message>
    <message>
        <source>Writes them to the plan&apos;s settings (Plan → Settings…) as one step you can undo.</source>
        <translation>写入本规划的设置（规划 → 设置…），可一步撤销。</translation>
    </message>
    <message>
        <source>Whole plan</source>
        <translation>全部规划</translation>
    </message>
    <message>
        <source>Program: %1</source>
        <translation>计划：%1</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>工程：%1</translation>
    </message>
    <message>
        <source>Lead unit: %1</source>
        <translation>牵头单位：%1</translation>
    </message>
    <message>
        <source>No Chinese font is installed, so a Chinese summary would print empty boxes. Install one (e.g. fonts-noto-cjk) and restart qdplanner, or print in English.</source>
        <translation>未安装中文字体，中文汇总将打印为空白方框。请安装中文字体（如 fonts-noto-cjk）后重新启动 qdplanner，或改用英文打印。</translation>
    </message>
    <message>
        <source>Progress Summary</source>
        <translation>进展情况汇总</translation>
    </message>
    <message>
        <source>Print Preview — Progress Summary</source>
        <translation>打印预览 — 进展情况汇总</translation>
    </message>
    <message>
        <source>Progress summary</source>
        <translation>进展情况汇总</translation>
    </message>
    <message>
        <source>Progress summary %1</source>
        <translation>进展情况汇总_%1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Save Summary as PDF</source>
        <translation>将汇总保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the progress summary…</source>
        <translation>正在生成进展情况汇总…</translation>
    </message>
    <message>
        <source>Save Summary as Word Document</source>
        <translation>将进展情况汇总保存为 Word 文档</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Writing the progress summary as a Word document…</source>
        <translation>正在生成进展情况汇总 Word 文档…</translation>
    </message>
</context>
<context>
    <name>ReturnsDialog</name>
    <message>
        <source>Import Returned Workbooks</source>
        <translation>导入报回的填报表</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>进展条数</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): not applied</source>
        <translation>
            <numerusform>%n 处问题，不予导入</numerusform>
        </translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>In the plan</source>
        <translation>计划中已有</translation>
    </message>
    <message numerus="yes">
        <source>%n workbook(s) read</source>
        <translation>
            <numerusform>已读取 %n 份工作簿</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with problems: not applied</source>
        <translation>
            <numerusform>其中 %n 份有问题，不予导入</numerusform>
        </translation>
    </message>
    <message>
        <source>Reports to add: %1, to replace: %2, already in the plan: %3</source>
        <translation>将新增进展 %1 条，替换 %2 条，计划中已有 %3 条</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve: choose which report to keep for each.</source>
        <translation>
            <numerusform>有 %n 处冲突需要处理：请为每处选择保留哪份进展。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerPlan</name>
    <message>
        <source>The server asks for a password. qdplanner never asks for one or keeps one: PostgreSQL&apos;s client reads it from the file ~/.pgpass (one line per server, host:port:database:user:password, readable by you alone: chmod 600 ~/.pgpass; on Windows %APPDATA%\postgresql\pgpass.conf), from a service file (~/.pg_service.conf), or from the PGPASSWORD environment variable set before qdplanner starts. Add it there, then open the plan again.</source>
        <translation>服务器要求输入密码。qdplanner 从不询问也从不保存密码：PostgreSQL 客户端从文件 ~/.pgpass 读取密码（每台服务器一行，格式为 主机:端口:数据库:用户:密码，且只能由您本人读取：chmod 600 ~/.pgpass；Windows 上为 %APPDATA%\postgresql\pgpass.conf），或从服务文件（~/.pg_service.conf）读取，或从启动 qdplanner 之前设置的环境变量 PGPASSWORD 读取。请在其中一处写入密码，然后重新打开规划。</translation>
    </message>
</context>
<context>
    <name>ServerPlanDialog</name>
    <message>
        <source>Open Server Plan</source>
        <translation>打开服务器上的规划</translation>
    </message>
    <message>
        <source>A plan kept in a PostgreSQL database, which several people can edit at once. Your office&apos;s IT gives you its host, database and user name.</source>
        <translation>保存在 PostgreSQL 数据库中的规划，可由多人同时编辑。主机、数据库和用户名由本单位信息技术人员提供。</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10</source>
        <translation>例如 192.168.1.10</translation>
    </message>
    <message>
        <source>your login name: %1</source>
        <translation>您的登录名：%1</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Or the whole &amp;address:</source>
        <translation>或完整地址(&amp;A)：</translation>
    </message>
    <message>
        <source>No password is asked for or kept here: PostgreSQL&apos;s client reads it from ~/.pgpass, a service file or the PGPASSWORD environment variable.</source>
        <translation>此处不询问也不保存密码：PostgreSQL 客户端从 ~/.pgpass、服务文件或环境变量 PGPASSWORD 读取密码。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Plan Settings</source>
        <translation>规划设置</translation>
    </message>
    <message>
        <source>Setting “%1”: %2</source>
        <translation>设置“%1”：%2</translation>
    </message>
    <message>
        <source>Change %1 plan settings</source>
        <translation>修改 %1 项规划设置</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>SlipsDialog</name>
    <message>
        <source>Slipped Tasks</source>
        <translation>延误任务</translation>
    </message>
    <message>
        <source>No task is due later than the latest baseline.</source>
        <translation>没有任务的完成时限晚于最新基线。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Baseline due</source>
        <translation>基线完成时限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Slip (days)</source>
        <translation>延误（天）</translation>
    </message>
</context>
<context>
    <name>TableClipboard</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Paste into a table that has tasks; insert one first.</source>
        <translation>请粘贴到已有任务的表格中；请先插入一项任务。</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新任务</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n row(s)</source>
        <translation>
            <numerusform>粘贴 %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskActions</name>
    <message>
        <source>&amp;Insert Task</source>
        <translation>插入任务(&amp;I)</translation>
    </message>
    <message>
        <source>Add &amp;Sub-task</source>
        <translation>添加子任务(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete Tasks…</source>
        <translation>删除任务(&amp;D)…</translation>
    </message>
    <message>
        <source>I&amp;ndent</source>
        <translation>降级(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Outdent</source>
        <translation>升级(&amp;O)</translation>
    </message>
    <message>
        <source>Mo&amp;ve Up</source>
        <translation>上移(&amp;V)</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;hift Dates…</source>
        <translation>平移日期(&amp;H)…</translation>
    </message>
    <message>
        <source>Dead&amp;line from Due Date</source>
        <translation>按截止日期改写完成时限(&amp;L)</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新任务</translation>
    </message>
    <message>
        <source>Choose a program or project in the tree first.</source>
        <translation>请先在左侧导航树中选择一个计划或工程。</translation>
    </message>
    <message>
        <source>Insert task</source>
        <translation>插入任务</translation>
    </message>
    <message>
        <source>Choose the task to add a sub-task to.</source>
        <translation>请先选择要添加子任务的任务。</translation>
    </message>
    <message>
        <source>Add sub-task</source>
        <translation>添加子任务</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n task(s)?</source>
        <translation>
            <numerusform>删除 %n 项任务？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n sub-task(s) will be deleted too.</source>
        <translation>
            <numerusform>其下 %n 项子任务也将一并删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete Tasks</source>
        <translation>删除任务</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n task(s)</source>
        <translation>
            <numerusform>删除 %n 项任务</numerusform>
        </translation>
    </message>
    <message>
        <source>Shift Dates</source>
        <translation>平移日期</translation>
    </message>
    <message numerus="yes">
        <source>Move the dates of %n task(s) by this many days (negative: earlier):</source>
        <translation>
            <numerusform>将 %n 项任务的日期平移的天数（负数为提前）：</numerusform>
        </translation>
    </message>
    <message>
        <source>The deadlines of the selected tasks say their due dates.</source>
        <translation>所选任务的完成时限与截止日期一致。</translation>
    </message>
    <message numerus="yes">
        <source>Deadline from due date, %n task(s)</source>
        <translation>
            <numerusform>按截止日期改写完成时限（%n 项任务）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shift dates of %n task(s)</source>
        <translation>
            <numerusform>平移 %n 项任务的日期</numerusform>
        </translation>
    </message>
    <message>
        <source>Indent task</source>
        <translation>任务降级</translation>
    </message>
    <message>
        <source>Outdent task</source>
        <translation>任务升级</translation>
    </message>
    <message>
        <source>Move task up</source>
        <translation>任务上移</translation>
    </message>
    <message>
        <source>Move task down</source>
        <translation>任务下移</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Program / project</source>
        <translation>计划/工程</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Supporting units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress %</source>
        <translation>完成进度%</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>亮灯</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Edit %1 of “%2”</source>
        <translation>修改“%2”的%1</translation>
    </message>
    <message>
        <source>Illustrative: units and dates filled in for the sample, not an official assignment</source>
        <translation>示例：责任单位和日期为示例数据补充，并非正式分工</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 项任务</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to expand</source>
        <translation>单击展开</translation>
    </message>
    <message>
        <source>Click to collapse</source>
        <translation>单击折叠</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The deadline “%1” cannot be read; it is kept as written. Due date: %2. Set the due date, then use Deadline from Due Date (Ctrl+Shift+L).</source>
        <translation>无法识别完成时限“%1”，已按原文保留。截止日期：%2。请先设定截止日期，再使用“按截止日期改写完成时限”（Ctrl+Shift+L）。</translation>
    </message>
    <message>
        <source>The deadline “%1” does not say the due date (%2). Deadline from Due Date (Ctrl+Shift+L) rewrites it.</source>
        <translation>完成时限“%1”与截止日期（%2）不一致。“按截止日期改写完成时限”（Ctrl+Shift+L）可将其改写。</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source> · contains illustrative data (units, dates and statuses filled in for the sample plan)</source>
        <translation> · 含示例数据（责任单位、日期和状态为示例规划补充）</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第%1页 共%2页</translation>
    </message>
    <message>
        <source>%1 — timeline</source>
        <translation>%1 — 时间进度图</translation>
    </message>
    <message>
        <source>Range %1 – %2 · as of %3</source>
        <translation>时间范围 %1 至 %2 · 截至 %3</translation>
    </message>
    <message>
        <source>Milestone (planned)</source>
        <translation>节点（计划）</translation>
    </message>
    <message>
        <source>Milestone (reached)</source>
        <translation>节点（已完成）</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <source>Broken link (starts too early)</source>
        <translation>衔接冲突（开始过早）</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>(no lead unit)</source>
        <translation>（无牵头单位）</translation>
    </message>
    <message>
        <source>Timeline sheet %1 of %2</source>
        <translation>时间进度图 第%1张 共%2张</translation>
    </message>
    <message>
        <source>%1 of %2 tasks shown: overdue and at risk first</source>
        <translation>显示%2项任务中的%1项：逾期和滞后的优先</translation>
    </message>
</context>
<context>
    <name>TimelineActions</name>
    <message>
        <source>Save Baseline…</source>
        <translation>保存基线…</translation>
    </message>
    <message>
        <source>Keep every task&apos;s dates as the approved plan</source>
        <translation>将所有任务的日期保存为批准的计划</translation>
    </message>
    <message>
        <source>Slipped Tasks…</source>
        <translation>延误任务…</translation>
    </message>
    <message>
        <source>Print Preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Export Timeline…</source>
        <translation>导出时间进度图…</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>A3 paper (else A4)</source>
        <translation>A3 纸（否则 A4）</translation>
    </message>
    <message>
        <source>Tile over pages at the zoom (else fit to width)</source>
        <translation>按当前缩放分页拼接（否则按页宽缩放）</translation>
    </message>
    <message>
        <source>Make “%1” follow “%2”</source>
        <translation>使“%1”衔接在“%2”之后</translation>
    </message>
    <message>
        <source>Remove the links of “%1”</source>
        <translation>删除“%1”的衔接关系</translation>
    </message>
    <message>
        <source>Link tasks</source>
        <translation>衔接任务</translation>
    </message>
    <message>
        <source>Remove links</source>
        <translation>删除衔接关系</translation>
    </message>
    <message>
        <source>Save Baseline</source>
        <translation>保存基线</translation>
    </message>
    <message>
        <source>Name of the baseline:</source>
        <translation>基线名称：</translation>
    </message>
    <message>
        <source>Baseline %1</source>
        <translation>基线 %1</translation>
    </message>
    <message>
        <source>Baseline “%1” saved</source>
        <translation>已保存基线“%1”</translation>
    </message>
    <message>
        <source>Print Timeline</source>
        <translation>打印时间进度图</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>导出时间进度图</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PDF (*.pdf);;PNG 图片 (*.png);;SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>Writing the timeline…</source>
        <translation>正在写入时间进度图…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
    <message>
        <source>Timeline saved as %1</source>
        <translation>时间进度图已保存为 %1</translation>
    </message>
</context>
<context>
    <name>TimelinePane</name>
    <message>
        <source>Timeline</source>
        <translation>时间进度图</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the whole range into the window</source>
        <translation>将整个时间范围缩放到窗口内</translation>
    </message>
    <message>
        <source>Group by program / project</source>
        <translation>按计划 / 工程分组</translation>
    </message>
    <message>
        <source>Group by lead unit</source>
        <translation>按牵头单位分组</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Milestone: %1
Planned: %2
Reached: %3</source>
        <translation>节点：%1
计划日期：%2
完成日期：%3</translation>
    </message>
    <message>
        <source>Dates: %1 – %2</source>
        <translation>时间：%1 至 %2</translation>
    </message>
    <message>
        <source>Lead unit: %1</source>
        <translation>牵头单位：%1</translation>
    </message>
    <message>
        <source>Supporting units: %1</source>
        <translation>配合单位：%1</translation>
    </message>
    <message>
        <source>Light: %1 %2 · %3%</source>
        <translation>状态灯：%1 %2 · %3%</translation>
    </message>
    <message>
        <source>As it stood on %1, by the progress report for %2</source>
        <translation>%1 时的状况，依据 %2 进展报告</translation>
    </message>
    <message>
        <source>Reschedule “%1”</source>
        <translation>调整“%1”的时间</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间进度图(&amp;T)</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Add Unit</source>
        <translation>添加责任单位</translation>
    </message>
    <message>
        <source>e.g. 0532-85911234</source>
        <translation>如 0532-85911234</translation>
    </message>
    <message>
        <source>e.g. 青岛市科学技术局</source>
        <translation>如：青岛市科学技术局</translation>
    </message>
    <message>
        <source>e.g. 市科技局</source>
        <translation>如：市科技局</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>UnitPickerDialog</name>
    <message>
        <source>Supporting Units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <source>Search units</source>
        <translation>搜索单位</translation>
    </message>
</context>
<context>
    <name>UnitsLineEdit</name>
    <message>
        <source>Choose units (F4)</source>
        <translation>选择单位（F4）</translation>
    </message>
</context>
<context>
    <name>UnitsTableModel</name>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>牵头任务</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>配合任务</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期任务</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Illustrative</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Tasks this unit leads (牵头)</source>
        <translation>该单位牵头的任务数</translation>
    </message>
    <message>
        <source>Tasks this unit supports (配合)</source>
        <translation>该单位配合的任务数</translation>
    </message>
    <message>
        <source>Tasks it leads that are past due and not done</source>
        <translation>该单位牵头、已过截止日期仍未完成的任务数</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Illustrative: filled in for the sample, not an official unit</source>
        <translation>示例：为示例规划补充的单位，并非正式单位</translation>
    </message>
    <message>
        <source>illustrative</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Rename unit “%1”</source>
        <translation>重命名单位“%1”</translation>
    </message>
    <message>
        <source>Edit short name of “%1”</source>
        <translation>修改“%1”的简称</translation>
    </message>
    <message>
        <source>Edit contact person of “%1”</source>
        <translation>修改“%1”的联系人</translation>
    </message>
    <message>
        <source>Edit phone of “%1”</source>
        <translation>修改“%1”的联系电话</translation>
    </message>
    <message>
        <source>Add unit “%1”</source>
        <translation>添加单位“%1”</translation>
    </message>
    <message>
        <source>Edit aliases of “%1”</source>
        <translation>修改“%1”的别名</translation>
    </message>
    <message>
        <source>Merge “%1” into “%2”</source>
        <translation>将“%1”合并到“%2”</translation>
    </message>
    <message>
        <source>Delete unit “%1”</source>
        <translation>删除单位“%1”</translation>
    </message>
</context>
<context>
    <name>UnitsView</name>
    <message>
        <source>Units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>&amp;Show Tasks</source>
        <translation>查看任务(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add Unit…</source>
        <translation>添加单位(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>Edit A&amp;liases…</source>
        <translation>编辑别名(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Delete Unit…</source>
        <translation>删除单位(&amp;D)…</translation>
    </message>
    <message>
        <source>As it stood on %1: Overdue counts the tasks each unit led that were past due and not done then, by the progress reports of periods ended by then (a task with no report by then is not counted). Units, names and the Leads and Supports counts are today&apos;s.</source>
        <translation>%1 时的状况：“逾期任务”为各单位牵头、当时已过完成时限且未完成的任务，依据当时已结束各期的进展报告（届时尚无报告的任务不计入）。单位、名称及“牵头任务”“配合任务”数为当前情况。</translation>
    </message>
    <message numerus="yes">
        <source>Merge “%1” into “%2”?
%n task(s) move to “%2”; the names of “%1” become aliases of “%2”, and “%1” is removed.</source>
        <translation>
            <numerusform>将“%1”合并到“%2”？
%n 项任务将转由“%2”承担；“%1”的名称将作为“%2”的别名保留，“%1”将被删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Merge Units</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <source>Delete unit “%1”?</source>
        <translation>删除单位“%1”？</translation>
    </message>
    <message>
        <source>Delete Unit</source>
        <translation>删除单位</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>User Guide</source>
        <translation>使用手册</translation>
    </message>
    <message>
        <source>Click a picture to see it at full size.</source>
        <translation>单击图片可按原尺寸查看。</translation>
    </message>
    <message>
        <source>The user guide is not installed with this copy of qdplanner.</source>
        <translation>此版本未附带使用手册。</translation>
    </message>
</context>
</TS>
