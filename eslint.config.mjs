import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const node = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  process: 'readonly',
  console: 'readonly',
  setTimeout: 'readonly',
}
const miniprogram = {
  wx: 'readonly',
  App: 'readonly',
  Page: 'readonly',
  Component: 'readonly',
  Behavior: 'readonly',
  getApp: 'readonly',
  getCurrentPages: 'readonly',
  WechatMiniprogram: 'readonly',
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.local-cloud/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Jest's transform, configs and test fixtures are plain CommonJS.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['miniprogram/**/*.ts'], languageOptions: { globals: miniprogram } },
  {
    files: ['tests/**/*.ts'],
    // Tests drive wx-server-sdk as apps do, through its loose typings.
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
)
