import { defineConfig } from 'tsup'

/** The one build of every package: ESM + CJS + .d.ts from src/index.ts. */
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // The package's own sources only (without it, TypeScript would read every file of the repository).
  tsconfig: 'tsconfig.build.json',
})
