/**
 * The read-only page at `/`: collections and their documents, the subscribe-message outbox,
 * stored files and recent invocations with their latency. Server-rendered, no script.
 */
import type { Invocation } from '../functions/runtime'

export interface DashboardData {
  collections: Array<{ name: string; count: number }>
  selected: {
    name: string
    page: number
    pageSize: number
    total: number
    documents: string[]
  } | null
  outbox: Array<{
    touser: string
    templateId: string
    page?: string
    data: unknown
    sentAt: string
  }>
  files: Array<{ fileID: string; size: number; uploadedAt: string }>
  invocations: Invocation[]
  functions: string[]
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function renderDashboard(data: DashboardData): string {
  const collections = data.collections
    .map(
      (c) =>
        `<li><a href="/?collection=${encodeURIComponent(c.name)}">${escape(c.name)}</a> <span class="muted">${c.count}</span></li>`,
    )
    .join('')
  const selected = data.selected
    ? renderDocuments(data.selected)
    : '<p class="muted">选择左侧的集合查看文档。</p>'
  const outbox = data.outbox.length
    ? `<table><tr><th>时间</th><th>接收者</th><th>模板</th><th>页面</th><th>内容</th></tr>${data.outbox
        .slice(-50)
        .reverse()
        .map(
          (m) =>
            `<tr><td>${escape(m.sentAt)}</td><td>${escape(m.touser)}</td><td>${escape(m.templateId)}</td><td>${escape(m.page ?? '')}</td><td><code>${escape(JSON.stringify(m.data))}</code></td></tr>`,
        )
        .join('')}</table>`
    : '<p class="muted">还没有发出订阅消息。</p>'
  const files = data.files.length
    ? `<table><tr><th>fileID</th><th>大小</th><th>上传时间</th></tr>${data.files
        .map(
          (f) =>
            `<tr><td>${escape(f.fileID)}</td><td>${f.size}</td><td>${escape(f.uploadedAt)}</td></tr>`,
        )
        .join('')}</table>`
    : '<p class="muted">还没有文件。</p>'
  const invocations = data.invocations.length
    ? `<table><tr><th>时间</th><th>函数</th><th>操作</th><th>调用者</th><th>耗时</th><th>结果</th></tr>${data.invocations
        .slice(-50)
        .reverse()
        .map(
          (i) =>
            `<tr><td>${escape(i.startedAt)}</td><td>${escape(i.functionName)}</td><td>${escape(i.action ?? '')}</td><td>${escape(i.openid ?? '')}</td><td>${i.durationMs.toFixed(1)} ms</td><td>${i.ok ? '成功' : `<span class="bad">${escape(i.error ?? '失败')}</span>`}${lateWorkNote(i.lateWork)}</td></tr>`,
        )
        .join('')}</table>`
    : '<p class="muted">还没有调用。</p>'
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>近邻 · 本地云</title>
<style>body{font:15px/1.5 -apple-system,'Noto Sans CJK SC',sans-serif;margin:0;color:#222}header{background:#c8161d;color:#fff;padding:12px 20px}
main{display:grid;grid-template-columns:220px 1fr;gap:20px;padding:20px}ul{list-style:none;padding:0;margin:0}li{padding:3px 0}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
pre{background:#f6f6f6;padding:8px;overflow:auto;margin:6px 0}.muted{color:#888}.bad{color:#c00}h2{font-size:17px;margin:22px 0 8px}</style></head>
<body><header><b>近邻 · 本地云</b> <span>CloudBase 兼容的本地服务（只读视图）</span></header><main>
<nav><h2>集合</h2><ul>${collections || '<li class="muted">无</li>'}</ul><h2>云函数</h2><ul>${data.functions.map((f) => `<li>${escape(f)}</li>`).join('') || '<li class="muted">无（先运行 npm run build）</li>'}</ul></nav>
<section>${selected}<h2>订阅消息发件箱</h2>${outbox}<h2>云存储文件</h2>${files}<h2>最近的云函数调用</h2>${invocations}</section></main></body></html>`
}

function renderDocuments(selected: NonNullable<DashboardData['selected']>): string {
  const pages = Math.max(1, Math.ceil(selected.total / selected.pageSize))
  const link = (page: number, label: string): string =>
    `<a href="/?collection=${encodeURIComponent(selected.name)}&page=${page}">${label}</a>`
  const nav = `${selected.page > 1 ? link(selected.page - 1, '上一页') : ''} 第 ${selected.page}/${pages} 页 ${selected.page < pages ? link(selected.page + 1, '下一页') : ''}`
  return `<h2>${escape(selected.name)} <span class="muted">${selected.total} 条</span></h2><div>${nav}</div>${selected.documents
    .map((doc) => `<pre>${escape(doc)}</pre>`)
    .join('')}<div>${nav}</div>`
}

/** Work the function did not await: it ran here, but the cloud may freeze the instance first. */
function lateWorkNote(lateWork: string[]): string {
  return lateWork.length
    ? `<br><span class="bad">答复后仍在进行，云端可能不会执行：${escape(lateWork.join('；'))}</span>`
    : ''
}
