/**
 * What an action's zod input expects, read from the schema's definition: which fields, of which
 * kind, within which bounds. The fuzz builds plausible inputs from it and then breaks them one
 * field at a time, which reaches the action's code far more often than random JSON does.
 */
import type { z } from 'zod'

export type Model =
  | { kind: 'string'; min: number; max: number | null; patterns: RegExp[] }
  | { kind: 'number'; int: boolean; min: number | null; max: number | null }
  | { kind: 'boolean' }
  | { kind: 'literal'; values: readonly unknown[] }
  | { kind: 'enum'; values: readonly unknown[] }
  | { kind: 'array'; element: Model; min: number; max: number | null }
  | { kind: 'object'; fields: Record<string, Field> }
  | { kind: 'union'; options: Model[] }
  | { kind: 'other'; type: string }

export interface Field {
  model: Model
  optional: boolean
  nullable: boolean
}

type Schema = z.core.$ZodType
type Check = z.core.$ZodCheck

/** The field a schema describes, with optional/nullable wrappers lifted off. */
export function fieldOf(schema: Schema): Field {
  const def = schema._zod.def
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'catch': {
      const inner = fieldOf((def as z.core.$ZodOptionalDef).innerType)
      return { ...inner, optional: true }
    }
    case 'nullable': {
      const inner = fieldOf((def as z.core.$ZodNullableDef).innerType)
      return { ...inner, nullable: true }
    }
    case 'readonly':
    case 'nonoptional':
      return fieldOf((def as z.core.$ZodReadonlyDef).innerType)
    case 'lazy':
      return fieldOf((def as z.core.$ZodLazyDef).getter())
    case 'pipe': {
      // `.transform()` and `z.preprocess` are pipes: the side that is not a bare transform
      // says what is expected (both sides, when both check something).
      const { in: from, out: to } = def as z.core.$ZodPipeDef
      if (to._zod.def.type === 'transform') return fieldOf(from)
      if (from._zod.def.type === 'transform') return fieldOf(to)
      const a = fieldOf(from)
      const b = fieldOf(to)
      if (a.model.kind === 'string' && b.model.kind === 'string') {
        return { ...a, model: { ...a.model, patterns: [...a.model.patterns, ...b.model.patterns] } }
      }
      return a
    }
    default:
      return { model: modelOf(schema), optional: false, nullable: false }
  }
}

function modelOf(schema: Schema): Model {
  const def = schema._zod.def
  const checks = (def.checks ?? []).map((check: Check) => check._zod.def)
  switch (def.type) {
    case 'string': {
      const model: Model = { kind: 'string', min: 0, max: null, patterns: [] }
      for (const check of checks) {
        if (check.check === 'min_length')
          model.min = (check as z.core.$ZodCheckMinLengthDef).minimum
        if (check.check === 'max_length')
          model.max = (check as z.core.$ZodCheckMaxLengthDef).maximum
        if (check.check === 'string_format') {
          const pattern = (check as z.core.$ZodCheckStringFormatDef).pattern
          if (pattern) model.patterns.push(pattern)
        }
      }
      return model
    }
    case 'number': {
      const model: Model = { kind: 'number', int: false, min: null, max: null }
      for (const check of checks) {
        if (check.check === 'number_format') model.int = true
        if (check.check === 'greater_than') model.min = Number((check as BoundDef).value)
        if (check.check === 'less_than') model.max = Number((check as BoundDef).value)
      }
      return model
    }
    case 'boolean':
      return { kind: 'boolean' }
    case 'literal':
      return { kind: 'literal', values: (def as z.core.$ZodLiteralDef<z.core.util.Literal>).values }
    case 'enum':
      return {
        kind: 'enum',
        values: Object.values((def as z.core.$ZodEnumDef).entries),
      }
    case 'array': {
      const model: Model = {
        kind: 'array',
        element: fieldOf((def as z.core.$ZodArrayDef).element).model,
        min: 0,
        max: null,
      }
      for (const check of checks) {
        if (check.check === 'min_length')
          model.min = (check as z.core.$ZodCheckMinLengthDef).minimum
        if (check.check === 'max_length')
          model.max = (check as z.core.$ZodCheckMaxLengthDef).maximum
      }
      return model
    }
    case 'object': {
      const shape = (def as z.core.$ZodObjectDef).shape
      const fields: Record<string, Field> = {}
      for (const [key, value] of Object.entries(shape)) fields[key] = fieldOf(value)
      return { kind: 'object', fields }
    }
    case 'union':
      return {
        kind: 'union',
        options: (def as z.core.$ZodUnionDef).options.map((option) => fieldOf(option).model),
      }
    default:
      return { kind: 'other', type: def.type }
  }
}

type BoundDef = z.core.$ZodCheckGreaterThanDef | z.core.$ZodCheckLessThanDef

/** The fields of an action input (an action whose input is not an object has none). */
export function inputFields(schema: Schema): Record<string, Field> {
  const { model } = fieldOf(schema)
  return model.kind === 'object' ? model.fields : {}
}

/** Where a model has parts of a kind the fuzz does not read (it sends them any JSON). */
export function unreadParts(model: Model, path = '(input)'): string[] {
  switch (model.kind) {
    case 'other':
      return [`${path}: ${model.type}`]
    case 'array':
      return unreadParts(model.element, `${path}[]`)
    case 'union':
      return model.options.flatMap((option) => unreadParts(option, path))
    case 'object':
      return Object.entries(model.fields).flatMap(([key, f]) =>
        unreadParts(f.model, `${path}.${key}`),
      )
    default:
      return []
  }
}
