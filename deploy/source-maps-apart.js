'use strict';
const { mkdirSync, renameSync } = require('node:fs');
const { basename, dirname, extname, join } = require('node:path');

/**
 * An esbuild plugin for serverless-esbuild (`custom.esbuild.plugins`): each function's source map is
 * moved out of its bundle's folder before the zip is made, into `.serverless/source-maps/` beside the
 * zips, keeping the path it has in the zip (functions/http/case-create.js.map). A map inside the zip
 * would triple what Lambda downloads and, with --enable-source-maps, be parsed at every cold start;
 * kept apart, it still turns a minified stack trace from the logs back into source lines.
 * serverless-esbuild builds one entry at a time with `outdir` set to the entry's folder.
 *
 * @param {{ config: { serviceDir?: string, servicePath?: string } }} serverless
 */
module.exports = (serverless) => {
  const keptIn = join(serverless.config.serviceDir ?? serverless.config.servicePath, '.serverless', 'source-maps');
  return [
    {
      name: 'source-maps-apart',
      setup(build) {
        const { entryPoints, outdir } = build.initialOptions;
        if (!Array.isArray(entryPoints) || entryPoints.length !== 1 || !outdir) {
          throw new Error('source-maps-apart: expected one entry point and an outdir per build (serverless-esbuild)');
        }
        const entry = String(entryPoints[0]);
        const mapName = `${basename(entry, extname(entry))}.js.map`;
        build.onEnd((result) => {
          if (result.errors.length > 0) return;
          const target = join(keptIn, dirname(entry), mapName);
          mkdirSync(dirname(target), { recursive: true });
          renameSync(join(outdir, mapName), target);
        });
      },
    },
  ];
};
