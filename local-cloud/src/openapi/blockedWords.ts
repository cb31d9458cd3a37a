/**
 * The word list security.msgSecCheck flags content with: a stand-in for WeChat's content model,
 * so the app's "risky" path can be exercised locally. Matching ignores case and width
 * (NFKC: `ＦＵＣＫ` matches `fuck`).
 */

/** A few words no community post should carry; tests and the dashboard can set their own. */
export const DEFAULT_BLOCKED_WORDS: readonly string[] = [
  '赌博',
  '毒品',
  '色情',
  '枪支',
  '代开发票',
  'fuck',
  'porn',
]

export interface BlockedWords {
  set(words: readonly string[]): void
  /** The blocked words `content` contains, in list order. */
  foundIn(content: string): string[]
}

const normalize = (text: string) => text.normalize('NFKC').toLowerCase()

export function createBlockedWords(initial: readonly string[]): BlockedWords {
  let words: string[] = []
  const set = (list: readonly string[]) => {
    words = [...new Set(list.map((word) => word.trim()).filter((word) => word !== ''))]
  }
  set(initial)
  return {
    set,
    foundIn: (content) => {
      const text = normalize(content)
      return words.filter((word) => text.includes(normalize(word)))
    },
  }
}
