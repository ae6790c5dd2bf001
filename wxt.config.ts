// WXT build configuration for the Annotera extension (sources in extension/, Preact through its Vite preset).
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { buildPresets } from './extension/build-presets';
import { buildManifest, contentMatches } from './extension/manifest-config';

export default defineConfig({
  srcDir: 'extension',
  outDir: process.env.ANNOTERA_OUT_DIR ?? '.output',
  // The same folder name in every mode: local development builds (--mode localdev) are told apart by their outDir.
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}',
  modules: ['@wxt-dev/i18n/module'],
  manifest: (env) => buildManifest(buildPresets(env.mode, process.env)),
  hooks: {
    // Content-script matches depend on ANNOTERA_EXTRA_MATCHES, known only at build time.
    'build:manifestGenerated': (wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) script.matches = contentMatches(buildPresets(wxt.config.mode, process.env));
    },
  },
  vite: (env) => {
    const presets = buildPresets(env.mode, process.env);
    return {
      plugins: [preact()],
      define: {
        __ANNOTERA_ENDPOINT__: JSON.stringify(presets.ANNOTERA_ENDPOINT ?? ''),
        __ANNOTERA_TOKEN__: JSON.stringify(presets.ANNOTERA_TOKEN ?? ''),
        __ANNOTERA_EXTRA_MATCHES__: JSON.stringify(presets.ANNOTERA_EXTRA_MATCHES ?? ''),
      },
    };
  },
});
