/**
 * 社区管理 for staff: estates and their buildings, each building's heads, importing a building's
 * rooms in bulk and appointing its head.
 */
import type { BuildingView, EstateView } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { community } from '../../../services/community'
import { messageOf, showError } from '../../../utils/feedback'
import { newRequestId } from '../../../utils/requestId'

interface BuildingRow extends BuildingView {
  headText: string
}

function askText(title: string, placeholderText: string): Promise<string | null> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      editable: true,
      placeholderText,
      success: (answer) => resolve(answer.confirm ? (answer.content ?? '').trim() || null : null),
      fail: () => resolve(null),
    })
  })
}

Component({
  behaviors: [pageBehavior],
  data: {
    communityId: '',
    loading: true,
    error: '',
    estates: [] as EstateView[],
    estateId: '',
    buildings: [] as BuildingRow[],
    buildingId: '',
    floorsFrom: '1',
    floorsTo: '6',
    roomsFrom: '1',
    roomsTo: '2',
    busy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ communityId: query['communityId'] ?? '' })
      void this.loadEstates()
    },

    async loadEstates() {
      this.setData({ loading: true, error: '' })
      try {
        this.setData({
          estates: await community.listEstates(this.data.communityId),
          loading: false,
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    async openEstate(event: WechatMiniprogram.CustomEvent) {
      const estateId = String(event.currentTarget.dataset['id'])
      this.setData({ estateId, buildingId: '' })
      await this.loadBuildings()
    },

    async loadBuildings() {
      try {
        const buildings = await community.listBuildings(this.data.estateId)
        this.setData({
          buildings: buildings.map((b) => ({
            ...b,
            headText: (b.heads ?? []).map((h) => h.name).join('、') || '尚未任命楼栋长',
          })),
        })
      } catch (error) {
        showError(error)
      }
    },

    openBuilding(event: WechatMiniprogram.CustomEvent) {
      this.setData({ buildingId: String(event.currentTarget.dataset['id']) })
    },

    onInput(event: WechatMiniprogram.CustomEvent) {
      this.setData({ [String(event.currentTarget.dataset['field'])]: String(event.detail ?? '') })
    },

    async run(work: () => Promise<string>) {
      if (this.data.busy) return
      this.setData({ busy: true })
      try {
        wx.showToast({ title: await work(), icon: 'success' })
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ busy: false })
      }
    },

    async addEstate() {
      const name = await askText('新建小区', '小区名称，如：继光花苑')
      if (!name) return
      await this.run(async () => {
        await community.createEstate({
          communityId: this.data.communityId,
          name,
          requestId: newRequestId(),
        })
        await this.loadEstates()
        return '已新建'
      })
    },

    async addBuilding() {
      const number = await askText('新建楼栋', '楼号，如：17号楼')
      if (!number) return
      await this.run(async () => {
        await community.createBuilding({
          estateId: this.data.estateId,
          number,
          requestId: newRequestId(),
        })
        await this.loadBuildings()
        return '已新建'
      })
    },

    async importRooms() {
      const range = (from: string, to: string) => ({ from: Number(from), to: Number(to) })
      await this.run(async () => {
        const result = await community.importHouseholds({
          buildingId: this.data.buildingId,
          floors: range(this.data.floorsFrom, this.data.floorsTo),
          roomsPerFloor: range(this.data.roomsFrom, this.data.roomsTo),
        })
        await this.loadBuildings()
        return `新增 ${result.created} 户`
      })
    },

    async appointHead() {
      const openid = await askText('任命楼栋长', '楼栋长的用户编号（在其“我的”页可见）')
      if (!openid) return
      await this.run(async () => {
        await community.appointBuildingHead({ buildingId: this.data.buildingId, openid })
        await this.loadBuildings()
        return '已任命'
      })
    },
  },
})
