// WXT build configuration for the Annotera extension (sources in extension/, Preact through its Vite preset).
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { buildManifest, contentMatches } from './extension/manifest-config';

export default defineConfig({
  srcDir: 'extension',
  outDir: process.env.ANNOTERA_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/i18n/module'],
  manifest: () => buildManifest(process.env),
  hooks: {
    // Content-script matches depend on ANNOTERA_EXTRA_MATCHES, known only at build time.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) script.matches = contentMatches(process.env);
    },
  },
  vite: () => ({
    plugins: [preact()],
    define: {
      __ANNOTERA_ENDPOINT__: JSON.stringify(process.env.ANNOTERA_ENDPOINT ?? ''),
      __ANNOTERA_TOKEN__: JSON.stringify(process.env.ANNOTERA_TOKEN ?? ''),
      __ANNOTERA_EXTRA_MATCHES__: JSON.stringify(process.env.ANNOTERA_EXTRA_MATCHES ?? ''),
    },
  }),
});
