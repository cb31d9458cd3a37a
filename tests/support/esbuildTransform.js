// Jest transform for TypeScript: esbuild strips the types (tsc type-checks separately in `npm test`).
const esbuild = require('esbuild')

module.exports = {
  process(source, filename) {
    const result = esbuild.transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
    })
    return { code: result.code }
  },
}
