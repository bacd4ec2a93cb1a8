// "Tiến độ CCHC": the plan's progress for the signed-in person, from one call to GET /api/progress.
import '@fluentui/web-components/button.js';
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { initTeams, maybeInTeams, ssoToken } from './teams.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const $ = (id) => document.getElementById(id);
const GROUPS = [
  { key: 'doneOnTime', standing: 'done-on-time', label: 'Hoàn thành đúng hạn' },
  { key: 'doneLate', standing: 'done-late', label: 'Hoàn thành trễ hạn' },
  { key: 'openInTime', standing: 'open-in-time', label: 'Chưa hoàn thành, trong hạn' },
  { key: 'openOverdue', standing: 'open-overdue', label: 'Chưa hoàn thành, quá hạn' },
];
const DEV_USER_KEY = 'cchcbot-tab-user';
let devHeader = null;
let data = null;
const charts = [];

/** Lower case without diacritics (đ → d), so "Hoàn thành" is found by "hoan thanh". */
export function fold(text) {
  return (text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

function css(name) {
  return getComputedStyle(document.body).getPropertyValue(name).trim();
}

function showMessage(title, text) {
  $('message-title').textContent = title;
  $('message-text').textContent = text;
  $('message').hidden = false;
  $('content').hidden = true;
  $('scope').textContent = '';
  if (devHeader) {
    // Local mode: whoever was chosen may choose someone else.
    $('who').hidden = false;
    $('who-text').textContent = sessionStorage.getItem(DEV_USER_KEY) ?? '';
    $('switch-user').hidden = false;
  }
}

async function api(path, method = 'GET') {
  const headers = { Accept: 'application/json' };
  if (devHeader) {
    const chosen = sessionStorage.getItem(DEV_USER_KEY);
    if (chosen) headers[devHeader] = chosen;
  } else if (maybeInTeams()) {
    let token;
    try {
      token = await ssoToken();
    } catch {
      return { status: 401, body: { error: 'sso', message: 'Microsoft Teams chưa cấp được quyền đăng nhập cho trang này. Đề nghị đồng chí tải lại trang; nếu vẫn không được, liên hệ Văn phòng.' } };
    }
    headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(path, { method, headers, credentials: 'same-origin' });
  const body = await response.json().catch(() => ({}));
  return { status: response.status, body };
}

async function start() {
  const context = await initTeams(() => charts.forEach(restyle));
  if (!context) {
    // Outside Teams: local anonymous mode offers a sign-in as anyone in the directory; production has no such path.
    const login = await fetch('/tab/dev-login').catch(() => null);
    if (login?.ok) {
      const list = await login.json();
      devHeader = list.header;
      const asked = new URLSearchParams(location.search).get('as');
      if (asked) sessionStorage.setItem(DEV_USER_KEY, asked);
      if (!sessionStorage.getItem(DEV_USER_KEY)) return showPeople(list.people);
    } else {
      return showMessage('Mở trang trong Microsoft Teams', 'Trang Tiến độ CCHC dùng trong ứng dụng Microsoft Teams của cơ quan. Đồng chí mở ứng dụng CchcBot trong Teams, chọn thẻ "Tiến độ".');
    }
  }
  await load();
}

function showPeople(people) {
  $('content').hidden = true;
  $('dev-login').hidden = false;
  $('scope').textContent = 'Chưa đăng nhập';
  const list = $('people');
  list.replaceChildren(...people.map((p) => el('li', {},
    el('fluent-button', { appearance: 'outline', onclick: () => { sessionStorage.setItem(DEV_USER_KEY, p.email); $('dev-login').hidden = true; load(); } },
      p.email),
    el('span', { class: 'subtle' }, ` ${p.role}`))));
}

async function load() {
  let result;
  try {
    result = await api('/api/progress');
  } catch {
    return showMessage('Không tải được dữ liệu', 'Không kết nối được với hệ thống. Đề nghị đồng chí thử lại sau ít phút.');
  }
  const { status, body } = result;
  if (status === 403 && body.error === 'not-in-directory') {
    return showMessage('Chưa có quyền xem', body.message);
  }
  if (status !== 200) {
    return showMessage('Không hiển thị được trang', body.message ?? 'Đề nghị đồng chí thử lại sau ít phút.');
  }
  data = body;
  render();
}

function tile(label, value, kind) {
  return el('div', { class: `tile ${kind}`, 'data-figure': kind }, el('span', { class: 'value' }, String(value)), el('span', { class: 'label' }, label));
}

function render() {
  $('message').hidden = true;
  $('content').hidden = false;
  $('title').textContent = data.planTitle;
  $('scope').textContent = `${data.scope === 'plan' ? 'Toàn kế hoạch' : data.scopeName} · tính đến ngày ${data.today}`;
  $('who').hidden = false;
  $('who-text').textContent = `${data.user.roleName} · ${data.user.email}`;
  $('switch-user').hidden = !devHeader;
  const f = data.figures;
  $('tiles').replaceChildren(
    tile('Tổng số mốc có hạn', f.dated, 'dated'),
    ...GROUPS.map((g) => tile(g.label, f[g.key], g.standing)),
    tile('Gặp vướng mắc', f.blocked, 'blocked'));
  if (data.scope !== 'plan') {
    const t = data.planTotals;
    $('plan-totals').hidden = false;
    $('plan-totals').textContent = `Toàn kế hoạch: ${t.dated} mốc có hạn — hoàn thành: đúng hạn ${t.doneOnTime}, trễ hạn ${t.doneLate}; chưa hoàn thành: trong hạn ${t.openInTime}, quá hạn ${t.openOverdue}.`;
  }
  charts.forEach((c) => c.destroy());
  charts.length = 0;
  // Room for every area's name, wrapped: a row per area as tall as its lines.
  const lines = Math.max(2, ...data.areas.map((a) => wrap(a.name, labelWidth()).length));
  $('areas-chart').parentElement.style.height = `${Math.max(260, data.areas.length * lines * 16 + 140)}px`;
  charts.push(stacked($('areas-chart'), data.areas.map((a) => a.name), data.areas.map((a) => a.figures), 'y'));
  charts.push(stacked($('timeline-chart'), data.timeline.map((m) => m.label), data.timeline.map((m) => m.figures), 'x', todayMarker()));
  $('areas-chart').setAttribute('aria-label', 'Biểu đồ theo lĩnh vực: ' + data.areas.map((a) => `${a.name}: ${summary(a.figures)}`).join('; '));
  $('timeline-chart').setAttribute('aria-label', 'Biểu đồ các mốc theo tháng đến hạn: ' + data.timeline.filter((m) => m.figures.dated > 0).map((m) => `tháng ${m.label}: ${summary(m.figures)}`).join('; '));
  $('today-note').textContent = `Vạch dọc đánh dấu hôm nay (${data.today}).`;
  renderAttention();
  renderDecisions();
  renderReports();
  renderDepartments();
  renderFilters();
  renderMilestones();
}

function summary(f) {
  return GROUPS.map((g) => `${g.label.toLowerCase()} ${f[g.key]}`).join(', ');
}

function palette() {
  return [css('--c-done-on-time'), css('--c-done-late'), css('--c-open-in-time'), css('--c-open-overdue')];
}

/** A long category name in lines of at most `width` characters (Chart.js draws an array as several lines). */
function wrap(label, width) {
  const lines = [];
  for (const word of String(label).split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + ' ' + word).length <= width) lines[last] += ' ' + word;
    else lines.push(word);
  }
  return lines;
}

function labelWidth() {
  return innerWidth < 480 ? 16 : 32;
}

function stacked(canvas, labels, figures, axis, plugin) {
  const colors = palette();
  const categories = { ticks: { color: css('--c-text'), autoSkip: false, callback(value) { return axis === 'y' ? wrap(this.getLabelForValue(value), labelWidth()) : this.getLabelForValue(value); } } };
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: GROUPS.map((g, i) => ({ label: g.label, data: figures.map((f) => f[g.key]), backgroundColor: colors[i], borderColor: css('--c-bar-border'), borderWidth: 1 })) },
    options: {
      indexAxis: axis, responsive: true, maintainAspectRatio: false, animation: false,
      scales: {
        x: { stacked: true, ticks: axis === 'x' ? categories.ticks : { color: css('--c-text'), precision: 0 }, grid: { color: css('--c-grid') } },
        y: { stacked: true, ticks: axis === 'y' ? categories.ticks : { color: css('--c-text'), precision: 0 }, grid: { color: css('--c-grid') } },
      },
      plugins: { legend: { position: 'bottom', labels: { color: css('--c-text'), boxWidth: 12 } } },
    },
    plugins: plugin ? [plugin] : [],
  });
  return chart;
}

function restyle(chart) {
  const colors = palette();
  chart.data.datasets.forEach((d, i) => { d.backgroundColor = colors[i]; d.borderColor = css('--c-bar-border'); });
  for (const axis of Object.values(chart.options.scales)) { axis.ticks.color = css('--c-text'); axis.grid.color = css('--c-grid'); }
  chart.options.plugins.legend.labels.color = css('--c-text');
  chart.update();
}

/** A vertical line at today's position on the month axis (today's month, proportionally within it). */
function todayMarker() {
  return {
    id: 'today',
    afterDatasetsDraw(chart) {
      const [y, m, d] = data.todayIso.split('-').map(Number);
      if (y !== data.year) return;
      const x = chart.scales.x;
      const days = new Date(y, m, 0).getDate();
      const left = x.getPixelForValue(m - 1) - (x.width / 12) / 2;
      const at = left + (x.width / 12) * ((d - 0.5) / days);
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.strokeStyle = css('--c-today');
      ctx.lineWidth = 2;
      ctx.setLineDash([4, 3]);
      ctx.beginPath(); ctx.moveTo(at, chartArea.top); ctx.lineTo(at, chartArea.bottom); ctx.stroke();
      ctx.fillStyle = css('--c-today');
      ctx.font = '12px sans-serif';
      ctx.fillText('Hôm nay', Math.min(at + 4, chartArea.right - 56), chartArea.top + 12);
      ctx.restore();
    },
  };
}

function taskButton(taskId, text) {
  return el('button', { type: 'button', class: 'link', 'data-task': taskId, onclick: (e) => openTask(taskId, e.currentTarget) }, text);
}

function renderAttention() {
  const items = data.attention;
  const waiting = items.filter((i) => i.needsDirection).length;
  $('attention-summary').textContent = items.length === 0 ? '' : `${items.length} mốc, trong đó ${waiting} mốc cần Chánh Văn phòng chỉ đạo.`;
  $('attention').replaceChildren(...(items.length === 0
    ? [el('li', { class: 'subtle' }, 'Không có mốc nào quá hạn hoặc gặp vướng mắc.')]
    : items.map((i) => el('li', { class: i.kind },
      taskButton(i.taskId, i.title),
      el('span', { class: 'meta' }, `${i.leadUnits} · hạn ${i.due ?? '—'} · `,
        el('strong', {}, i.kind === 'overdue' ? `quá hạn ${i.daysOverdue} ngày` : 'gặp vướng mắc'),
        i.needsDirection ? el('span', { class: 'direction' }, 'Cần chỉ đạo') : null),
      i.note ? el('span', { class: 'note' }, i.note) : null))));
}

function renderDecisions() {
  const section = $('decisions-section');
  section.hidden = data.decisions.length === 0;
  $('decisions').replaceChildren(...data.decisions.map((d) => el('li', { class: d.kind },
    taskButton(d.taskId, d.title),
    el('span', { class: 'meta' }, `${d.deliverable} · `, el('strong', {}, d.kindName), ` · ${d.by}, ${d.at}`),
    el('span', { class: 'note' }, d.text))));
}

function renderReports() {
  const section = $('reports-section');
  section.hidden = data.reports.length === 0;
  if (section.hidden) return;
  const capital = (t) => t.charAt(0).toUpperCase() + t.slice(1);
  $('reports').replaceChildren(...data.reports.map((p) => el('fluent-button', { appearance: 'outline', 'data-period': p.key, onclick: () => report(p) }, capital(p.label))));
}

async function report(period) {
  const out = $('report-link');
  out.textContent = `Đang lập báo cáo ${period.label.toLowerCase()}…`;
  const { status, body } = await api(`/api/progress/reports/${encodeURIComponent(period.key)}`, 'POST');
  if (status !== 200) {
    out.textContent = body.message ?? 'Không lập được báo cáo. Đề nghị đồng chí thử lại sau ít phút.';
    return;
  }
  out.replaceChildren(
    el('a', { href: body.document.url, download: body.document.fileName, target: '_blank', rel: 'noopener' }, `Tải báo cáo ${body.label} (.docx)`),
    ' · ',
    el('a', { href: body.workbook.url, download: body.workbook.fileName, target: '_blank', rel: 'noopener' }, 'phụ lục số liệu (.xlsx)'),
    ` (đường dẫn có hiệu lực trong ${body.minutes} phút)`);
}

function renderDepartments() {
  const section = $('departments-section');
  section.hidden = data.departments.length === 0;
  $('departments').tBodies[0].replaceChildren(...data.departments.map((d) => el('tr', {},
    el('th', { scope: 'row' }, d.name), el('td', {}, d.figures.dated),
    ...GROUPS.map((g) => el('td', {}, d.figures[g.key])), el('td', {}, d.figures.blocked))));
}

const STATES = [
  ...GROUPS.map((g) => ({ value: g.standing, label: g.label })),
  { value: 'blocked', label: 'Gặp vướng mắc' },
  { value: 'ongoing', label: 'Thường xuyên' },
];

function options(select, values) {
  select.replaceChildren(el('option', { value: '' }, 'Tất cả'), ...values.map((v) => el('option', { value: v.value }, v.label)));
}

function renderFilters() {
  options($('filter-area'), data.areaNames.map((a) => ({ value: a, label: a })));
  const leads = new Set(data.milestones.flatMap((m) => m.leadDepartmentIds));
  options($('filter-department'), data.departmentNames.filter((d) => leads.has(d.id)).map((d) => ({ value: d.id, label: d.name })));
  options($('filter-state'), STATES);
  const months = [...new Set(data.milestones.map((m) => m.dueMonth).filter(Boolean))].sort();
  options($('filter-month'), months.map((m) => ({ value: m, label: `${m.slice(5)}/${m.slice(0, 4)}` })));
}

function matches(m) {
  const q = fold($('search').value.trim());
  const area = $('filter-area').value, dep = $('filter-department').value, state = $('filter-state').value, month = $('filter-month').value;
  if (area && m.area !== area) return false;
  if (dep && !m.leadDepartmentIds.includes(dep)) return false;
  if (state === 'blocked' ? m.state !== 'blocked' : state && m.standing !== state) return false;
  if (month && m.dueMonth !== month) return false;
  return !q || fold(`${m.title} ${m.deliverable} ${m.leadUnits} ${m.area} ${m.taskId}`).includes(q);
}

function renderMilestones() {
  const rows = data.milestones.filter(matches);
  $('count').textContent = `${rows.length}/${data.milestones.length} mốc`;
  $('milestones').tBodies[0].replaceChildren(...rows.map((m) => el('tr', { 'data-milestone': m.milestoneId, 'data-standing': m.standing },
    el('td', {}, taskButton(m.taskId, m.title), el('span', { class: 'meta' }, m.deliverable), data.scope === 'department' ? el('span', { class: 'meta' }, m.role) : null),
    el('td', {}, m.area),
    el('td', {}, m.leadUnits),
    el('td', {}, el('span', { class: `state ${m.state}` }, m.stateName)),
    el('td', { class: 'nowrap' }, m.due ?? 'Thường xuyên'))));
}

async function openTask(taskId, opener) {
  const dialog = $('task');
  $('task-title').textContent = 'Đang tải…';
  $('task-body').replaceChildren();
  dialog.showModal();
  dialog.returnFocusTo = opener;
  const { status, body } = await api(`/api/progress/tasks/${encodeURIComponent(taskId)}`);
  if (status !== 200) {
    $('task-title').textContent = 'Không mở được nhiệm vụ';
    $('task-body').replaceChildren(el('p', {}, body.message ?? ''));
    return;
  }
  $('task-title').textContent = body.title;
  const evidence = (e) => !e ? null : e.url ? el('a', { href: e.url, target: '_blank', rel: 'noopener noreferrer' }, e.text) : el('span', {}, e.text);
  const history = (list, empty) => list.length === 0 ? el('p', { class: 'subtle' }, empty) : el('ul', { class: 'history' }, ...list.map((h) =>
    el('li', {}, el('span', { class: 'meta' }, `${h.at} · ${h.byName}${h.part ? ` (${h.part})` : ''}`),
      h.step ? ` ${h.step}` : h.to ? ` ${h.from} → ${h.to}` : null, h.note ? el('span', { class: 'note' }, h.note) : null, h.evidence ? el('span', { class: 'note' }, 'Minh chứng: ', evidence(h.evidence)) : null)));
  $('task-body').replaceChildren(
    el('dl', { class: 'facts' },
      el('dt', {}, 'Lĩnh vực'), el('dd', {}, body.area),
      el('dt', {}, 'Đơn vị chủ trì'), el('dd', {}, body.leadUnits),
      el('dt', {}, 'Đơn vị phối hợp'), el('dd', {}, body.cooperatingUnits || '—'),
      el('dt', {}, 'Thời gian thực hiện'), el('dd', {}, body.timeframe)),
    el('h3', {}, 'Sản phẩm'), el('ul', {}, ...body.deliverables.map((d) => el('li', {}, d))),
    el('h3', {}, 'Các mốc'),
    el('ul', { class: 'milestones' }, ...body.milestones.map((m) => el('li', {},
      el('strong', {}, m.deliverable), el('span', { class: 'meta' }, `${m.period ? m.period + ' · ' : ''}hạn ${m.due ?? 'Thường xuyên'} · `, el('span', { class: `state ${m.state}` }, m.stateName), ` · ${m.standingName}`),
      m.updatedAt ? el('span', { class: 'meta' }, `Cập nhật ${m.updatedAt}${m.updatedBy ? ' · ' + m.updatedBy : ''}`) : null,
      m.note ? el('span', { class: 'note' }, m.note) : null,
      m.evidence ? el('span', { class: 'note' }, 'Minh chứng: ', evidence(m.evidence)) : null,
      m.parts.length ? el('ul', { class: 'parts' }, ...m.parts.map((p) => el('li', {}, `${p.department}: ${p.statusName}`, p.note ? ` — ${p.note}` : '', p.evidence ? [' · ', evidence(p.evidence)] : null))) : null,
      m.files.length ? el('div', { class: 'files' }, el('span', { class: 'meta' }, 'Tài liệu kiểm chứng đã đính kèm:'),
        el('ul', {}, ...m.files.map((f) => el('li', {},
          f.url ? el('a', { href: f.url, download: f.name, target: '_blank', rel: 'noopener noreferrer' }, f.name) : f.name,
          el('span', { class: 'meta' }, ` (${f.size}) · ${f.by} · ${f.at}`))))) : null))),
    body.milestones.some((m) => m.files.length) ? el('p', { class: 'subtle' }, `Đường dẫn tải tệp có hiệu lực trong ${body.linkHours} giờ.`) : null,
    el('h3', {}, 'Lịch sử cập nhật'), history(body.history, 'Chưa có cập nhật.'),
    el('h3', {}, 'Ý kiến phối hợp'), history(body.opinions, 'Chưa có ý kiến phối hợp.'));
}

function closeTask() {
  const dialog = $('task');
  dialog.close();
}

$('task').addEventListener('close', () => $('task').returnFocusTo?.focus());
$('task-close').addEventListener('click', closeTask);
$('switch-user').addEventListener('click', () => { sessionStorage.removeItem(DEV_USER_KEY); location.search = ''; });
$('filters').addEventListener('input', renderMilestones);
$('filters').addEventListener('submit', (e) => e.preventDefault());
start();
