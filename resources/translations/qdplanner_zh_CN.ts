<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Open it read-only, or break the lock if you are sure that person has closed it (for example after a crash). Two people editing at once can overwrite each other's work.</source>
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
        <source>Cannot open plan</source>
        <translation>无法打开规划文件</translation>
    </message>
    <message>
        <source>New Plan</source>
        <translation>新建规划</translation>
    </message>
    <message>
        <source>Cannot create the sample plan</source>
        <translation>无法创建示例规划</translation>
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
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>亮灯</translation>
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
    <name>Labels</name>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>正常推进</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>进度滞后</translation>
    </message>
    <message>
        <source>Overdue / far behind</source>
        <translation>逾期/严重滞后</translation>
    </message>
    <message>
        <source>Not started / ongoing</source>
        <translation>未开始/持续推进</translation>
    </message>
    <message>
        <source>Five-year plan</source>
        <translation>五年规划</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>行动方案</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>Municipal department</source>
        <translation>市直部门</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区（市）</translation>
    </message>
    <message>
        <source>Institute</source>
        <translation>高校院所</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
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
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Sample Plan</source>
        <translation>打开示例规划(&amp;S)</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>另存副本(&amp;C)…</translation>
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
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
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
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
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
        <source>Save a Copy As</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Copy saved as %1</source>
        <translation>副本已保存为 %1</translation>
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
        <source>The pasted block has %1 rows but only %2 rows are below the current cell; insert tasks first.</source>
        <translation>粘贴的内容有 %1 行，但当前单元格以下只有 %2 行；请先插入任务。</translation>
    </message>
    <message>
        <source>Row %1, column “%2”: %3</source>
        <translation>第 %1 行“%2”列：%3</translation>
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
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
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
    <message>
        <source> (illustrative)</source>
        <translation>（示例）</translation>
    </message>
</context>
</TS>