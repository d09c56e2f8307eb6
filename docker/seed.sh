#!/bin/sh
# The image's seed command (what `npm run seed` runs, without building): migrate each subgraph's database and load
# its presets, participants first (the others refer to its campaigns by stable preset ids). Idempotent; needs
# DATABASE_URL (and the production secrets) but not the gateway. The gateway migrates its own database at start.
set -e
for app in participants scoring awards reporting; do
  node --enable-source-maps "dist/apps/$app/seed.js"
done
