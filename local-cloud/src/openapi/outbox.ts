import { cloneDocument } from '../database/ejson'
/** Subscribe messages the app sent, kept instead of delivered so tests and the dashboard can read them. */

export interface SubscribeMessageData {
  [keyword: string]: { value: string | number }
}

export interface OutboxMessage {
  touser: string
  templateId: string
  page?: string
  data: SubscribeMessageData
  /** `developer`, `trial` or `formal` (WeChat's default). */
  miniprogramState: string
  lang: string
  /** ISO 8601. */
  sentAt: string
}

export interface Outbox {
  add(message: OutboxMessage): void
  /** Oldest first. */
  messages(): OutboxMessage[]
  clear(): void
}

export function createOutbox(): Outbox {
  let messages: OutboxMessage[] = []
  return {
    add: (message) => messages.push(cloneDocument(message)),
    messages: () => cloneDocument(messages),
    clear: () => {
      messages = []
    },
  }
}
