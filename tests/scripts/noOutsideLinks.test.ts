/**
 * The repository explains itself. The design notes once lived beside it, where someone who
 * clones it cannot read them; they are now docs/architecture.md and local-cloud/PROTOCOL.md, and
 * comments cite those by heading. So no file may point outside the repository, and every
 * citation must name a heading that exists (a renamed heading would otherwise leave comments
 * pointing at nothing).
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

/** The old documents' names, built here so that this file does not spell them itself. */
const OUTSIDE_NAMES = ['architecture', 'cloudbase-protocol'].map(
  (name) => `${name.toUpperCase()}.md`,
)

/** A relative path: `../` once or more, then what follows up to a delimiter. */
const RELATIVE_PATH = /(?:\.\.\/)+[^\s'"`)\]>,;]*/g

/** The documents comments cite, and how a citation follows the name: 「heading」, several joined by commas. */
const CITED_DOCS = ['docs/architecture.md', 'local-cloud/PROTOCOL.md']
const CITATION =
  /(docs\/architecture\.md|local-cloud\/PROTOCOL\.md)((?:\s*[,，、]?\s*「[^」\n]+」)+)/g
const HEADING_IN_BRACKETS = /「([^」\n]+)」/g

interface TextFile {
  file: string
  text: string
}

/** Every file git tracks or would track (new files included), read as text; binaries left out. */
function repositoryFiles(): TextFile[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    },
  )
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
  const files: TextFile[] = []
  for (const file of listed) {
    const full = path.join(ROOT, file)
    // A symlink (node_modules in a worktree) or a file deleted but not yet committed.
    if (!fs.existsSync(full) || !fs.lstatSync(full).isFile()) continue
    const bytes = fs.readFileSync(full)
    if (bytes.includes(0)) continue
    files.push({ file, text: bytes.toString('utf8') })
  }
  return files
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length
}

/** What a citation may say: a section (## heading), or a section and one of its subsections. */
function citableHeadings(markdown: string): Set<string> {
  const citable = new Set<string>()
  let section: string | null = null
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced
    if (fenced) continue
    const heading = /^(#{2,3})\s+(.+?)\s*$/.exec(line)
    if (!heading) continue
    const title = heading[2]!
    if (heading[1] === '##') {
      section = title
      citable.add(title)
    } else if (section !== null) {
      citable.add(`${section}：${title}`)
      citable.add(`${section}: ${title}`)
    }
  }
  return citable
}

const files = repositoryFiles()

describe('the repository points only at itself', () => {
  it('lists the files it checks', () => {
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(['README.md', ...CITED_DOCS]))
  })

  it('names none of the documents that lived outside it', () => {
    const found = files.flatMap(({ file, text }) =>
      OUTSIDE_NAMES.flatMap((name) =>
        [...text.matchAll(new RegExp(name.replace('.', '\\.'), 'g'))].map(
          (match) => `${file}:${lineOf(text, match.index)} names ${name}`,
        ),
      ),
    )
    expect(found).toEqual([])
  })

  it('has no relative path that leads out of the repository', () => {
    const found = files.flatMap(({ file, text }) =>
      [...text.matchAll(RELATIVE_PATH)]
        .filter((match) => {
          const target = path.resolve(path.dirname(path.join(ROOT, file)), match[0])
          return target !== ROOT && !target.startsWith(ROOT + path.sep)
        })
        .map((match) => `${file}:${lineOf(text, match.index)} ${match[0]}`),
    )
    expect(found).toEqual([])
  })

  it('cites the design documents by headings they have', () => {
    const headings = new Map(
      CITED_DOCS.map((doc) => [
        doc,
        citableHeadings(fs.readFileSync(path.join(ROOT, doc), 'utf8')),
      ]),
    )
    const broken: string[] = []
    const check = (file: string, text: string, index: number, doc: string, cited: string) => {
      if (!headings.get(doc)!.has(cited))
        broken.push(`${file}:${lineOf(text, index)} ${doc}「${cited}」`)
    }
    for (const { file, text } of files) {
      const named: Array<[number, number]> = []
      for (const match of text.matchAll(CITATION)) {
        named.push([match.index, match.index + match[0].length])
        for (const cited of match[2]!.matchAll(HEADING_IN_BRACKETS)) {
          check(file, text, match.index, match[1]!, cited[1]!)
        }
      }
      // Inside a document, a citation of its own headings goes without the file's name.
      if (!CITED_DOCS.includes(file)) continue
      for (const cited of text.matchAll(HEADING_IN_BRACKETS)) {
        if (!named.some(([start, end]) => cited.index >= start && cited.index < end))
          check(file, text, cited.index, file, cited[1]!)
      }
    }
    expect(broken).toEqual([])
  })
})
