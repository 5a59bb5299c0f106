// typescript-eslint's strict, type-aware rules plus the hooks rules: the team's agreed rules, checked.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/corpus/**', 'tests/fixtures/**', 'docs/**'] },
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // noUncheckedIndexedAccess makes every index read optional; `xs[i]!` inside a bounds-checked loop is the idiom.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `void` is what a message without an answer and an upgrade without a result return.
      '@typescript-eslint/no-invalid-void-type': 'off',
      // `const { excerpt: _excerpt, ...rest } = clip` is how a field is dropped from a copy.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
      ],
    },
  },
);
