// Extension JS never writes an unsanitized string to an HTML sink (innerHTML, outerHTML,
// insertAdjacentHTML, document.write, createContextualFragment…): eslint-plugin-no-unsanitized.
import noUnsanitized from 'eslint-plugin-no-unsanitized';

export default [
  { ignores: ['node_modules/**'] },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    ...noUnsanitized.configs.recommended,
  },
];
