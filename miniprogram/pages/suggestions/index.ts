import { pageBehavior } from '../../behaviors/page'

Component({ behaviors: [pageBehavior] })
