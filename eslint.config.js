import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The browser side and the build side never import each other (see README, Architecture).
    files: ['src/deck/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/compiler/**', '**/node/**', '**/export/**'] }] },
  },
  {
    files: ['src/compiler/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/deck/**'] }] },
  },
);
