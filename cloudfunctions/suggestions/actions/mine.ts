import { pagingInput } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { summaryPage } from '../lib/listing'

/** 我的建议: what I raised or filed for someone, newest first. */
export const mine = defineAction({
  input: input(pagingInput),
  run: (paging, context) =>
    summaryPage(context.cloud.database(), { ownerOpenid: context.openid }, paging, context.now()),
})
