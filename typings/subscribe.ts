/**
 * The subscribe messages the app sends. Each is a template the community's developer picks in
 * the mini-program console (docs/deploy.md lists the fields each needs) and configures under
 * this key in jinlin.config.json's `subscribeTemplates`.
 */
export type SubscribeTemplate =
  /** 事项进度: accepted, rejected or merged (thing1 事项, phrase2 状态, thing3 回复, time4 时间). */
  | 'suggestionProgress'
  /** 办结通知: resolved, please confirm (thing1 事项, thing2 处理结果, time3 办结时间, thing4 提示). */
  | 'suggestionResolved'
  /** 任务派发: a matter assigned to its handler (thing1 事项, thing2 位置, time3 办理期限). */
  | 'suggestionAssigned'
  /** 缴费提醒: a household's unpaid building fee (thing1 项目, amount2 金额, thing3 欠费期数, thing4 提示). */
  | 'feeReminder'
  /** 候补成功: a place freed for a waiting volunteer (thing1 项目, time2 开始时间, thing3 说明). */
  | 'volunteerPromoted'
  /** 活动提醒: a project starts within two hours (thing1 项目, time2 开始时间, thing3 地点). */
  | 'volunteerReminder'
  /** 活动取消: staff cancelled a project (thing1 项目, time2 开始时间, thing3 原因). */
  | 'volunteerCancelled'
