/**
 * 绑定房屋, step by step, one choice per screen so that nobody has to scroll a long form:
 * community → estate → building → room. The building head then approves.
 */
import type { BuildingView, CommunityView, EstateView, HouseholdView } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { CloudCallError } from '../../../services/cloud'
import { community } from '../../../services/community'
import { allHouseholds } from '../../../services/households'
import { messageOf, showError } from '../../../utils/feedback'
import { newRequestId } from '../../../utils/requestId'

type Step = 'community' | 'estate' | 'building' | 'room' | 'done'

interface Choice {
  id: string
  title: string
}

Component({
  behaviors: [pageBehavior],
  data: {
    step: 'community' as Step,
    loading: true,
    error: '',
    choices: [] as Choice[],
    path: [] as string[],
    pathText: '',
    buildingId: '',
    showConsent: false,
    submitting: false,
    pendingRoom: '',
    /** One request id per attempt: a double tap or a retry binds once. */
    requestId: newRequestId(),
    result: '',
  },
  lifetimes: {
    attached() {
      void this.loadCommunities()
    },
  },
  methods: {
    async show(step: Step, load: () => Promise<Choice[]>) {
      this.setData({ step, loading: true, error: '', choices: [] })
      try {
        this.setData({ choices: await load(), loading: false })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    loadCommunities() {
      return this.show('community', async () =>
        (await community.listCommunities()).map((c: CommunityView) => ({
          id: c.id,
          title: c.name,
        })),
      )
    },

    async choose(event: WechatMiniprogram.CustomEvent) {
      const { id, title } = event.currentTarget.dataset as { id: string; title: string }
      const path = [...this.data.path, title]
      this.setData({ path, pathText: path.join(' › ') })
      if (this.data.step === 'community') {
        await this.show('estate', async () =>
          (await community.listEstates(id)).map((e: EstateView) => ({ id: e.id, title: e.name })),
        )
      } else if (this.data.step === 'estate') {
        await this.show('building', async () =>
          (await community.listBuildings(id)).map((b: BuildingView) => ({
            id: b.id,
            title: b.number,
          })),
        )
      } else if (this.data.step === 'building') {
        this.setData({ buildingId: id })
        await this.show('room', async () => {
          const households = await allHouseholds(id)
          return households.map((h: HouseholdView) => ({ id: h.id, title: h.room }))
        })
      } else if (this.data.step === 'room') {
        this.setData({ pendingRoom: title })
        await this.submit()
      }
    },

    restart() {
      this.setData({ path: [], pathText: '', buildingId: '', requestId: newRequestId() })
      void this.loadCommunities()
    },

    async submit() {
      if (this.data.submitting) return
      this.setData({ submitting: true })
      try {
        const binding = await community.requestBinding({
          buildingId: this.data.buildingId,
          room: this.data.pendingRoom,
          requestId: this.data.requestId,
        })
        this.setData({ step: 'done', result: binding.address })
      } catch (error) {
        if (
          error instanceof CloudCallError &&
          error.code === 'FAILED_PRECONDITION' &&
          error.message.includes('隐私')
        ) {
          this.setData({ showConsent: true })
        } else {
          showError(error)
          // Back to the room list, so that another room can be chosen.
          this.dropLastChoice()
        }
      } finally {
        this.setData({ submitting: false })
      }
    },

    async onConsentAgreed() {
      this.setData({ showConsent: false })
      await this.submit()
    },

    onConsentCancel() {
      this.setData({ showConsent: false })
      this.dropLastChoice()
      wx.showToast({ title: '不同意就无法绑定房屋', icon: 'none' })
    },

    dropLastChoice() {
      const path = this.data.path.slice(0, -1)
      this.setData({ path, pathText: path.join(' › ') })
    },

    backToMe() {
      wx.navigateBack({ delta: 1 })
    },
  },
})
