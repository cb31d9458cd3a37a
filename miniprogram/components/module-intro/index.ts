/**
 * What a module's tab shows before its feature has landed: what it will do, in plain words,
 * instead of a blank page.
 */
Component({
  properties: {
    title: { type: String, value: '' },
    description: { type: String, value: '' },
    image: { type: String, value: 'default' },
  },
})
